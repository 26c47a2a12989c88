/** execution-role-app-permissions: the execution role carries permissions the ECS agent never uses (R20a). */
import { matchesAction } from '../iam/action-match.js';
import type { PolicyStatement } from '../iam/policy.js';
import type { IamRole } from '../model/iam-model.js';
import { knownRoles } from '../model/repository.js';
import { addMapEntry, appendToSequence, removeMapEntry, removeSequenceItem } from '../fix/document-edits.js';
import type { Fix } from '../finding.js';
import type { PolicyDocument } from '../iam/policy.js';
import type { Repository } from '../model/repository.js';
import { getValue, isMap, isSeq, type DocNode } from '../parse/node.js';
import { editsOverlap, type TextEdit } from '../text/text-edit.js';
import { buildAddStatementsFix, editableDocument, nodeToFixValue } from './fix-builders.js';
import type { Rule } from './rule.js';

/**
 * What the agent does with execution-role credentials: pull images, ship logs, read secrets and
 * parameters (and decrypt them), read environment files and FireLens configuration from S3.
 */
const agentActions = [
  'ecr:*',
  'logs:*',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
  'ssm:GetParameters',
  'ssm:GetParameter',
  'kms:Decrypt',
  'kms:DescribeKey',
  's3:GetObject',
  's3:GetBucketLocation',
  'sts:AssumeRole',
  'iam:GetRole',
  'iam:PassRole',
];

/** Whether an action pattern from a policy grants only actions the agent uses. */
function isAgentAction(pattern: string): boolean {
  const lower = pattern.toLowerCase();
  const service = lower.split(':')[0];
  if (service === 'ecr' || service === 'logs') return true;
  if (!lower.includes('*') && !lower.includes('?')) return agentActions.some((allowed) => matchesAction(allowed, pattern));
  // A wildcard outside ecr/logs (s3:Get*, secretsmanager:*) reaches beyond what the agent needs.
  return lower === 'ssm:getparameter*' || lower === 'secretsmanager:getsecretvalue*';
}

export const executionRoleAppPermissions: Rule = {
  meta: {
    id: 'execution-role-app-permissions',
    defaultSeverity: 'warning',
    description: 'The execution role should carry only what the ECS agent uses; application permissions belong on the task role, since containers never receive execution-role credentials.',
    requirements: ['R20'],
    fixable: true,
  },
  check({ repo, report }) {
    const executionRoles = new Set<IamRole>();
    const taskRoles = new Set<IamRole>();
    /** The task roles that run next to each execution role: where its application permissions belong. */
    const partners = new Map<IamRole, Set<IamRole>>();
    for (const task of repo.taskDefinitions) {
      const taskRolesOfTask = knownRoles(repo.taskRole(task));
      for (const role of knownRoles(repo.executionRole(task))) {
        executionRoles.add(role);
        const set = partners.get(role) ?? new Set<IamRole>();
        taskRolesOfTask.forEach((r) => set.add(r));
        partners.set(role, set);
      }
      for (const role of taskRolesOfTask) taskRoles.add(role);
    }
    for (const role of executionRoles) {
      // A role that is also a task role legitimately carries application permissions (shared-task-execution-role says so).
      if (taskRoles.has(role) || role.origin !== 'template') continue;
      for (const document of [...role.inlinePolicies, ...role.attachedPolicies]) {
        for (const statement of document.statements) {
          const extra = applicationActions(statement);
          if (extra.length === 0 || !statement.origin) continue;
          const target = singleTaskRole(partners.get(role));
          const fix = target ? buildMoveStatementFix(repo, role, document, statement, target) : undefined;
          report({
            fixes: fix ? [fix] : [],
            path: statement.origin.path,
            node: statement.origin.node,
            message: `Execution role ${role.label} allows ${extra.slice(0, 4).join(', ')}${extra.length > 4 ? ` and ${extra.length - 4} more` : ''}, which the ECS agent never uses and containers never receive; move the statement to the task role.`,
            messageId: `app:${role.id}:${statement.sid ?? extra.join(',')}`,
          });
        }
      }
      for (const managed of role.managedPolicies) {
        const extra = managed.document ? managed.document.statements.flatMap(applicationActions) : [];
        if (extra.length === 0 || !managed.node) continue;
        const target = singleTaskRole(partners.get(role));
        const fix = target ? buildMoveManagedPolicyFix(repo, role, managed.node, target) : undefined;
        report({
          fixes: fix ? [fix] : [],
          path: role.path,
          node: managed.node,
          message: `Execution role ${role.label} attaches ${managed.arn.split('/').pop()}, which grants ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ' and more' : ''} that the ECS agent never uses; attach it to the task role instead.`,
          messageId: `app-managed:${role.id}:${managed.arn}`,
        });
      }
    }
  },
};

function singleTaskRole(roles: Set<IamRole> | undefined): IamRole | undefined {
  return roles?.size === 1 ? [...roles][0] : undefined;
}

/** Removes the statement from the execution role (or its policy, when it is the only statement) and adds it to the task role. */
function buildMoveStatementFix(repo: Repository, role: IamRole, document: PolicyDocument, statement: PolicyStatement, target: IamRole): Fix | undefined {
  const doc = editableDocument(repo, role.path);
  const node = statement.origin?.node;
  const documentNode = document.origin?.node;
  const props = role.resource?.properties;
  if (!doc || !node || !isMap(documentNode) || !props || (doc.syntax === 'yaml' && node.style === 'json')) return undefined;
  if (!role.inlinePolicies.includes(document)) return undefined; // statements of AWS::IAM::Policy resources stay put
  const value = nodeToFixValue(node);
  const statements = getValue(documentNode, 'Statement');
  if (!value || !isSeq(statements)) return undefined;
  let removal: TextEdit[];
  if (statements.items.length > 1) removal = removeSequenceItem(doc, statements, statements.items.indexOf(node));
  else {
    const policies = getValue(props, 'Policies');
    if (!isSeq(policies)) return undefined;
    const index = policies.items.findIndex((item) => getValue(item, 'PolicyDocument') === documentNode);
    if (index < 0) return undefined;
    removal = policies.items.length > 1 ? removeSequenceItem(doc, policies, index) : removeMapEntry(doc, props, 'Policies');
  }
  const addition = buildAddStatementsFix(repo, target, [value], document.name && !document.name.includes('${') ? document.name : 'application', '')?.edits;
  if (!addition || removal.length === 0 || overlaps(removal, addition)) return undefined;
  return { title: `Move the statement to task role ${target.label}`, edits: [...removal, ...addition] };
}

function buildMoveManagedPolicyFix(repo: Repository, role: IamRole, item: DocNode, target: IamRole): Fix | undefined {
  const doc = editableDocument(repo, role.path);
  const targetDoc = editableDocument(repo, target.path);
  const props = role.resource?.properties;
  const list = getValue(props, 'ManagedPolicyArns');
  const value = nodeToFixValue(item);
  const targetProps = target.resource?.properties;
  if (!doc || !targetDoc || !props || !isSeq(list) || !value || !targetProps || target.origin !== 'template') return undefined;
  const removal = list.items.length > 1 ? removeSequenceItem(doc, list, list.items.indexOf(item)) : removeMapEntry(doc, props, 'ManagedPolicyArns');
  const targetList = getValue(targetProps, 'ManagedPolicyArns');
  const addition = isSeq(targetList)
    ? appendToSequence(targetDoc, targetList, value)
    : getValue(targetProps, 'ManagedPolicyArns') === undefined
      ? addMapEntry(targetDoc, targetProps, 'ManagedPolicyArns', { kind: 'list', items: [value] }, { after: 'AssumeRolePolicyDocument' })
      : undefined;
  if (!addition || removal.length === 0 || overlaps(removal, addition)) return undefined;
  return { title: `Attach it to task role ${target.label} instead`, edits: [...removal, ...addition] };
}

function overlaps(a: TextEdit[], b: TextEdit[]): boolean {
  return a.some((x) => b.some((y) => editsOverlap(x, y)));
}

function applicationActions(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow') return [];
  if (statement.notAction) return [`everything except ${statement.notAction.join(', ')}`];
  return [...new Set((statement.action ?? []).filter((action) => !action.includes('${') && !isAgentAction(action)))];
}
