/** Counts and the markdown table of findings that the Action's job summary and check run show. */
import type { Finding, Severity } from '../core/finding.js';
import { ruleDocsUrl } from '../core/rules/rule-meta.js';
import type { SourceFile } from '../core/text/source-file.js';
import { escapeMarkdown } from './escape-markdown.js';
import { buildRegion } from './region.js';

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** `1 error, 2 warnings, 0 notices`. */
export function renderSeverityCounts(counts: SeverityCounts): string {
  const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`;
}

export interface MarkdownSummaryOptions {
  /**
   * Longest summary to return, in characters; rows that do not fit are counted in a last line instead.
   * A check run's summary holds at most 65535 characters.
   */
  maxLength?: number;
}

/** A heading line with the counts, then a table: severity | rule | file:line | message. */
export function renderMarkdownSummary(
  findings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  options: MarkdownSummaryOptions = {},
): string {
  if (findings.length === 0) return '**ecs-iam-lint**: no findings.\n';
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  let markdown = `**ecs-iam-lint**: ${renderSeverityCounts(countBySeverity(findings))}\n\n`;
  markdown += '| Severity | Rule | File | Message |\n| --- | --- | --- | --- |\n';
  // Room for the "and N more" line, so cutting rows never pushes the total past the limit.
  const reserve = 80;
  let shown = 0;
  for (const finding of findings) {
    const { startLine } = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    const row = `| ${finding.severity} | [${escapeMarkdown(finding.ruleId)}](${ruleDocsUrl(encodeURIComponent(finding.ruleId))}) | ` +
      `${escapeMarkdown(`${finding.path}:${startLine}`)} | ${escapeMarkdown(finding.message)} |\n`;
    if (markdown.length + row.length + reserve > maxLength) break;
    markdown += row;
    shown++;
  }
  if (shown < findings.length) markdown += `\n…and ${findings.length - shown} more ${findings.length - shown === 1 ? 'finding' : 'findings'}.\n`;
  return markdown;
}
