/**
 * The one orchestrator the Action and the App share: list a pull request's changed files, lint the
 * repository, keep the findings the pull request touches, and publish them as one review with
 * suggestions and a check run, without repeating what earlier runs posted.
 */
import type { LintConfig } from '../core/config.js';
import type { Finding } from '../core/finding.js';
import { lint, type LintResult } from '../core/lint.js';
import { findingTouches } from '../core/select-files.js';
import { findingFingerprint } from '../render/fingerprint.js';
import { countBySeverity, type SeverityCounts } from '../render/summary.js';
import {
  GitHubRequestError,
  type CallOptions,
  type CheckConclusion,
  type GitHubClient,
  type NewReviewComment,
  type PullRequestFile,
  type PullRequestRef,
  type ReviewComment,
  type ReviewEvent,
} from './client.js';
import { buildAnnotations, buildCheckConclusion, buildCheckRunContent, defaultMaxAnnotations, publishCheckRun, type CheckRunContent } from './check-run.js';
import { parseDiffHunks, type DiffHunk } from './diff-hunks.js';
import { syncChangedFiles, type FileSource } from './file-source.js';
import { hasReviewMarker, parseFingerprintMarkers } from './markers.js';
import { planReview, renderReviewBody } from './review-comment.js';

export interface PullRequestTarget extends PullRequestRef {
  headSha: string;
  baseSha?: string;
}

/** `review`: review comments and an annotated check run; `annotations`: the check run only; `none`: the check run without annotations. */
export type CommentMode = 'review' | 'annotations' | 'none';

export interface ReviewOptions {
  config: LintConfig;
  /** Path of the config file, named by findings about roles declared there. */
  configPath?: string;
  files: FileSource;
  commentMode: CommentMode;
  /** `REQUEST_CHANGES` is used only when a new finding is at or above `fail-on`; otherwise the review comments. */
  reviewEvent: ReviewEvent;
  /** Default 30; the rest go to the review body. */
  maxInlineComments?: number;
  /** Default 1000; the check-run summary lists the rest. */
  maxAnnotations?: number;
  /**
   * Lint every file even though the pull request changes a few (for a SARIF log of the whole repository).
   * By default only the files the changes may affect are parsed.
   */
  lintWholeRepository?: boolean;
  /** The whole run is boxed in this many milliseconds (default five minutes); what is left undone is reported. */
  timeBudgetMs?: number;
  /**
   * Login of the account that posts (such as `my-app[bot]`). Only its marked comments are ever deleted;
   * without it, marked comments by any bot account are taken as ours.
   */
  commentAuthor?: string;
  /**
   * A check run already created `in_progress` on the head (the App starts one when the event arrives):
   * the review completes it instead of creating another.
   */
  checkRunId?: number;
  log?: (message: string) => void;
}

export interface ReviewOutcome {
  posted: boolean;
  id?: number;
  event?: ReviewEvent;
  /** New findings commented on changed lines. */
  inline: Finding[];
  /** New findings written in the review body. */
  body: Finding[];
  /** New findings that did not fit in the body (the check run has them). */
  omittedFromBody: Finding[];
  /** Findings an earlier run already posted; not posted again. */
  alreadyReported: Finding[];
  /** Our comments deleted because their finding is gone. */
  deletedCommentIds: number[];
  /** Our comments whose finding is gone but that someone replied to: left in place. */
  keptCommentIds: number[];
  /** Our comments another run posted too (two runs at once in different processes): all but the oldest deleted. */
  deletedDuplicateIds: number[];
}

export interface CheckRunOutcome {
  published: boolean;
  id?: number;
  /** Create and update requests made. */
  requests: number;
  annotations: number;
}

export interface PullRequestReviewResult {
  /** The lint: of the files the changes may affect, or of every file with `lintWholeRepository`. */
  lint: LintResult;
  /** The findings the pull request is told about: those whose location, fix or role definition lies in a changed file. */
  findings: Finding[];
  counts: SeverityCounts;
  /** Head paths of the changed files (removed files excluded); undefined when they could not be listed. */
  changedPaths?: string[];
  conclusion: CheckConclusion;
  review: ReviewOutcome;
  checkRun: CheckRunOutcome;
  /**
   * GitHub refused a request with 403 (a read-only token, as on pull requests from forks): the host
   * should show the findings another way, such as workflow-command annotations.
   */
  readOnly: boolean;
  /** What the run could not do; any makes the check run `neutral` unless findings fail it. */
  problems: string[];
  /** What it did differently from the plan, such as inline comments GitHub refused and that moved to the body. */
  notes: string[];
  /** Files the source skipped. */
  fileNotices: string[];
  /**
   * The pull request's head when it was no longer `pr.headSha` right before posting (a push during the
   * review): nothing was posted or deleted, and the check run of the stale head concluded `neutral`.
   */
  supersededBy?: string;
}

export const defaultTimeBudgetMs = 5 * 60_000;

export async function reviewPullRequest(client: GitHubClient, pr: PullRequestTarget, options: ReviewOptions): Promise<PullRequestReviewResult> {
  const log = options.log ?? (() => undefined);
  const budgetMs = options.timeBudgetMs ?? defaultTimeBudgetMs;
  const signal = AbortSignal.timeout(budgetMs);
  // Reading, reviewing and cleaning up get three quarters of the budget, so the check run, which carries
  // the conclusion, always keeps time of its own.
  const call: CallOptions = { signal: AbortSignal.timeout(Math.floor(budgetMs * 0.75)) };
  const problems: string[] = [];
  const notes: string[] = [];
  let readOnly = false;
  const fail = (doing: string, error: unknown): void => {
    if (isForbidden(error)) readOnly = true;
    problems.push(describeFailure(doing, error, budgetMs));
  };

  // The reported state is read before the lint and read again right before posting, so a concurrent run
  // that posted meanwhile is seen.
  const wantsReview = options.commentMode === 'review';
  const [changedResult, sourceResult, earlierState] = await Promise.allSettled([
    client.listPullRequestFiles(pr, call),
    options.files.readFiles(),
    wantsReview ? fetchReportedState(client, pr, options.commentAuthor, call) : Promise.resolve(undefined),
  ]);
  if (sourceResult.status === 'rejected') throw sourceResult.reason;
  let changed: PullRequestFile[] | undefined;
  if (changedResult.status === 'fulfilled') changed = changedResult.value;
  else fail('list the files the pull request changes (every finding in the repository is reported instead)', changedResult.reason);
  let reportedState: ReportedState | undefined;
  if (earlierState.status === 'fulfilled') reportedState = earlierState.value;
  else fail('list the earlier review comments (no review was posted)', earlierState.reason);

  let inputFiles = sourceResult.value.files;
  const fileNotices = [...sourceResult.value.notices];
  if (changed) {
    const synced = await syncChangedFiles(client, pr, inputFiles, changed, options.config, options.files.isInScope?.bind(options.files), call);
    inputFiles = synced.files;
    problems.push(...synced.problems);
    fileNotices.push(...synced.notices);
    if (synced.fetchedPaths.length > 0) log(`Read ${synced.fetchedPaths.length} changed file(s) at the head through the API: ${synced.fetchedPaths.join(', ')}`);
  }

  const changedPaths = changed?.filter((file) => file.status !== 'removed').map((file) => file.path);
  const lintResult = lint(inputFiles, options.config, {
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    // Review mode: only the files the changes may affect are parsed, only findings touching them kept.
    ...(changedPaths && !options.lintWholeRepository ? { changedPaths } : {}),
  });
  const changedSet = new Set(changedPaths);
  const findings = changedPaths ? lintResult.findings.filter((finding) => findingTouches(finding, changedSet)) : lintResult.findings;
  log(`Linted ${inputFiles.length} file(s): ${lintResult.findings.length} finding(s), ${findings.length} on the files this pull request changes.`);

  const review: ReviewOutcome = { posted: false, inline: [], body: [], omittedFromBody: [], alreadyReported: [], deletedCommentIds: [], keptCommentIds: [], deletedDuplicateIds: [] };
  let supersededBy: string | undefined;
  if (wantsReview && changed && reportedState) {
    try {
      const published = await publishReview(client, pr, options, {
        findings,
        lintResult,
        changed,
        reportedState,
        review,
        problems,
        notes,
        call,
        budgetMs,
        log,
      });
      readOnly = published.readOnly || readOnly;
      supersededBy = published.supersededBy;
    } catch (error) {
      fail('publish the review', error);
    }
  }

  // A stale head's check run stays on its own commit; it says the newer head's run is the one that counts.
  const conclusion = supersededBy !== undefined ? 'neutral' : buildCheckConclusion(findings, options.config.failOn, problems.length > 0);
  const checkRun: CheckRunOutcome = { published: false, requests: 0, annotations: 0 };
  if (signal.aborted) {
    problems.push(`the check run was not published: the time budget of ${formatDuration(budgetMs)} ran out`);
  } else {
    const maxAnnotations = options.maxAnnotations ?? defaultMaxAnnotations;
    const annotations = options.commentMode === 'none' || supersededBy !== undefined ? [] : buildAnnotations(findings.slice(0, maxAnnotations), lintResult.files);
    const content = supersededBy !== undefined
      ? buildSupersededContent(pr, supersededBy, buildCheckRunContent(findings, lintResult.files, problems, Infinity))
      : buildCheckRunContent(findings, lintResult.files, problems, options.commentMode === 'none' ? Infinity : maxAnnotations);
    try {
      const published = await publishCheckRun(client, pr, {
        headSha: pr.headSha,
        conclusion,
        ...content,
        annotations,
        ...(options.checkRunId !== undefined ? { checkRunId: options.checkRunId } : {}),
      }, { signal });
      Object.assign(checkRun, { published: true, id: published.id, requests: published.requests, annotations: published.annotationsSent });
      if (published.error) fail(`add every annotation to the check run (${published.annotationsSent} of ${annotations.length} were added)`, published.error);
      log(`Published check run ${published.id} (${conclusion}) with ${published.annotationsSent} annotation(s) in ${published.requests} request(s).`);
    } catch (error) {
      fail('publish the check run', error);
    }
  }

  return {
    lint: lintResult,
    findings,
    counts: countBySeverity(findings),
    ...(changedPaths ? { changedPaths } : {}),
    conclusion,
    review,
    checkRun,
    readOnly,
    problems,
    notes,
    fileNotices,
    ...(supersededBy !== undefined ? { supersededBy } : {}),
  };
}

/** The check run of a head a push replaced while it was reviewed: what happened, then what was found at it. */
function buildSupersededContent(pr: PullRequestTarget, newHead: string, found: CheckRunContent): CheckRunContent {
  return {
    title: `Superseded by ${newHead.slice(0, 7)}`,
    summary: `The head of pull request #${pr.number} moved to ${newHead} while ${pr.headSha} was being reviewed, `
      + 'so this run posted no review comments and deleted none: the run for the new head reports on the pull request.\n\n'
      + `Found at ${pr.headSha.slice(0, 7)}: ${found.title}.\n\n${found.summary}`,
  };
}

interface ReportedState {
  /** Fingerprints in any marked comment or in the body of a marked review. */
  fingerprints: Set<string>;
  /** Our marked comments (never replies), with the fingerprint each carries. */
  ours: { comment: ReviewComment; fingerprint: string }[];
  /** Ids of comments someone replied to. */
  repliedTo: Set<number>;
}

async function fetchReportedState(client: GitHubClient, pr: PullRequestRef, commentAuthor: string | undefined, call: CallOptions): Promise<ReportedState> {
  const [comments, reviews] = await Promise.all([client.listReviewComments(pr, call), client.listReviews(pr, call)]);
  const state: ReportedState = { fingerprints: new Set(), ours: [], repliedTo: new Set() };
  for (const comment of comments) {
    if (comment.inReplyToId !== undefined) {
      state.repliedTo.add(comment.inReplyToId);
      continue;
    }
    const fingerprints = parseFingerprintMarkers(comment.body);
    for (const fingerprint of fingerprints) state.fingerprints.add(fingerprint);
    // A marker copied into someone else's comment may suppress a repeat, but never gets their comment deleted.
    if (fingerprints.length === 1 && isOurComment(comment, commentAuthor)) state.ours.push({ comment, fingerprint: fingerprints[0] });
  }
  for (const review of reviews) {
    if (!hasReviewMarker(review.body)) continue;
    for (const fingerprint of parseFingerprintMarkers(review.body)) state.fingerprints.add(fingerprint);
  }
  return state;
}

/** Posted by the account that runs the review: by its login when known, else by any bot. */
function isOurComment(comment: ReviewComment, commentAuthor: string | undefined): boolean {
  return commentAuthor !== undefined ? comment.author?.login === commentAuthor : comment.author?.type === 'Bot';
}

interface PublishContext {
  findings: Finding[];
  lintResult: LintResult;
  changed: PullRequestFile[];
  reportedState: ReportedState;
  review: ReviewOutcome;
  problems: string[];
  notes: string[];
  call: CallOptions;
  budgetMs: number;
  log: (message: string) => void;
}

interface PublishedReview {
  /** A write was refused with 403. */
  readOnly: boolean;
  /** The head the pull request had moved to: nothing was written. */
  supersededBy?: string;
}

/**
 * Posts the new findings as one review and deletes our stale comments, unless the pull request's head
 * moved meanwhile: then the run for the newer head writes, and this one writes nothing.
 */
async function publishReview(client: GitHubClient, pr: PullRequestTarget, options: ReviewOptions, context: PublishContext): Promise<PublishedReview> {
  const { findings, lintResult, review, problems, notes, call, log } = context;
  let readOnly = false;
  const fingerprintOf = new Map(findings.map((finding) => [finding, findingFingerprint(finding)]));
  let state = context.reportedState;
  // Two findings with one fingerprint (same rule, node and subject) are one comment.
  const unique = [...new Map(findings.map((finding) => [fingerprintOf.get(finding)!, finding])).values()];
  let fresh = unique.filter((finding) => !state.fingerprints.has(fingerprintOf.get(finding)!));
  if (fresh.length > 0) {
    state = await fetchReportedState(client, pr, options.commentAuthor, call);
    fresh = unique.filter((finding) => !state.fingerprints.has(fingerprintOf.get(finding)!));
  }
  review.alreadyReported = findings.filter((finding) => state.fingerprints.has(fingerprintOf.get(finding)!));

  // Read as late as possible: a push after this is seen by the run for the new head, which sees what this one posts.
  const newHead = await readNewerHead(client, pr, call, notes, context.budgetMs);
  if (newHead !== undefined) {
    notes.push(`The pull request's head moved to ${newHead} during the review of ${pr.headSha}: no review was posted and no comment deleted; the run for ${newHead.slice(0, 7)} reports.`);
    log(`Superseded: the head moved to ${newHead}; nothing posted for ${pr.headSha}.`);
    return { readOnly: false, supersededBy: newHead };
  }

  if (fresh.length === 0) {
    log('No new findings to review.');
  } else {
    const hunksByPath = new Map<string, DiffHunk[]>();
    for (const file of context.changed) if (file.patch !== undefined) hunksByPath.set(file.path, parseDiffHunks(file.patch));
    const plan = planReview(fresh, lintResult.files, hunksByPath, options.maxInlineComments !== undefined ? { maxInlineComments: options.maxInlineComments } : {});
    const requestChanges = options.reviewEvent === 'REQUEST_CHANGES' && buildCheckConclusion(fresh, options.config.failOn, false) === 'failure';
    let event: ReviewEvent = requestChanges ? 'REQUEST_CHANGES' : 'COMMENT';
    let inline = plan.inline;
    let bodyFindings = plan.body;
    for (let attempt = 0; attempt < 3; attempt++) {
      const rendered = renderReviewBody(inline.map((planned) => planned.finding), bodyFindings, lintResult.files);
      const comments: NewReviewComment[] = inline.map((planned) => planned.comment);
      try {
        const { id } = await client.createReview(pr, { commitId: pr.headSha, event, body: rendered.body, comments }, call);
        Object.assign(review, { posted: true, id, event, inline: inline.map((planned) => planned.finding), body: rendered.shown, omittedFromBody: rendered.omitted });
        log(`Posted review ${id} with ${inline.length} inline comment(s) and ${rendered.shown.length} finding(s) in its body.`);
        if (inline.length > 0) {
          const posted = new Set(inline.map((planned) => fingerprintOf.get(planned.finding)!));
          readOnly = (await deleteDuplicateComments(client, pr, options.commentAuthor, posted, context)) || readOnly;
        }
        break;
      } catch (error) {
        const unprocessable = error instanceof GitHubRequestError && error.status === 422;
        if (unprocessable && event === 'REQUEST_CHANGES' && /own pull request/i.test(error.message)) {
          notes.push('GitHub does not let this account request changes on its own pull request; the review comments instead.');
          event = 'COMMENT';
          continue;
        }
        if (unprocessable && inline.length > 0) {
          // GitHub does not say which comment it refused: every inline finding moves to the body with its patch.
          notes.push(`GitHub refused the inline comments (${error.message}); their ${inline.length} finding(s) are in the review body instead.`);
          bodyFindings = [...inline.map((planned) => planned.finding), ...bodyFindings];
          inline = [];
          continue;
        }
        if (isForbidden(error)) readOnly = true;
        problems.push(describeFailure('post the review', error, context.budgetMs));
        break;
      }
    }
  }

  const current = new Set(fingerprintOf.values());
  for (const { comment, fingerprint } of state.ours) {
    if (current.has(fingerprint)) continue;
    if (state.repliedTo.has(comment.id)) {
      review.keptCommentIds.push(comment.id);
      continue;
    }
    if (readOnly) break;
    try {
      await client.deleteReviewComment(pr, comment.id, call);
      review.deletedCommentIds.push(comment.id);
    } catch (error) {
      // Already gone: another run deleted it.
      if (error instanceof GitHubRequestError && error.status === 404) continue;
      if (isForbidden(error)) readOnly = true;
      problems.push(describeFailure(`delete the stale comment ${comment.id}`, error, context.budgetMs));
      if (readOnly || (error instanceof GitHubRequestError && error.aborted)) break;
    }
  }
  if (review.deletedCommentIds.length > 0) log(`Deleted ${review.deletedCommentIds.length} comment(s) whose finding is gone.`);
  return { readOnly };
}

/** The pull request's head when it is no longer `pr.headSha`; undefined when it is, or when GitHub cannot say (then the run posts). */
async function readNewerHead(client: GitHubClient, pr: PullRequestTarget, call: CallOptions, notes: string[], budgetMs: number): Promise<string | undefined> {
  try {
    const current = await client.getPullRequest(pr, call);
    return current.headSha !== pr.headSha ? current.headSha : undefined;
  } catch (error) {
    notes.push(`${describeFailure("read the pull request's current head before posting", error, budgetMs)}; posted for ${pr.headSha} anyway.`);
    return undefined;
  }
}

/**
 * Two runs in different processes (two Actions, two App replicas) may both find nothing posted and both
 * post. After posting, the comments are listed again, and of ours that carry one of the fingerprints just
 * posted, all but the oldest (lowest id) are deleted, unless someone replied. Every run that posted does
 * this, so they agree on what stays. Returns whether a delete was refused with 403.
 */
async function deleteDuplicateComments(
  client: GitHubClient,
  pr: PullRequestTarget,
  commentAuthor: string | undefined,
  posted: ReadonlySet<string>,
  context: PublishContext,
): Promise<boolean> {
  let comments: ReviewComment[];
  try {
    comments = await client.listReviewComments(pr, context.call);
  } catch (error) {
    context.notes.push(`${describeFailure('check for comments a concurrent run posted as well', error, context.budgetMs)}.`);
    return false;
  }
  const repliedTo = new Set(comments.flatMap((comment) => (comment.inReplyToId !== undefined ? [comment.inReplyToId] : [])));
  const byFingerprint = new Map<string, ReviewComment[]>();
  for (const comment of comments) {
    if (comment.inReplyToId !== undefined || !isOurComment(comment, commentAuthor)) continue;
    const fingerprints = parseFingerprintMarkers(comment.body);
    if (fingerprints.length !== 1 || !posted.has(fingerprints[0])) continue;
    const group = byFingerprint.get(fingerprints[0]) ?? [];
    group.push(comment);
    byFingerprint.set(fingerprints[0], group);
  }
  for (const group of byFingerprint.values()) {
    group.sort((a, b) => a.id - b.id);
    for (const duplicate of group.slice(1)) {
      if (repliedTo.has(duplicate.id)) continue;
      try {
        await client.deleteReviewComment(pr, duplicate.id, context.call);
        context.review.deletedDuplicateIds.push(duplicate.id);
      } catch (error) {
        // The other run deleted it first.
        if (error instanceof GitHubRequestError && error.status === 404) continue;
        context.problems.push(describeFailure(`delete the duplicate comment ${duplicate.id}`, error, context.budgetMs));
        if (isForbidden(error)) return true;
        if (error instanceof GitHubRequestError && error.aborted) return false;
      }
    }
  }
  if (context.review.deletedDuplicateIds.length > 0) context.log(`Deleted ${context.review.deletedDuplicateIds.length} comment(s) a concurrent run posted as well.`);
  return false;
}

/** A 403 that is not a rate limit: the token may not write (a pull request from a fork). */
function isForbidden(error: unknown): boolean {
  return error instanceof GitHubRequestError && error.status === 403 && !/rate limit/i.test(error.message);
}

function describeFailure(doing: string, error: unknown, budgetMs: number): string {
  if (error instanceof GitHubRequestError) {
    if (error.aborted) return `could not ${doing}: the time budget of ${formatDuration(budgetMs)} ran out`;
    if (error.status === 403 && isForbidden(error)) return `could not ${doing}: the token may not do this (403: ${error.message}); a pull request from a fork gets a read-only token`;
    return `could not ${doing}: ${error.status === 0 ? 'no response' : `HTTP ${error.status}`}: ${error.message}`;
  }
  return `could not ${doing}: ${(error as Error)?.message ?? String(error)}`;
}

function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 100) / 10} s`;
}
