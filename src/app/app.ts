/**
 * The GitHub App: subscribes to the events that call for a review, turns each into the pull requests to
 * review, and hands them to the review the Action also runs. Nothing else lives here.
 */
import type { Probot } from 'probot';
import { checkRunName } from '../github/check-run.js';
import type { PullRequestTarget } from '../github/review-pull-request.js';
import { createAppLoginResolver } from './app-login.js';
import { createPullRequestQueue } from './pull-request-queue.js';
import { runAppReview, type AppReviewLog } from './run-app-review.js';
import { installWebhookBodyLimit } from './webhook-body-limit.js';

/** The `pull_request` actions that call for a review. */
export const pullRequestEvents = [
  'pull_request.opened',
  'pull_request.reopened',
  'pull_request.synchronize',
  'pull_request.ready_for_review',
] as const;

/** A pull request as `check_run` and `check_suite` payloads list it. */
interface CheckPullRequest {
  number: number;
  head: { sha: string };
  base: { sha: string; repo: { id: number } };
}

interface Repository {
  id: number;
  name: string;
  default_branch: string;
  owner: { login: string };
}

export default function ecsIamLintApp(app: Probot): void {
  installWebhookBodyLimit(app);
  // Per app instance, never shared between instances: reviews of one pull request run one at a time.
  const queue = createPullRequestQueue();
  const resolveLogin = createAppLoginResolver(async () => {
    const octokit = await app.auth();
    const { data } = await octokit.request('GET /app');
    if (!data?.slug) throw new Error('GET /app returned no slug');
    return data.slug;
  });

  app.on([...pullRequestEvents], async (context) => {
    const { pull_request: pull, repository } = context.payload;
    // Drafts are reviewed once marked ready (`ready_for_review`).
    if (pull.draft) {
      context.log.info(`skipped draft pull request ${repository.full_name}#${pull.number}`);
      return;
    }
    await runAppReview({
      octokit: context.octokit,
      pr: { owner: repository.owner.login, repo: repository.name, number: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha },
      defaultBranch: repository.default_branch,
      resolveLogin,
      queue,
      log: adaptLog(context.log),
    });
  });

  app.on('check_run.rerequested', async (context) => {
    const { check_run: checkRun, repository } = context.payload;
    if (checkRun.name !== checkRunName) return;
    await reviewHead(context.octokit, repository, checkRun.head_sha, checkRun.pull_requests, adaptLog(context.log));
  });

  app.on('check_suite.rerequested', async (context) => {
    const { check_suite: checkSuite, repository } = context.payload;
    await reviewHead(context.octokit, repository, checkSuite.head_sha, checkSuite.pull_requests, adaptLog(context.log));
  });

  /** Reviews again every open pull request of this repository whose head is `headSha`. */
  async function reviewHead(
    octokit: Parameters<typeof runAppReview>[0]['octokit'],
    repository: Repository,
    headSha: string,
    pulls: readonly CheckPullRequest[],
    log: AppReviewLog,
  ): Promise<void> {
    const targets: PullRequestTarget[] = pulls
      // A pull request whose head moved on has a newer run of its own.
      .filter((pull) => pull.head.sha === headSha && pull.base.repo.id === repository.id)
      .map((pull) => ({ owner: repository.owner.login, repo: repository.name, number: pull.number, headSha, baseSha: pull.base.sha }));
    if (targets.length === 0) {
      // GitHub lists no pull request from a fork in check events: there is nothing to review on this event.
      log.info(`re-run requested on ${headSha}, which is not the head of an open pull request of ${repository.owner.login}/${repository.name}`);
      return;
    }
    for (const pr of targets) {
      await runAppReview({ octokit, pr, defaultBranch: repository.default_branch, resolveLogin, queue, log });
    }
  }
}

/** Pino's methods, bound: they read `this`. */
function adaptLog(log: { info: (message: string) => void; warn: (message: string) => void; error: (message: string) => void }): AppReviewLog {
  return { info: (message) => log.info(message), warn: (message) => log.warn(message), error: (message) => log.error(message) };
}
