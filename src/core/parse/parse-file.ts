/** Turns any file's text into a ParsedFile: picks JSON or YAML, enforces the size limit and decides what kind of file it is. */
import { SourceFile } from '../text/source-file.js';
import { detectFileKind, guessFileKind } from './file-kind.js';
import { parseJson } from './json-parser.js';
import type { ParseOutcome } from './parse-failure.js';
import { defaultParseLimits, type ParseError, type ParseLimits, type ParsedFile, type Syntax } from './parsed-file.js';
import { parseYaml } from './yaml-parser.js';

/**
 * Parses one file. Never throws and stays fast on hostile input: size, nesting, node and alias limits
 * are checked before the work they bound. A file that fails to parse keeps `error` only when it looks
 * like a template or task definition.
 */
export function parseFile(path: string, text: string, limits: ParseLimits = defaultParseLimits): ParsedFile {
  const source = new SourceFile(path, text);
  let syntax = detectSyntax(text);
  try {
    if (text.length > limits.maxFileBytes) {
      const message = `file is ${formatSize(text.length)}, over the ${formatSize(limits.maxFileBytes)} limit`;
      return failedFile(source, syntax, { message, startOffset: 0, endOffset: 0 });
    }

    let outcome: ParseOutcome = syntax === 'json' ? parseJson(text, limits) : parseYaml(text, limits);
    // CloudFormation reads YAML, and flow-style YAML can start with `{` without being JSON.
    if (outcome.error && syntax === 'json' && !path.toLowerCase().endsWith('.json')) {
      const yamlOutcome = parseYaml(text, limits);
      if (yamlOutcome.root) {
        outcome = yamlOutcome;
        syntax = 'yaml';
      }
    }
    if (outcome.error) return failedFile(source, syntax, outcome.error);

    const { kind, taskDefinitionRoot } = detectFileKind(outcome.root);
    const parsed: ParsedFile = { source, syntax, kind, root: outcome.root };
    if (taskDefinitionRoot) parsed.taskDefinitionRoot = taskDefinitionRoot;
    return parsed;
  } catch (error) {
    // The parsers catch their own failures; this only guards against a bug turning into a crash of the whole run.
    const detail = error instanceof Error ? error.message : String(error);
    return failedFile(source, syntax, { message: `could not parse the file: ${detail}`, startOffset: 0, endOffset: 0 });
  }
}

/**
 * A file over the size limit that the caller did not read whole: only its head is known, enough to tell
 * whether it looks like a template or task definition and so deserves a parse error rather than silence.
 */
export function parseOversizedFile(path: string, head: string, sizeBytes: number, limits: ParseLimits = defaultParseLimits): ParsedFile {
  const source = new SourceFile(path, head);
  const message = `file is ${formatSize(sizeBytes)}, over the ${formatSize(limits.maxFileBytes)} limit`;
  return failedFile(source, detectSyntax(head), { message, startOffset: 0, endOffset: 0 });
}

/** JSON when the first character after any BOM and whitespace opens an object or array; YAML otherwise. */
export function detectSyntax(text: string): Syntax {
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 0xfeff || code === 32 || code === 9 || code === 10 || code === 13) continue;
    return code === 123 /* { */ || code === 91 /* [ */ ? 'json' : 'yaml';
  }
  return 'yaml';
}

function failedFile(source: SourceFile, syntax: Syntax, error: ParseError): ParsedFile {
  const kind = guessFileKind(source.text);
  if (kind === 'other') return { source, syntax, kind };
  // Parsers report "unexpected end of input" just past the last character; keep ranges inside the text.
  const length = source.text.length;
  const startOffset = Math.min(Math.max(0, error.startOffset), length);
  const endOffset = Math.min(Math.max(startOffset, error.endOffset), length);
  return { source, syntax, kind, error: { ...error, startOffset, endOffset } };
}

/** Sizes as people say them: "6 MB", "5.2 MB", "300 KB". */
function formatSize(length: number): string {
  const megabytes = length / (1024 * 1024);
  if (megabytes >= 10) return `${Math.round(megabytes)} MB`;
  if (megabytes >= 1) return `${Math.round(megabytes * 10) / 10} MB`;
  if (length >= 1024) return `${Math.round(length / 1024)} KB`;
  return `${length} bytes`;
}
