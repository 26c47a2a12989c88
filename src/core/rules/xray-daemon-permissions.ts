/** xray-daemon-permissions: an X-Ray daemon or ADOT collector sidecar needs the X-Ray write actions in the task role (R26). */
import type { Fix } from '../finding.js';
import { resolveStrings } from '../model/resolve.js';
import { TaskDefinitionReader, type ContainerDefinition, type TaskDefinition } from '../model/task-definition.js';
import type { DocNode } from '../parse/node.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { buildAddPermissionsFix, buildAttachManagedPolicyFix } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { joinList } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
import { buildAddTaskRoleFix } from './task-role-fix.js';
import { actionsNotGranted, containerCredentials, describeLaunchTypes } from './task-role-source.js';

/** The actions of AWSXRayDaemonWriteAccess (v2), all on `*`. */
const xrayWriteActions = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
];

const xrayPolicy = 'AWSXRayDaemonWriteAccess';

/** `amazon/aws-xray-daemon`, `public.ecr.aws/xray/aws-xray-daemon` and private mirrors of it. */
const xrayDaemonImage = /(?:^|\/)aws-xray-daemon(?:[:@]|$)/;
/** `public.ecr.aws/aws-observability/aws-otel-collector`, `amazon/aws-otel-collector` and mirrors. */
const adotCollectorImage = /aws-otel-collector/;

interface TraceSidecar {
  container: ContainerDefinition;
  node: DocNode;
  kind: 'X-Ray daemon' | 'ADOT collector';
}

export const xrayDaemonPermissions: Rule = {
  meta: {
    id: 'xray-daemon-permissions',
    defaultSeverity: 'warning',
    description: 'An X-Ray daemon or ADOT collector sidecar needs the X-Ray write actions in the task role.',
    requirements: ['R26'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const sidecar = traceSidecars(task)[0];
      if (!sidecar) continue;
      const what = `the ${sidecar.kind} in container ${sidecar.container.name ?? '(unnamed)'}`;
      const consequence = 'traces are dropped';
      const credentials = containerCredentials(repo, task);
      const addTaskRole = () =>
        fixesOf(buildAddTaskRoleFix(repo, task, [], { policyName: 'xray', managedPolicies: [xrayPolicy] }, `Add a task role with ${xrayPolicy} to ${task.label}`));

      if (credentials.kind === 'task-role') {
        for (const text of credentials.externalRoles) noteUnverifiable(text, { path: task.path, node: sidecar.node }, 'X-Ray write permissions');
        for (const role of credentials.roles) {
          const grants = checkRoleGrants(role, xrayWriteActions, ['*'], config);
          const { definite, uncertain } = missingGrants(grants);
          const missing = [...definite, ...uncertain];
          if (missing.length === 0) continue;
          const fixes: Fix[] = [];
          if (!grants.some((g) => g.denyingStatement)) {
            const attach = buildAttachManagedPolicyFix(repo, role, xrayPolicy, `Attach ${xrayPolicy} to ${role.label}`);
            if (attach && !role.managedPolicies.some((m) => m.arn.endsWith(`/${xrayPolicy}`))) fixes.push(attach);
            const add = buildAddPermissionsFix(repo, role, { actions: missing, resources: ['*'], policyName: 'xray' }, `Allow ${role.label} to send traces to X-Ray`);
            if (add) fixes.push(add);
          }
          report({
            path: task.path,
            node: sidecar.node,
            message:
              `Task role ${role.label} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')}, which ${what} needs` +
              `${definite.length ? '' : ` (${uncertaintyReason(role)})`}; ${consequence}.`,
            messageId: `missing:${role.id}`,
            relatedPaths: [role.path],
            fixes,
          });
        }
        continue;
      }

      if (credentials.kind === 'instance-role') {
        // On EC2 the sidecar falls back to the instance role through the metadata service, as the X-Ray guide documents.
        const gaps = credentials.roles
          .map((role) => ({ role, missing: actionsNotGranted(role, xrayWriteActions, config) }))
          .filter((gap) => gap.missing.length > 0);
        if (gaps.length === 0) continue;
        report({
          path: task.path,
          node: sidecar.node,
          message:
            `Task definition ${task.label} has no task role and instance role ${joinList(gaps.map((g) => g.role.label))} does not allow ` +
            `${joinList([...new Set(gaps.flatMap((g) => g.missing))])}, which ${what} needs; ${consequence}.`,
          messageId: 'no-task-role',
          relatedPaths: credentials.roles.map((role) => role.path),
          fixes: addTaskRole(),
        });
        continue;
      }

      report({
        path: task.path,
        node: sidecar.node,
        message: credentials.onlyWithoutInstances
          ? `Task definition ${task.label} has no task role, so ${what} has no credentials on ${describeLaunchTypes(task.launchTypes)} for ${joinList(xrayWriteActions)}; ${consequence}.`
          : `Task definition ${task.label} has no task role, so ${what} can send traces only if the instance role of its EC2 hosts (not in the repository) allows ${joinList(xrayWriteActions)}; give the task a task role with ${xrayPolicy}.`,
        messageId: 'no-task-role',
        fixes: addTaskRole(),
      });
    }
  },
};

/** X-Ray daemon containers, and ADOT collectors whose configuration exports traces to X-Ray. */
function traceSidecars(task: TaskDefinition): TraceSidecar[] {
  const sidecars: TraceSidecar[] = [];
  const reader = new TaskDefinitionReader({ template: task.template }, task.naming);
  for (const container of task.containers) {
    const image = container.image;
    if (!image) continue;
    if (image.values.some((value) => xrayDaemonImage.test(value))) sidecars.push({ container, node: image.node, kind: 'X-Ray daemon' });
    else if (image.values.some((value) => adotCollectorImage.test(value)) && exportsToXray(reader, container)) {
      sidecars.push({ container, node: image.node, kind: 'ADOT collector' });
    }
  }
  return sidecars;
}

/**
 * The collector's image runs the ECS default configuration (X-Ray and CloudWatch EMF) unless the
 * command names another bundled one (`--config=/etc/ecs/container-insights/otel-task-metrics-config.yaml`
 * sends no traces) or `AOT_CONFIG_CONTENT` holds a configuration without the `awsxray` exporter.
 */
function exportsToXray(reader: TaskDefinitionReader, container: ContainerDefinition): boolean {
  const content = container.environment.get('AOT_CONFIG_CONTENT');
  if (content) return content.values.some((value) => value.includes('awsxray') || value.includes('${'));
  const command = resolveStrings(reader.scope, reader.get(container.node, 'Command')).join(' ');
  const configPath = /--config[=\s]+(\S+)/.exec(command)?.[1];
  return configPath === undefined || /xray|default|\$\{/.test(configPath);
}
