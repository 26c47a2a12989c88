/** appmesh-envoy-permissions: an App Mesh Envoy proxy needs appmesh:StreamAggregatedResources in the task role (R27). */
import type { Fix } from '../finding.js';
import { TaskDefinitionReader, type TaskDefinition } from '../model/task-definition.js';
import type { DocNode } from '../parse/node.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { buildAddPermissionsFix, buildAttachManagedPolicyFix } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { joinList } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
import { buildAddTaskRoleFix } from './task-role-fix.js';
import { containerCredentials, describeLaunchTypes } from './task-role-source.js';

const streamAction = 'appmesh:StreamAggregatedResources';
const envoyPolicy = 'AWSAppMeshEnvoyAccess';
const envoyImage = /aws-appmesh-envoy/;

/** What Envoy gets from the App Mesh control plane without the permission (aws/aws-app-mesh-roadmap#80). */
const disconnected = 'Envoy cannot fetch its configuration (gRPC PERMISSION_DENIED) and, as an essential container, keeps the task from becoming healthy';

interface MeshProxy {
  /** `ProxyConfiguration.Type: APPMESH`, else the Envoy container's `APPMESH_*` variable. */
  node: DocNode;
  /** The virtual node or gateway ARN Envoy streams for, a Sub-style string with tokens when not written. */
  resource: string;
  /** How messages name it. */
  what: string;
}

export const appmeshEnvoyPermissions: Rule = {
  meta: {
    id: 'appmesh-envoy-permissions',
    defaultSeverity: 'error',
    description: 'An App Mesh Envoy proxy needs appmesh:StreamAggregatedResources in the task role.',
    requirements: ['R27'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const proxy = meshProxyOf(task);
      if (!proxy) continue;
      const credentials = containerCredentials(repo, task);
      const addTaskRole = () =>
        fixesOf(buildAddTaskRoleFix(repo, task, [{ actions: [streamAction], resources: [proxy.resource] }], { policyName: 'appmesh-envoy' }, `Add a task role that lets Envoy connect to App Mesh to ${task.label}`));

      if (credentials.kind === 'task-role') {
        for (const text of credentials.externalRoles) noteUnverifiable(text, { path: task.path, node: proxy.node }, 'App Mesh Envoy permissions');
        for (const role of credentials.roles) {
          const grants = checkRoleGrants(role, [streamAction], [proxy.resource], config);
          const { definite } = missingGrants(grants);
          if (grants.every((g) => g.state === 'yes')) continue;
          const fixes: Fix[] = [];
          if (!grants.some((g) => g.denyingStatement)) {
            const add = buildAddPermissionsFix(repo, role, { actions: [streamAction], resources: [proxy.resource], policyName: 'appmesh-envoy' }, `Allow ${role.label} to stream Envoy configuration from App Mesh`);
            if (add) fixes.push(add);
            const attach = buildAttachManagedPolicyFix(repo, role, envoyPolicy, `Attach ${envoyPolicy} to ${role.label}`);
            if (attach && !role.managedPolicies.some((m) => m.arn.endsWith(`/${envoyPolicy}`))) fixes.push(attach);
          }
          report({
            path: task.path,
            node: proxy.node,
            severity: definite.length ? 'error' : 'warning',
            message:
              `Task role ${role.label} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${streamAction} on ${proxy.what}` +
              `${definite.length ? '' : ` (${uncertaintyReason(role)})`}; ${disconnected}.`,
            messageId: `missing:${role.id}`,
            relatedPaths: [role.path],
            fixes,
          });
        }
        continue;
      }

      if (credentials.kind === 'instance-role') {
        // Envoy's AWS SDK falls back to the instance role through the metadata service on EC2.
        const states = credentials.roles.map((role) => ({ role, grants: checkRoleGrants(role, [streamAction], [proxy.resource], config) }));
        const lacking = states.filter((s) => s.grants.some((g) => g.state !== 'yes'));
        const definite = lacking.some((s) => s.grants.some((g) => g.state === 'no'));
        report({
          path: task.path,
          node: proxy.node,
          severity: definite ? 'error' : 'warning',
          message: lacking.length
            ? `Task definition ${task.label} has no task role and instance role ${joinList(lacking.map((s) => s.role.label))} ${definite ? 'does not allow' : 'may not allow'} ${streamAction} on ${proxy.what}; ${disconnected}.`
            : `Task definition ${task.label} has no task role, so Envoy connects to App Mesh with instance role ${joinList(credentials.roles.map((r) => r.label))}, whose permissions every task on the host shares; give the task a task role with ${streamAction}.`,
          messageId: 'no-task-role',
          relatedPaths: credentials.roles.map((role) => role.path),
          fixes: addTaskRole(),
        });
        continue;
      }

      report({
        path: task.path,
        node: proxy.node,
        severity: credentials.onlyWithoutInstances ? 'error' : 'warning',
        message: credentials.onlyWithoutInstances
          ? `Task definition ${task.label} uses App Mesh but has no task role, so Envoy has no credentials on ${describeLaunchTypes(task.launchTypes)} for ${streamAction}; ${disconnected}.`
          : `Task definition ${task.label} uses App Mesh but has no task role, so Envoy can connect only if the instance role of its EC2 hosts (not in the repository) allows ${streamAction}; give the task a task role with it.`,
        messageId: 'no-task-role',
        fixes: addTaskRole(),
      });
    }
  },
};

/**
 * The App Mesh proxy of a task: `ProxyConfiguration.Type: APPMESH`, or an Envoy image told its virtual
 * node by `APPMESH_RESOURCE_ARN` or `APPMESH_VIRTUAL_NODE_NAME` (`mesh/<mesh>/virtualNode/<node>`).
 */
function meshProxyOf(task: TaskDefinition): MeshProxy | undefined {
  const reader = new TaskDefinitionReader({ template: task.template }, task.naming);
  const proxyType = reader.value(task.proxyConfiguration, 'Type');
  const isAppMesh = proxyType?.values.some((value) => value.toUpperCase() === 'APPMESH') ?? false;
  const proxyContainer = reader.value(task.proxyConfiguration, 'ContainerName')?.values[0];
  const envoy =
    task.containers.find((c) => isAppMesh && proxyContainer !== undefined && c.name === proxyContainer) ??
    task.containers.find((c) => c.image?.values.some((v) => envoyImage.test(v)) && (c.environment.has('APPMESH_RESOURCE_ARN') || c.environment.has('APPMESH_VIRTUAL_NODE_NAME')));
  const resourceArn = envoy?.environment.get('APPMESH_RESOURCE_ARN');
  const nodeName = envoy?.environment.get('APPMESH_VIRTUAL_NODE_NAME');
  const variable = resourceArn ?? nodeName;
  if (!isAppMesh && !variable) return undefined;
  const node = isAppMesh ? proxyType!.node : variable!.node;
  const written = variable?.values[0];
  if (written && resourceArn) return { node, resource: written, what: written };
  if (written) {
    const name = written.replace(/^\/+/, '');
    return { node, resource: `arn:\${AWS::Partition}:appmesh:\${AWS::Region}:\${AWS::AccountId}:${name}`, what: `virtual node ${name}` };
  }
  return {
    node,
    resource: 'arn:${AWS::Partition}:appmesh:${AWS::Region}:${AWS::AccountId}:mesh/${MeshName}/virtualNode/${VirtualNodeName}',
    what: 'its virtual node (not named in the task definition)',
  };
}
