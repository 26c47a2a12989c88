/** task-role-ecs-exec: with EnableExecuteCommand, the task role (on EC2 without one, the instance role) must allow the four ssmmessages channel actions ECS Exec uses (R21). */
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { findEcsExecUses } from './ecs-exec-uses.js';
import { buildAddPermissionsFix } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { joinList } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
import { buildAddTaskRoleFix } from './task-role-fix.js';
import { actionsNotGranted, containerCredentials, describeLaunchTypes } from './task-role-source.js';

const ecsExecActions = [
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
];

/** What the user sees when the SSM agent in the container cannot open its channels. */
const execFailure = 'aws ecs execute-command fails with TargetNotConnectedException';

export const taskRoleEcsExec: Rule = {
  meta: {
    id: 'task-role-ecs-exec',
    defaultSeverity: 'warning',
    description: 'With EnableExecuteCommand, the task role (on EC2 without one, the instance role) must allow the four ssmmessages channel actions ECS Exec uses.',
    requirements: ['R21'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    // One finding per task definition and role, however many services enable ECS Exec for it.
    const reported = new Set<string>();
    const isFirst = (key: string): boolean => {
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const use of findEcsExecUses(repo)) {
      const { task } = use;
      const credentials = containerCredentials(repo, task, use.launchTypes);
      const addTaskRole = () =>
        fixesOf(buildAddTaskRoleFix(repo, task, [{ actions: ecsExecActions, resources: ['*'] }], { policyName: 'ecs-exec' }, `Add a task role allowing ECS Exec to ${task.label}`));

      if (credentials.kind === 'task-role') {
        for (const text of credentials.externalRoles) noteUnverifiable(text, { path: use.path, node: use.node }, 'ECS Exec permissions');
        for (const role of credentials.roles) {
          if (!isFirst(`${task.id}|${role.id}`)) continue;
          const grants = checkRoleGrants(role, ecsExecActions, ['*'], config);
          const { definite, uncertain } = missingGrants(grants);
          const missing = [...definite, ...uncertain];
          if (missing.length === 0) continue;
          const fix = grants.some((g) => g.denyingStatement)
            ? undefined
            : buildAddPermissionsFix(repo, role, { actions: missing, resources: ['*'], policyName: 'ecs-exec' }, `Allow ${role.label} to open ECS Exec channels`);
          report({
            path: use.path,
            node: use.node,
            message:
              `Task role ${role.label} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')}, ` +
              `which ECS Exec needs for ${use.label}${definite.length ? '' : ` (${uncertaintyReason(role)})`}; ${execFailure}.`,
            messageId: `missing:${role.id}:${task.id}`,
            relatedPaths: [role.path, task.path],
            fixes: fixesOf(fix),
          });
        }
        continue;
      }

      if (!isFirst(`${task.id}|no-task-role`)) continue;
      if (credentials.kind === 'none' && credentials.onlyWithoutInstances) {
        report({
          path: use.path,
          node: use.node,
          severity: 'error',
          message:
            `Task definition ${task.label} has no task role, so ECS Exec, which ${use.label} enables on ${describeLaunchTypes(use.launchTypes)}, cannot work: ` +
            `the SSM agent in the container has no credentials for ${joinList(ecsExecActions)}, and ${execFailure}.`,
          messageId: `no-task-role:${task.id}`,
          relatedPaths: [task.path],
          fixes: addTaskRole(),
        });
      } else if (credentials.kind === 'none') {
        report({
          path: use.path,
          node: use.node,
          message:
            `Task definition ${task.label} has no task role, so ECS Exec, which ${use.label} enables on ${describeLaunchTypes(use.launchTypes)}, works only if the ` +
            `instance role of its EC2 hosts (not in the repository) allows ${joinList(ecsExecActions)}; give the task a task role with them.`,
          messageId: `no-task-role:${task.id}`,
          relatedPaths: [task.path],
          fixes: addTaskRole(),
        });
      } else {
        const gaps = credentials.roles
          .map((role) => ({ role, missing: actionsNotGranted(role, ecsExecActions, config) }))
          .filter((gap) => gap.missing.length > 0);
        const roles = joinList(credentials.roles.map((role) => role.label));
        report({
          path: use.path,
          node: use.node,
          message: gaps.length
            ? `Task definition ${task.label} has no task role and instance role ${joinList(gaps.map((g) => g.role.label))} does not allow ` +
              `${joinList([...new Set(gaps.flatMap((g) => g.missing))])}, so ECS Exec for ${use.label} cannot connect; ${execFailure}.`
            : `Task definition ${task.label} has no task role, so ECS Exec for ${use.label} relies on instance role ${roles}, ` +
              `which gives every task on the host the ssmmessages permissions; give the task a task role with them.`,
          messageId: `no-task-role:${task.id}`,
          relatedPaths: [task.path, ...credentials.roles.map((role) => role.path)],
          fixes: addTaskRole(),
        });
      }
    }
  },
};
