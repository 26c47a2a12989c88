/** ecr-pull-permissions: the role that pulls a private ECR image lacks the pull actions (R7, R4, R10). */
import { agentCredentialSource, describeSource } from './credential-sources.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule } from './rule.js';
import { privateEcrImages } from './task-needs.js';

const repositoryActions = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];

export const ecrPullPermissions: Rule = {
  meta: {
    id: 'ecr-pull-permissions',
    defaultSeverity: 'error',
    description: 'The role that pulls a private ECR image must allow ecr:GetAuthorizationToken on * and the three layer and image actions on the repository.',
    requirements: ['R7', 'R4', 'R10'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const images = privateEcrImages(task);
      if (images.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: images[0].node }, 'ECR pull permissions');
      for (const image of images) {
        for (const role of source.roles) {
          const grants = [
            ...checkRoleGrants(role, ['ecr:GetAuthorizationToken'], ['*'], config),
            ...checkRoleGrants(role, repositoryActions, [image.repositoryArn], config),
          ];
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          const missing = [...definite, ...uncertain];
          report({
            path: task.path,
            node: image.node,
            severity: definite.length ? 'error' : 'warning',
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')} needed to pull ${image.image}${definite.length ? '' : ' (it depends on a value the linter cannot resolve)'}.`,
            messageId: `missing:${role.id}:${image.repositoryArn}`,
            relatedPaths: [role.path],
          });
        }
      }
    }
  },
};

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
