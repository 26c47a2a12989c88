/** instance-role-agent-permissions: the container instance role lacks the actions the ECS agent calls (R2). */
import type { IamRole } from '../model/iam-model.js';
import { roleAnchor } from './credential-sources.js';
import { checkRoleGrants, missingGrants, type ActionGrant } from './role-grants.js';
import type { Rule } from './rule.js';

const clusterArn = 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${ECSCluster}';
const instanceArn = 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/${ECSCluster}/${ContainerInstanceId}';

/** Actions the agent cannot register or run tasks without; `ecs:Submit*` stands for its three calls. */
const required: [string, string][] = [
  ['ecs:DiscoverPollEndpoint', '*'],
  ['ecs:RegisterContainerInstance', clusterArn],
  ['ecs:Poll', instanceArn],
  ['ecs:SubmitTaskStateChange', clusterArn],
  ['ecs:SubmitContainerStateChange', clusterArn],
  ['ecs:SubmitAttachmentStateChanges', clusterArn],
];
const recommended: [string, string][] = [
  ['ecs:StartTelemetrySession', instanceArn],
  ['ecs:UpdateContainerInstancesState', instanceArn],
];

function consequences(missing: string[]): string {
  const effects: string[] = [];
  if (missing.includes('ecs:StartTelemetrySession')) effects.push('the agent sends no container metrics');
  if (missing.includes('ecs:UpdateContainerInstancesState')) effects.push('the agent cannot drain Spot instances before they are reclaimed');
  return effects.join(' and ');
}

export const instanceRoleAgentPermissions: Rule = {
  meta: {
    id: 'instance-role-agent-permissions',
    defaultSeverity: 'error',
    description:
      'The container instance role must allow the ECS agent calls: ecs:DiscoverPollEndpoint, RegisterContainerInstance, Poll and Submit* (error), StartTelemetrySession and UpdateContainerInstancesState (warning).',
    requirements: ['R2'],
    fixable: true,
  },
  check({ repo, config, report }) {
    const checked = new Set<IamRole>();
    for (const capacity of repo.capacity) {
      for (const role of repo.instanceRolesOf(capacity)) {
        if (checked.has(role)) continue;
        checked.add(role);
        const anchor = roleAnchor(role);
        if (!anchor) continue;
        const check = (list: [string, string][]): ActionGrant[] => list.flatMap(([action, resource]) => checkRoleGrants(role, [action], [resource], config));
        const essential = missingGrants(check(required));
        const optional = missingGrants(check(recommended));
        if (essential.definite.length || essential.uncertain.length) {
          const missing = [...essential.definite, ...essential.uncertain];
          report({
            path: role.path,
            node: anchor,
            severity: essential.definite.length ? 'error' : 'warning',
            message: `Container instance role ${role.label} ${essential.definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')}; the ECS agent cannot register the instance or report task state. Attach AmazonEC2ContainerServiceforEC2Role.`,
            messageId: `missing-required:${role.id}`,
          });
        }
        const optionalMissing = [...optional.definite, ...optional.uncertain];
        if (optionalMissing.length) {
          report({
            path: role.path,
            node: anchor,
            severity: 'warning',
            message: `Container instance role ${role.label} does not allow ${optionalMissing.join(', ')}; ${consequences(optionalMissing)}.`,
            messageId: `missing-recommended:${role.id}`,
          });
        }
      }
    }
  },
};
