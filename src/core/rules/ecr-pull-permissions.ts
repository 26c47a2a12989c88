/** ecr-pull-permissions: the role that pulls a private ECR image lacks the pull actions (R7, R4, R10). */
import { identityPolicies, type IamRole } from '../model/iam-model.js';
import { agentCredentialSource, describeSource } from './credential-sources.js';
import { joinList } from './role-not-verifiable.js';
import { buildAddPermissionsFix, buildAttachManagedPolicyFix } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Fix } from '../finding.js';
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
          const fixes: Fix[] = [];
          if (!grants.some((g) => g.denyingStatement)) {
            const policy = source.kind === 'execution' ? 'AmazonECSTaskExecutionRolePolicy' : 'AmazonEC2ContainerServiceforEC2Role';
            const attach = buildAttachManagedPolicyFix(repo, role, policy, `Attach ${policy} to ${role.label}`);
            if (attach) fixes.push(attach);
            const repoActions = missing.filter((a) => a !== 'ecr:GetAuthorizationToken');
            const scoped = repoActions.length
              ? buildAddPermissionsFix(repo, role, { actions: repoActions, resources: [image.repositoryArn], policyName: 'ecr-pull' }, `Allow ${role.label} to pull ${image.image}`)
              : undefined;
            if (scoped && !missing.includes('ecr:GetAuthorizationToken')) fixes.push(scoped);
          }
          report({
            path: task.path,
            node: image.node,
            severity: definite.length ? 'error' : 'warning',
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')} needed to pull ${image.image}${definite.length ? '' : ` (${uncertaintyReason(role)})`}.`,
            messageId: `missing:${role.id}:${image.repositoryArn}`,
            relatedPaths: [role.path],
            fixes,
          });
        }
      }
    }
  },
};

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a grant is only possible, not certain: a policy whose content is not in the repository, or an unresolved value. */
export function uncertaintyReason(role: IamRole): string {
  const unknown = identityPolicies(role).unknownPolicyArns;
  if (unknown.length) return `it may come from managed policy ${joinList(unknown)}, whose content the linter cannot see`;
  if (role.boundary && !role.boundary.document) return `it depends on permissions boundary ${role.boundary.arn}, whose content the linter cannot see`;
  return 'it depends on a value the linter cannot resolve';
}
