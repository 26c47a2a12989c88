// What the App tests share: the webhook fixtures, a repository scenario in the fake GitHub, a Probot
// instance for tests, and nock expectations that answer from the fake and fail the test on any call
// that was expected and not made, or made and not expected.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { computeGitBlobSha } from '../../src/github/file-source.js';
import ecsIamLintApp from '../../src/app/app.js';
import { FakeGitHub, type ApiUser, type FakeResponse } from '../github/fake-github.js';
import { buildPullRequestFile, buildServiceTemplate, renderScenarioConfigFile } from '../github/pull-request-scenario.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureDir = join(repoRoot, 'test', 'fixtures', 'app');

export const appId = 1043512;
export const appSlug = 'ecs-iam-lint';
export const appBot: ApiUser = { login: `${appSlug}[bot]`, type: 'Bot' };
export const installationId = 48151623;
export const installationToken = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
export const webhookSecret = 'e2e-webhook-secret-3f9a';
export const servicePath = 'infra/service.yaml';
export const configPath = '.github/ecs-iam-lint.yml';

/** The SHAs the fixtures name: the head of `opened`, the head after `synchronize`, the base. */
export const openedHeadSha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
export const synchronizedHeadSha = 'a1f2c3d4e5f60718293a4b5c6d7e8f9012345678';

export type FixtureName =
  | 'pull_request.opened'
  | 'pull_request.opened.draft'
  | 'pull_request.ready_for_review'
  | 'pull_request.synchronize'
  | 'check_run.rerequested'
  | 'check_suite.rerequested';

/** The payload of a fixture, as GitHub delivers it. */
export function readFixture(name: FixtureName): any {
  return JSON.parse(readFileSync(join(fixtureDir, `${name}.json`), 'utf8'));
}

/** The event name of a fixture, as the X-GitHub-Event header carries it. */
export function eventNameOf(name: FixtureName): string {
  return name.split('.')[0];
}

/** A webhook event for `probot.receive`: a full fixture, so no cast is needed beyond the JSON's `any`. */
export function buildEvent(name: FixtureName, id = `delivery-${name}`) {
  return { id, name: eventNameOf(name) as 'pull_request', payload: readFixture(name) };
}

let privateKey: string | undefined;
/** A fresh RSA key, as GitHub issues for an App: Probot signs its JWTs with it. */
export function getTestPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return privateKey;
}

/**
 * Probot's Octokit without retries (a 500 is seen at once) or throttling. The object form
 * `defaults({ throttle: { enabled: false } })` leaves the one-second spacing of writes on: Probot's own
 * throttle options replace it whole. A function runs last, on the final options.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A Probot instance with the app loaded, talking to api.github.com (or `baseUrl`) through `TestOctokit`. */
export async function createTestProbot(options: { baseUrl?: string } = {}): Promise<Probot> {
  const probot = new Probot({ appId, privateKey: getTestPrivateKey(), secret: webhookSecret, logLevel: 'fatal', Octokit: TestOctokit, ...options });
  await probot.load(ecsIamLintApp);
  return probot;
}

/**
 * The pull request of the fixtures, #7 of acme/infra: the base has the web service without a task role;
 * `opened` adds a task role that trusts ecs.amazonaws.com (an ecs-tasks-trust error on a changed line,
 * with a suggestion) to a template whose execution role already lacked logs:CreateLogGroup (an
 * awslogs-create-group-permission error far from the change, reported in the review body).
 */
export const baseService = buildServiceTemplate();
export const openedService = buildServiceTemplate({ wrongTaskRoleTrust: true });
/** `synchronize` fixes the trust: its comment is stale; the log-group finding stays. */
export const synchronizedService = buildServiceTemplate({ wrongTaskRoleTrust: false });
/** A clean change: the execution role gets logs:CreateLogGroup and nothing else is wrong. */
export const cleanBaseService = buildServiceTemplate({ createGroupGranted: true });
export const cleanHeadService = buildServiceTemplate({ createGroupGranted: true, description: 'The web service, on Fargate.' });

/** Puts the repository at `headText` for servicePath, with the config file on the default branch. */
export function setRepository(fake: FakeGitHub, baseText: string, headText: string, config = renderScenarioConfigFile()): void {
  const files: Record<string, string> = {
    [servicePath]: headText,
    [configPath]: config,
    'README.md': '# infra\n',
  };
  fake.tree = new Map();
  for (const [path, text] of Object.entries(files)) {
    const sha = computeGitBlobSha(Buffer.from(text, 'utf8'));
    fake.tree.set(path, sha);
    fake.blobs.set(sha, text);
  }
  fake.files = [buildPullRequestFile(servicePath, baseText, headText)];
}

/** The repository with the pull request's head at `headSha` (the `opened` fixture's by default). */
export function createFakeGitHub(baseText: string, headText: string, headSha = openedHeadSha): FakeGitHub {
  const fake = new FakeGitHub({ owner: 'acme', repo: 'infra', number: 7, headSha, author: appBot });
  setRepository(fake, baseText, headText);
  return fake;
}

/** Marks every comment and review in the fake as the App's, as they are once the App posted them. */
export function attributeToApp(fake: FakeGitHub): void {
  for (const comment of fake.comments) comment.user = appBot;
  for (const review of fake.reviews) review.user = appBot;
}

/** The blob SHAs of the tree entries the default include globs select (every .yml/.yaml/.json/.template). */
export function lintedBlobShas(fake: FakeGitHub): string[] {
  return [...fake.tree].filter(([path]) => /\.(ya?ml|json|template)$/.test(path)).map(([, sha]) => sha);
}

const apiUrl = 'https://api.github.com';
/** Any check run of the repository: ids are the fake's. */
export const checkRunPath = /^\/repos\/acme\/infra\/check-runs\/\d+$/;

/** A call the test expects, answered by the fake unless `reply` is given. */
export interface ExpectedCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The decoded path without the query. */
  path: string | RegExp;
  times?: number;
  /** Expected at least once, any number of times. */
  persist?: boolean;
  reply?: (body: any) => FakeResponse;
}

/**
 * Intercepts api.github.com with exactly the expected calls; every request is recorded in the fake.
 * `assertDone` fails on a call that was expected and not made, or made and not expected.
 */
export class GitHubExpectations {
  readonly unexpected: string[] = [];
  private readonly scopes: nock.Scope[] = [];
  private readonly onNoMatch = (request: { method?: string; path?: string; href?: string }, options?: { path?: string }) => {
    this.unexpected.push(`${request.method ?? '?'} ${request.path ?? options?.path ?? request.href ?? '?'}`);
  };

  constructor(readonly fake: FakeGitHub) {
    nock.disableNetConnect();
    nock.emitter.on('no match', this.onNoMatch);
  }

  /** The installation token (Probot asks once per installation and caches it). */
  expectInstallationToken(options: { persist?: boolean } = {}): this {
    return this.expect({
      method: 'POST',
      path: `/app/installations/${installationId}/access_tokens`,
      ...options,
      reply: () => ({
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: {
          token: installationToken,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'write' },
          repository_selection: 'selected',
        },
      }),
    });
  }

  /** GET /app, which tells the App its slug (asked once per app instance). */
  expectAppLookup(): this {
    return this.expect({
      method: 'GET',
      path: '/app',
      reply: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { id: appId, slug: appSlug, name: 'ecs-iam-lint', owner: { login: 'acme', type: 'Organization' } } }),
    });
  }

  /**
   * The calls of one review of the pull request at `headSha`. After a review with inline comments is
   * posted, the comments are listed once more to find duplicates a concurrent run posted (`checksDuplicates`,
   * by default when it posts).
   */
  expectReview(headSha: string, options: { posts: boolean; deletes?: number[]; readsConfig?: boolean; checksDuplicates?: boolean } = { posts: true }): this {
    const repo = '/repos/acme/infra';
    this.expect({ method: 'POST', path: `${repo}/check-runs` });
    if (options.readsConfig !== false) this.expect({ method: 'GET', path: `${repo}/contents/${configPath}` });
    this.expect({ method: 'GET', path: `${repo}/pulls/7/files` });
    this.expect({ method: 'GET', path: `${repo}/git/trees/${headSha}` });
    for (const sha of new Set(lintedBlobShas(this.fake))) this.expect({ method: 'GET', path: `${repo}/git/blobs/${sha}` });
    // Read before the lint, and again right before posting when there is something new.
    const checksDuplicates = options.checksDuplicates ?? options.posts;
    this.expect({ method: 'GET', path: `${repo}/pulls/7/comments`, times: (options.posts ? 2 : 1) + (checksDuplicates ? 1 : 0) });
    this.expect({ method: 'GET', path: `${repo}/pulls/7/reviews`, times: options.posts ? 2 : 1 });
    // The head, read right before posting: a run whose head moved on posts nothing.
    this.expect({ method: 'GET', path: `${repo}/pulls/7` });
    if (options.posts) this.expect({ method: 'POST', path: `${repo}/pulls/7/reviews` });
    for (const id of options.deletes ?? []) this.expect({ method: 'DELETE', path: `${repo}/pulls/comments/${id}` });
    // The output with the annotations, then the conclusion.
    this.expect({ method: 'PATCH', path: checkRunPath, times: 2 });
    return this;
  }

  expect(call: ExpectedCall): this {
    const matchPath = (uri: string) => {
      const path = decodeURIComponent(uri.split('?')[0]);
      return typeof call.path === 'string' ? path === call.path : call.path.test(path);
    };
    const interceptor = nock(apiUrl).intercept(matchPath, call.method);
    const fake = this.fake;
    const scope = interceptor.times(call.times ?? 1).reply(function (uri, requestBody) {
      const url = new URL(uri, apiUrl);
      const authorization = this.req.headers.authorization;
      const recorded = {
        method: call.method,
        path: decodeURI(url.pathname),
        query: Object.fromEntries(url.searchParams),
        body: typeof requestBody === 'string' && requestBody !== '' ? JSON.parse(requestBody) : requestBody || undefined,
        ...(typeof authorization === 'string' ? { authorization } : {}),
      };
      let response: FakeResponse;
      if (call.reply) {
        fake.requests.push(recorded);
        response = call.reply(recorded.body);
      } else {
        response = fake.handle(recorded);
      }
      return [response.status, response.body === undefined ? '' : JSON.stringify(response.body), response.headers];
    });
    if (call.persist) scope.persist();
    this.scopes.push(scope);
    return this;
  }

  assertDone(): void {
    const pending = this.scopes.flatMap((scope) => scope.pendingMocks());
    assert.deepEqual(this.unexpected, [], 'no request outside the expected ones');
    assert.deepEqual(pending, [], 'every expected request was made');
  }

  restore(): void {
    nock.emitter.removeListener('no match', this.onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  }
}
