/** awslogs-permissions: the role that ships awslogs logs lacks CreateLogStream/PutLogEvents (R9, R10, R4). */
import { logGroupArns } from '../model/log-group-arn.js';
import { resolveStrings } from '../model/resolve.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { LintConfig } from '../config.js';
import { capitalize, uncertaintyReason } from './ecr-pull-permissions.js';
import { agentCredentialSource, describeSource } from './credential-sources.js';
import { buildAddPermissionsFix } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule } from './rule.js';
import { awslogsContainers, type AwslogsNeed } from './task-needs.js';

const logActions = ['logs:CreateLogStream', 'logs:PutLogEvents'];

export const awslogsPermissions: Rule = {
  meta: {
    id: 'awslogs-permissions',
    defaultSeverity: 'error',
    description: 'The role that ships awslogs logs must allow logs:CreateLogStream and logs:PutLogEvents on the log group.',
    requirements: ['R9', 'R10', 'R4'],
    fixable: true,
  },
  check(context) {
    const { repo, config, report, noteUnverifiable } = context;
    for (const task of repo.taskDefinitions) {
      const needs = awslogsContainers(task);
      if (needs.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue;
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: needs[0].node }, 'awslogs permissions');
      for (const need of needs) {
        const resources = logStreamResources(need);
        for (const role of source.roles) {
          const grants = checkRoleGrants(role, logActions, resources, config);
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          const fix = grants.some((g) => g.denyingStatement)
            ? undefined
            : buildAddPermissionsFix(repo, role, { actions: [...definite, ...uncertain], resources: [logGroupGrantArn(need, task)], policyName: 'awslogs' }, `Allow ${role.label} to write to log group ${groupLabel(need)}`);
          // On EC2 the agent falls back to the instance role only where the execution-role override is off.
          const instanceCovers = source.kind === 'execution' && instanceRolesGrant(repo, task, resources, config);
          report({
            path: task.path,
            node: need.node,
            severity: definite.length && !instanceCovers ? 'error' : 'warning',
            message:
              `${capitalize(describeSource(source, role))} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ` +
              `${[...definite, ...uncertain].join(', ')} on log group ${groupLabel(need)}` +
              (definite.length ? '' : ` (${uncertaintyReason(role)})`) +
              (instanceCovers ? '; only the instance role allows them, which ECS uses only where the agent\'s execution-role override for awslogs is off.' : '.'),
            messageId: `missing:${role.id}:${groupLabel(need)}`,
            relatedPaths: [role.path],
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};

export function groupLabel(need: AwslogsNeed): string {
  return need.group?.values[0] ?? '(no awslogs-group)';
}

/** The ARNs a grant for the task's log group may name: the group itself or its streams. */
export function logGroupResources(need: AwslogsNeed): string[] {
  const groups = need.group?.values.length ? need.group.values : ['*'];
  return groups.flatMap((group) => {
    const arns = logGroupArns(group, need.region);
    return [arns.groupArn, arns.streamsArn];
  });
}

/** The ARN a fix grants on: the group's streams (`log-group:name:*`), which covers what awslogs calls. */
export function logGroupGrantArn(need: AwslogsNeed, task: TaskDefinition): string {
  // Parameters stay parameters in what a fix writes, so the grant follows the deployed value.
  const group = task.template && need.group ? resolveStrings({ template: task.template, keepParameters: true }, need.group.node)[0] : need.group?.values[0];
  return logGroupArns(group ?? '*', need.region).streamsArn;
}

/**
 * For the stream actions, also a stream of the group: `!Sub ${LogGroup.Arn}:*` is `log-group:<name>:*:*`
 * (the Arn attribute already ends in `:*`), which covers every stream although it covers neither form above.
 */
function logStreamResources(need: AwslogsNeed): string[] {
  return logGroupResources(need).flatMap((arn) => (arn.endsWith(':*') ? [arn, `${arn.slice(0, -2)}:log-stream:ecs-task-stream`] : [arn]));
}

function instanceRolesGrant(repo: Repository, task: TaskDefinition, resources: string[], config: LintConfig): boolean {
  const roles: IamRole[] = task.launchTypes.has('EC2') || task.launchTypes.size === 0 ? repo.instanceRolesFor(task) : [];
  return roles.some((role) => checkRoleGrants(role, logActions, resources, config).every((g) => g.state === 'yes'));
}
