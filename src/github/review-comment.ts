/**
 * Review comments from findings: where each goes (a suggestion on the lines its fix replaces, the
 * finding's own lines, or the review body), and the markdown of comments and the review body. Pure.
 */
import type { Finding, Fix, Severity } from '../core/finding.js';
import { ruleDocsUrl } from '../core/rules/rule-meta.js';
import type { SourceFile } from '../core/text/source-file.js';
import { mergeEdits, type TextEdit } from '../core/text/text-edit.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { findingFingerprint } from '../render/fingerprint.js';
import { buildRegion } from '../render/region.js';
import { countBySeverity, renderSeverityCounts } from '../render/summary.js';
import { renderFixDiff } from '../render/unified-diff.js';
import type { NewReviewComment } from './client.js';
import { findHunk, type DiffHunk } from './diff-hunks.js';
import { renderFence } from './markdown-fence.js';
import { renderFingerprintMarker, reviewMarker } from './markers.js';

/** GitHub rejects reviews with very many comments; the rest go to the body. */
export const defaultMaxInlineComments = 30;

/** GitHub caps a review body at 65536 characters; room is left for the closing line. */
export const maxReviewBodyLength = 60_000;

export interface LineRange {
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
}

/** A suggestion block: the full new text of lines `startLine`..`endLine` of `path`. */
export interface Suggestion extends LineRange {
  /** Without the line break that ends `endLine`; '' deletes the lines. */
  replacement: string;
}

/**
 * The suggestion for a fix: the lines its edits (merged into one, as ESLint merges a fix) replace, and
 * their text after the fix. Undefined when the fix edits more than one file, names a file that was not
 * read, or has edits that do not apply.
 */
export function buildSuggestion(fix: Fix, files: ReadonlyMap<string, SourceFile>): Suggestion | undefined {
  if (fix.edits.length === 0) return undefined;
  const path = fix.edits[0].path;
  if (fix.edits.some((edit) => edit.path !== path)) return undefined;
  const file = files.get(path);
  if (!file) return undefined;
  let merged: TextEdit;
  try {
    merged = mergeEdits(file.text, fix.edits);
  } catch {
    return undefined;
  }
  const text = file.text;
  const { startOffset: start, endOffset: end } = merged;
  if (start < 0 || start > end || end > text.length) return undefined;

  let regionStart = file.lineStartOffset(start);
  // An insertion at the very end of a file that ends with a line break sits on no line GitHub shows:
  // attach it to the last line instead.
  const breakBeforeStart = lineBreakLengthEndingAt(text, start);
  if (start === text.length && start === regionStart && breakBeforeStart > 0) {
    regionStart = file.lineStartOffset(start - breakBeforeStart);
  }
  const head = text.slice(regionStart, start);

  // The edit ends just after a line break and its new text ends with one too (or removes whole lines):
  // it replaces whole lines, up to the one that break ends.
  const breakBeforeEnd = lineBreakLengthEndingAt(text, end);
  if (end > regionStart && breakBeforeEnd > 0) {
    const replaced = head + merged.newText;
    const trailingBreak = trailingLineBreakLength(replaced);
    if (replaced === '' || trailingBreak > 0) {
      return {
        path,
        startLine: file.positionAt(regionStart).line,
        endLine: file.positionAt(end - breakBeforeEnd).line,
        replacement: replaced.slice(0, replaced.length - trailingBreak),
      };
    }
  }
  const regionEnd = file.lineEndOffset(end);
  return {
    path,
    startLine: file.positionAt(regionStart).line,
    endLine: file.positionAt(regionEnd).line,
    replacement: head + merged.newText + text.slice(end, regionEnd),
  };
}

/** The lines a finding covers; a range that stops right after a line break ends on the line before. */
export function buildFindingLines(finding: Finding, files: ReadonlyMap<string, SourceFile>): LineRange {
  const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
  const endLine = region.endLine > region.startLine && region.endColumn === 1 ? region.endLine - 1 : region.endLine;
  return { path: finding.path, startLine: region.startLine, endLine };
}

export interface PlannedComment {
  finding: Finding;
  fingerprint: string;
  comment: NewReviewComment;
}

export interface ReviewPlan {
  /** Comments on changed lines, errors first, at most `maxInlineComments`. */
  inline: PlannedComment[];
  /** Findings for the review body: outside the hunks, with a fix that spans files, or over the cap. */
  body: Finding[];
}

export interface PlanOptions {
  maxInlineComments?: number;
}

/**
 * Decides where each finding goes. A finding with a fix is commented on the lines its first fix replaces,
 * with the suggestion; one without a fix on its own lines. Either way both ends must lie in one hunk of
 * that file's diff (`hunksByPath`, keyed by head path), or the finding goes to the body.
 */
export function planReview(
  findings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  hunksByPath: ReadonlyMap<string, readonly DiffHunk[]>,
  options: PlanOptions = {},
): ReviewPlan {
  const maxInline = options.maxInlineComments ?? defaultMaxInlineComments;
  const plan: ReviewPlan = { inline: [], body: [] };
  for (const finding of sortBySeverity(findings)) {
    const placement = buildPlacement(finding, files);
    const hunks = placement ? hunksByPath.get(placement.range.path) : undefined;
    const fits = placement && hunks && findHunk(hunks, placement.range.startLine, placement.range.endLine);
    if (!placement || !fits || plan.inline.length >= maxInline) {
      plan.body.push(finding);
      continue;
    }
    const comment: NewReviewComment = {
      path: placement.range.path,
      body: renderInlineCommentBody(finding, files, placement.suggestion),
      line: placement.range.endLine,
    };
    if (placement.range.startLine < placement.range.endLine) comment.startLine = placement.range.startLine;
    plan.inline.push({ finding, fingerprint: findingFingerprint(finding), comment });
  }
  return plan;
}

/** The suggestion's lines when the first fix gives one, the finding's lines when there is no fix, else nothing. */
function buildPlacement(finding: Finding, files: ReadonlyMap<string, SourceFile>): { range: LineRange; suggestion?: Suggestion } | undefined {
  const fix = finding.fixes[0];
  if (!fix) return files.has(finding.path) ? { range: buildFindingLines(finding, files) } : undefined;
  const suggestion = buildSuggestion(fix, files);
  return suggestion ? { range: suggestion, suggestion } : undefined;
}

const severityLabel: Record<Severity, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' };
const severityOrder: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

/** `**Error** · [`rule-id`](docs) · message`, naming the finding's place when the comment sits elsewhere. */
function renderHeadline(finding: Finding, files: ReadonlyMap<string, SourceFile>, withLocation: boolean): string {
  const rule = `[\`${finding.ruleId}\`](${ruleDocsUrl(encodeURIComponent(finding.ruleId))})`;
  let headline = `**${severityLabel[finding.severity]}** · ${rule}`;
  if (withLocation) headline += ` · ${escapeMarkdown(`${finding.path}:${buildFindingLines(finding, files).startLine}`)}`;
  return `${headline}\n\n${escapeMarkdown(finding.message)}`;
}

/** An inline comment: headline, message, the suggestion block, the hidden fingerprint. */
export function renderInlineCommentBody(finding: Finding, files: ReadonlyMap<string, SourceFile>, suggestion?: Suggestion): string {
  const parts = [renderHeadline(finding, files, suggestion !== undefined && suggestion.path !== finding.path)];
  const fix = finding.fixes[0];
  if (suggestion && fix) {
    parts.push(`Suggested fix: ${escapeMarkdown(fix.title)}`);
    // GitHub applies the block verbatim; line breaks in markdown are plain `\n`.
    parts.push(renderFence(suggestion.replacement.replace(/\r\n?/g, '\n'), 'suggestion'));
  }
  parts.push(renderFingerprintMarker(findingFingerprint(finding)));
  return parts.join('\n\n');
}

/** One finding of the review body: headline with its place, message, the patch as a diff block, fingerprint. */
export function renderBodyEntry(finding: Finding, files: ReadonlyMap<string, SourceFile>): string {
  const parts = [renderHeadline(finding, files, true)];
  const fix = finding.fixes[0];
  if (fix) {
    let diff: string;
    try {
      diff = renderFixDiff(fix, files).replace(/\n$/, '');
    } catch (error) {
      diff = `(the patch cannot be shown: ${(error as Error).message})`;
    }
    parts.push(`Suggested fix: ${escapeMarkdown(fix.title)}`);
    parts.push(renderFence(diff, 'diff'));
  }
  parts.push(renderFingerprintMarker(findingFingerprint(finding)));
  return parts.join('\n\n');
}

export interface ReviewBody {
  body: string;
  /** Body findings written out, with their fingerprints. */
  shown: Finding[];
  /** Body findings that did not fit; the check run lists them. */
  omitted: Finding[];
}

/** The review body: marker, counts, then the body findings as long as they fit. */
export function renderReviewBody(
  inlineFindings: readonly Finding[],
  bodyFindings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  maxLength = maxReviewBodyLength,
): ReviewBody {
  const all = [...inlineFindings, ...bodyFindings];
  const noun = all.length === 1 ? 'finding' : 'findings';
  let body = `${reviewMarker}\n**ecs-iam-lint** found ${all.length} new ${noun} (${renderSeverityCounts(countBySeverity(all))})`;
  if (inlineFindings.length > 0 && bodyFindings.length > 0) {
    body += `: ${inlineFindings.length} on the changed lines, ${bodyFindings.length} below.`;
  } else if (inlineFindings.length > 0) {
    body += ' on the changed lines.';
  } else {
    body += '.';
  }
  if (bodyFindings.length > 0) {
    body += '\n\nThese cannot be commented on the changed lines: the finding or its fix lies outside the diff, the fix spans files, or the comment limit was reached.';
  }
  const shown: Finding[] = [];
  const omitted: Finding[] = [];
  for (const finding of bodyFindings) {
    const entry = `\n\n---\n\n${renderBodyEntry(finding, files)}`;
    if (omitted.length > 0 || body.length + entry.length > maxLength) {
      omitted.push(finding);
      continue;
    }
    body += entry;
    shown.push(finding);
  }
  if (omitted.length > 0) {
    body += `\n\n…and ${omitted.length} more ${omitted.length === 1 ? 'finding' : 'findings'}: see the ecs-iam-lint check run.`;
  }
  return { body: `${body}\n`, shown, omitted };
}

/** Length of the line break (`\n`, `\r\n` or `\r`) that ends exactly at `offset`, or 0. */
function lineBreakLengthEndingAt(text: string, offset: number): number {
  if (offset >= 2 && text[offset - 2] === '\r' && text[offset - 1] === '\n') return 2;
  if (offset >= 1 && (text[offset - 1] === '\n' || text[offset - 1] === '\r')) return 1;
  return 0;
}

function trailingLineBreakLength(text: string): number {
  return lineBreakLengthEndingAt(text, text.length);
}
