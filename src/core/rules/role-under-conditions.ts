/**
 * A role's policies as they stand when given CloudFormation conditions hold: Copilot and similar
 * generators add a policy under `!If [HasEnvFile, ..., !Ref AWS::NoValue]` exactly when the task
 * definition references the file under the same condition, so the pair must be read together.
 */
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';
import { matchesAction } from '../iam/action-match.js';
import { identityPolicies, type IamRole } from '../model/iam-model.js';
import { buildPolicyDocument } from '../model/policy-document.js';
import { resolveStrings } from '../model/resolve.js';
import { getValue, intrinsicName, isMap, isSeq, scalarString, type DocNode } from '../parse/node.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';

/** One `Fn::If` branch on the way to a node: the condition and whether it is the "true" branch. */
export interface ConditionGuard {
  condition: string;
  holds: boolean;
}

/**
 * The `Fn::If` branches between `root` and `target`, outermost first; undefined when `target` is not
 * inside `root`. A target reached through no `Fn::If` has no guards.
 */
export function conditionGuardsOf(root: DocNode, target: DocNode): ConditionGuard[] | undefined {
  if (root === target) return [];
  if (target.startOffset < root.startOffset || target.endOffset > root.endOffset) return undefined;
  const fn = intrinsicName(root);
  if (fn === 'Fn::If' && isMap(root)) {
    const arg = root.entries[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return undefined;
    const condition = scalarString(arg.items[0]);
    for (const [index, holds] of [[1, true], [2, false]] as const) {
      const inner = conditionGuardsOf(arg.items[index], target);
      if (inner) return condition ? [{ condition, holds }, ...inner] : inner;
    }
    return undefined;
  }
  const children = isMap(root) ? root.entries.map((entry) => entry.value) : isSeq(root) ? root.items : [];
  for (const child of children) {
    const found = conditionGuardsOf(child, target);
    if (found) return found;
  }
  return undefined;
}

type GuardVerdict = 'holds' | 'excluded' | 'unknown';

/** Whether statements under `statementGuards` exist whenever `needGuards` hold. */
function judgeGuards(statementGuards: readonly ConditionGuard[], needGuards: readonly ConditionGuard[]): GuardVerdict {
  let verdict: GuardVerdict = 'holds';
  for (const guard of statementGuards) {
    const known = needGuards.find((need) => need.condition === guard.condition);
    if (!known) verdict = 'unknown';
    else if (known.holds !== guard.holds) return 'excluded';
  }
  return verdict;
}

/**
 * The role with every statement judged under the need's guards: one that exists whenever the need does
 * loses its "conditional" mark, one that cannot coexist with it is dropped, the rest stay conditional
 * (the evaluator counts those as "maybe"). Inline policies written as `Fn::If` items of `Policies` are
 * judged by the guards of their branch.
 */
export function roleUnderConditions(role: IamRole, needGuards: readonly ConditionGuard[]): IamRole {
  const conditional = conditionalInlinePolicies(role);
  // The role model reads Fn::If policies too (as conditional); here they are replaced by copies that
  // know their guards, so they can be judged against the need's.
  const guarded = new Set(conditional.map((document) => document.origin?.node));
  const plain = role.inlinePolicies.filter((document) => !guarded.has(document.origin?.node));
  const inlinePolicies = [...plain, ...conditional].map((document) => documentUnderGuards(document, needGuards));
  const attachedPolicies = role.attachedPolicies.map((document) => documentUnderGuards(document, needGuards));
  return { ...role, inlinePolicies, attachedPolicies };
}

function documentUnderGuards(document: PolicyDocument & { guards?: ConditionGuard[] }, needGuards: readonly ConditionGuard[]): PolicyDocument {
  const documentVerdict = judgeGuards(document.guards ?? [], needGuards);
  if (documentVerdict === 'excluded') return { ...document, statements: [] };
  const root = document.origin?.node;
  const statements: PolicyStatement[] = [];
  for (const statement of document.statements) {
    const node = statement.origin?.node;
    // Statements read from a JSON string all point at the string: they carry no Fn::If of their own.
    const guards = root && node && node !== root ? (conditionGuardsOf(root, node) ?? []) : [];
    const verdict = judgeGuards(guards, needGuards);
    if (verdict === 'excluded') continue;
    const exists = verdict === 'holds' && documentVerdict === 'holds';
    if (exists && statement.conditional) statements.push({ ...statement, conditional: false });
    else if (!exists && !statement.conditional) statements.push({ ...statement, conditional: true });
    else statements.push(statement);
  }
  return { ...document, statements };
}

/** Inline policies written as `!If [Condition, {PolicyName, PolicyDocument}, !Ref AWS::NoValue]` items. */
function conditionalInlinePolicies(role: IamRole): (PolicyDocument & { guards: ConditionGuard[] })[] {
  const policies = getValue(role.resource?.properties, 'Policies');
  if (!role.template || !isSeq(policies)) return [];
  const scope = { template: role.template };
  const documents: (PolicyDocument & { guards: ConditionGuard[] })[] = [];
  for (const item of policies.items) {
    if (intrinsicName(item) !== 'Fn::If') continue;
    for (const branch of policyBranches(item)) {
      const name = resolveStrings(scope, getValue(branch, 'PolicyName'))[0];
      const document = buildPolicyDocument(scope, role.path, getValue(branch, 'PolicyDocument'), name);
      const guards = conditionGuardsOf(item, branch) ?? [];
      documents.push({ ...document, guards, statements: document.statements.map((s) => ({ ...s, conditional: true })) });
    }
  }
  return documents;
}

/** The policy maps an `Fn::If` item may become, looking through nested `Fn::If`s. */
function policyBranches(node: DocNode): DocNode[] {
  if (intrinsicName(node) === 'Fn::If' && isMap(node)) {
    const arg = node.entries[0].value;
    return isSeq(arg) && arg.items.length === 3 ? [...policyBranches(arg.items[1]), ...policyBranches(arg.items[2])] : [];
  }
  return isMap(node) && getValue(node, 'PolicyDocument') ? [node] : [];
}

/** Why a grant of `action` is only possible: a statement under a CloudFormation condition, else what uncertaintyReason says. */
export function uncertainGrantReason(role: IamRole, action: string): string {
  const { documents, unknownPolicyArns } = identityPolicies(role);
  const underCondition = documents.some((document) =>
    document.statements.some((s) => s.effect === 'Allow' && s.conditional && (s.action ?? []).some((pattern) => matchesAction(pattern, action))),
  );
  if (underCondition && unknownPolicyArns.length === 0) return 'the statement that would grant it exists only under a CloudFormation condition';
  return uncertaintyReason(role);
}
