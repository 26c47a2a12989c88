/** The markdown the Action writes to the job summary: the findings table and what the run did or could not do. */
import type { Finding } from '../core/finding.js';
import type { SourceFile } from '../core/text/source-file.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { renderMarkdownSummary } from '../render/summary.js';
import { renderFence } from '../github/markdown-fence.js';

export interface JobSummaryInput {
  findings: readonly Finding[];
  files: ReadonlyMap<string, SourceFile>;
  /** What the findings are: `on the files this pull request changes` or `in the repository`. */
  scope: string;
  /** Sentences on what was published. */
  actions: readonly string[];
  problems: readonly string[];
  notes: readonly string[];
}

/** A step summary holds at most 1 MiB; the table is cut well before. */
const maxTableLength = 500_000;

export function renderJobSummary(input: JobSummaryInput): string {
  let markdown = `## ecs-iam-lint\n\nFindings ${input.scope}.\n\n`;
  markdown += renderMarkdownSummary(input.findings, input.files, { maxLength: maxTableLength });
  if (input.actions.length > 0) markdown += `\n${input.actions.map((line) => `- ${line}`).join('\n')}\n`;
  if (input.problems.length > 0) {
    markdown += `\n### The run was incomplete\n\n${input.problems.map((problem) => `- ${escapeMarkdown(problem)}`).join('\n')}\n`;
  }
  if (input.notes.length > 0) markdown += `\n${input.notes.map((note) => `- ${escapeMarkdown(note)}`).join('\n')}\n`;
  return markdown;
}

/** The summary of a run stopped by an invalid config file: the reason, verbatim in a code block. */
export function renderConfigErrorSummary(error: string): string {
  return `## ecs-iam-lint\n\nThe configuration is invalid, so nothing was linted:\n\n${renderFence(error, 'text')}\n`;
}
