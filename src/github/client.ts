/**
 * The narrow GitHub REST client the pull-request review needs: only the endpoints it calls, over any
 * Octokit (the Action's `getOctokit()` result and Probot's `context.octokit` both fit `OctokitLike`).
 */
import { redactSecrets } from './redact-secrets.js';

/** What this client needs from an Octokit: its generic `request` method. */
export interface OctokitLike {
  request(route: string, parameters?: Record<string, unknown>): Promise<OctokitResponseLike>;
}

export interface OctokitResponseLike {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestRef extends RepoRef {
  number: number;
}

/** Per-call options; the signal aborts the request (the orchestrator's time box). */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface PullRequestFile {
  /** Path at the head of the pull request. */
  path: string;
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`. */
  status: string;
  /** Blob SHA of the file at the head; absent for removed files. */
  blobSha?: string;
  /** The unified diff of the file; GitHub leaves it out for binary and very large diffs. */
  patch?: string;
  /** Path before a rename. */
  previousPath?: string;
}

export interface CommentAuthor {
  login: string;
  /** `User`, `Bot` or `Organization`. */
  type: string;
}

export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  /** RIGHT-side line, or null once the comment is outdated. */
  line: number | null;
  /** Set on replies: the id of the comment that started the thread. */
  inReplyToId?: number;
  author?: CommentAuthor;
}

export interface Review {
  id: number;
  body: string;
  state: string;
  author?: CommentAuthor;
}

export interface NewReviewComment {
  path: string;
  body: string;
  /** Last line of the comment, on the RIGHT side (the head). */
  line: number;
  /** First line of a multi-line comment; left out for a single line. */
  startLine?: number;
}

export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

export interface NewReview {
  commitId: string;
  event: ReviewEvent;
  body: string;
  comments: NewReviewComment[];
}

export type AnnotationLevel = 'notice' | 'warning' | 'failure';

export interface CheckRunAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  /** Only on single-line annotations: GitHub rejects columns on annotations that span lines. */
  startColumn?: number;
  endColumn?: number;
  level: AnnotationLevel;
  message: string;
  title?: string;
  rawDetails?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckRunAnnotation[];
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface NewCheckRun {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  output: CheckRunOutput;
}

/** A check run created `in_progress`, to be completed later. */
export interface StartedCheckRun {
  name: string;
  headSha: string;
  output: { title: string; summary: string };
}

/** What GitHub says of a pull request now: its head may have moved since the event that started a run. */
export interface PullRequestState {
  headSha: string;
  /** `open` or `closed`. */
  state: string;
}

export interface TreeEntry {
  path: string;
  blobSha: string;
  size: number;
}

export interface RepositoryTree {
  entries: TreeEntry[];
  /** GitHub cuts recursive trees over 100,000 entries or 7 MB. */
  truncated: boolean;
}

export interface GitHubClient {
  /** Every changed file of the pull request, all pages (GitHub lists at most 3000). */
  listPullRequestFiles(pr: PullRequestRef, options?: CallOptions): Promise<PullRequestFile[]>;
  /** Every review comment of the pull request, all pages. */
  listReviewComments(pr: PullRequestRef, options?: CallOptions): Promise<ReviewComment[]>;
  /** Every review of the pull request, all pages. */
  listReviews(pr: PullRequestRef, options?: CallOptions): Promise<Review[]>;
  createReview(pr: PullRequestRef, review: NewReview, options?: CallOptions): Promise<{ id: number }>;
  deleteReviewComment(repo: RepoRef, commentId: number, options?: CallOptions): Promise<void>;
  /** The pull request as it is now (its current head). */
  getPullRequest(pr: PullRequestRef, options?: CallOptions): Promise<PullRequestState>;
  /** Creates a check run that is already completed, with its conclusion. */
  createCheckRun(repo: RepoRef, checkRun: NewCheckRun, options?: CallOptions): Promise<{ id: number }>;
  /** Creates a check run `in_progress`; `completeCheckRun` gives it its conclusion. */
  startCheckRun(repo: RepoRef, checkRun: StartedCheckRun, options?: CallOptions): Promise<{ id: number }>;
  /** Replaces the output's title and summary and appends its annotations. */
  updateCheckRun(repo: RepoRef, checkRunId: number, output: CheckRunOutput, options?: CallOptions): Promise<void>;
  /** Completes a check run with a conclusion; with an output, also replaces its title and summary (and appends its annotations). */
  completeCheckRun(repo: RepoRef, checkRunId: number, conclusion: CheckConclusion, output?: CheckRunOutput, options?: CallOptions): Promise<void>;
  /** The bytes of a blob, any size up to GitHub's 100 MB. */
  getBlob(repo: RepoRef, blobSha: string, options?: CallOptions): Promise<Buffer>;
  /** The bytes of a file at a ref (the contents API, then the blob API for files over 1 MB); undefined when absent. */
  getFileContent(repo: RepoRef, path: string, ref: string, options?: CallOptions): Promise<Buffer | undefined>;
  /** The blobs of the tree at a ref, recursively. */
  listTree(repo: RepoRef, ref: string, options?: CallOptions): Promise<RepositoryTree>;
}

/** A GitHub API call that failed; `status` is the HTTP status, or 0 when no response came (network, abort). */
export class GitHubRequestError extends Error {
  readonly status: number;
  /** What was being done, for messages: `POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`. */
  readonly route: string;
  readonly aborted: boolean;

  constructor(route: string, status: number, message: string, aborted = false) {
    super(message);
    this.name = 'GitHubRequestError';
    this.route = route;
    this.status = status;
    this.aborted = aborted;
  }
}

const perPage = 100;
/** 30 pages of 100: GitHub lists at most 3000 files of a pull request. */
const maxFilePages = 30;
/** A bound on other listings, so a misbehaving server cannot keep the loop going. */
const maxPages = 100;

export interface GitHubClientOptions {
  /** Values never to repeat in an error message, such as the Action's token; token-shaped strings are removed anyway. */
  secrets?: readonly string[];
}

export function createGitHubClient(octokit: OctokitLike, clientOptions: GitHubClientOptions = {}): GitHubClient {
  const secrets = clientOptions.secrets ?? [];
  const call = async (route: string, parameters: Record<string, unknown>, options: CallOptions | undefined): Promise<OctokitResponseLike> => {
    const withSignal = options?.signal ? { ...parameters, request: { signal: options.signal } } : parameters;
    try {
      return await octokit.request(route, withSignal);
    } catch (error) {
      throw toGitHubRequestError(route, error, options?.signal, secrets);
    }
  };

  const listAllPages = async (route: string, parameters: Record<string, unknown>, pageLimit: number, options?: CallOptions): Promise<unknown[]> => {
    const items: unknown[] = [];
    for (let page = 1; page <= pageLimit; page++) {
      const response = await call(route, { ...parameters, per_page: perPage, page }, options);
      if (!Array.isArray(response.data)) throw new GitHubRequestError(route, response.status, `${route} did not return a list`);
      items.push(...response.data);
      // GitHub names the next page in the Link header exactly when there is one.
      if (!/\brel="next"/.test(String(response.headers.link ?? ''))) break;
    }
    return items;
  };

  const getBlob = async (repo: RepoRef, blobSha: string, options?: CallOptions): Promise<Buffer> => {
    const route = 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}';
    const response = await call(route, { ...repoParameters(repo), file_sha: blobSha }, options);
    const data = response.data as { content?: string; encoding?: string };
    if (typeof data.content !== 'string') throw new GitHubRequestError(route, response.status, `blob ${blobSha} has no content`);
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  };

  return {
    async listPullRequestFiles(pr, options) {
      const items = await listAllPages('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', pullParameters(pr), maxFilePages, options);
      return items.map((item) => {
        const file = item as { filename: string; status: string; sha?: string | null; patch?: string; previous_filename?: string };
        const result: PullRequestFile = { path: file.filename, status: file.status };
        if (file.sha && file.status !== 'removed') result.blobSha = file.sha;
        if (typeof file.patch === 'string') result.patch = file.patch;
        if (file.previous_filename) result.previousPath = file.previous_filename;
        return result;
      });
    },

    async listReviewComments(pr, options) {
      const items = await listAllPages('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', pullParameters(pr), maxPages, options);
      return items.map((item) => {
        const comment = item as { id: number; body?: string | null; path: string; line?: number | null; in_reply_to_id?: number; user?: { login: string; type: string } | null };
        const result: ReviewComment = { id: comment.id, body: comment.body ?? '', path: comment.path, line: comment.line ?? null };
        if (typeof comment.in_reply_to_id === 'number') result.inReplyToId = comment.in_reply_to_id;
        if (comment.user) result.author = { login: comment.user.login, type: comment.user.type };
        return result;
      });
    },

    async listReviews(pr, options) {
      const items = await listAllPages('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', pullParameters(pr), maxPages, options);
      return items.map((item) => {
        const review = item as { id: number; body?: string | null; state: string; user?: { login: string; type: string } | null };
        const result: Review = { id: review.id, body: review.body ?? '', state: review.state };
        if (review.user) result.author = { login: review.user.login, type: review.user.type };
        return result;
      });
    },

    async createReview(pr, review, options) {
      const parameters: Record<string, unknown> = {
        ...pullParameters(pr),
        commit_id: review.commitId,
        event: review.event,
        body: review.body,
      };
      // `line`/`side` (and `start_line`/`start_side`), never the deprecated `position`.
      if (review.comments.length > 0) {
        parameters.comments = review.comments.map((comment) => ({
          path: comment.path,
          body: comment.body,
          line: comment.line,
          side: 'RIGHT',
          ...(comment.startLine !== undefined && comment.startLine < comment.line ? { start_line: comment.startLine, start_side: 'RIGHT' } : {}),
        }));
      }
      const response = await call('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', parameters, options);
      return { id: (response.data as { id: number }).id };
    },

    async deleteReviewComment(repo, commentId, options) {
      await call('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...repoParameters(repo), comment_id: commentId }, options);
    },

    async getPullRequest(pr, options) {
      const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
      const response = await call(route, pullParameters(pr), options);
      const data = response.data as { state?: string; head?: { sha?: string } };
      if (typeof data.head?.sha !== 'string') throw new GitHubRequestError(route, response.status, `pull request #${pr.number} came without a head SHA`);
      return { headSha: data.head.sha, state: data.state ?? 'open' };
    },

    async createCheckRun(repo, checkRun, options) {
      const response = await call('POST /repos/{owner}/{repo}/check-runs', {
        ...repoParameters(repo),
        name: checkRun.name,
        head_sha: checkRun.headSha,
        status: 'completed',
        conclusion: checkRun.conclusion,
        completed_at: new Date().toISOString(),
        output: toOutputParameter(checkRun.output),
      }, options);
      return { id: (response.data as { id: number }).id };
    },

    async startCheckRun(repo, checkRun, options) {
      const response = await call('POST /repos/{owner}/{repo}/check-runs', {
        ...repoParameters(repo),
        name: checkRun.name,
        head_sha: checkRun.headSha,
        status: 'in_progress',
        started_at: new Date().toISOString(),
        output: toOutputParameter(checkRun.output),
      }, options);
      return { id: (response.data as { id: number }).id };
    },

    async updateCheckRun(repo, checkRunId, output, options) {
      await call('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repoParameters(repo), check_run_id: checkRunId, output: toOutputParameter(output) }, options);
    },

    async completeCheckRun(repo, checkRunId, conclusion, output, options) {
      await call('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repoParameters(repo),
        check_run_id: checkRunId,
        status: 'completed',
        conclusion,
        completed_at: new Date().toISOString(),
        ...(output ? { output: toOutputParameter(output) } : {}),
      }, options);
    },

    getBlob,

    async getFileContent(repo, path, ref, options) {
      let response: OctokitResponseLike;
      try {
        response = await call('GET /repos/{owner}/{repo}/contents/{path}', { ...repoParameters(repo), path, ref }, options);
      } catch (error) {
        if (error instanceof GitHubRequestError && error.status === 404) return undefined;
        throw error;
      }
      const data = response.data as { type?: string; content?: string; encoding?: string; sha?: string; size?: number };
      if (Array.isArray(response.data) || data.type !== 'file') return undefined;
      // Files over 1 MB come back with encoding "none" and no content: read them through the blob API.
      if (data.encoding === 'base64' && typeof data.content === 'string' && (data.content !== '' || data.size === 0)) {
        return Buffer.from(data.content, 'base64');
      }
      if (!data.sha) throw new GitHubRequestError('GET /repos/{owner}/{repo}/contents/{path}', response.status, `${path} has no content and no blob SHA`);
      return getBlob(repo, data.sha, options);
    },

    async listTree(repo, ref, options) {
      const response = await call('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...repoParameters(repo), tree_sha: ref, recursive: '1' }, options);
      const data = response.data as { tree?: { path: string; type: string; sha: string; size?: number }[]; truncated?: boolean };
      const entries = (data.tree ?? [])
        .filter((entry) => entry.type === 'blob')
        .map((entry) => ({ path: entry.path, blobSha: entry.sha, size: entry.size ?? 0 }));
      return { entries, truncated: data.truncated === true };
    },
  };
}

/** Only the route's own parameters: Octokit sends any other key as part of the request body. */
function repoParameters(repo: RepoRef): Record<string, unknown> {
  return { owner: repo.owner, repo: repo.repo };
}

function pullParameters(pr: PullRequestRef): Record<string, unknown> {
  return { owner: pr.owner, repo: pr.repo, pull_number: pr.number };
}

function toOutputParameter(output: CheckRunOutput): Record<string, unknown> {
  const parameter: Record<string, unknown> = { title: output.title, summary: output.summary };
  if (output.annotations && output.annotations.length > 0) {
    parameter.annotations = output.annotations.map((annotation) => ({
      path: annotation.path,
      start_line: annotation.startLine,
      end_line: annotation.endLine,
      ...(annotation.startLine === annotation.endLine && annotation.startColumn !== undefined && annotation.endColumn !== undefined
        ? { start_column: annotation.startColumn, end_column: annotation.endColumn }
        : {}),
      annotation_level: annotation.level,
      message: annotation.message,
      ...(annotation.title !== undefined ? { title: annotation.title } : {}),
      ...(annotation.rawDetails !== undefined ? { raw_details: annotation.rawDetails } : {}),
    }));
  }
  return parameter;
}

/**
 * Octokit's RequestError carries `status`; a fetch that never got a response (network error, abort)
 * has none we can trust. Only the message is kept, with credentials removed: Octokit redacts the
 * authorization header it sent, but a server may echo it back in the message.
 */
export function toGitHubRequestError(route: string, error: unknown, signal: AbortSignal | undefined, secrets: readonly string[] = []): GitHubRequestError {
  const aborted = signal?.aborted === true || (error as { name?: string } | undefined)?.name === 'AbortError';
  const status = (error as { status?: unknown } | undefined)?.status;
  const hasResponse = (error as { response?: unknown } | undefined)?.response !== undefined;
  const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
  return new GitHubRequestError(route, !aborted && hasResponse && typeof status === 'number' ? status : 0, message, aborted);
}
