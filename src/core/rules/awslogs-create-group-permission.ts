/** awslogs-create-group-permission: awslogs-create-group is "true" and the logging role lacks logs:CreateLogGroup (R11). */
import { logGroupGrantArn, logGroupResources, groupLabel } from './awslogs-permissions.js';
import { buildAddPermissionsFix } from './fix-builders.js';
import { agentCredentialSource, describeSource } from './credential-sources.js';
import { capitalize, uncertaintyReason } from './ecr-pull-permissions.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule } from './rule.js';
import { awslogsContainers } from './task-needs.js';

export const awslogsCreateGroupPermission: Rule = {
  meta: {
    id: 'awslogs-create-group-permission',
    defaultSeverity: 'error',
    description: 'With awslogs-create-group "true", the role that ships the logs must allow logs:CreateLogGroup, which AmazonECSTaskExecutionRolePolicy does not.',
    requirements: ['R11'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const needs = awslogsContainers(task).filter((need) => need.createGroup);
      if (needs.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: needs[0].createGroupNode ?? needs[0].node }, 'logs:CreateLogGroup');
      for (const need of needs) {
        for (const role of source.roles) {
          const grants = checkRoleGrants(role, ['logs:CreateLogGroup'], logGroupResources(need), config);
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          const fix = grants.some((g) => g.denyingStatement)
            ? undefined
            : buildAddPermissionsFix(repo, role, { actions: ['logs:CreateLogGroup'], resources: [logGroupGrantArn(need, task)], policyName: 'awslogs-create-group' }, `Allow ${role.label} to create log group ${groupLabel(need)}`);
          report({
            path: task.path,
            node: need.createGroupNode ?? need.node,
            severity: definite.length ? 'error' : 'warning',
            message: `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} logs:CreateLogGroup on log group ${groupLabel(need)}${definite.length ? '' : ` (${uncertaintyReason(role)})`}, which awslogs-create-group "true" needs; the task fails with ResourceInitializationError.`,
            messageId: `missing:${role.id}:${groupLabel(need)}`,
            relatedPaths: [role.path],
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};
