/** events-target-role: an EventBridge rule that runs an ECS task needs a RoleArn trusted by events.amazonaws.com with ecs:RunTask and iam:PassRole for the task's roles (R46). */
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles, type Repository } from '../model/repository.js';
import { resolveStrings, type ResolveScope } from '../model/resolve.js';
import { findEventsEcsTargets, type EventsEcsTarget } from '../model/service-role-uses.js';
import { getValue, scalarString } from '../parse/node.js';
import { newRoleBody, toFixValue } from './fix-builders.js';
import { findLaunchedTasks, type LaunchedTask } from './launched-tasks.js';
import { checkPassRoles, ecsTasksPrincipal, passedRolesOf, type PassedRole } from './passed-roles.js';
import { joinList } from './role-not-verifiable.js';
import { checkRoleGrants, type GrantState } from './role-grants.js';
import type { Rule, RuleContext } from './rule.js';
import { eventsServicePrincipal, isUntrusted, untrustedServiceReport } from './service-trust.js';
import { buildNewRoleFix, conditionalStatement, passRoleStatement, roleArnValue } from './statement-fixes.js';
import { buildAddStatementsFix } from './fix-builders.js';

const failure =
  'EventBridge cannot start the task: each invocation fails, visible only in the rule\'s FailedInvocations metric.';

export const eventsTargetRole: Rule = {
  meta: {
    id: 'events-target-role',
    defaultSeverity: 'error',
    description:
      "An EventBridge rule that runs an ECS task needs a RoleArn trusted by events.amazonaws.com that allows ecs:RunTask on the task definition and iam:PassRole on the task's execution and task roles.",
    requirements: ['R46'],
    fixable: true,
  },
  check(context) {
    const { repo } = context;
    const trustChecked = new Set<IamRole>();
    // One finding per root cause: a role's gap shared by several targets is reported at the first.
    const reported = new Set<string>();
    for (const template of repo.templates) {
      const scope: ResolveScope = { template };
      for (const target of findEventsEcsTargets(template)) {
        const launched = findLaunchedTasks(repo, scope, target.taskDefinitionNode);
        const passed = launched.flatMap((l) => (l.task ? passedRolesOf(repo, l.task) : [])).concat(overrideRoles(repo, scope, target));
        const uniquePassed = [...new Map(passed.map((p) => [p.arn, p])).values()];
        const use = repo.bindRole(scope, target.roleNode);
        const name = targetName(target);
        if (isRoleAbsent(use)) {
          context.report({
            path: template.path,
            node: target.ecsParametersKey,
            message: `${name} runs an ECS task but has no RoleArn; EventBridge needs a role trusted by events.amazonaws.com that allows ecs:RunTask${uniquePassed.length ? ' and iam:PassRole on the task\'s roles' : ''}, and PutTargets rejects the target without one ("ValidationException: RoleArn is required for target ...").`,
            messageId: `missing-role:${target.rule.logicalId}:${targetId(target)}`,
            fixes: fixesOf(buildEventsRoleFix(repo, target, launched, uniquePassed)),
          });
          continue;
        }
        const at = { path: template.path, node: target.roleNode! };
        for (const text of externalRoleTexts(use)) context.noteUnverifiable(text, at, 'the EventBridge target role (ecs:RunTask, iam:PassRole)');
        for (const role of knownRoles(use)) {
          if (!trustChecked.has(role)) {
            trustChecked.add(role);
            if (isUntrusted(role, eventsServicePrincipal)) {
              const finding = untrustedServiceReport(repo, role, eventsServicePrincipal, `the role of ${name}`, failure, template.path);
              if (finding) context.report(finding);
            }
          }
          checkTargetPermissions(context, target, role, launched, uniquePassed, reported);
        }
      }
    }
  },
};

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

function targetId(target: EventsEcsTarget): string {
  return scalarString(getValue(target.target, 'Id')) ?? String(target.target.startOffset);
}

function targetName(target: EventsEcsTarget): string {
  const id = scalarString(getValue(target.target, 'Id'));
  return `EventBridge rule ${target.rule.logicalId}${id ? ` (target ${id})` : ''}`;
}

/**
 * Roles named in the target's Input, which EventBridge sends as RunTask overrides: a `taskRoleArn` or
 * `executionRoleArn` there is passed as well.
 */
function overrideRoles(repo: Repository, scope: ResolveScope, target: EventsEcsTarget): PassedRole[] {
  const result: PassedRole[] = [];
  for (const text of resolveStrings(scope, target.inputNode)) {
    let overrides: unknown;
    try {
      overrides = JSON.parse(text);
    } catch {
      continue;
    }
    if (!overrides || typeof overrides !== 'object') continue;
    for (const key of ['taskRoleArn', 'executionRoleArn'] as const) {
      const arn = (overrides as Record<string, unknown>)[key];
      if (typeof arn !== 'string' || !/^arn:[^:]+:iam::[^:]*:role\//.test(arn)) continue;
      const role = repo.roles.find((r) => r.arn === arn);
      result.push({ arn, role, label: role?.label ?? arn, why: `${key === 'taskRoleArn' ? 'task role' : 'execution role'} override in the target's Input` });
    }
  }
  return result;
}

interface Gap {
  what: string;
  state: GrantState;
}

function checkTargetPermissions(
  context: RuleContext,
  target: EventsEcsTarget,
  role: IamRole,
  launched: LaunchedTask[],
  passed: PassedRole[],
  reported: Set<string>,
): void {
  const { repo, config } = context;
  const isNew = (what: string) => {
    const key = `${role.id}\u0000${what}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  const gaps: Gap[] = [];
  const statements: FixValue[] = [];
  const taskArns = [...new Set(launched.flatMap((l) => l.arns))];
  const taskLabel = launched.find((l) => l.task)?.task?.label ?? taskArns[0] ?? 'the task definition';
  if (taskArns.length) {
    const [runTask] = checkRoleGrants(role, ['ecs:RunTask'], taskArns, config);
    if (runTask.state !== 'yes' && isNew(`run:${taskArns.join(',')}`)) {
      gaps.push({ what: `ecs:RunTask on task definition ${taskLabel}`, state: runTask.state });
      statements.push(conditionalStatement(['ecs:RunTask'], [toFixValue(taskArns[0], role.template)]));
    }
  }
  const passGaps = checkPassRoles(role, passed, config).filter((grant) => grant.state !== 'yes' && isNew(`pass:${grant.passed.arn}`));
  if (passGaps.length) {
    gaps.push({
      what: `iam:PassRole on ${joinList(passGaps.map((g) => `${g.passed.label} (${g.passed.why})`))}`,
      state: passGaps.some((g) => g.state === 'no') ? 'no' : 'maybe',
    });
    statements.push(passRoleStatement(passGaps.map((g) => passedRoleValue(g.passed, role)), ecsTasksPrincipal));
  }
  if (target.tagsTask) {
    const [tag] = checkRoleGrants(role, ['ecs:TagResource'], ['arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/${Cluster}/${TaskId}'], config, {
      'ecs:createaction': ['RunTask'],
    });
    if (tag.state !== 'yes' && isNew('tag')) {
      // Tag-on-create: RunTask with tags also needs ecs:TagResource (R41); the task still starts without them only if no tags are asked for.
      gaps.push({ what: 'ecs:TagResource for the TagList (tag-on-create)', state: tag.state === 'no' ? 'no' : 'maybe' });
      statements.push(conditionalStatement(['ecs:TagResource'], [{ kind: 'string', value: '*' }], ['StringEquals', 'ecs:CreateAction', { kind: 'string', value: 'RunTask' }]));
    }
  }
  if (gaps.length === 0) return;
  const definite = gaps.some((gap) => gap.state === 'no');
  const purposes = [
    gaps.some((gap) => gap.what.startsWith('ecs:RunTask')) ? 'run the task' : '',
    passGaps.length ? "pass the task's roles" : '',
    gaps.some((gap) => gap.what.startsWith('ecs:TagResource')) ? 'tag the task' : '',
  ].filter(Boolean);
  const fix = buildAddStatementsFix(repo, role, statements, 'run-ecs-task', `Allow ${role.label} to ${joinList(purposes)}`);
  context.report({
    path: target.template.path,
    node: target.taskDefinitionNode ?? target.ecsParametersKey,
    severity: definite ? 'error' : 'warning',
    message: `Role ${role.label} of ${targetName(target)} ${definite ? 'does not allow' : 'may not allow'} ${joinList(gaps.map((gap) => gap.what))}; ${failure}`,
    messageId: `missing:${role.id}:${target.rule.logicalId}:${targetId(target)}`,
    fixes: fixesOf(fix),
    relatedPaths: [role.path],
  });
}

/** The role as the events role's template can name it: `!GetAtt Role.Arn` in the same template. */
function passedRoleValue(passed: PassedRole, holder: IamRole): FixValue {
  return passed.role ? roleArnValue(passed.role, holder.template) : toFixValue(passed.arn, holder.template);
}

/** A new role for the target: trusted by events.amazonaws.com, allowed to run exactly this task and pass exactly its roles. */
function buildEventsRoleFix(repo: Repository, target: EventsEcsTarget, launched: LaunchedTask[], passed: PassedRole[]): Fix | undefined {
  const template = target.template;
  const statements: FixValue[] = [];
  const taskArn = launched.flatMap((l) => l.arns)[0];
  statements.push(conditionalStatement(['ecs:RunTask'], [taskArn ? toFixValue(taskArn, template) : { kind: 'string', value: '*' }]));
  if (passed.length) {
    const values = passed.map((p) => (p.role ? roleArnValue(p.role, template) : toFixValue(p.arn, template)));
    statements.push(passRoleStatement(values, ecsTasksPrincipal));
  }
  if (target.tagsTask) {
    statements.push(conditionalStatement(['ecs:TagResource'], [{ kind: 'string', value: '*' }], ['StringEquals', 'ecs:CreateAction', { kind: 'string', value: 'RunTask' }]));
  }
  return buildNewRoleFix(
    repo,
    {
      template,
      map: target.target,
      key: 'RoleArn',
      after: ['Id', 'Arn'].find((key) => getValue(target.target, key) !== undefined),
      logicalId: `${target.rule.logicalId}Role`,
      body: newRoleBody(eventsServicePrincipal, [], statements, 'run-ecs-task'),
      placeAfter: target.rule.logicalId,
    },
    (logicalId) => `Add events role ${logicalId} to ${target.rule.logicalId}`,
  );
}
