/**
 * The App's check run from the moment an event arrives: created `in_progress`, completed by the review
 * when it publishes, and otherwise completed here, so a required check never hangs.
 */
import { checkRunName } from '../github/check-run.js';
import {
  GitHubRequestError,
  type CallOptions,
  type CheckConclusion,
  type GitHubClient,
  type NewCheckRun,
  type OctokitLike,
  type RepoRef,
} from '../github/client.js';

/** One delivery's check run; `completed` turns true once GitHub has accepted a conclusion for it. */
export interface InProgressCheckRun {
  readonly id: number;
  completed: boolean;
}

const createRoute = 'POST /repos/{owner}/{repo}/check-runs';
const updateRoute = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';

/** Creates the `ecs-iam-lint` check run on `headSha`, `in_progress`. */
export async function startCheckRun(octokit: OctokitLike, repo: RepoRef, headSha: string, options: CallOptions = {}): Promise<InProgressCheckRun> {
  const response = await send(octokit, createRoute, {
    owner: repo.owner,
    repo: repo.repo,
    name: checkRunName,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    output: { title: 'Linting', summary: 'ecs-iam-lint is reviewing the ECS IAM roles this commit changes.' },
  }, options);
  return { id: (response.data as { id: number }).id, completed: false };
}

/** Completes the run with a conclusion, and replaces its title and summary when an outcome gives them. */
export async function completeCheckRun(
  octokit: OctokitLike,
  repo: RepoRef,
  run: InProgressCheckRun,
  conclusion: CheckConclusion,
  output?: { title: string; summary: string },
  options: CallOptions = {},
): Promise<void> {
  await send(octokit, updateRoute, {
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: run.id,
    status: 'completed',
    conclusion,
    completed_at: new Date().toISOString(),
    ...(output ? { output: { title: output.title, summary: output.summary } } : {}),
  }, options);
  run.completed = true;
}

/**
 * The client the review publishes through: where the review would create its completed check run, the
 * run already in progress gets the output (title, summary, first annotations, through the client's own
 * update) and then its conclusion. Every other call goes to `client` unchanged.
 */
export function completeInProgressCheckRun(client: GitHubClient, octokit: OctokitLike, run: InProgressCheckRun): GitHubClient {
  return {
    ...client,
    async createCheckRun(repo: RepoRef, checkRun: NewCheckRun, options?: CallOptions) {
      if (run.completed) return client.createCheckRun(repo, checkRun, options);
      // Output first: by the time GitHub shows the conclusion, the annotations are there.
      await client.updateCheckRun(repo, run.id, checkRun.output, options);
      await completeCheckRun(octokit, repo, run, checkRun.conclusion, undefined, options);
      return { id: run.id };
    },
  };
}

async function send(octokit: OctokitLike, route: string, parameters: Record<string, unknown>, options: CallOptions) {
  try {
    return await octokit.request(route, options.signal ? { ...parameters, request: { signal: options.signal } } : parameters);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const hasResponse = (error as { response?: unknown }).response !== undefined;
    const aborted = options.signal?.aborted === true;
    throw new GitHubRequestError(route, !aborted && hasResponse && typeof status === 'number' ? status : 0, (error as Error)?.message ?? String(error), aborted);
  }
}
