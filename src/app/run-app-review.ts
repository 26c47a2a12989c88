/**
 * One delivery's review of one pull request: the check run goes `in_progress` at once, then the config
 * from the default branch, the files through the API and the review the Action also runs; the check run
 * gets a conclusion whatever fails on the way.
 */
import { GlobSyntaxError } from '../core/glob-match.js';
import { buildCheckRunContent, checkRunName } from '../github/check-run.js';
import { createGitHubClient, GitHubRequestError, type CheckConclusion, type GitHubClient, type OctokitLike } from '../github/client.js';
import { createApiFileSource } from '../github/file-source.js';
import { renderFence } from '../github/markdown-fence.js';
import { reviewPullRequest, type PullRequestTarget } from '../github/review-pull-request.js';
import { fetchRepositoryConfig } from './fetch-repository-config.js';
import { completeCheckRun, completeInProgressCheckRun, startCheckRun, type InProgressCheckRun } from './in-progress-check-run.js';
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

/** Time for each of the calls made here, outside the review's own budget. */
const callTimeoutMs = 60_000;

/** Reviews the pull request and concludes its check run; never throws. */
export async function runAppReview(request: AppReviewRequest): Promise<void> {
  const { octokit, pr, log } = request;
  const client = createGitHubClient(octokit);
  let run: InProgressCheckRun | undefined;
  try {
    run = await startCheckRun(octokit, pr, pr.headSha, { signal: AbortSignal.timeout(callTimeoutMs) });
  } catch (error) {
    // The review still runs and publishes a completed check run of its own.
    log.warn(`could not start the check run: ${describeError(error)}`);
  }

  let verdict: CheckRunVerdict | undefined;
  try {
    verdict = await request.queue.run(`${pr.owner}/${pr.repo}#${pr.number}`, () => reviewOnce(client, run, request));
  } catch (error) {
    log.error(`the review of ${pr.owner}/${pr.repo}#${pr.number} failed: ${(error as Error)?.stack ?? String(error)}`);
    verdict = {
      conclusion: 'failure',
      title: 'The review could not run',
      summary: `ecs-iam-lint could not review commit ${pr.headSha}, so nothing was checked:\n\n${renderFence(describeError(error), 'text')}\n\nRe-run the check to try again.\n`,
    };
  }
  if (run?.completed || verdict === undefined) return;
  try {
    const call = { signal: AbortSignal.timeout(callTimeoutMs) };
    if (run) await completeCheckRun(octokit, pr, run, verdict.conclusion, verdict, call);
    else await client.createCheckRun(pr, { name: checkRunName, headSha: pr.headSha, conclusion: verdict.conclusion, output: { title: verdict.title, summary: verdict.summary } }, call);
  } catch (error) {
    log.error(`could not conclude the check run on ${pr.headSha}: ${describeError(error)}`);
  }
}

/** Runs the review; returns what the check run must say when the review did not conclude it. */
async function reviewOnce(client: GitHubClient, run: InProgressCheckRun | undefined, request: AppReviewRequest): Promise<CheckRunVerdict | undefined> {
  const { octokit, pr, log } = request;
  const loaded = await fetchRepositoryConfig(client, pr, request.defaultBranch, { signal: AbortSignal.timeout(callTimeoutMs) });
  if ('error' in loaded) {
    log.warn(loaded.error);
    return buildInvalidConfigVerdict(loaded.error);
  }
  let files;
  try {
    files = createApiFileSource(client, pr, pr.headSha, loaded.config);
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

  const result = await reviewPullRequest(run ? completeInProgressCheckRun(client, octokit, run) : client, pr, {
    config: loaded.config,
    ...(loaded.path !== undefined ? { configPath: loaded.path } : {}),
    files,
    commentMode: 'review',
    reviewEvent: 'COMMENT',
    commentAuthor,
    ...(request.timeBudgetMs !== undefined ? { timeBudgetMs: request.timeBudgetMs } : {}),
    log: (message) => log.info(message),
  });
  for (const notice of result.fileNotices) log.info(`ecs-iam-lint: ${notice}`);
  for (const problem of result.problems) log.warn(problem);
  if (result.checkRun.published) return undefined;
  // Publishing failed (the problems say why): the run in progress gets the verdict without annotations.
  return {
    conclusion: result.conclusion === 'success' ? 'neutral' : result.conclusion,
    ...buildCheckRunContent(result.findings, result.lint.files, result.problems),
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
  if (error instanceof GitHubRequestError) return `${error.route}: ${error.status === 0 ? 'no response' : `HTTP ${error.status}`}: ${error.message}`;
  return (error as Error)?.message ?? String(error);
}
