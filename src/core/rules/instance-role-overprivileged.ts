/** instance-role-overprivileged: containers without a task role reach the instance role's permissions through IMDS (R29). */
import { matchesAction } from '../iam/action-match.js';
import { expandActionPattern, findCatalogService } from '../iam/action-catalog.js';
import { findAwsManagedPolicy, managedPolicyArn } from '../iam/managed-policies.js';
import type { PolicyStatement } from '../iam/policy.js';
import type { InstanceCapacity } from '../model/ecs-resources.js';
import type { IamRole } from '../model/iam-model.js';
import { isRoleAbsent, type Repository } from '../model/repository.js';
import { resolveStrings } from '../model/resolve.js';
import { isFargateLike, type TaskDefinition } from '../model/task-definition.js';
import { getValue, type DocNode } from '../parse/node.js';
import type { Rule } from './rule.js';

/**
 * What an ECS container instance legitimately needs: the ECS agent's managed policy, the SSM agent's,
 * and the CloudWatch agent's logs and metrics. Anything else on the instance role is there for the
 * applications, and belongs on a task role.
 */
const instanceBaselinePolicies = ['AmazonEC2ContainerServiceforEC2Role', 'AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy'];

let baseline: string[] | undefined;

function baselinePatterns(): string[] {
  baseline ??= instanceBaselinePolicies.flatMap((name) =>
    (findAwsManagedPolicy(managedPolicyArn(name))?.document.statements ?? []).flatMap((statement) => (statement.effect === 'Allow' ? (statement.action ?? []) : [])),
  );
  return baseline;
}

function isBaselineAction(action: string): boolean {
  return baselinePatterns().some((pattern) => matchesAction(pattern, action));
}

/** The actions an Allow statement grants beyond the baseline, as written or (for patterns) as they expand. */
export function actionsBeyondBaseline(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow' || statement.principal || statement.notPrincipal) return [];
  if (statement.notAction) return [`every action except ${statement.notAction.join(', ')}`];
  const extra: string[] = [];
  for (const pattern of statement.action ?? []) {
    if (pattern.includes('${')) continue;
    const colon = pattern.indexOf(':');
    if (pattern === '*' || colon < 0 || /[*?]/.test(pattern.slice(0, colon))) {
      extra.push(pattern);
      continue;
    }
    if (!/[*?]/.test(pattern.slice(colon + 1))) {
      if (!isBaselineAction(pattern)) extra.push(pattern);
      continue;
    }
    // A pattern reaches every action it matches; an unknown service's pattern is unknown-action's concern.
    if (!findCatalogService(pattern.slice(0, colon))) continue;
    if (expandActionPattern(pattern).some((action) => !isBaselineAction(action))) extra.push(pattern);
  }
  return [...new Set(extra)].sort((a, b) => readOnlyRank(a) - readOnlyRank(b));
}

/** Writes first, then reads, then listings: the first few named are the ones that matter most. */
function readOnlyRank(action: string): number {
  const name = action.slice(action.indexOf(':') + 1);
  if (/^(Describe|List)/.test(name)) return 2;
  if (/^Get/.test(name)) return 1;
  return 0;
}

export const instanceRoleOverprivileged: Rule = {
  meta: {
    id: 'instance-role-overprivileged',
    defaultSeverity: 'warning',
    description: 'When tasks on EC2 have no task role, containers reach the instance role through the instance metadata service, so it should carry only what the ECS agent needs.',
    requirements: ['R29'],
    fixable: false,
  },
  check({ repo, report }) {
    const exposed = new Map<IamRole, TaskDefinition[]>();
    for (const task of repo.taskDefinitions) {
      if (!mayRunOnEc2(task) || !isRoleAbsent(repo.taskRole(task))) continue;
      for (const role of reachableInstanceRoles(repo, task)) {
        const list = exposed.get(role) ?? [];
        list.push(task);
        exposed.set(role, list);
      }
    }
    for (const [role, tasks] of exposed) {
      if (role.assumeCompliant) continue;
      const taskNames = listOf(tasks.map((task) => (task.path === role.path ? task.label : `${task.label} (${task.path})`)));
      const consequence =
        `task definition${tasks.length > 1 ? 's' : ''} ${taskNames} ${tasks.length > 1 ? 'have' : 'has'} no task role, so ${tasks.length > 1 ? 'their' : 'its'} containers can use them through the instance metadata service; ` +
        `give ${tasks.length > 1 ? 'them' : 'it'} a task role with what the application needs and keep the instance role to what the ECS agent needs`;
      const relatedPaths = [role.path, ...tasks.map((task) => task.path)];
      for (const document of [...role.inlinePolicies, ...role.attachedPolicies]) {
        for (const statement of document.statements) {
          const extra = actionsBeyondBaseline(statement);
          if (extra.length === 0 || !statement.origin) continue;
          report({
            path: statement.origin.path,
            node: statement.origin.node,
            message: `Instance role ${role.label} allows ${listOf(extra)}, beyond what the ECS, SSM and CloudWatch agents need, and ${consequence}.`,
            messageId: `overprivileged:${role.id}:${statement.sid ?? extra.join(',')}`,
            relatedPaths,
          });
        }
      }
      for (const managed of role.managedPolicies) {
        if (!managed.document) continue;
        const written = managed.document.statements.some((statement) => statement.origin);
        if (written) {
          // A customer managed policy of the repository: point at its statements, where the change goes.
          for (const statement of managed.document.statements) {
            const extra = actionsBeyondBaseline(statement);
            if (extra.length === 0 || !statement.origin) continue;
            report({
              path: statement.origin.path,
              node: statement.origin.node,
              message: `Instance role ${role.label} gets ${listOf(extra)} from ${managed.document.name ?? 'a managed policy'}, beyond what the ECS, SSM and CloudWatch agents need, and ${consequence}.`,
              messageId: `overprivileged:${role.id}:${managed.arn}:${statement.sid ?? extra.join(',')}`,
              relatedPaths,
            });
          }
          continue;
        }
        const extra = [...new Set(managed.document.statements.flatMap(actionsBeyondBaseline))].sort((a, b) => readOnlyRank(a) - readOnlyRank(b));
        if (extra.length === 0 || !managed.node) continue;
        report({
          path: role.path,
          node: managed.node,
          message: `Instance role ${role.label} attaches ${managed.arn.split('/').pop()}, which grants ${listOf(extra)} beyond what the ECS, SSM and CloudWatch agents need, and ${consequence}.`,
          messageId: `overprivileged-managed:${role.id}:${managed.arn}`,
          relatedPaths,
        });
      }
    }
  },
};

/** EC2 by RequiresCompatibilities or a service's launch type, or no launch type at all (ECS then defaults to EC2). */
function mayRunOnEc2(task: TaskDefinition): boolean {
  if (task.launchTypes.has('EC2')) return true;
  return task.launchTypes.size === 0 && !isFargateLike(task);
}

/**
 * Instance roles whose credentials the task's containers can fetch: those of the capacity the task
 * may run on (chosen as Repository.instanceRolesFor chooses it: its services' cluster, else its own
 * template, else the repository's only capacity), minus capacity that blocks the instance metadata
 * service for the task's network mode.
 */
function reachableInstanceRoles(repo: Repository, task: TaskDefinition): IamRole[] {
  const clusterTemplates = new Set(repo.servicesOf(task).flatMap((service) => (service.cluster ? [service.cluster.template] : [])));
  let capacity = repo.capacity.filter((c) => clusterTemplates.has(c.template));
  if (capacity.length === 0) capacity = repo.capacity.filter((c) => c.template === task.template);
  if (capacity.length === 0) capacity = repo.capacity;
  const candidates = repo.instanceRolesFor(task);
  if (candidates.length === 0) return [];
  const networkMode = task.networkMode ?? 'bridge';
  const roles = new Set<IamRole>();
  for (const c of capacity) {
    if (blocksMetadata(repo, c, networkMode)) continue;
    for (const role of repo.instanceRolesOf(c)) if (candidates.includes(role)) roles.add(role);
  }
  return [...roles];
}

/**
 * The mitigations the ECS documentation gives: ECS_AWSVPC_BLOCK_IMDS for awsvpc tasks, an iptables rule
 * dropping container traffic to 169.254.169.254, or IMDSv2 with a hop limit of 1, which a container
 * behind the docker bridge or in its own network namespace cannot reach. Host-mode tasks share the
 * instance's network, so nothing here protects them.
 */
function blocksMetadata(repo: Repository, capacity: InstanceCapacity, networkMode: string): boolean {
  if (networkMode === 'host') return false;
  const props = capacity.resource.properties;
  const data = capacity.resource.type === 'AWS::EC2::LaunchTemplate' ? getValue(props, 'LaunchTemplateData') : props;
  const scope = { template: capacity.template };
  const userData = resolveStrings(scope, getValue(data, 'UserData')).join('\n');
  if (networkMode === 'awsvpc' && /ECS_AWSVPC_BLOCK_IMDS\s*=\s*["']?true/i.test(userData)) return true;
  if (/169\.254\.169\.254[^\n]*(?:-j|--jump)\s+(?:DROP|REJECT)|(?:-j|--jump)\s+(?:DROP|REJECT)[^\n]*169\.254\.169\.254/.test(userData)) return true;
  const metadata: DocNode | undefined = getValue(data, 'MetadataOptions');
  const tokens = resolveStrings(scope, getValue(metadata, 'HttpTokens'));
  const hops = resolveStrings(scope, getValue(metadata, 'HttpPutResponseHopLimit'));
  return tokens.length > 0 && tokens.every((t) => t === 'required') && hops.length > 0 && hops.every((h) => h === '1');
}

function listOf(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 4 ? unique.join(', ') : `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more`;
}
