/** instance-role-agent-permissions: the container instance role lacks the actions the ECS agent calls (R2). */
import type { InstanceCapacity } from '../model/ecs-resources.js';
import type { IamRole } from '../model/iam-model.js';
import { resolveStrings } from '../model/resolve.js';
import { getValue } from '../parse/node.js';
import { roleAnchor } from './credential-sources.js';
import { checkRoleGrants, missingGrants, type ActionGrant } from './role-grants.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { buildAttachManagedPolicyFix } from './fix-builders.js';
import type { Rule } from './rule.js';

/**
 * The cluster the instances join, as a Sub-style string: `ECS_CLUSTER=` (ecs.config) or Bottlerocket's
 * `cluster = "..."`, resolved, so that a policy scoped to `!GetAtt Cluster.Arn` compares equal. When the
 * user data does not say, a token that only wildcards match.
 */
function clusterNameOf(capacity: InstanceCapacity): string {
  const data = capacity.resource.type === 'AWS::EC2::LaunchTemplate' ? getValue(capacity.resource.properties, 'LaunchTemplateData') : capacity.resource.properties;
  const userData = resolveStrings({ template: capacity.template }, getValue(data, 'UserData')).join('\n');
  const match = /ECS_CLUSTER\s*=\s*["']?([^\s"'>;]+)/.exec(userData) ?? /\[settings\.ecs\][^[]*?\bcluster\s*=\s*["']([^"']+)["']/.exec(userData);
  return match && match[1] !== '${?}' ? match[1] : '${ECSCluster}';
}

/** Actions the agent cannot register or run tasks without; `ecs:Submit*` stands for its three calls. */
function requiredActions(cluster: string): [string, string][] {
  const clusterArn = `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:cluster/${cluster}`;
  const instanceArn = `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:container-instance/${cluster}/\${ContainerInstanceId}`;
  return [
    ['ecs:DiscoverPollEndpoint', '*'],
    ['ecs:RegisterContainerInstance', clusterArn],
    ['ecs:Poll', instanceArn],
    ['ecs:SubmitTaskStateChange', clusterArn],
    ['ecs:SubmitContainerStateChange', clusterArn],
    ['ecs:SubmitAttachmentStateChanges', clusterArn],
  ];
}

function recommendedActions(cluster: string): [string, string][] {
  const instanceArn = `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:container-instance/${cluster}/\${ContainerInstanceId}`;
  return [
    ['ecs:StartTelemetrySession', instanceArn],
    ['ecs:UpdateContainerInstancesState', instanceArn],
  ];
}

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
        const cluster = clusterNameOf(capacity);
        const essential = missingGrants(check(requiredActions(cluster)));
        const optional = missingGrants(check(recommendedActions(cluster)));
        const attached = role.managedPolicies.some((m) => m.arn.endsWith('/AmazonEC2ContainerServiceforEC2Role'));
        const attach = () => (attached ? [] : fixesOf(buildAttachManagedPolicyFix(repo, role, 'AmazonEC2ContainerServiceforEC2Role', `Attach AmazonEC2ContainerServiceforEC2Role to ${role.label}`)));
        if (essential.definite.length || essential.uncertain.length) {
          const missing = [...essential.definite, ...essential.uncertain];
          report({
            path: role.path,
            node: anchor,
            severity: essential.definite.length ? 'error' : 'warning',
            message: `Container instance role ${role.label} ${essential.definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')}; the ECS agent cannot register the instance or report task state. Attach AmazonEC2ContainerServiceforEC2Role.`,
            messageId: `missing-required:${role.id}`,
            fixes: attach(),
          });
        }
        const optionalMissing = [...optional.definite, ...optional.uncertain];
        if (optionalMissing.length) {
          report({
            path: role.path,
            node: anchor,
            severity: 'warning',
            message: `Container instance role ${role.label} ${optional.definite.length ? 'does not allow' : 'may not allow'} ${optionalMissing.join(', ')}; ${consequences(optionalMissing)}.`,
            messageId: `missing-recommended:${role.id}`,
            fixes: essential.definite.length || essential.uncertain.length ? [] : attach(),
          });
        }
      }
    }
  },
};
