/** IAM action patterns matched the way IAM matches them: case-insensitively, with `*` and `?` wildcards. */

interface CompiledActionPattern {
  /** The pattern in lower case; actions are folded to ASCII lower case while comparing, so no copy is made per call. */
  text: string;
  /** `prefix` is the common `ecr:Get*` form, which needs no backtracking. */
  shape: 'any' | 'exact' | 'prefix' | 'glob';
}

// Bounded because patterns come from user files: a repository with absurdly many distinct actions
// should cost recompilation, not memory.
const MAX_CACHED_PATTERNS = 10_000;
const compiledPatterns = new Map<string, CompiledActionPattern>();

const STAR = 42;
const QMARK = 63;

/** Whether an IAM `Action` pattern (e.g. `ecr:Get*`, `*`) covers an action (e.g. `ECR:GetAuthorizationToken`). */
export function matchesAction(pattern: string, action: string): boolean {
  const compiled = compileActionPattern(pattern);
  const text = compiled.text;
  switch (compiled.shape) {
    case 'any':
      return true;
    case 'exact':
      return text.length === action.length && equalsFolded(text, action, text.length);
    case 'prefix':
      return action.length >= text.length - 1 && equalsFolded(text, action, text.length - 1);
    case 'glob':
      return globFolded(text, action);
  }
}

/** The lower-case service prefix of an action or action pattern (`ecr` for `ECR:GetAuthorizationToken`); '' when it has none, as for `*`. */
export function actionService(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? '' : action.slice(0, colon).toLowerCase();
}

function compileActionPattern(pattern: string): CompiledActionPattern {
  let compiled = compiledPatterns.get(pattern);
  if (compiled) return compiled;
  const text = pattern.toLowerCase();
  let stars = 0;
  let qmarks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === STAR) stars++;
    else if (c === QMARK) qmarks++;
  }
  let shape: CompiledActionPattern['shape'];
  if (stars > 0 && stars === text.length) shape = 'any';
  else if (stars === 0 && qmarks === 0) shape = 'exact';
  else if (stars === 1 && qmarks === 0 && text.charCodeAt(text.length - 1) === STAR) shape = 'prefix';
  else shape = 'glob';
  compiled = { text, shape };
  if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

// Action names are ASCII, so folding A-Z is all IAM's case-insensitivity needs here.
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function equalsFolded(lowerPattern: string, action: string, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (lowerPattern.charCodeAt(i) !== foldAscii(action.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * Glob matching with one remembered star: on a mismatch only the last star absorbs one more
 * character, which is enough for `*`/`?` globs and keeps the worst case at O(pattern * action).
 */
function globFolded(lowerPattern: string, action: string): boolean {
  const pn = lowerPattern.length;
  const an = action.length;
  let p = 0;
  let a = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (a < an) {
    const pc = p < pn ? lowerPattern.charCodeAt(p) : -1;
    if (pc === STAR) {
      starAt = p++;
      resumeAt = a;
    } else if (pc === QMARK || (pc >= 0 && pc === foldAscii(action.charCodeAt(a)))) {
      p++;
      a++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      a = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pn && lowerPattern.charCodeAt(p) === STAR) p++;
  return p === pn;
}
