// GitHub failing in the ways it does, at the HTTP boundary: a server that never answers one request, and
// a head commit gone (its branch deleted or force-pushed) while the review reads it. The run ends within
// its time box, and the check run concludes with a summary saying what happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActionOctokit } from '../../src/github/action-octokit.js';
import { createGitHubClient } from '../../src/github/client.js';
import { createStaticFileSource } from '../../src/github/file-source.js';
import { reviewPullRequest, type PullRequestTarget } from '../../src/github/review-pull-request.js';
import { FakeGitHub, startFakeGitHubServer, type Fault } from './fake-github.js';
import { buildPullRequestFile, buildScenarioConfig, buildServiceTemplate } from './pull-request-scenario.js';

const headSha = 'a'.repeat(40);
const pr: PullRequestTarget = { owner: 'acme', repo: 'infra', number: 7, headSha };
const servicePath = 'infra/service.yaml';
const broken = buildServiceTemplate({ wrongTaskRoleTrust: true });
const clean = buildServiceTemplate({ createGroupGranted: true });

/** Reviews through a real local HTTP server; the production retry settings, sped up. */
async function reviewOverHttp(fake: FakeGitHub, text: string, timeBudgetMs: number, source = createStaticFileSource([{ path: servicePath, text }])) {
  const server = await startFakeGitHubServer(fake);
  const started = Date.now();
  try {
    const octokit = createActionOctokit('ghs_test_token', { baseUrl: server.url, fetch: globalThis.fetch, throttle: false, retryAfterBaseValue: 1 });
    const result = await reviewPullRequest(createGitHubClient(octokit), pr, {
      config: buildScenarioConfig(),
      files: source,
      commentMode: 'review',
      reviewEvent: 'COMMENT',
      timeBudgetMs,
    });
    return { result, elapsedMs: Date.now() - started };
  } finally {
    await server.close();
  }
}

function hang(method: string, path: RegExp): Fault {
  return { method, path, status: 0, hang: true };
}

test('a server that never answers the listing of comments: the run stops at its time box and the check run says what was left undone', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, clean)], headSha, faults: [hang('GET', /\/pulls\/7\/comments$/)] });
  const { result, elapsedMs } = await reviewOverHttp(fake, clean, 1500);

  assert.ok(elapsedMs < 4500, `ended in ${elapsedMs} ms, not at the 1.5 s time box`);
  assert.equal(result.review.posted, false);
  assert.deepEqual(result.problems, ['could not list the earlier review comments (no review was posted): the time budget of 1.5 s ran out']);
  assert.equal(result.checkRun.published, true, 'the check run keeps a quarter of the budget of its own');
  const [run] = fake.checkRuns;
  assert.equal(run.create.status, 'completed');
  assert.equal(run.create.conclusion, 'neutral');
  assert.match(run.create.output.title, /the run was incomplete/);
  assert.match(run.create.output.summary, /could not list the earlier review comments \(no review was posted\): the time budget of 1\.5 s ran out/);
});

test('a server that never answers the review post: the findings still fail the check run, which says the review was not posted', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, broken)], headSha, faults: [hang('POST', /\/pulls\/7\/reviews$/)] });
  const { result, elapsedMs } = await reviewOverHttp(fake, broken, 1500);

  assert.ok(elapsedMs < 4500, `ended in ${elapsedMs} ms, not at the 1.5 s time box`);
  assert.equal(result.review.posted, false);
  assert.deepEqual(result.problems, ['could not post the review: the time budget of 1.5 s ran out']);
  const [run] = fake.checkRuns;
  assert.equal(run.create.conclusion, 'failure');
  assert.equal(run.create.output.annotations.length, 2, 'the findings are annotated instead');
  assert.match(run.create.output.summary, /could not post the review: the time budget of 1\.5 s ran out/);
});

test('a head commit gone while it is read (404 for its blob): reported in a neutral check run, nothing thrown', async () => {
  const base = buildServiceTemplate({ createGroupGranted: true, description: 'An older description.' });
  const changed = buildPullRequestFile(servicePath, base, clean);
  // A pull_request_target checkout holds the base; the head blob is no longer there (force-pushed away).
  const fake = new FakeGitHub({ files: [changed], headSha });
  const source = createStaticFileSource([{ path: servicePath, text: base }], () => true);
  const { result } = await reviewOverHttp(fake, base, 10_000, source);

  assert.equal(fake.requestsTo('GET', `/git/blobs/${changed.sha}`).length, 1);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0], /could not read infra\/service\.yaml at the head of the pull request: GitHub answered 404 \(Not Found.*\): the head commit is gone, as when the branch is deleted or force-pushed/);
  const [run] = fake.checkRuns;
  assert.equal(run.create.conclusion, 'neutral');
  assert.match(run.create.output.summary, /the head commit is gone, as when the branch is deleted or force-pushed/);
});
