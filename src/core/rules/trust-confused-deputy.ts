/** trust-confused-deputy: a task role's trust should carry aws:SourceAccount or aws:SourceArn conditions, and a cluster-scoped or inconsistent aws:SourceArn breaks task launches (R32). */
import { addMapEntry } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix, Severity } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import type { PolicyCondition, PolicyStatement } from '../iam/policy.js';
import { instanceProfileRoles } from '../model/ecs-resources.js';
import type { IamRole } from '../model/iam-model.js';
import { knownRoles, type Repository } from '../model/repository.js';
import { resourcesOfType } from '../model/template.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getEntry, getValue, intrinsicName, isMap, type DocNode, type MapNode } from '../parse/node.js';
import type { TextEdit } from '../text/text-edit.js';
import { combineEdits, editableDocument } from './fix-builders.js';
import type { Rule } from './rule.js';

const ecsTasks = 'ecs-tasks.amazonaws.com';
/** Principals of container instances: AWS documents no confused-deputy keys for EC2, and adding them breaks it (prowler#2810). */
const instancePrincipals = /^ec2\.(amazonaws\.com(\.cn)?|\$\{AWS::URLSuffix\})$/i;
const sourceAccountKey = 'aws:sourceaccount';
const sourceArnKey = 'aws:sourcearn';

export const trustConfusedDeputy: Rule = {
  meta: {
    id: 'trust-confused-deputy',
    defaultSeverity: 'warning',
    description:
      "A task role's trust should limit ecs-tasks.amazonaws.com with aws:SourceAccount or aws:SourceArn; a cluster-scoped aws:SourceArn or one whose account disagrees with aws:SourceAccount stops tasks from assuming the role.",
    requirements: ['R32'],
    fixable: true,
  },
  check({ repo, config, report }) {
    for (const [role, task] of taskRoles(repo)) {
      const trustNode = role.trust?.origin?.node;
      if (!role.trust || !trustNode) continue;
      const trust = evaluateTrust(role.trust, { service: ecsTasks });
      // An untrusted role is ecs-tasks-trust's finding; a trust this rule cannot read is not judged.
      if (trust.trusts !== 'yes') continue;
      for (const statement of trust.statements) {
        if (!(statement.principal?.service ?? []).some((service) => service.toLowerCase() === ecsTasks)) continue;
        const where = statement.origin?.node ?? trustNode;
        const sourceAccounts = conditionsOn(statement, sourceAccountKey);
        const sourceArns = conditionsOn(statement, sourceArnKey);
        if (sourceAccounts.length === 0 && sourceArns.length === 0) {
          // A Condition written with an intrinsic (Fn::If) cannot be read: it may well hold the keys.
          if (statement.conditions.length === 0 && getValue(statement.origin?.node, 'Condition') !== undefined) continue;
          report({
            path: role.path,
            node: where,
            message: `Task role ${role.label} of task definition ${task.label} lets ecs-tasks.amazonaws.com assume it without an aws:SourceAccount or aws:SourceArn condition; AWS recommends both so that only ECS tasks of your own account can get its credentials (confused-deputy protection).`,
            messageId: `missing:${role.id}`,
            fixes: fixesOf(buildConditionFix(repo, role, statement)),
            relatedPaths: [task.path],
          });
          continue;
        }
        for (const problem of findSourceArnProblems(sourceArns, sourceAccounts, config.account)) {
          report({
            path: role.path,
            node: conditionValueNode(statement, problem.condition) ?? where,
            severity: problem.severity,
            message: `Task role ${role.label} of task definition ${task.label} limits ecs-tasks.amazonaws.com with aws:SourceArn '${problem.value}', ${problem.explanation}`,
            messageId: `${problem.kind}:${role.id}:${problem.value}`,
            relatedPaths: [task.path],
          });
        }
      }
    }
  },
};

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

/**
 * Roles used as task roles, each with the first task definition using it. Roles used only as execution
 * roles are left out (what ECS puts in the request context when it assumes them is not documented, R32),
 * and so is any role that container instances use: an instance-profile role or one trusted by EC2.
 */
function taskRoles(repo: Repository): Map<IamRole, TaskDefinition> {
  const instanceRoles = instanceProfileRolesOf(repo);
  const result = new Map<IamRole, TaskDefinition>();
  for (const task of repo.taskDefinitions) {
    for (const role of knownRoles(repo.taskRole(task))) {
      if (result.has(role) || role.origin !== 'template' || instanceRoles.has(role)) continue;
      const trustsInstances = role.trust?.statements.some((s) => s.effect === 'Allow' && (s.principal?.service ?? []).some((service) => instancePrincipals.test(service)));
      if (trustsInstances) continue;
      result.set(role, task);
    }
  }
  return result;
}

function instanceProfileRolesOf(repo: Repository): Set<IamRole> {
  const roles = new Set<IamRole>();
  for (const template of repo.templates) {
    for (const profile of resourcesOfType(template, 'AWS::IAM::InstanceProfile')) {
      const { roleLogicalIds, roleNames } = instanceProfileRoles(template, profile.logicalId);
      for (const id of roleLogicalIds) {
        const role = repo.roleByLogicalId(template, id);
        if (role) roles.add(role);
      }
      for (const name of roleNames) for (const role of repo.findRolesByName(name)) roles.add(role);
    }
  }
  return roles;
}

function conditionsOn(statement: PolicyStatement, key: string): PolicyCondition[] {
  return statement.conditions.filter((condition) => condition.key.toLowerCase() === key);
}

interface SourceArnProblem {
  kind: 'cluster-scoped' | 'account-mismatch' | 'literal-wildcard' | 'region-pinned';
  severity: Severity;
  condition: PolicyCondition;
  value: string;
  explanation: string;
}

/** The malformed forms R32 lists (errors), a wildcard that the operator takes literally, and a pinned region. */
export function findSourceArnProblems(sourceArns: PolicyCondition[], sourceAccounts: PolicyCondition[], configAccount?: string): SourceArnProblem[] {
  const problems: SourceArnProblem[] = [];
  const knownAccount = (text: string) => (text === '${AWS::AccountId}' ? configAccount : /^\d{12}$/.test(text) ? text : undefined);
  const accountValues = sourceAccounts.flatMap((condition) => (isNegated(condition.operator) ? [] : condition.values));
  const accounts = accountValues.map(knownAccount);
  const allAccountsKnown = accounts.length > 0 && accounts.every((account) => account !== undefined);
  for (const condition of sourceArns) {
    if (isNegated(condition.operator)) continue;
    for (const value of condition.values) {
      const arn = splitArn(value);
      if (!arn) continue;
      const clusterScope = clusterScopeOf(arn.resource);
      if (clusterScope === 'cluster') {
        problems.push({
          kind: 'cluster-scoped',
          severity: 'error',
          condition,
          value,
          explanation:
            "a cluster-specific value ECS does not support: tasks can no longer assume the role. Use 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' (all clusters) together with aws:SourceAccount.",
        });
      } else if (clusterScope === 'cluster-wildcard') {
        problems.push({
          kind: 'cluster-scoped',
          severity: 'warning',
          condition,
          value,
          explanation:
            "a cluster ARN pattern, which is not one of the forms ECS documents ('arn:<partition>:ecs:<region>:<account>:*' or '...:task/*'); it may match nothing ECS sends, so that tasks cannot assume the role.",
        });
      }
      const arnAccount = knownAccount(arn.account);
      if (arnAccount && allAccountsKnown && !accounts.includes(arnAccount)) {
        problems.push({
          kind: 'account-mismatch',
          severity: 'error',
          condition,
          value,
          explanation: `whose account ${arnAccount} differs from aws:SourceAccount ${accountValues.join(', ')}: both conditions must hold, so no task can assume the role.`,
        });
      }
      if (value.includes('*') && /^string(equals|equalsignorecase)(ifexists)?$/i.test(stripQuantifier(condition.operator))) {
        problems.push({
          kind: 'literal-wildcard',
          severity: 'warning',
          condition,
          value,
          explanation: `but ${condition.operator} compares the '*' literally, so the condition never holds and tasks cannot assume the role; use ArnLike.`,
        });
      }
      // A pinned region is worth a note only when nothing worse is said about the same value, whose rewrite fixes both.
      if (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(arn.region) && !problems.some((problem) => problem.value === value)) {
        problems.push({
          kind: 'region-pinned',
          severity: 'notice',
          condition,
          value,
          explanation: `which pins the region ${arn.region}: tasks in other regions cannot assume the role (IAM roles themselves are global). Use \${AWS::Region} or '*' if the role serves several regions.`,
        });
      }
    }
  }
  return problems;
}

function stripQuantifier(operator: string): string {
  return operator.replace(/^(ForAnyValue|ForAllValues):/i, '');
}

function isNegated(operator: string): boolean {
  return /not/i.test(stripQuantifier(operator).replace(/^Null$/i, ''));
}

/** The ARN's parts; `${...}` tokens (which hold `::`) stay whole. Undefined when it is not an ARN. */
export function splitArn(text: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      const end = text.indexOf('}', i);
      if (end < 0) return undefined;
      current += text.slice(i, end + 1);
      i = end;
    } else if (text[i] === ':' && parts.length < 5) {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5] };
}

/**
 * Whether an ECS resource pattern scopes to one cluster: `cluster/<name>` and `task/<cluster>/...` do
 * (unsupported, awsdocs/amazon-ecs-developer-guide#208); `cluster/*` is a cluster pattern ECS does not
 * document; `*`, `task/*` and `task/*\/*` are the documented wildcards.
 */
function clusterScopeOf(resource: string): 'cluster' | 'cluster-wildcard' | undefined {
  const cluster = /^cluster\/(.+)$/.exec(resource);
  if (cluster) return cluster[1] === '*' ? 'cluster-wildcard' : 'cluster';
  const task = /^task\/([^/]+)\//.exec(resource);
  if (task && task[1] !== '*') return 'cluster';
  return undefined;
}

/** The node of a condition's value (`aws:SourceArn: ...`) inside the statement, for pointing at it. */
function conditionValueNode(statement: PolicyStatement, condition: PolicyCondition): DocNode | undefined {
  const operator = getValue(getValue(statement.origin?.node, 'Condition'), condition.operator);
  return isMap(operator) ? operator.entries.find((entry) => entry.key === condition.key)?.value : undefined;
}

/**
 * Adds `StringEquals aws:SourceAccount: !Ref AWS::AccountId` and `ArnLike aws:SourceArn:
 * !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*` to the trust statement, the form
 * AWS's own example uses with the partition and account of the stack. Only for a statement that names
 * ecs-tasks alone: the conditions would apply to any other principal in it as well.
 */
function buildConditionFix(repo: Repository, role: IamRole, statement: PolicyStatement): Fix | undefined {
  const node = statement.origin?.node;
  const doc = editableDocument(repo, role.path);
  if (!node || !doc || statement.origin?.path !== doc.path || (doc.syntax === 'yaml' && node.style === 'json')) return undefined;
  const principal = statement.principal;
  if (!principal || principal.any || principal.aws.length || principal.federated.length || principal.service.length !== 1) return undefined;
  const accountValue: FixValue = { kind: 'ref', name: 'AWS::AccountId' };
  const arnValue: FixValue = { kind: 'sub', template: 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' };
  const title = `Limit ${role.label}'s trust to ECS tasks of this account`;
  const existing = getValue(node, 'Condition');
  if (existing === undefined) {
    const condition: FixValue = {
      kind: 'map',
      entries: [
        ['StringEquals', { kind: 'map', entries: [['aws:SourceAccount', accountValue]] }],
        ['ArnLike', { kind: 'map', entries: [['aws:SourceArn', arnValue]] }],
      ],
    };
    return { title, edits: addMapEntry(doc, node as MapNode, 'Condition', condition) };
  }
  if (!isMap(existing) || intrinsicName(existing)) return undefined;
  // Into the operator blocks already there, else as new operators; the inner insertions come first so
  // that two insertions at one offset (an operator block ending the Condition) keep their order.
  const inner: TextEdit[] = [];
  const outer: TextEdit[] = [];
  for (const [operator, key, value] of [
    ['StringEquals', 'aws:SourceAccount', accountValue],
    ['ArnLike', 'aws:SourceArn', arnValue],
  ] as const) {
    const block = getValue(existing, operator);
    if (block !== undefined && (!isMap(block) || intrinsicName(block) || getEntry(block, key))) return undefined;
    if (isMap(block)) inner.push(...addMapEntry(doc, block, key, value));
    else outer.push(...addMapEntry(doc, existing, operator, { kind: 'map', entries: [[key, value]] }));
  }
  return { title, edits: combineEdits([...inner, ...outer]) };
}
