/**
 * Fixes for the task-role rules: give a template task definition a new task role with what its sidecars
 * or volumes need, or add several statements to an existing role in one patch. Each returns undefined
 * when no careful patch can be written, like the builders in fix-builders.ts.
 */
import { addMapEntry, appendToSequence, insertTopLevelResource } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getEntry, getValue, isMap, isSeq } from '../parse/node.js';
import { allowStatement, buildAddPermissionsFix, combineEdits, editableDocument, newRoleBody, toFixValue, unusedLogicalId } from './fix-builders.js';

/** Actions to allow on resources written as Sub-style strings (converted with toFixValue). */
export interface StatementGrant {
  actions: string[];
  resources: string[];
}

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

/**
 * Adds statements to a role: one grant goes through buildAddPermissionsFix (which can extend a matching
 * statement); several are appended together to the role's first inline policy, else as a new one.
 */
export function buildAddStatementsFix(repo: Repository, role: IamRole, grants: StatementGrant[], policyName: string, title: string): Fix | undefined {
  if (grants.length === 0) return undefined;
  if (grants.length === 1) return buildAddPermissionsFix(repo, role, { ...grants[0], policyName }, title);
  if (role.origin !== 'template' || !role.resource?.properties) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  const statements = grants.map((grant) => allowStatement(grant.actions, grant.resources.map((resource) => toFixValue(resource, role.template))));
  for (const policy of role.inlinePolicies) {
    const documentNode = policy.origin?.node;
    // A policy document written as a JSON string inside YAML cannot be edited in place.
    if (!isMap(documentNode) || policy.origin?.path !== doc.path || (doc.syntax === 'yaml' && documentNode.style === 'json')) continue;
    const statementList = getValue(documentNode, 'Statement');
    if (isSeq(statementList)) return { title, edits: combineEdits(statements.flatMap((statement) => appendToSequence(doc, statementList, statement))) };
  }
  const props = role.resource.properties;
  const newPolicy: FixValue = {
    kind: 'map',
    entries: [
      ['PolicyName', { kind: 'string', value: policyName }],
      ['PolicyDocument', { kind: 'map', entries: [['Version', { kind: 'string', value: '2012-10-17' }], ['Statement', { kind: 'list', items: statements }]] }],
    ],
  };
  const policies = getValue(props, 'Policies');
  if (isSeq(policies)) return { title, edits: appendToSequence(doc, policies, newPolicy) };
  if (getEntry(props, 'Policies')) return undefined; // Policies from an intrinsic: no safe place to add
  const after = ['ManagedPolicyArns', 'AssumeRolePolicyDocument'].find((key) => getEntry(props, key));
  return { title, edits: addMapEntry(doc, props, 'Policies', { kind: 'list', items: [newPolicy] }, { after }) };
}
