/** The `ecs-iam-lint` check run: conclusion, title, summary and annotations sent 50 per request. */
import type { FailOn } from '../core/config.js';
import type { Finding, Severity } from '../core/finding.js';
import type { SourceFile } from '../core/text/source-file.js';
import { hasFailingFinding } from '../core/has-failing-finding.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { buildRegion } from '../render/region.js';
import { countBySeverity, renderMarkdownSummary, renderSeverityCounts } from '../render/summary.js';
import { renderFixDiff } from '../render/unified-diff.js';
import type { AnnotationLevel, CallOptions, CheckConclusion, CheckRunAnnotation, GitHubClient, RepoRef } from './client.js';

export const checkRunName = 'ecs-iam-lint';

/** GitHub accepts at most 50 annotations per create or update request. */
export const annotationsPerRequest = 50;

/** Annotations beyond this many are left to the summary, so a huge repository does not cost hundreds of requests. */
export const defaultMaxAnnotations = 1000;

/** A check run's summary holds at most 65535 characters. */
const maxSummaryLength = 60_000;

/** GitHub caps `raw_details` at 64 KB. */
const maxRawDetailsLength = 60_000;

const levelBySeverity: Record<Severity, AnnotationLevel> = { error: 'failure', warning: 'warning', notice: 'notice' };

/** `failure` when a finding is at or above `fail-on`; otherwise `neutral` when the run itself partly failed, else `success`. */
export function buildCheckConclusion(findings: readonly Finding[], failOn: FailOn, partlyFailed: boolean): CheckConclusion {
  if (hasFailingFinding(findings, failOn)) return 'failure';
  return partlyFailed ? 'neutral' : 'success';
}

export function buildAnnotations(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>): CheckRunAnnotation[] {
  return findings.map((finding) => {
    const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
    // A range that stops right after a line break ends on the line before, not at column 1 of the next.
    if (region.endLine > region.startLine && region.endColumn === 1) region.endLine--;
    const annotation: CheckRunAnnotation = {
      path: finding.path,
      startLine: region.startLine,
      endLine: region.endLine,
      level: levelBySeverity[finding.severity],
      message: finding.message,
      title: `ecs-iam-lint (${finding.ruleId})`,
    };
    if (region.startLine === region.endLine) {
      annotation.startColumn = region.startColumn;
      annotation.endColumn = Math.max(region.startColumn, region.endColumn);
    }
    const fix = finding.fixes[0];
    if (fix) {
      try {
        const details = `${fix.title}\n\n${renderFixDiff(fix, files)}`;
        if (details.length <= maxRawDetailsLength) annotation.rawDetails = details;
      } catch {
        // A malformed fix is a rule bug; the annotation still stands without its patch.
      }
    }
    return annotation;
  });
}

export interface CheckRunContent {
  title: string;
  summary: string;
}

/** Title with the counts; summary with the findings table, then what went wrong in the run itself. */
export function buildCheckRunContent(
  findings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  problems: readonly string[],
  annotationLimit = defaultMaxAnnotations,
): CheckRunContent {
  const counts = countBySeverity(findings);
  let title = findings.length === 0 ? 'No findings' : renderSeverityCounts(counts);
  if (problems.length > 0) title += ' (the run was incomplete)';
  let notes = '';
  if (findings.length > annotationLimit) {
    notes += `\nThe first ${annotationLimit} findings are annotated; the table lists the rest.\n`;
  }
  if (problems.length > 0) {
    // Problems quote GitHub's messages and repository paths: inert text, never markup.
    notes += `\n**The run was incomplete:**\n\n${problems.map((problem) => `- ${escapeMarkdown(problem)}`).join('\n')}\n`;
  }
  const table = renderMarkdownSummary(findings, files, { maxLength: maxSummaryLength - notes.length });
  return { title, summary: table + notes };
}

export interface CheckRunRequest extends CheckRunContent {
  headSha: string;
  conclusion: CheckConclusion;
  annotations: readonly CheckRunAnnotation[];
  /** A run already created `in_progress` (the App starts one when the event arrives): it is completed instead of a new one created. */
  checkRunId?: number;
}

export interface PublishedCheckRun {
  id: number;
  /** Create and update requests made. */
  requests: number;
  annotationsSent: number;
  /** A later batch that failed; the run exists, with the annotations sent before it. */
  error?: Error;
}

/**
 * Creates the check run, completed, with the first 50 annotations, then adds the rest 50 per update
 * (GitHub appends the annotations of each update). Throws when the create itself fails.
 *
 * With `checkRunId`, the run in progress gets the output and its annotations first and the conclusion
 * last, so GitHub never shows it concluded without them; throws when the first update or the conclusion fails.
 */
export async function publishCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  request: CheckRunRequest,
  options: CallOptions = {},
): Promise<PublishedCheckRun> {
  const batches: CheckRunAnnotation[][] = [];
  for (let index = 0; index < request.annotations.length; index += annotationsPerRequest) {
    batches.push(request.annotations.slice(index, index + annotationsPerRequest));
  }
  const output = { title: request.title, summary: request.summary };
  if (request.checkRunId !== undefined) {
    const id = request.checkRunId;
    await client.updateCheckRun(repo, id, { ...output, annotations: batches[0] ?? [] }, options);
    const published: PublishedCheckRun = { id, requests: 1, annotationsSent: batches[0]?.length ?? 0 };
    await addAnnotationBatches(client, repo, output, batches.slice(1), published, options);
    await client.completeCheckRun(repo, id, request.conclusion, undefined, options);
    published.requests++;
    return published;
  }
  const { id } = await client.createCheckRun(repo, {
    name: checkRunName,
    headSha: request.headSha,
    conclusion: request.conclusion,
    output: { ...output, annotations: batches[0] ?? [] },
  }, options);
  const published: PublishedCheckRun = { id, requests: 1, annotationsSent: batches[0]?.length ?? 0 };
  await addAnnotationBatches(client, repo, output, batches.slice(1), published, options);
  return published;
}

/** Appends the batches one update each; stops at the first that fails and records its error. */
async function addAnnotationBatches(
  client: GitHubClient,
  repo: RepoRef,
  output: CheckRunContent,
  batches: readonly CheckRunAnnotation[][],
  published: PublishedCheckRun,
  options: CallOptions,
): Promise<void> {
  for (const batch of batches) {
    try {
      await client.updateCheckRun(repo, published.id, { ...output, annotations: batch }, options);
    } catch (error) {
      published.error = error as Error;
      return;
    }
    published.requests++;
    published.annotationsSent += batch.length;
  }
}
