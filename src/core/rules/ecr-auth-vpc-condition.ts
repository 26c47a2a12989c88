/** ecr-auth-vpc-condition: on Fargate, ecr:GetAuthorizationToken must not be allowed only under an aws:SourceVpc or aws:SourceVpce condition (R20c). */
import type { Fix, Severity } from '../finding.js';
import { appendToSequence, removeMapEntry, removeSequenceItem, type EditableDocument } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import { matchesAction } from '../iam/action-match.js';
import { evaluateConditions } from '../iam/condition-eval.js';
import type { PolicyStatement } from '../iam/policy.js';
import { matchResource } from '../iam/resource-match.js';
import { identityPolicies, type IamRole } from '../model/iam-model.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getValue, isMap, isScalar, isSeq, type MapNode, type SeqNode } from '../parse/node.js';
import type { TextEdit } from '../text/text-edit.js';
import { executionRoleSource } from './credential-sources.js';
import { combineEdits, editableDocument } from './fix-builders.js';
import { joinList } from './role-not-verifiable.js';
import { checkRoleGrants } from './role-grants.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import type { Rule } from './rule.js';
import { privateEcrImages } from './task-needs.js';

const action = 'ecr:GetAuthorizationToken';
const vpcKeys = ['aws:sourcevpc', 'aws:sourcevpce'];
/** What Fargate's call looks like to IAM: it leaves through the Fargate-owned ENI, so neither key is present. */
const fargateContext = { 'aws:sourcevpc': [], 'aws:sourcevpce': [] };

interface RoleUse {
  role: IamRole;
  tasks: TaskDefinition[];
  image: string;
}

export const ecrAuthVpcCondition: Rule = {
  meta: {
    id: 'ecr-auth-vpc-condition',
    defaultSeverity: 'error',
    description:
      'On Fargate, ecr:GetAuthorizationToken must not be allowed only under an aws:SourceVpc or aws:SourceVpce condition (nor denied outside one): Fargate calls it through its own network interface, which carries neither key.',
    requirements: ['R20'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    const uses = new Map<IamRole, RoleUse>();
    for (const task of repo.taskDefinitions) {
      if (!task.launchTypes.has('FARGATE')) continue;
      const images = privateEcrImages(task);
      if (images.length === 0) continue;
      const source = executionRoleSource(repo, task);
      if (!source) continue; // execution-role-required reports it
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: images[0].node }, 'ECR pull permissions');
      for (const role of source.roles) {
        const use = uses.get(role) ?? { role, tasks: [], image: images[0].image };
        use.tasks.push(task);
        uses.set(role, use);
      }
    }
    // One finding per offending statement, however many roles and task definitions share it.
    const byStatement = new Map<PolicyStatement, { uses: RoleUse[]; severity: Severity; deny: boolean }>();
    for (const use of uses.values()) {
      const verdict = judgeRole(use.role, config);
      if (!verdict) continue;
      const entry = byStatement.get(verdict.statement) ?? { uses: [], severity: verdict.severity, deny: verdict.deny };
      entry.uses.push(use);
      if (verdict.severity === 'error') entry.severity = 'error';
      byStatement.set(verdict.statement, entry);
    }
    for (const [statement, { uses: users, severity, deny }] of byStatement) {
      const origin = statement.origin!;
      const roles = users.map((u) => u.role);
      const tasks = [...new Set(users.flatMap((u) => u.tasks.map((t) => t.label)))];
      const keys = [...new Set(statement.conditions.filter((c) => vpcKeys.includes(c.key.toLowerCase())).map((c) => c.key))].join(' / ');
      const roleText = `Execution role${roles.length > 1 ? 's' : ''} ${joinList(roles.map((r) => r.label))}`;
      const uncertain = severity === 'warning' ? ` unless another grant allows it (${uncertaintyReason(roles[0])})` : '';
      const message = deny
        ? `${roleText} of Fargate task definition ${joinList(tasks)} ${roles.length > 1 ? 'deny' : 'denies'} ${action} when the request carries no matching ${keys}, which Fargate's call never does ` +
          `(it goes out through the Fargate-owned network interface, not the task's VPC endpoint), so pulling ${users[0].image} fails${uncertain}; exclude ${action} from this Deny.`
        : `${roleText} of Fargate task definition ${joinList(tasks)} ${roles.length > 1 ? 'allow' : 'allows'} ${action} only under an ${keys} condition, which Fargate's call never meets ` +
          `(it goes out through the Fargate-owned network interface, not the task's VPC endpoint), so pulling ${users[0].image} fails${uncertain}; ` +
          `grant ${action} in a statement without the condition (the layer and image actions may keep it).`;
      const fix = deny ? buildDenyFix(repo, statement) : buildSplitFix(repo, roles, statement);
      report({
        path: origin.path,
        node: origin.node,
        severity,
        message,
        messageId: `${deny ? 'deny' : 'allow'}-under-vpc-condition`,
        relatedPaths: [...new Set(users.flatMap((u) => u.tasks.map((t) => t.path)))].filter((p) => p !== origin.path),
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/**
 * The statement that keeps Fargate from calling GetAuthorizationToken: the role allows it without
 * knowing the request (so ecr-pull-permissions is satisfied) but not once the VPC keys are known absent.
 */
function judgeRole(role: IamRole, config: Parameters<typeof checkRoleGrants>[3]): { statement: PolicyStatement; severity: Severity; deny: boolean } | undefined {
  const [anywhere] = checkRoleGrants(role, [action], ['*'], config);
  const [onFargate] = checkRoleGrants(role, [action], ['*'], config, fargateContext);
  if (anywhere.state === 'no' || onFargate.state === 'yes') return undefined;
  const severity: Severity = onFargate.state === 'no' ? 'error' : 'warning';
  const deny = onFargate.denyingStatement;
  if (deny && hasVpcCondition(deny) && deny.origin && anywhere.denyingStatement !== deny) return { statement: deny, severity: 'error', deny: true };
  const statement = identityPolicies(role)
    .documents.flatMap((document) => document.statements)
    .find((s) => s.effect === 'Allow' && s.origin && hasVpcCondition(s) && allowsTokenOnAnyResource(s) && evaluateConditions(s.conditions, fargateContext) === 'false');
  return statement ? { statement, severity, deny: false } : undefined;
}

function hasVpcCondition(statement: PolicyStatement): boolean {
  return statement.conditions.some((c) => vpcKeys.includes(c.key.toLowerCase()));
}

function allowsTokenOnAnyResource(statement: PolicyStatement): boolean {
  const actionCovered = statement.action
    ? statement.action.some((pattern) => matchesAction(pattern, action))
    : !(statement.notAction ?? []).some((pattern) => matchesAction(pattern, action));
  const resourceCovered = statement.resource
    ? statement.resource.some((pattern) => matchResource(pattern, '*') === 'yes')
    : statement.notResource === undefined || !statement.notResource.some((pattern) => pattern === '*');
  return actionCovered && resourceCovered;
}

/**
 * A statement that holds only GetAuthorizationToken loses its VPC condition keys; one that holds more
 * actions keeps them and the condition, and GetAuthorizationToken moves to a new statement on `*`.
 */
function buildSplitFix(repo: Parameters<typeof editableDocument>[0], roles: IamRole[], statement: PolicyStatement): Fix | undefined {
  const { path, node } = statement.origin!;
  const doc = editableDocument(repo, path);
  if (!doc || (doc.syntax === 'yaml' && node.style === 'json')) return undefined;
  const title = `Allow ${action} without the VPC condition`;
  if ((statement.action ?? []).length > 0 && statement.action!.every((a) => a.toLowerCase() === action.toLowerCase())) {
    const edits = removeVpcConditions(doc, node);
    return edits.length ? { title, edits } : undefined;
  }
  const list = containingStatementList(roles, statement);
  if (!list) return undefined;
  const newStatement: FixValue = {
    kind: 'map',
    entries: [
      ['Effect', { kind: 'string', value: 'Allow' }],
      ['Action', { kind: 'string', value: action }],
      ['Resource', { kind: 'string', value: '*' }],
    ],
  };
  const edits: TextEdit[] = [...appendToSequence(doc, list, newStatement)];
  const actionNode = getValue(node, 'Action');
  if (isSeq(actionNode)) {
    const index = actionNode.items.findIndex((item) => isScalar(item) && String(item.value).toLowerCase() === action.toLowerCase());
    if (index >= 0) edits.push(...removeSequenceItem(doc, actionNode, index));
  }
  return { title: `Move ${action} to its own statement without the VPC condition`, edits: combineEdits(edits) };
}

/** A Deny that names GetAuthorizationToken in a list among other actions can drop it; `ecr:*` cannot be split mechanically. */
function buildDenyFix(repo: Parameters<typeof editableDocument>[0], statement: PolicyStatement): Fix | undefined {
  const { path, node } = statement.origin!;
  const doc = editableDocument(repo, path);
  if (!doc || (doc.syntax === 'yaml' && node.style === 'json')) return undefined;
  const actionNode = getValue(node, 'Action');
  if (!isSeq(actionNode) || actionNode.items.length < 2) return undefined;
  const index = actionNode.items.findIndex((item) => isScalar(item) && String(item.value).toLowerCase() === action.toLowerCase());
  if (index < 0) return undefined;
  const edits = removeSequenceItem(doc, actionNode, index);
  return edits.length ? { title: `Exclude ${action} from the Deny`, edits } : undefined;
}

/** The `Statement` list that holds the statement directly (not under an `Fn::If`). */
function containingStatementList(roles: IamRole[], statement: PolicyStatement): SeqNode | undefined {
  for (const role of roles) {
    for (const document of identityPolicies(role).documents) {
      if (!document.statements.includes(statement)) continue;
      const list = getValue(document.origin?.node, 'Statement');
      if (isSeq(list) && list.items.includes(statement.origin!.node)) return list;
    }
  }
  return undefined;
}

/** Removes the VPC keys from a statement's Condition: whole operators when nothing else is left in them, the Condition when empty. */
function removeVpcConditions(doc: EditableDocument, statementNode: MapNode): TextEdit[] {
  const condition = getValue(statementNode, 'Condition');
  if (!isMap(condition)) return [];
  const operatorsToDrop: string[] = [];
  const edits: TextEdit[] = [];
  for (const operator of condition.entries) {
    if (!isMap(operator.value)) return [];
    const keys = operator.value.entries.filter((entry) => vpcKeys.includes(entry.key.toLowerCase()));
    if (keys.length === 0) continue;
    if (keys.length === operator.value.entries.length) operatorsToDrop.push(operator.key);
    else for (const key of keys) edits.push(...removeMapEntry(doc, operator.value, key.key));
  }
  if (operatorsToDrop.length === condition.entries.length) return removeMapEntry(doc, statementNode, 'Condition');
  for (const operator of operatorsToDrop) edits.push(...removeMapEntry(doc, condition, operator));
  return edits;
}

