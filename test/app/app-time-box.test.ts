// The App's review against a GitHub that never answers one request, over real HTTP (a local server
// that answers like GitHub and leaves one request hanging), with Probot's installation Octokit. Every
// request is time-boxed: the review ends within its budget and the check run still concludes, saying why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probot } from 'probot';
import { createPullRequestQueue } from '../../src/app/pull-request-queue.js';
import { runAppReview } from '../../src/app/run-app-review.js';
import type { FakeGitHub, RecordedRequest } from '../github/fake-github.js';
import {
  appBot,
  baseService,
  createFakeGitHub,
  createTestProbot,
  getTestPrivateKey,
  installationId,
  openedHeadSha,
  openedService,
} from './app-harness.js';
import { startLocalGitHub, type LocalGitHub } from './local-github-server.js';

let fake: FakeGitHub;
let github: LocalGitHub;
let probot: Probot;
/** The request the server leaves unanswered. */
let hangs: (request: RecordedRequest) => boolean = () => false;

before(async () => {
  fake = createFakeGitHub(baseService, openedService);
  github = await startLocalGitHub((request) => (request.path.startsWith('/repos/acme/infra/') ? fake : undefined), getTestPrivateKey(), {
    intercept: (request) => (hangs(request) ? new Promise(() => undefined) : undefined),
  });
  probot = await createTestProbot({ baseUrl: github.baseUrl });
});

after(async () => {
  await github.close();
});

async function reviewWithBudget(timeBudgetMs: number) {
  fake.checkRuns.length = 0;
  const logged: string[] = [];
  const log = { info: (message: string) => logged.push(message), warn: (message: string) => logged.push(message), error: (message: string) => logged.push(message) };
  const octokit = await probot.auth(installationId);
  const started = Date.now();
  await runAppReview({
    octokit,
    pr: { owner: 'acme', repo: 'infra', number: 7, headSha: openedHeadSha },
    defaultBranch: 'main',
    resolveLogin: async () => appBot.login,
    queue: createPullRequestQueue(),
    log,
    timeBudgetMs,
  });
  return { elapsedMs: Date.now() - started, logged };
}

function concluded(run: FakeGitHub['checkRuns'][number]) {
  return run.updates.find((update) => update.status === 'completed');
}

test('a tree request that is never answered ends the review within its time box, and the check run fails saying why', async () => {
  hangs = (request) => request.method === 'GET' && request.path.includes('/git/trees/');
  const { elapsedMs } = await reviewWithBudget(1500);

  assert.ok(elapsedMs < 4500, `ended in ${elapsedMs} ms, not at the 1.5 s time box`);
  assert.equal(fake.checkRuns.length, 1);
  const [run] = fake.checkRuns;
  assert.equal(run.create.status, 'in_progress');
  const last = concluded(run);
  assert.equal(last?.conclusion, 'failure', 'nothing was linted: the check does not pass');
  assert.equal(last?.output.title, 'The review could not run');
  assert.match(last?.output.summary, /GET \/repos\/\{owner\}\/\{repo\}\/git\/trees\/\{tree_sha\}: no answer within the time budget/);
});

test('a review post that is never answered: the check run still concludes with the findings and the reason', async () => {
  hangs = (request) => request.method === 'POST' && request.path.endsWith('/pulls/7/reviews');
  const { elapsedMs, logged } = await reviewWithBudget(2000);

  assert.ok(elapsedMs < 5000, `ended in ${elapsedMs} ms, not at the 2 s time box`);
  const [run] = fake.checkRuns;
  const last = concluded(run);
  assert.equal(last?.conclusion, 'failure');
  const summary = run.updates.map((update) => update.output?.summary ?? '').join('\n');
  assert.match(summary, /could not post the review: the time budget of 2 s ran out/);
  assert.equal(run.updates.flatMap((update) => update.output?.annotations ?? []).length, 2, 'the findings are annotated');
  assert.ok(logged.some((message) => /could not post the review/.test(message)));
});
