// A fake of the GitHub REST endpoints the review uses, answering like GitHub (pagination with Link
// headers, 422 for review comments outside the diff, 204 on delete), reachable through nock (in-process
// tests) or a local HTTP server (the end-to-end test of the bundled Action). It records every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { ApiPullRequestFile } from './pull-request-scenario.js';

export interface ApiUser {
  login: string;
  type: string;
}

export interface ApiReviewComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
  start_line?: number | null;
  side?: string;
  in_reply_to_id?: number;
  pull_request_review_id?: number;
  commit_id?: string;
  user: ApiUser;
}

export interface ApiReview {
  id: number;
  body: string;
  state: string;
  commit_id?: string;
  user: ApiUser;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  authorization?: string;
}

/** A scripted failure: the next `times` requests matching `method` and `path` get this answer. */
export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
  /** Never answer at all, as a server that hangs (only the HTTP servers can; nock refuses). */
  hang?: boolean;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Leave the request unanswered. */
  hang?: boolean;
}

export const botUser: ApiUser = { login: 'github-actions[bot]', type: 'Bot' };
export const humanUser: ApiUser = { login: 'octocat', type: 'User' };

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  number?: number;
  files?: ApiPullRequestFile[];
  comments?: ApiReviewComment[];
  reviews?: ApiReview[];
  /** Blob SHA → text, for the blobs and contents endpoints. */
  blobs?: Map<string, string>;
  /** Path → blob SHA of the tree at any ref. */
  tree?: Map<string, string>;
  /** Every write answers 403, as with a read-only token on a pull request from a fork. */
  readOnly?: boolean;
  faults?: Fault[];
  /** The pull request's current head, as GET /pulls/{n} tells it; unset, that endpoint answers 404. */
  headSha?: string;
  /** The account the reviews and comments posted through this fake are by (the token's owner); github-actions[bot] by default. */
  author?: ApiUser;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  files: ApiPullRequestFile[];
  comments: ApiReviewComment[];
  reviews: ApiReview[];
  blobs: Map<string, string>;
  tree: Map<string, string>;
  readOnly: boolean;
  faults: Fault[];
  /** Set it to move the head, as a push does. */
  headSha: string | undefined;
  author: ApiUser;
  readonly requests: RecordedRequest[] = [];
  /** Reviews refused with 422 and why. */
  readonly rejectedReviews: { body: any; reason: string }[] = [];
  readonly checkRuns: { id: number; create: any; updates: any[] }[] = [];
  private nextId = 1000;

  constructor(options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'infra';
    this.number = options.number ?? 7;
    this.files = options.files ?? [];
    this.comments = options.comments ?? [];
    this.reviews = options.reviews ?? [];
    this.blobs = options.blobs ?? new Map();
    this.tree = options.tree ?? new Map();
    this.readOnly = options.readOnly ?? false;
    this.faults = options.faults ?? [];
    this.headSha = options.headSha;
    this.author = options.author ?? botUser;
  }

  /** Requests with this method whose path ends with `suffix`. */
  requestsTo(method: string, suffix: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && (typeof suffix === 'string' ? request.path.endsWith(suffix) : suffix.test(request.path)));
  }

  /** Every request that changes something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  handle(request: RecordedRequest): FakeResponse {
    this.requests.push(request);
    const fault = this.faults.find((candidate) => candidate.method === request.method && candidate.path.test(request.path) && (candidate.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.hang) return { status: 0, headers: {}, body: undefined, hang: true };
      return { status: fault.status, headers: { 'content-type': 'application/json', ...fault.headers }, body: fault.body ?? { message: `fault ${fault.status}` } };
    }
    if (this.readOnly && request.method !== 'GET') {
      return json(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    }
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    const pullPath = `${repoPath}/pulls/${this.number}`;
    const { method, path } = request;
    if (method === 'GET' && path === pullPath) {
      if (this.headSha === undefined) return json(404, { message: 'Not Found (the fake has no headSha)' });
      return json(200, { number: this.number, state: 'open', head: { sha: this.headSha, ref: 'feature' }, base: { ref: 'main' } });
    }
    if (method === 'GET' && path === `${pullPath}/files`) return this.page(request, this.files);
    if (method === 'GET' && path === `${pullPath}/comments`) return this.page(request, this.comments);
    if (method === 'GET' && path === `${pullPath}/reviews`) return this.page(request, this.reviews);
    if (method === 'POST' && path === `${pullPath}/reviews`) return this.createReview(request.body);
    let match = new RegExp(`^${escape(repoPath)}/pulls/comments/(\\d+)$`).exec(path);
    if (method === 'DELETE' && match) {
      const id = Number(match[1]);
      const before = this.comments.length;
      this.comments = this.comments.filter((comment) => comment.id !== id);
      return this.comments.length < before ? { status: 204, headers: {}, body: undefined } : json(404, { message: 'Not Found' });
    }
    if (method === 'POST' && path === `${repoPath}/check-runs`) {
      const id = this.nextId++;
      this.checkRuns.push({ id, create: request.body, updates: [] });
      return json(201, { id, name: request.body.name, head_sha: request.body.head_sha });
    }
    match = new RegExp(`^${escape(repoPath)}/check-runs/(\\d+)$`).exec(path);
    if (method === 'PATCH' && match) {
      const run = this.checkRuns.find((candidate) => candidate.id === Number(match![1]));
      if (!run) return json(404, { message: 'Not Found' });
      run.updates.push(request.body);
      return json(200, { id: run.id });
    }
    match = new RegExp(`^${escape(repoPath)}/git/blobs/([0-9a-f]+)$`).exec(path);
    if (method === 'GET' && match) {
      const text = this.blobs.get(match[1]);
      if (text === undefined) return json(404, { message: 'Not Found' });
      return json(200, { sha: match[1], size: Buffer.byteLength(text), encoding: 'base64', content: Buffer.from(text).toString('base64').replace(/.{60}/g, '$&\n') });
    }
    if (method === 'GET' && new RegExp(`^${escape(repoPath)}/git/trees/`).test(path)) {
      const tree = [...this.tree].map(([entryPath, sha]) => ({ path: entryPath, mode: '100644', type: 'blob', sha, size: Buffer.byteLength(this.blobs.get(sha) ?? '') }));
      return json(200, { sha: 'tree', truncated: false, tree });
    }
    match = new RegExp(`^${escape(repoPath)}/contents/(.+)$`).exec(path);
    if (method === 'GET' && match) {
      const filePath = decodeURIComponent(match[1]);
      const sha = this.tree.get(filePath);
      const text = sha === undefined ? undefined : this.blobs.get(sha);
      if (text === undefined) return json(404, { message: 'Not Found' });
      const size = Buffer.byteLength(text);
      // Like GitHub: files over 1 MB come without content.
      return json(200, { type: 'file', path: filePath, sha, size, encoding: size > 1024 * 1024 ? 'none' : 'base64', content: size > 1024 * 1024 ? '' : Buffer.from(text).toString('base64') });
    }
    return json(404, { message: `Not Found: ${method} ${path}` });
  }

  private page(request: RecordedRequest, items: unknown[]): FakeResponse {
    const perPage = Number(request.query.per_page ?? 30);
    const page = Number(request.query.page ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page * perPage < items.length) {
      headers.link = `<https://api.github.test${request.path}?per_page=${perPage}&page=${page + 1}>; rel="next", <https://api.github.test${request.path}?per_page=${perPage}&page=${Math.ceil(items.length / perPage)}>; rel="last"`;
    }
    return { status: 200, headers, body: slice };
  }

  private createReview(body: any): FakeResponse {
    const comments: any[] = body.comments ?? [];
    for (const comment of comments) {
      const reason = this.checkReviewComment(comment);
      if (reason) {
        this.rejectedReviews.push({ body, reason });
        return json(422, { message: 'Unprocessable Entity', errors: [reason], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '422' });
      }
    }
    if (!['COMMENT', 'REQUEST_CHANGES', 'APPROVE'].includes(body.event)) return json(422, { message: 'Unprocessable Entity', errors: ['event'] });
    const id = this.nextId++;
    const review: ApiReview = { id, body: body.body ?? '', state: body.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'COMMENTED', commit_id: body.commit_id, user: this.author };
    this.reviews.push(review);
    for (const comment of comments) {
      this.comments.push({
        id: this.nextId++,
        body: comment.body,
        path: comment.path,
        line: comment.line,
        start_line: comment.start_line ?? null,
        side: comment.side,
        pull_request_review_id: id,
        commit_id: body.commit_id,
        user: this.author,
      });
    }
    return json(200, review);
  }

  /** Why GitHub would refuse a review comment, checked against the files' patches; undefined when fine. */
  private checkReviewComment(comment: any): string | undefined {
    if (comment.position !== undefined) return 'position is deprecated here; this fake accepts only line/side';
    if (comment.side !== 'RIGHT') return 'side must be RIGHT';
    if (typeof comment.line !== 'number') return 'line is required';
    const file = this.files.find((candidate) => candidate.filename === comment.path);
    if (!file || file.patch === undefined) return 'Path could not be resolved';
    const hunks = rightSideHunks(file.patch);
    const start = comment.start_line ?? comment.line;
    if (comment.start_line !== undefined && comment.start_side !== 'RIGHT') return 'start_side must be RIGHT';
    if (start > comment.line) return 'start_line must precede line';
    const hunk = hunks.find(([first, last]) => first <= comment.line && comment.line <= last);
    if (!hunk) return 'pull_request_review_thread.line must be part of the diff';
    if (start < hunk[0]) return 'pull_request_review_thread.start_line must be part of the same hunk as the line.';
    return undefined;
  }
}

/** [first, last] RIGHT-side lines of each hunk, read independently of the code under test. */
function rightSideHunks(patch: string): [number, number][] {
  const hunks: [number, number][] = [];
  for (const line of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      const count = header[2] === undefined ? 1 : Number(header[2]);
      if (count > 0) hunks.push([Number(header[1]), Number(header[1]) + count - 1]);
    }
  }
  return hunks;
}

function json(status: number, body: unknown): FakeResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const fakeApiUrl = 'https://api.github.test';

/** Routes every request to `fakeApiUrl` into the fake through nock; returns a function that removes the interceptors. */
export function interceptWithNock(fake: FakeGitHub): () => void {
  nock.disableNetConnect();
  const scope = nock(fakeApiUrl).persist();
  for (const method of ['get', 'post', 'patch', 'delete', 'put'] as const) {
    scope[method](/.*/).reply(function (uri, requestBody) {
      const url = new URL(uri, fakeApiUrl);
      const authorization = this.req.headers.authorization;
      const response = fake.handle({
        method: method.toUpperCase(),
        path: decodeURI(url.pathname),
        query: Object.fromEntries(url.searchParams),
        body: typeof requestBody === 'string' && requestBody !== '' ? JSON.parse(requestBody) : requestBody || undefined,
        ...(typeof authorization === 'string' ? { authorization } : {}),
      });
      if (response.hang) throw new Error('a hanging fault needs startFakeGitHubServer: nock cannot leave a request unanswered');
      return [response.status, response.body === undefined ? '' : JSON.stringify(response.body), response.headers];
    });
  }
  return () => {
    nock.cleanAll();
    nock.enableNetConnect();
  };
}

export interface FakeGitHubServerOptions {
  /** Runs before the fake answers; the request waits until it settles (to hold it while something else happens). */
  before?: (request: RecordedRequest) => Promise<void> | void;
}

/** Serves the fake on 127.0.0.1 on a free port, for a separate process that reads GITHUB_API_URL. */
export async function startFakeGitHubServer(fake: FakeGitHub, options: FakeGitHubServerOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void readBody(request).then(async (text) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: decodeURI(url.pathname),
        query: Object.fromEntries(url.searchParams),
        body: text === '' ? undefined : JSON.parse(text),
        ...(typeof request.headers.authorization === 'string' ? { authorization: request.headers.authorization } : {}),
      };
      await options.before?.(recorded);
      const result = fake.handle(recorded);
      if (result.hang) return;
      const headers = { ...result.headers };
      // The fake's Link headers name the nock host; a real client follows them only by page number.
      response.writeHead(result.status, headers);
      response.end(result.body === undefined ? undefined : JSON.stringify(result.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
