/**
 * Matching of policy `Resource` patterns (and condition values) against the ARNs a task will use,
 * both written in `Fn::Sub` form, with a three-valued answer: unresolved template values can make a
 * match depend on where and with which parameters the stack is deployed.
 */

export type MatchResult = 'yes' | 'maybe' | 'no';

/** Concrete values for pseudo parameters, when the config says where the stack is deployed. */
export interface PseudoParameterValues {
  account?: string;
  region?: string;
  partition?: string;
}

export interface SubMatchMode extends PseudoParameterValues {
  /** Whether `*` and `?` in the pattern are IAM wildcards (resources, `StringLike`, `ArnLike`) or plain characters (`StringEquals`). */
  wildcards: boolean;
  ignoreCase: boolean;
}

/**
 * Whether a policy `Resource` entry covers the ARN a task will use. `*` and `?` are wildcards in the
 * pattern only: a log-group ARN ending in `:*` contains a literal star. IAM compares ARNs case-sensitively.
 */
export function matchResource(pattern: string, resource: string, options?: PseudoParameterValues): MatchResult {
  if (pattern === '*') return 'yes';
  return matchSubPattern(pattern, resource, {
    wildcards: true,
    ignoreCase: false,
    account: options?.account,
    region: options?.region,
    partition: options?.partition,
  });
}

/**
 * The general form behind `matchResource`, also used for condition values. `${AWS::...}` pseudo
 * parameters match any value on either side (unless the options pin them). Other `${...}` tokens match only themselves for certain, anything else as "maybe";
 * a pattern `*` covers them.
 */
export function matchSubPattern(pattern: string, value: string, mode: SubMatchMode): MatchResult {
  const key = `${pattern}\u0000${value}\u0000${modeKey(mode)}`;
  let result = matchResults.get(key);
  if (result === undefined) {
    result = RESULT_NAMES[computeMatch(parseSymbols(pattern, true, mode), parseSymbols(value, false, mode))];
    if (matchResults.size >= MAX_CACHED_RESULTS) matchResults.clear();
    matchResults.set(key, result);
  }
  return result;
}

const NO = 0;
const MAYBE = 1;
const YES = 2;
type Level = typeof NO | typeof MAYBE | typeof YES;
const RESULT_NAMES: readonly MatchResult[] = ['no', 'maybe', 'yes'];

// Symbol kinds. A pseudo parameter whose value never contains `:` or `/` (region, account...) is kept
// apart so that it cannot stretch over ARN separators.
const LIT = 0;
const STAR = 1;
const QMARK = 2;
const PSEUDO_SEGMENT = 3;
const PSEUDO = 4;
const TOKEN = 5;
const END = 255;

const SEGMENT_PSEUDO_PARAMETERS = new Set(['AWS::Partition', 'AWS::Region', 'AWS::AccountId', 'AWS::URLSuffix', 'AWS::StackName']);
const URL_SUFFIXES: Readonly<Record<string, string>> = { aws: 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn', 'aws-us-gov': 'amazonaws.com' };
const COLON = 58;
const SLASH = 47;

interface SymbolSeq {
  length: number;
  kinds: Uint8Array;
  /** Code point for literals; interned name for pseudo parameters and tokens. */
  values: Int32Array;
  /** Only literals and wildcards: a plain glob match decides it. */
  plain: boolean;
}

// Bounded because keys come from user files; a clear is cheaper than LRU bookkeeping and the working
// set of one lint run is far below the bound.
const MAX_CACHED_RESULTS = 50_000;
const MAX_CACHED_SEQUENCES = 20_000;
const matchResults = new Map<string, MatchResult>();
const symbolSequences = new Map<string, SymbolSeq>();
const nameIds = new Map<string, number>();

function modeKey(mode: SubMatchMode): string {
  return `${mode.wildcards ? 'w' : ''}${mode.ignoreCase ? 'i' : ''}:${mode.account ?? ''}:${mode.region ?? ''}:${mode.partition ?? ''}`;
}

function internName(name: string): number {
  let id = nameIds.get(name);
  if (id === undefined) {
    id = nameIds.size;
    nameIds.set(name, id);
  }
  return id;
}

/** The partition a region belongs to, so that a config naming only the region pins `${AWS::Partition}` too. */
function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

function pinnedPseudoValue(name: string, mode: SubMatchMode): string | undefined {
  const partition = mode.partition ?? (mode.region ? partitionOfRegion(mode.region) : undefined);
  switch (name) {
    case 'AWS::AccountId':
      return mode.account;
    case 'AWS::Region':
      return mode.region;
    case 'AWS::Partition':
      return partition;
    case 'AWS::URLSuffix':
      return partition ? URL_SUFFIXES[partition] : undefined;
    default:
      return undefined;
  }
}

function parseSymbols(text: string, isPattern: boolean, mode: SubMatchMode): SymbolSeq {
  const key = `${isPattern ? 'p' : 'v'}${modeKey(mode)}\u0000${text}`;
  const cached = symbolSequences.get(key);
  if (cached) return cached;
  const kinds: number[] = [];
  const values: number[] = [];
  let plain = true;
  const wildcards = isPattern && mode.wildcards;
  const pushLiteral = (literal: string): void => {
    for (const ch of mode.ignoreCase ? literal.toLowerCase() : literal) {
      kinds.push(LIT);
      values.push(ch.codePointAt(0)!);
    }
  };
  const pushName = (kind: number, name: string): void => {
    kinds.push(kind);
    values.push(internName(name));
    plain = false;
  };
  // `${!x}` is Fn::Sub's escape for the text `${x}`. IAM itself then reads `${aws:username}`-style
  // policy variables in a policy (request-time values, so unknown here) and `${*}`, `${?}`, `${$}` as
  // those characters without their wildcard meaning.
  const pushEscaped = (inner: string): void => {
    if (isPattern && (inner === '*' || inner === '?' || inner === '$')) {
      kinds.push(LIT);
      values.push(inner.charCodeAt(0));
    } else if (isPattern && inner.includes(':')) {
      pushName(TOKEN, `\${${inner}}`);
    } else {
      pushLiteral(`\${${inner}}`);
    }
  };
  let literalStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (wildcards && (c === 42 || c === 63)) {
      pushLiteral(text.slice(literalStart, i));
      kinds.push(c === 42 ? STAR : QMARK);
      values.push(0);
      literalStart = ++i;
      continue;
    }
    // `${` without a closing brace is literal text, as in Fn::Sub.
    const close = c === 36 && text.charCodeAt(i + 1) === 123 ? text.indexOf('}', i + 2) : -1;
    if (close < 0) {
      i++;
      continue;
    }
    pushLiteral(text.slice(literalStart, i));
    if (text.charCodeAt(i + 2) === 33) {
      pushEscaped(text.slice(i + 3, close));
    } else {
      const name = text.slice(i + 2, close);
      const pinned = name.startsWith('AWS::') ? pinnedPseudoValue(name, mode) : undefined;
      if (pinned !== undefined) pushLiteral(pinned);
      else if (name.startsWith('AWS::')) pushName(SEGMENT_PSEUDO_PARAMETERS.has(name) ? PSEUDO_SEGMENT : PSEUDO, name);
      else pushName(TOKEN, name);
    }
    literalStart = i = close + 1;
  }
  pushLiteral(text.slice(literalStart));
  const seq: SymbolSeq = { length: kinds.length, kinds: Uint8Array.from(kinds), values: Int32Array.from(values), plain };
  if (symbolSequences.size >= MAX_CACHED_SEQUENCES) symbolSequences.clear();
  symbolSequences.set(key, seq);
  return seq;
}

function computeMatch(pattern: SymbolSeq, value: SymbolSeq): Level {
  if (pattern.plain && value.plain) return globSymbols(pattern, value) ? YES : NO;
  return symbolMatcher.match(pattern, value);
}

/** Glob with one remembered star: O(pattern * value) at worst, never exponential. */
function globSymbols(pattern: SymbolSeq, value: SymbolSeq): boolean {
  const pk = pattern.kinds;
  const pv = pattern.values;
  const vv = value.values;
  let p = 0;
  let v = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (v < value.length) {
    const kind = p < pattern.length ? pk[p] : END;
    if (kind === STAR) {
      starAt = p++;
      resumeAt = v;
    } else if (kind === QMARK || (kind === LIT && pv[p] === vv[v])) {
      p++;
      v++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      v = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pk[p] === STAR) p++;
  return p === pattern.length;
}

// Beyond this the memo table would take more memory than an answer is worth; no real ARN gets near it.
const MAX_TABLE_CELLS = 1 << 25;
const RETAINED_TABLE_CELLS = 1 << 20;
// A state has at most five ways on: a pattern token's three plus a value token's two.
const MAX_TRANSITIONS = 6;

/**
 * Best result (yes > maybe > no) over all alignments of a pattern with a value, memoized over
 * (pattern index, value index, state), so the cost is bounded by the table size whatever the pattern.
 * State 1: the pattern's pseudo parameter at the index has taken at least one value symbol and may take
 * more. State 2: the value's pseudo parameter at the index has absorbed at least one pattern symbol.
 * A value token absorbs any run of pattern symbols and a pattern token any run of value symbols, both
 * capped at "maybe"; they need no state of their own because they may stand for the empty string.
 *
 * The search runs on an explicit stack: ARNs of a few thousand characters would overflow the call
 * stack if every symbol were a recursive call.
 */
class SymbolMatcher {
  private memo = new Uint8Array(1024);
  private p!: SymbolSeq;
  private v!: SymbolSeq;
  private stride = 0;
  /** Where `add` writes the next transition. */
  private slot = 0;
  // Frame stack: one frame per state being decided, with its transitions (child state, cap on the result).
  private frameState = new Int32Array(64);
  private frameNext = new Uint8Array(64);
  private frameCount = new Uint8Array(64);
  private frameBest = new Uint8Array(64);
  private children = new Int32Array(64 * MAX_TRANSITIONS);
  private caps = new Uint8Array(64 * MAX_TRANSITIONS);

  match(pattern: SymbolSeq, value: SymbolSeq): Level {
    const cells = (pattern.length + 1) * (value.length + 1) * 3;
    if (cells > MAX_TABLE_CELLS) return MAYBE;
    if (this.memo.length < cells) this.memo = new Uint8Array(cells);
    else this.memo.fill(0, 0, cells);
    this.p = pattern;
    this.v = value;
    this.stride = value.length + 1;
    // Every transition advances in the pattern, the value or both, so the stack never gets deeper than this.
    this.reserveFrames(pattern.length + value.length + 2);
    const result = this.solve(0);
    // A freak input should not keep megabytes alive for the rest of the run.
    if (cells > RETAINED_TABLE_CELLS) this.memo = new Uint8Array(1024);
    return result;
  }

  private solve(root: number): Level {
    const memo = this.memo;
    let depth = 0;
    this.pushFrame(depth++, root);
    while (depth > 0) {
      const frame = depth - 1;
      const best = this.frameBest[frame];
      const next = this.frameNext[frame];
      if (best === YES || next === this.frameCount[frame]) {
        memo[this.frameState[frame]] = best + 1;
        depth--;
        continue;
      }
      const slot = frame * MAX_TRANSITIONS + next;
      const cap = this.caps[slot];
      if (cap <= best) {
        this.frameNext[frame] = next + 1;
        continue;
      }
      const child = this.children[slot];
      const known = memo[child];
      if (known === 0) {
        this.pushFrame(depth++, child);
        continue;
      }
      const level = known - 1 < cap ? known - 1 : cap;
      if (level > best) this.frameBest[frame] = level;
      this.frameNext[frame] = next + 1;
    }
    return (memo[root] - 1) as Level;
  }

  private pushFrame(frame: number, state: number): void {
    this.frameState[frame] = state;
    this.frameNext[frame] = 0;
    this.frameBest[frame] = NO;
    this.frameCount[frame] = this.listTransitions(state, frame * MAX_TRANSITIONS);
    const s = state % 3;
    const cell = (state - s) / 3;
    if (s === 0 && cell === this.p.length * this.stride + this.v.length) this.frameBest[frame] = YES;
  }

  /** Writes the transitions out of a state, best first so the search can stop early; returns how many. */
  private listTransitions(state: number, base: number): number {
    const s = state % 3;
    const cell = (state - s) / 3;
    const i = Math.floor(cell / this.stride);
    const j = cell - i * this.stride;
    const p = this.p;
    const v = this.v;
    const pk = i < p.length ? p.kinds[i] : END;
    const vk = j < v.length ? v.kinds[j] : END;
    this.slot = base;

    if (s === 1) {
      this.add(i + 1, j, 0, YES);
      if (canTake(pk, vk, v.values[j])) this.add(i, j + 1, 1, takeLevel(vk));
      return this.slot - base;
    }
    if (s === 2) {
      this.add(i, j + 1, 0, YES);
      if (canAbsorb(vk, pk, p.values[i])) this.add(i + 1, j, 2, YES);
      return this.slot - base;
    }
    switch (pk) {
      case LIT:
        if (vk === LIT && p.values[i] === v.values[j]) this.add(i + 1, j + 1, 0, YES);
        break;
      case QMARK:
        if (vk === LIT) this.add(i + 1, j + 1, 0, YES);
        break;
      case STAR:
        this.add(i + 1, j, 0, YES);
        if (vk !== END) this.add(i, j + 1, 0, YES);
        break;
      case PSEUDO_SEGMENT:
      case PSEUDO:
        if (canTake(pk, vk, v.values[j])) this.add(i, j + 1, 1, takeLevel(vk));
        break;
      case TOKEN:
        if (vk === TOKEN && p.values[i] === v.values[j]) this.add(i + 1, j + 1, 0, YES);
        this.add(i + 1, j, 0, MAYBE);
        if (vk !== END) this.add(i, j + 1, 0, MAYBE);
        break;
    }
    if (vk === TOKEN) {
      this.add(i, j + 1, 0, MAYBE);
      if (pk !== END) this.add(i + 1, j, 0, MAYBE);
    } else if (isPseudo(vk) && canAbsorb(vk, pk, p.values[i])) {
      // A template deployed to the account and region its policies name works: the pseudo parameter
      // is treated like one in the policy, matching the literal (unless config pins its value).
      this.add(i + 1, j, 2, YES);
    }
    return this.slot - base;
  }

  private add(i: number, j: number, state: number, cap: Level): void {
    this.children[this.slot] = (i * this.stride + j) * 3 + state;
    this.caps[this.slot] = cap;
    this.slot++;
  }

  private reserveFrames(frames: number): void {
    if (this.frameState.length >= frames) return;
    this.frameState = new Int32Array(frames);
    this.frameNext = new Uint8Array(frames);
    this.frameCount = new Uint8Array(frames);
    this.frameBest = new Uint8Array(frames);
    this.children = new Int32Array(frames * MAX_TRANSITIONS);
    this.caps = new Uint8Array(frames * MAX_TRANSITIONS);
  }
}

const symbolMatcher = new SymbolMatcher();

function isPseudo(kind: number): boolean {
  return kind === PSEUDO_SEGMENT || kind === PSEUDO;
}

function isSeparator(codePoint: number): boolean {
  return codePoint === COLON || codePoint === SLASH;
}

/** Whether a pattern pseudo parameter can stand for the value symbol. */
function canTake(patternKind: number, valueKind: number, valueSymbol: number): boolean {
  if (valueKind === LIT) return patternKind !== PSEUDO_SEGMENT || !isSeparator(valueSymbol);
  return valueKind !== END;
}

/** A pseudo parameter in the pattern matches any value; only an unknown token makes it uncertain. */
function takeLevel(valueKind: number): Level {
  return valueKind === TOKEN ? MAYBE : YES;
}

/** Whether a value pseudo parameter's (unknown) text could contain what the pattern symbol matches. */
function canAbsorb(valueKind: number, patternKind: number, patternSymbol: number): boolean {
  if (patternKind === LIT) return valueKind !== PSEUDO_SEGMENT || !isSeparator(patternSymbol);
  return patternKind !== END;
}

