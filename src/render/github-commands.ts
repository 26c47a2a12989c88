/** GitHub Actions workflow commands (`::error file=...::message`) that turn findings into annotations. */
import type { Finding, Severity } from '../core/finding.js';
import type { SourceFile } from '../core/text/source-file.js';
import { buildRegion } from './region.js';

const commandBySeverity: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

/**
 * One command per finding, each on its own line. Columns are given only for a single-line range:
 * GitHub rejects `col`/`endColumn` on annotations that span lines
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message).
 */
export function renderWorkflowCommands(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>): string {
  let output = '';
  for (const finding of findings) {
    const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    // A range that stops at a line break ends on the line before, not at column 1 of the next.
    if (region.endLine > region.startLine && region.endColumn === 1) region.endLine--;
    const properties: [string, string | number][] = [['file', finding.path], ['line', region.startLine]];
    if (region.startLine === region.endLine) properties.push(['col', region.startColumn]);
    properties.push(['endLine', region.endLine]);
    if (region.startLine === region.endLine) properties.push(['endColumn', region.endColumn]);
    properties.push(['title', `ecs-iam-lint (${finding.ruleId})`]);
    const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
    output += `::${commandBySeverity[finding.severity]} ${rendered}::${escapeData(finding.message)}\n`;
  }
  return output;
}

// The runner's own escaping rules, from @actions/core's command.ts.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
