/**
 * Whether a role's identity policies, limited by its permissions boundary, allow an action on a
 * resource, and whether a trust policy lets a service assume the role, answered statically and
 * optimistically: only what is definitely not allowed comes out as "no".
 */
import { matchesAction } from './action-match.js';
import { evaluateConditions, type ConditionResult, type RequestContext } from './condition-eval.js';
import type { PolicyDocument, PolicyStatement, Principal } from './policy.js';
import { matchResource, type MatchResult, type PseudoParameterValues } from './resource-match.js';

export interface AccessRequest {
  action: string;
  resource: string;
  /** Known condition keys of the request, lower-cased; see `RequestContext`. */
  context?: RequestContext;
}

export interface EvaluateOptions extends PseudoParameterValues {
  /**
   * Permission boundary documents; 'unknown' when a boundary is set but its content cannot be seen.
   * Leave it out when the role has no boundary: an empty list is a boundary that allows nothing.
   */
  boundary?: PolicyDocument[] | 'unknown';
}

export interface AccessDecision {
  /** 'yes': some Allow covers the request and no applicable Deny; 'maybe': it depends on an unresolved value; 'no': definitely not allowed. */
  allowed: 'yes' | 'maybe' | 'no';
  /** True when the grant relies on a condition that cannot be decided statically (optimistic). */
  reliesOnUndecidedCondition: boolean;
  /**
   * Identity Allow statements that cover the request (best first). Kept when a Deny or the boundary
   * overrides them, so that messages can say what was granted and what took it away.
   */
  allowingStatements: PolicyStatement[];
  /** The Deny statement that blocks it, if any (from the boundary when that is what blocks). */
  denyingStatement?: PolicyStatement;
  /** True when the boundary (not the identity policies) is what prevents it. */
  blockedByBoundary: boolean;
}

export interface TrustDecision {
  trusts: 'yes' | 'maybe' | 'no';
  /** Allow statements that let the principal assume the role (best first). */
  statements: PolicyStatement[];
  /** An unconditional Deny for the principal, which overrides them. */
  denyingStatement?: PolicyStatement;
}

const NO = 0;
const MAYBE = 1;
const YES = 2;
type Level = typeof NO | typeof MAYBE | typeof YES;
const LEVEL_NAMES = ['no', 'maybe', 'yes'] as const;
const FROM_MATCH: Readonly<Record<MatchResult, Level>> = { no: NO, maybe: MAYBE, yes: YES };

interface CompiledStatement {
  /** Statements with a `Principal`/`NotPrincipal` belong to resource policies (or trust policies). */
  identity: boolean;
  actions?: readonly string[];
  notActions?: readonly string[];
  /** `${Param}` in an action: the statement may or may not name the requested action. */
  actionsHaveTokens: boolean;
  notActionsHaveTokens: boolean;
  resources?: readonly string[];
  notResources?: readonly string[];
  /** Unresolved parts, or existence under a CloudFormation condition: an Allow counts as "maybe", a Deny not at all. */
  undecidable: boolean;
}

const compiledStatements = new WeakMap<PolicyStatement, CompiledStatement>();
const ANY_RESOURCE: readonly string[] = ['*'];

function compileStatement(statement: PolicyStatement): CompiledStatement {
  let compiled = compiledStatements.get(statement);
  if (compiled) return compiled;
  const hasNeither = statement.resource === undefined && statement.notResource === undefined;
  compiled = {
    identity: statement.principal === undefined && statement.notPrincipal === undefined,
    actions: statement.action,
    notActions: statement.notAction,
    actionsHaveTokens: statement.action?.some(hasSubToken) ?? false,
    notActionsHaveTokens: statement.notAction?.some(hasSubToken) ?? false,
    // IAM rejects an identity statement without Resource; counting it as `*` keeps a malformed
    // policy from producing findings that are about something else.
    resources: hasNeither ? ANY_RESOURCE : statement.resource,
    notResources: statement.notResource,
    undecidable: statement.unresolved === true || statement.conditional === true,
  };
  compiledStatements.set(statement, compiled);
  return compiled;
}

/** An unescaped `${...}` (not Fn::Sub's `${!...}` escape). */
function hasSubToken(text: string): boolean {
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    if (text.charCodeAt(at + 2) !== 33 && text.indexOf('}', at + 2) > 0) return true;
  }
  return false;
}

function actionLevel(compiled: CompiledStatement, action: string): Level {
  // Nothing left to match: the actions came from something unresolvable, or the statement is malformed.
  if ((compiled.actions?.length ?? compiled.notActions?.length ?? 0) === 0) return compiled.undecidable ? MAYBE : NO;
  if (compiled.actions) {
    for (const pattern of compiled.actions) if (matchesAction(pattern, action)) return YES;
    return compiled.actionsHaveTokens ? MAYBE : NO;
  }
  for (const pattern of compiled.notActions ?? []) {
    if (matchesAction(pattern, action)) return NO;
  }
  return compiled.notActionsHaveTokens ? MAYBE : YES;
}

function resourceLevel(compiled: CompiledStatement, resource: string, options: PseudoParameterValues | undefined): Level {
  if (compiled.resources) {
    if (compiled.resources.length === 0) return compiled.undecidable ? MAYBE : NO;
    let best: Level = NO;
    for (const pattern of compiled.resources) {
      const level = FROM_MATCH[matchResource(pattern, resource, options)];
      if (level > best) best = level;
      if (best === YES) break;
    }
    return best;
  }
  let worst: Level = YES;
  for (const pattern of compiled.notResources ?? []) {
    const level = (YES - FROM_MATCH[matchResource(pattern, resource, options)]) as Level;
    if (level < worst) worst = level;
    if (worst === NO) break;
  }
  return worst;
}

interface Candidate {
  statement: PolicyStatement;
  level: Level;
  undecidedCondition: boolean;
}

interface DocumentsVerdict {
  level: Level;
  reliesOnUndecidedCondition: boolean;
  allowing: Candidate[];
  deny?: PolicyStatement;
}

function evaluateDocuments(
  documents: readonly PolicyDocument[],
  request: AccessRequest,
  options: PseudoParameterValues | undefined,
): DocumentsVerdict {
  const allowing: Candidate[] = [];
  let deny: PolicyStatement | undefined;
  for (const document of documents) {
    for (const statement of document.statements) {
      const compiled = compileStatement(statement);
      if (!compiled.identity) continue;
      if (statement.effect === 'Deny') {
        // Only a Deny that certainly applies counts: the linter flags what is definitely broken.
        if (deny || compiled.undecidable) continue;
        if (actionLevel(compiled, request.action) !== YES) continue;
        if (resourceLevel(compiled, request.resource, options) !== YES) continue;
        if (conditionsOf(statement, request, options) === 'true') deny = statement;
        continue;
      }
      const action = actionLevel(compiled, request.action);
      if (action === NO) continue;
      const resource = resourceLevel(compiled, request.resource, options);
      if (resource === NO) continue;
      const conditions = conditionsOf(statement, request, options);
      if (conditions === 'false') continue;
      let level = action < resource ? action : resource;
      if (compiled.undecidable && level > MAYBE) level = MAYBE;
      allowing.push({ statement, level, undecidedCondition: conditions === 'unknown' });
    }
  }
  // Stable sort: equally good statements keep document order.
  allowing.sort((a, b) => b.level - a.level || Number(a.undecidedCondition) - Number(b.undecidedCondition));
  const best = allowing[0];
  if (deny) return { level: NO, reliesOnUndecidedCondition: false, allowing, deny };
  return { level: best?.level ?? NO, reliesOnUndecidedCondition: best?.undecidedCondition ?? false, allowing };
}

function conditionsOf(statement: PolicyStatement, request: AccessRequest, options: PseudoParameterValues | undefined): ConditionResult {
  return statement.conditions.length === 0 ? 'true' : evaluateConditions(statement.conditions, request.context, options);
}

/** Whether the identity policies, limited by the boundary, allow the request. */
export function evaluateAccess(policies: readonly PolicyDocument[], request: AccessRequest, options?: EvaluateOptions): AccessDecision {
  const identity = evaluateDocuments(policies, request, options);
  const allowingStatements = identity.allowing.map((candidate) => candidate.statement);
  const boundary = options?.boundary;
  let level = identity.level;
  let relies = identity.reliesOnUndecidedCondition;
  let denyingStatement = identity.deny;
  let blockedByBoundary = false;
  if (boundary === 'unknown') {
    if (level > MAYBE) level = MAYBE;
  } else if (boundary !== undefined) {
    const limit = evaluateDocuments(boundary, request, options);
    if (limit.level < level) {
      blockedByBoundary = limit.level === NO;
      level = limit.level;
      if (blockedByBoundary) denyingStatement = limit.deny;
    }
    relies ||= limit.reliesOnUndecidedCondition;
  }
  return {
    allowed: LEVEL_NAMES[level],
    reliesOnUndecidedCondition: level !== NO && relies,
    allowingStatements,
    denyingStatement,
    blockedByBoundary,
  };
}

export interface FindMissingOptions extends EvaluateOptions {
  context?: RequestContext;
}

/** The actions, of many asked on one resource, that are not certainly allowed. */
export function findMissingActions(
  policies: readonly PolicyDocument[],
  actions: readonly string[],
  resource: string,
  options?: FindMissingOptions,
): { action: string; decision: AccessDecision }[] {
  const missing: { action: string; decision: AccessDecision }[] = [];
  for (const action of actions) {
    const decision = evaluateAccess(policies, { action, resource, context: options?.context }, options);
    if (decision.allowed !== 'yes') missing.push({ action, decision });
  }
  return missing;
}

/**
 * Whether a trust policy lets a service principal assume the role. Conditions do not decide it
 * (the caller reports them); a Deny counts only when it has none, for the same optimism as above.
 */
export function evaluateTrust(trust: PolicyDocument, principal: { service: string }, action = 'sts:AssumeRole'): TrustDecision {
  const service = principal.service.toLowerCase();
  const allowing: Candidate[] = [];
  let denyingStatement: PolicyStatement | undefined;
  for (const statement of trust.statements) {
    const compiled = compileStatement(statement);
    const principalLevel = trustPrincipalLevel(statement, service);
    if (principalLevel === NO) continue;
    const actionMatch = actionLevel(compiled, action);
    if (actionMatch === NO) continue;
    if (statement.effect === 'Deny') {
      const certain = principalLevel === YES && actionMatch === YES && !compiled.undecidable && statement.conditions.length === 0;
      if (certain) denyingStatement ??= statement;
      continue;
    }
    let level = principalLevel < actionMatch ? principalLevel : actionMatch;
    if (compiled.undecidable && level > MAYBE) level = MAYBE;
    allowing.push({ statement, level, undecidedCondition: false });
  }
  allowing.sort((a, b) => b.level - a.level);
  const statements = allowing.map((candidate) => candidate.statement);
  const level = denyingStatement ? NO : (allowing[0]?.level ?? NO);
  return { trusts: LEVEL_NAMES[level], statements, denyingStatement };
}

function trustPrincipalLevel(statement: PolicyStatement, service: string): Level {
  if (statement.principal) return principalNames(statement.principal, service);
  // NotPrincipal names who is excluded; everyone else is covered.
  if (statement.notPrincipal) return (YES - principalNames(statement.notPrincipal, service)) as Level;
  return NO;
}

/** Whether the principal block names the service: exactly (IAM compares service principals literally) or through an unresolved value. */
function principalNames(principal: Principal, service: string): Level {
  if (principal.any) return YES;
  let best: Level = NO;
  for (const entry of principal.service) {
    if (entry.toLowerCase() === service) return YES;
    // `ecs-tasks.${AWS::URLSuffix}` is not a match: IAM rejects that form in some partitions, and a
    // rule reports it. A parameter or other template value could be anything.
    if (hasNonPseudoToken(entry)) best = MAYBE;
  }
  return best;
}

function hasNonPseudoToken(text: string): boolean {
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    const next = text.charCodeAt(at + 2);
    if (next !== 33 && !text.startsWith('AWS::', at + 2) && text.indexOf('}', at + 2) > 0) return true;
  }
  return false;
}
