/** The terminal report: one block per finding with its location, severity, rule, message and patch. */
import type { Finding, Severity } from '../core/finding.js';
import type { SourceFile } from '../core/text/source-file.js';
import { buildRegion } from './region.js';
import { countBySeverity, renderSeverityCounts } from './summary.js';
import { renderFixDiff } from './unified-diff.js';

export interface TextRenderOptions {
  /** Emit ANSI colors; the CLI sets it only for a terminal. */
  color: boolean;
  /** Maps a finding's root-relative path to the path shown; defaults to the path itself. */
  cwdRelative?: (path: string) => string;
}

const ansi = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const severityColor: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, notice: ansi.cyan };

export function renderText(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>, options: TextRenderOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ansi.reset}` : text);
  const showPath = options.cwdRelative ?? ((path: string) => path);
  const blocks: string[] = [];
  for (const finding of findings) {
    const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    let block = [
      paint(ansi.bold, `${sanitizeForTerminal(showPath(finding.path))}:${region.startLine}:${region.startColumn}`),
      paint(severityColor[finding.severity], finding.severity),
      paint(ansi.dim, sanitizeForTerminal(finding.ruleId)),
      sanitizeForTerminal(finding.message),
    ].join('  ') + '\n';
    const fix = finding.fixes[0];
    if (fix) {
      block += `  ${paint(ansi.bold, `fix: ${sanitizeForTerminal(fix.title)}`)}\n`;
      let diff: string;
      try {
        diff = renderFixDiff(fix, files);
      } catch (error) {
        // A malformed fix is a rule bug; show the finding anyway rather than lose the whole report.
        diff = `(the patch cannot be shown: ${(error as Error).message})\n`;
      }
      for (const line of diff.split('\n').slice(0, -1)) block += `  ${paintDiffLine(sanitizeForTerminal(line), paint)}\n`;
    }
    blocks.push(block);
  }
  const counts = countBySeverity(findings);
  const summary = findings.length === 0 ? 'no findings' : renderSeverityCounts(counts);
  blocks.push(paint(ansi.bold, summary) + '\n');
  return blocks.join('\n');
}

function paintDiffLine(line: string, paint: (code: string, text: string) => string): string {
  if (line.startsWith('+++ ') || line.startsWith('--- ')) return paint(ansi.bold, line);
  if (line.startsWith('@@')) return paint(ansi.cyan, line);
  if (line.startsWith('+')) return paint(ansi.green, line);
  if (line.startsWith('-')) return paint(ansi.red, line);
  return line;
}

/**
 * Shows control characters and bidirectional overrides from file content as escapes: printed raw, an
 * escape sequence in a template could rewrite the terminal or hide text (https://trojansource.codes).
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
