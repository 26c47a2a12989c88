/** Glob patterns from the config's include/exclude, compiled once to regular expressions over root-relative paths. */

/** Brace alternatives multiply (`{a,b}{c,d}` is 4); past this a pattern is refused rather than compiled. */
const maxAlternatives = 1024;

export class GlobSyntaxError extends Error {}

/**
 * Compiles one pattern. Paths are root-relative with forward slashes and no leading `./`.
 * - `*` matches within one path segment, `?` one character of a segment;
 * - `**` as a whole segment matches any number of segments, zero included, so `a/**` matches `a` and
 *   everything under it and `**\/x.yml` matches `x.yml` at the root;
 * - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` are character classes; they never match `/`;
 * - `{a,b}` are alternatives, nestable;
 * - `\` escapes the next character. An unclosed `[` or `{` is literal.
 * Dot-files are not special: `**\/*.yml` matches `.github/x.yml`.
 */
export function compileGlob(pattern: string): RegExp {
  let normalized = pattern.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  if (normalized.endsWith('/')) normalized += '**';
  const alternatives = expandBraces(normalized);
  return new RegExp(`^(?:${alternatives.map(compileBraceFree).join('|')})$`, 'u');
}

/** One predicate for a list of patterns: true when any matches. */
export function compileGlobs(patterns: readonly string[]): (path: string) => boolean {
  const regexps = patterns.map(compileGlob);
  return (path) => regexps.some((regexp) => regexp.test(path));
}

/** Expands `{a,b}` into separate patterns, so `**` next to a brace still sees its segment boundaries. */
function expandBraces(pattern: string): string[] {
  const open = findBraceOpen(pattern);
  if (open === -1) return [pattern];
  const close = findMatchingBrace(pattern, open);
  if (close === -1) return [pattern];
  const options = splitTopLevelCommas(pattern.slice(open + 1, close));
  const prefix = pattern.slice(0, open);
  const suffixes = expandBraces(pattern.slice(close + 1));
  const result: string[] = [];
  for (const option of options) {
    for (const middle of expandBraces(option)) {
      for (const suffix of suffixes) {
        result.push(prefix + middle + suffix);
        if (result.length > maxAlternatives) {
          throw new GlobSyntaxError(`glob "${pattern}" expands to more than ${maxAlternatives} alternatives`);
        }
      }
    }
  }
  return result;
}

/** The first `{` that is not escaped, not inside a character class, and has a matching `}`. */
function findBraceOpen(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '[') {
      const end = findClassEnd(pattern, i);
      if (end !== -1) i = end;
    } else if (char === '{' && findMatchingBrace(pattern, i) !== -1) return i;
  }
  return -1;
}

function findMatchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevelCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the `]` closing the class opened at `open`, or -1; a `]` right after `[` or `[!` is literal. */
function findClassEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

function compileBraceFree(pattern: string): string {
  const segments = pattern.split('/');
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      // `**/` may match nothing; a trailing `/**` may match nothing, including its slash.
      if (last) source = index === 0 ? '.*' : `${source.slice(0, -1)}(?:/.*)?`;
      else source += '(?:[^/]*/)*';
      return;
    }
    source += compileSegment(segment) + (last ? '' : '/');
  });
  return source;
}

function compileSegment(segment: string): string {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\' && i + 1 < segment.length) source += escapeRegExp(segment[++i]);
    else if (char === '*') {
      while (segment[i + 1] === '*') i++;
      source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = findClassEnd(segment, i);
      if (end === -1) source += '\\[';
      else {
        source += compileClass(segment.slice(i + 1, end));
        i = end;
      }
    } else source += escapeRegExp(char);
  }
  return source;
}

function compileClass(body: string): string {
  let negated = false;
  if (body[0] === '!' || body[0] === '^') {
    negated = true;
    body = body.slice(1);
  }
  let members = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\' && i + 1 < body.length) members += escapeClassChar(body[++i]);
    else if (char === '-' && i > 0 && i < body.length - 1) members += '-';
    else members += escapeClassChar(char);
  }
  return negated ? `[^/${members}]` : `(?!/)[${members}]`;
}

// With the `u` flag only syntax characters may be escaped outside a class; `\-` would be a SyntaxError.
function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function escapeClassChar(char: string): string {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char;
}
