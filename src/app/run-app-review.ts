/**
 * One delivery's review of one pull request: the check run goes `in_progress` at once, then the config
 * from the default branch, the files through the API and the review the Action also runs; the check run
 * gets a conclusion whatever fails on the way.
 */
import { GlobSyntaxError } from '../core/glob-match.js';
import { buildCheckRunContent, checkRunName } from '../github/check-run.js';
import { createGitHubClient, GitHubRequestError, type CheckConclusion, type GitHubClient, type OctokitLike } from '../github/client.js';
import { createApiFileSource, isHeadGone } from '../github/file-source.js';
import { renderFence } from '../github/markdown-fence.js';
import { redactSecrets } from '../github/redact-secrets.js';
import { defaultTimeBudgetMs, reviewPullRequest, type PullRequestTarget } from '../github/review-pull-request.js';
import { fetchRepositoryConfig } from './fetch-repository-config.js';
import type { PullRequestQueue } from './pull-request-queue.js';

export interface AppReviewLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AppReviewRequest {
  /** The installation's Octokit (Probot's `context.octokit`). */
  octokit: OctokitLike;
  pr: PullRequestTarget;
  /** Where the config is read: the repository's default branch. */
  defaultBranch: string;
  /** The App's own login, so only its comments are deleted. */
  resolveLogin: () => Promise<string>;
  queue: PullRequestQueue;
  log: AppReviewLog;
  /** The review's time box (the orchestrator's default when absent). */
  timeBudgetMs?: number;
}

/** What the check run says when the review did not publish it. */
interface CheckRunVerdict {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
}

/** Time for each of the calls made here, outside the review's own budget (and never more than it). */
const callTimeoutMs = 60_000;

/**
 * Reviews the pull request and concludes its check run; never throws. Every request of the review is
 * time-boxed, so a GitHub that never answers ends the review, not the process, and the check run still
 * gets a conclusion saying why.
 */
export async function runAppReview(request: AppReviewRequest): Promise<void> {
  const { octokit, pr, log } = request;
  const client = createGitHubClient(octokit);
  const budgetMs = request.timeBudgetMs ?? defaultTimeBudgetMs;
  let checkRunId: number | undefined;
  try {
    ({ id: checkRunId } = await client.startCheckRun(pr, {
      name: checkRunName,
      headSha: pr.headSha,
      output: { title: 'Linting', summary: 'ecs-iam-lint is reviewing the ECS IAM roles this commit changes.' },
    }, { signal: AbortSignal.timeout(Math.min(callTimeoutMs, budgetMs)) }));
  } catch (error) {
    // The review still runs and publishes a completed check run of its own.
    log.warn(`could not start the check run: ${describeError(error)}`);
  }

  let verdict: CheckRunVerdict | undefined;
  try {
    verdict = await request.queue.run(`${pr.owner}/${pr.repo}#${pr.number}`, () => reviewOnce(client, checkRunId, request, budgetMs));
  } catch (error) {
    if (isHeadGone(error)) {
      log.warn(`the review of ${pr.owner}/${pr.repo}#${pr.number} stopped: ${describeError(error)}`);
      verdict = buildHeadGoneVerdict(pr, error);
    } else {
      log.error(`the review of ${pr.owner}/${pr.repo}#${pr.number} failed: ${redactSecrets((error as Error)?.stack ?? String(error))}`);
      verdict = {
        conclusion: 'failure',
        title: 'The review could not run',
        summary: `ecs-iam-lint could not review commit ${pr.headSha}, so nothing was checked:\n\n${renderFence(describeError(error), 'text')}\n\nRe-run the check to try again.\n`,
      };
    }
  }
  if (verdict === undefined) return;
  try {
    // The one write that must happen gets no clock of its own: under load it waits its turn behind Probot's
    // write throttle (one write a second per installation), and a clock started before that wait would
    // cancel it unsent. Once sent, the HTTP client's own timeouts and retries bound it.
    const output = { title: verdict.title, summary: verdict.summary };
    if (checkRunId !== undefined) await client.completeCheckRun(pr, checkRunId, verdict.conclusion, output);
    else await client.createCheckRun(pr, { name: checkRunName, headSha: pr.headSha, conclusion: verdict.conclusion, output });
  } catch (error) {
    log.error(`could not conclude the check run on ${pr.headSha}: ${describeError(error)}`);
  }
}

/** Runs the review; returns what the check run must say when the review did not conclude it. */
async function reviewOnce(client: GitHubClient, checkRunId: number | undefined, request: AppReviewRequest, budgetMs: number): Promise<CheckRunVerdict | undefined> {
  const { pr, log } = request;
  const loaded = await fetchRepositoryConfig(client, pr, request.defaultBranch, { signal: AbortSignal.timeout(Math.min(callTimeoutMs, budgetMs)) });
  if ('error' in loaded) {
    log.warn(loaded.error);
    return buildInvalidConfigVerdict(loaded.error);
  }
  let files;
  try {
    // Reading the tree and blobs gets the share of the budget the review gives its own reads.
    files = createApiFileSource(client, pr, pr.headSha, loaded.config, { signal: AbortSignal.timeout(Math.floor(budgetMs * 0.75)) });
  } catch (error) {
    // A malformed include/exclude glob is a config error.
    if (!(error instanceof GlobSyntaxError)) throw error;
    return buildInvalidConfigVerdict(`invalid config file (on ${request.defaultBranch}):\n${loaded.path ?? 'config'}: ${error.message}`);
  }

  let commentAuthor: string;
  try {
    commentAuthor = await request.resolveLogin();
  } catch (error) {
    // A login no account has: no comment counts as ours, so none is deleted this time.
    commentAuthor = '';
    log.warn(`could not tell the App's login (GET /app: ${describeError(error)}); no stale comment is deleted this time`);
  }

  const result = await reviewPullRequest(client, pr, {
    config: loaded.config,
    ...(loaded.path !== undefined ? { configPath: loaded.path } : {}),
    files,
    commentMode: 'review',
    reviewEvent: 'COMMENT',
    commentAuthor,
    ...(checkRunId !== undefined ? { checkRunId } : {}),
    timeBudgetMs: budgetMs,
    log: (message) => log.info(message),
  });
  for (const notice of result.fileNotices) log.info(`ecs-iam-lint: ${notice}`);
  for (const problem of result.problems) log.warn(problem);
  for (const note of result.notes) log.info(`ecs-iam-lint: ${note}`);
  if (result.checkRun.published) return undefined;
  // Publishing failed (the problems say why): the run in progress gets the verdict without annotations.
  return {
    conclusion: result.conclusion === 'success' ? 'neutral' : result.conclusion,
    ...buildCheckRunContent(result.findings, result.lint.files, result.problems),
  };
}

/** The head commit vanished while it was reviewed: nothing to lint and nothing to block, the next push is reviewed. */
function buildHeadGoneVerdict(pr: PullRequestTarget, error: GitHubRequestError): CheckRunVerdict {
  return {
    conclusion: 'neutral',
    title: 'The commit is gone',
    summary: `GitHub no longer has commit ${pr.headSha} of pull request #${pr.number}, as when its branch is deleted or force-pushed `
      + 'while the review runs, so nothing was linted. The next push to the pull request is reviewed as usual.\n\n'
      + `${renderFence(describeError(error), 'text')}\n`,
  };
}

function buildInvalidConfigVerdict(error: string): CheckRunVerdict {
  return {
    conclusion: 'failure',
    title: 'Invalid configuration',
    summary: `The ecs-iam-lint configuration is invalid, so nothing was linted:\n\n${renderFence(error, 'text')}\n`,
  };
}

function describeError(error: unknown): string {
  if (error instanceof GitHubRequestError) {
    if (error.aborted) return `${error.route}: no answer within the time budget`;
    return `${error.route}: ${error.status === 0 ? 'no response' : `HTTP ${error.status}`}: ${error.message}`;
  }
  return redactSecrets((error as Error)?.message ?? String(error));
}
