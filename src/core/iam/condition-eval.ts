/** Static evaluation of a statement's `Condition` block against what is known about a request. */
import type { PolicyCondition } from './policy.js';
import { matchSubPattern, type MatchResult, type PseudoParameterValues } from './resource-match.js';

export type ConditionResult = 'true' | 'false' | 'unknown';

/**
 * What is known about the request, by lower-case condition key. A key that is not listed is unknown;
 * a key listed with `[]` is known to be absent from the request.
 */
export type RequestContext = Readonly<Record<string, readonly string[]>>;

const FALSE = 0;
const UNKNOWN = 1;
const TRUE = 2;
type Truth = typeof FALSE | typeof UNKNOWN | typeof TRUE;
const TRUTH_NAMES: readonly ConditionResult[] = ['false', 'unknown', 'true'];
const FROM_MATCH: Readonly<Record<MatchResult, Truth>> = { no: FALSE, maybe: UNKNOWN, yes: TRUE };

/** All conditions of a statement, ANDed as IAM does: any false is false, else any unknown is unknown. */
export function evaluateConditions(
  conditions: readonly PolicyCondition[],
  context: RequestContext | undefined,
  pseudoValues?: PseudoParameterValues,
): ConditionResult {
  let result: Truth = TRUE;
  for (const condition of conditions) {
    const truth = evaluateOne(condition, context, pseudoValues);
    if (truth === FALSE) return 'false';
    if (truth < result) result = truth;
  }
  return TRUTH_NAMES[result];
}

/** One operator/key/values triple. */
export function evaluateCondition(
  condition: PolicyCondition,
  context: RequestContext | undefined,
  pseudoValues?: PseudoParameterValues,
): ConditionResult {
  return TRUTH_NAMES[evaluateOne(condition, context, pseudoValues)];
}

type OperatorKind = 'string' | 'arn' | 'bool' | 'null' | 'numeric' | 'date' | 'undecidable';
type Comparison = 'equals' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals';

interface ParsedOperator {
  kind: OperatorKind;
  /** Set operator prefix: `ForAnyValue:` / `ForAllValues:`. */
  quantifier?: 'any' | 'all';
  ifExists: boolean;
  negated: boolean;
  wildcards: boolean;
  ignoreCase: boolean;
  comparison: Comparison;
}

interface BaseOperator {
  kind: OperatorKind;
  negated?: boolean;
  wildcards?: boolean;
  ignoreCase?: boolean;
  comparison?: Comparison;
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// ArnEquals and ArnLike behave identically, wildcards included.
const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  stringequals: { kind: 'string' },
  stringnotequals: { kind: 'string', negated: true },
  stringequalsignorecase: { kind: 'string', ignoreCase: true },
  stringnotequalsignorecase: { kind: 'string', ignoreCase: true, negated: true },
  stringlike: { kind: 'string', wildcards: true },
  stringnotlike: { kind: 'string', wildcards: true, negated: true },
  arnequals: { kind: 'arn', wildcards: true },
  arnlike: { kind: 'arn', wildcards: true },
  arnnotequals: { kind: 'arn', wildcards: true, negated: true },
  arnnotlike: { kind: 'arn', wildcards: true, negated: true },
  bool: { kind: 'bool', ignoreCase: true },
  null: { kind: 'null' },
  numericequals: { kind: 'numeric' },
  numericnotequals: { kind: 'numeric', negated: true },
  numericlessthan: { kind: 'numeric', comparison: 'lessThan' },
  numericlessthanequals: { kind: 'numeric', comparison: 'lessThanEquals' },
  numericgreaterthan: { kind: 'numeric', comparison: 'greaterThan' },
  numericgreaterthanequals: { kind: 'numeric', comparison: 'greaterThanEquals' },
  dateequals: { kind: 'date' },
  datenotequals: { kind: 'date', negated: true },
  datelessthan: { kind: 'date', comparison: 'lessThan' },
  datelessthanequals: { kind: 'date', comparison: 'lessThanEquals' },
  dategreaterthan: { kind: 'date', comparison: 'greaterThan' },
  dategreaterthanequals: { kind: 'date', comparison: 'greaterThanEquals' },
  notipaddress: { kind: 'undecidable', negated: true },
};

const parsedOperators = new Map<string, ParsedOperator>();

function parseOperator(operator: string): ParsedOperator {
  let parsed = parsedOperators.get(operator);
  if (parsed) return parsed;
  let name = operator.toLowerCase();
  let quantifier: ParsedOperator['quantifier'];
  if (name.startsWith('foranyvalue:')) {
    quantifier = 'any';
    name = name.slice('foranyvalue:'.length);
  } else if (name.startsWith('forallvalues:')) {
    quantifier = 'all';
    name = name.slice('forallvalues:'.length);
  }
  const ifExists = name.endsWith('ifexists');
  if (ifExists) name = name.slice(0, -'ifexists'.length);
  // IpAddress, BinaryEquals and operators IAM may add later cannot be decided from a template.
  const base = BASE_OPERATORS[name] ?? { kind: 'undecidable' };
  parsed = {
    kind: base.kind,
    quantifier,
    ifExists,
    negated: base.negated ?? false,
    wildcards: base.wildcards ?? false,
    ignoreCase: base.ignoreCase ?? false,
    comparison: base.comparison ?? 'equals',
  };
  // Operators come from a small fixed vocabulary plus typos, so this stays small.
  if (parsedOperators.size < 1_000) parsedOperators.set(operator, parsed);
  return parsed;
}

function evaluateOne(condition: PolicyCondition, context: RequestContext | undefined, pseudoValues?: PseudoParameterValues): Truth {
  const operator = parseOperator(condition.operator);
  const key = condition.key.toLowerCase();
  const requestValues = context && Object.hasOwn(context, key) ? context[key] : undefined;
  if (operator.kind === 'null') return evaluateNull(condition.values, requestValues);
  if (requestValues === undefined) return UNKNOWN;
  if (requestValues.length === 0) {
    // IAM: a missing key fails positive operators and satisfies negated ones; IfExists and
    // ForAllValues are satisfied by it, ForAnyValue is not.
    if (operator.ifExists || operator.quantifier === 'all') return TRUE;
    if (operator.quantifier === 'any') return FALSE;
    return operator.negated ? TRUE : FALSE;
  }
  if (operator.kind === 'undecidable') return UNKNOWN;
  // ForAllValues needs every request value to satisfy the operator; ForAnyValue and a plain
  // operator on a multivalued key need one.
  const all = operator.quantifier === 'all';
  let result: Truth = all ? TRUE : FALSE;
  for (const requestValue of requestValues) {
    let truth = matchesAnyPolicyValue(operator, condition.values, requestValue, pseudoValues);
    if (operator.negated) truth = (TRUE - truth) as Truth;
    if (all ? truth < result : truth > result) result = truth;
    if (all ? result === FALSE : result === TRUE) break;
  }
  return result;
}

/** Positive form of the operator: whether the request value matches any of the policy values. */
function matchesAnyPolicyValue(
  operator: ParsedOperator,
  policyValues: readonly string[],
  requestValue: string,
  pseudoValues?: PseudoParameterValues,
): Truth {
  let result: Truth = FALSE;
  for (const policyValue of policyValues) {
    const truth = compareValue(operator, policyValue, requestValue, pseudoValues);
    if (truth > result) result = truth;
    if (result === TRUE) break;
  }
  return result;
}

function compareValue(operator: ParsedOperator, policyValue: string, requestValue: string, pseudoValues?: PseudoParameterValues): Truth {
  switch (operator.kind) {
    case 'string':
    case 'arn':
    case 'bool':
      return FROM_MATCH[
        matchSubPattern(policyValue, requestValue, {
          wildcards: operator.wildcards,
          ignoreCase: operator.ignoreCase,
          account: pseudoValues?.account,
          region: pseudoValues?.region,
          partition: pseudoValues?.partition,
        })
      ];
    case 'numeric':
      return compareOrdered(operator.comparison, parseNumber(requestValue), parseNumber(policyValue));
    case 'date':
      return compareOrdered(operator.comparison, parseDate(requestValue), parseDate(policyValue));
    default:
      return UNKNOWN;
  }
}

function compareOrdered(comparison: Comparison, request: number | undefined, policy: number | undefined): Truth {
  if (request === undefined || policy === undefined) return UNKNOWN;
  let holds: boolean;
  switch (comparison) {
    case 'equals':
      holds = request === policy;
      break;
    case 'lessThan':
      holds = request < policy;
      break;
    case 'lessThanEquals':
      holds = request <= policy;
      break;
    case 'greaterThan':
      holds = request > policy;
      break;
    case 'greaterThanEquals':
      holds = request >= policy;
      break;
  }
  return holds ? TRUE : FALSE;
}

// Only plain decimal text counts: a `${Param}` token or anything IAM might read differently stays unknown.
const NUMBER_PATTERN = /^\s*-?\d+(\.\d+)?\s*$/;

function parseNumber(text: string): number | undefined {
  return NUMBER_PATTERN.test(text) ? Number(text) : undefined;
}

// IAM accepts ISO 8601 dates and epoch seconds.
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_PATTERN = /^\d+$/;

function parseDate(text: string): number | undefined {
  if (EPOCH_PATTERN.test(text)) return Number(text) * 1000;
  if (!ISO_DATE_PATTERN.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/** `Null: true` holds when the key is absent, `Null: false` when it is present. */
function evaluateNull(policyValues: readonly string[], requestValues: readonly string[] | undefined): Truth {
  if (requestValues === undefined) return UNKNOWN;
  const present = requestValues.length > 0;
  let result: Truth = FALSE;
  for (const policyValue of policyValues) {
    const normalized = policyValue.toLowerCase();
    const truth: Truth =
      normalized === 'true' ? (present ? FALSE : TRUE) : normalized === 'false' ? (present ? TRUE : FALSE) : UNKNOWN;
    if (truth > result) result = truth;
  }
  return result;
}
