/** firelens-destination-permissions: the FireLens log router writes with the task role, which needs the actions of its output plugin (R25). */
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { LintConfig } from '../config.js';
import { capitalize, uncertaintyReason } from './ecr-pull-permissions.js';
import { addMapEntry, insertTopLevelResource } from '../fix/document-edits.js';
import type { Repository } from '../model/repository.js';
import { getEntry, getValue, isMap } from '../parse/node.js';
import { allowStatement, buildAddPermissionsFix, combineEdits, editableDocument, newRoleBody, toFixValue, unusedLogicalId } from './fix-builders.js';
import { firelensOutputs, type FirelensOutput, type OutputRequirement } from './firelens-outputs.js';
import { joinList } from './role-not-verifiable.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { conditionGuardsOf, roleUnderConditions, uncertainGrantReason } from './role-under-conditions.js';
import type { Rule, RuleContext } from './rule.js';

export const firelensDestinationPermissions: Rule = {
  meta: {
    id: 'firelens-destination-permissions',
    defaultSeverity: 'warning',
    description:
      'The FireLens log router writes with the task role: it needs the actions of its output plugin (Firehose, CloudWatch Logs, Kinesis, S3), or sts:AssumeRole on the role_arn the plugin assumes.',
    requirements: ['R25'],
    fixable: true,
  },
  check(context) {
    const { repo } = context;
    for (const task of repo.taskDefinitions) {
      const outputs = firelensOutputs(task);
      if (outputs.length === 0) continue;
      const taskRole = repo.taskRole(task);
      if (isRoleAbsent(taskRole)) {
        reportMissingTaskRole(context, task, outputs);
        continue;
      }
      for (const text of externalRoleTexts(taskRole)) context.noteUnverifiable(text, { path: task.path, node: outputs[0].node }, 'FireLens output permissions');
      for (const output of outputs) checkOutput(context, task, output, knownRoles(taskRole));
    }
  },
};

/**
 * One output against the task role; with `role_arn`, AssumeRole on the task role and the plugin's
 * actions on the assumed role, which may live in another account (then it is noted as not verifiable).
 */
function checkOutput(context: RuleContext, task: TaskDefinition, output: FirelensOutput, taskRoles: IamRole[]): void {
  const { repo, noteUnverifiable } = context;
  if (!output.assumedRoleArn) {
    for (const role of taskRoles) checkActions(context, task, output, role, output.requirements, `task role ${role.label}`, `write to ${output.destination}`);
    return;
  }
  const assume = { actions: ['sts:AssumeRole'], resources: [output.assumedRoleArn], grant: output.assumedRoleArn };
  const purpose = `assume ${output.assumedRoleArn} (its role_arn) and write to ${output.destination}`;
  for (const role of taskRoles) checkActions(context, task, output, role, [assume], `task role ${role.label}`, purpose);
  const assumed = repo.bindRole({ template: task.template }, output.assumedRoleNode);
  for (const role of knownRoles(assumed)) {
    checkActions(context, task, output, role, output.requirements, `role ${role.label}, which the plugin assumes through role_arn,`, `write to ${output.destination}`);
  }
  for (const text of externalRoleTexts(assumed)) noteUnverifiable(text, { path: task.path, node: output.node }, 'FireLens output permissions');
}

function checkActions(
  context: RuleContext,
  task: TaskDefinition,
  output: FirelensOutput,
  role: IamRole,
  requirements: OutputRequirement[],
  roleText: string,
  purpose: string,
): void {
  const { repo, config, report } = context;
  const view = roleUnderConditions(role, conditionGuardsOf(task.node, output.node) ?? []);
  const grants = requirements.flatMap((r) => checkRoleGrants(view, r.actions, r.resources, config));
  const { definite, uncertain } = missingGrants(grants);
  const missing = [...definite, ...uncertain];
  if (missing.length === 0) return;
  const fixes: Fix[] = [];
  if (!grants.some((g) => g.denyingStatement)) {
    const needed = requirements.filter((r) => r.actions.some((a) => missing.includes(a)));
    const fix = buildAddPermissionsFix(
      repo,
      role,
      { actions: missing, resources: [...new Set(needed.map((r) => r.grant))], policyName: 'firelens-output' },
      missing.includes('sts:AssumeRole') ? `Allow ${role.label} to assume ${output.assumedRoleArn}` : `Allow ${role.label} to write FireLens logs to ${output.destination}`,
    );
    if (fix) fixes.push(fix);
  }
  report({
    path: task.path,
    node: output.node,
    message:
      `${capitalize(roleText)} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')} ` +
      `that the FireLens ${output.plugin} output of ${output.containerLabel} needs to ${purpose}` +
      `${definite.length ? '' : ` (${uncertainReason(view, missing[0], output)})`}; the task runs but its logs are dropped.`,
    messageId: `missing:${role.id}:${output.containerLabel}:${requirements[0].actions[0]}`,
    relatedPaths: [role.path],
    fixes,
  });
}

/**
 * Without a task role the log router has no credentials of its own; on EC2 it may still reach the
 * instance role through the instance metadata service, so a visible instance role that grants
 * everything keeps it quiet.
 */
function reportMissingTaskRole(context: RuleContext, task: TaskDefinition, outputs: FirelensOutput[]): void {
  const { repo, config, report } = context;
  const needs = outputs.filter((o) => o.requirements.length > 0 || o.assumedRoleArn);
  if (needs.length === 0) return;
  const onInstances = task.launchTypes.size === 0 || task.launchTypes.has('EC2') || task.launchTypes.has('EXTERNAL');
  const fargate = task.launchTypes.has('FARGATE') || task.launchTypes.has('MANAGED_INSTANCES');
  const instanceRoles = onInstances && !fargate ? repo.instanceRolesFor(task) : [];
  if (instanceRoles.length > 0 && instanceRoles.every((role) => needs.every((o) => outputGranted(role, o, config)))) return;
  const actions = [...new Set(needs.flatMap((o) => (o.assumedRoleArn ? ['sts:AssumeRole'] : o.requirements.flatMap((r) => r.actions))))];
  report({
    path: task.path,
    node: needs[0].node,
    message:
      `Task definition ${task.label} has no task role, so its FireLens log router has no credentials for ${actions.join(', ')} ` +
      `to write to ${joinList([...new Set(needs.map((o) => o.destination))])}` +
      `${instanceRoles.length ? ' (the instance role it would fall back to on EC2 lacks them)' : ''}; set TaskRoleArn to a role that allows them.`,
    messageId: 'no-task-role',
    fixes: buildTaskRoleFix(repo, task, needs),
  });
}

/** For a template: a new task role trusted by ecs-tasks that allows exactly the outputs' actions, and `TaskRoleArn` pointing at it. */
function buildTaskRoleFix(repo: Repository, task: TaskDefinition, outputs: FirelensOutput[]): Fix[] {
  const template = task.template;
  const doc = editableDocument(repo, task.path);
  const resources = template ? getValue(template.root, 'Resources') : undefined;
  if (!template || !task.resource || !doc || !isMap(resources) || getEntry(task.node, 'TaskRoleArn')) return [];
  const grants = new Map<string, Set<string>>();
  const add = (resource: string, actions: string[]) => {
    const set = grants.get(resource) ?? new Set<string>();
    for (const action of actions) set.add(action);
    grants.set(resource, set);
  };
  for (const output of outputs) {
    if (output.assumedRoleArn) add(output.assumedRoleArn, ['sts:AssumeRole']);
    else for (const requirement of output.requirements) add(requirement.grant, requirement.actions);
  }
  const statements = [...grants].map(([resource, actions]) => allowStatement([...actions], [toFixValue(resource, template)]));
  const logicalId = unusedLogicalId(template, `${task.resource.logicalId}TaskRole`);
  const after = ['ExecutionRoleArn', 'NetworkMode', 'RequiresCompatibilities', 'Family'].find((key) => getEntry(task.node, key));
  const edits = combineEdits([
    ...addMapEntry(doc, task.node, 'TaskRoleArn', { kind: 'getatt', logicalId, attribute: 'Arn' }, { after }),
    ...insertTopLevelResource(doc, resources, logicalId, newRoleBody('ecs-tasks.amazonaws.com', [], statements, 'firelens-output'), { after: task.resource.logicalId }),
  ]);
  return [{ title: `Add task role ${logicalId} for the FireLens outputs`, edits }];
}

function outputGranted(role: IamRole, output: FirelensOutput, config: LintConfig): boolean {
  const requirements = output.assumedRoleArn ? [{ actions: ['sts:AssumeRole'], resources: [output.assumedRoleArn] }] : output.requirements;
  return requirements.every((r) => checkRoleGrants(role, r.actions, r.resources, config).every((g) => g.state === 'yes'));
}

function uncertainReason(role: IamRole, action: string, output: FirelensOutput): string {
  const reason = uncertainGrantReason(role, action);
  // A run-time name is the usual cause; policies with a wildcard in its place cover it.
  return output.nameKnownAtRunTimeOnly && reason === uncertaintyReason(role) ? 'the destination name is filled in by Fluent Bit at run time' : reason;
}
