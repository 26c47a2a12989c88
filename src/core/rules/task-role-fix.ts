/**
 * Fixes for the task-role rules: give a template task definition a new task role with what its sidecars
 * or volumes need, or add several statements to an existing role in one patch. Each returns undefined
 * when no careful patch can be written, like the builders in fix-builders.ts.
 */
import { addMapEntry, insertTopLevelResource } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { Repository } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getEntry, getValue, isMap } from '../parse/node.js';
import { allowStatement, combineEdits, editableDocument, newRoleBody, toFixValue, unusedLogicalId, type StatementGrant } from './fix-builders.js';

export type { StatementGrant };

/**
 * Adds `TaskRoleArn: !GetAtt <Task>TaskRole.Arn` and that role (trusting ecs-tasks.amazonaws.com) to the
 * task definition's template. Task-definition JSON can only name an existing role by ARN, so it gets none.
 */
export function buildAddTaskRoleFix(
  repo: Repository,
  task: TaskDefinition,
  grants: StatementGrant[],
  options: { policyName: string; managedPolicies?: string[] },
  title: string,
): Fix | undefined {
  const template = task.template;
  if (task.source !== 'template' || !template || !task.resource || getEntry(task.node, 'TaskRoleArn')) return undefined;
  const doc = editableDocument(repo, task.path);
  const resources = getValue(template.root, 'Resources');
  if (!doc || !isMap(resources)) return undefined;
  const logicalId = unusedLogicalId(template, `${task.resource.logicalId}TaskRole`);
  const statements = grants.map((grant) => allowStatement(grant.actions, grant.resources.map((resource) => toFixValue(resource, template))));
  const body = withSourceConditions(newRoleBody('ecs-tasks.amazonaws.com', options.managedPolicies ?? [], statements, options.policyName));
  const after = ['ExecutionRoleArn', 'NetworkMode', 'RequiresCompatibilities', 'Family'].find((key) => getEntry(task.node, key));
  const edits = combineEdits([
    ...addMapEntry(doc, task.node, 'TaskRoleArn', { kind: 'getatt', logicalId, attribute: 'Arn' }, { after }),
    ...insertTopLevelResource(doc, resources, logicalId, body, { after: task.resource.logicalId }),
  ]);
  return { title, edits };
}

/**
 * Limits the new role's trust to ECS tasks of the stack's own account, as AWS recommends for task roles
 * (confused-deputy protection, R32), in the form trust-confused-deputy's own fix writes.
 */
function withSourceConditions(body: FixValue): FixValue {
  const condition: FixValue = {
    kind: 'map',
    entries: [
      ['StringEquals', { kind: 'map', entries: [['aws:SourceAccount', { kind: 'ref', name: 'AWS::AccountId' }]] }],
      ['ArnLike', { kind: 'map', entries: [['aws:SourceArn', { kind: 'sub', template: 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' }]] }],
    ],
  };
  const addCondition = (value: FixValue, path: string[]): FixValue => {
    if (value.kind === 'list' && path.length === 0) {
      return { ...value, items: value.items.map((item) => (item.kind === 'map' ? { ...item, entries: [...item.entries, ['Condition', condition] as [string, FixValue]] } : item)) };
    }
    if (value.kind !== 'map') return value;
    return { ...value, entries: value.entries.map(([key, child]): [string, FixValue] => (key === path[0] ? [key, addCondition(child, path.slice(1))] : [key, child])) };
  };
  return addCondition(body, ['Properties', 'AssumeRolePolicyDocument', 'Statement']);
}

