// End to end: `npm start` runs the built `dist/app.js` under `probot run` as a separate process, with
// Probot's own variables and GHE_HOST/GHE_PROTOCOL pointing at a local server that answers like GitHub.
// Webhooks arrive over HTTP, signed (or not) as GitHub signs them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { extractSuggestion } from '../github/pull-request-scenario.js';
import {
  appId,
  attributeToApp,
  baseService,
  createFakeGitHub,
  getTestPrivateKey,
  installationId,
  openedHeadSha,
  openedService,
  readFixture,
  repoRoot,
  webhookSecret,
} from './app-harness.js';
import { startLocalGitHub, type LocalGitHub } from './local-github-server.js';

const fake = createFakeGitHub(baseService, openedService);
let github: LocalGitHub;
let server: ChildProcess;
let webhookUrl: string;
let output = '';

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the App exited with ${server.exitCode}:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the App did not answer ${url} within ${timeoutMs} ms:\n${output}`);
}

async function deliver(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'GitHub-Hookshot/e2e', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

function sign(body: string, secret = webhookSecret): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Waits until every check run the fake holds is completed (the middleware may answer 202 first). */
async function waitForConcludedCheckRuns(count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const concluded = fake.checkRuns.filter((run) => run.updates.some((update) => update.status === 'completed'));
    if (fake.checkRuns.length >= count && concluded.length === fake.checkRuns.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected ${count} concluded check run(s); have ${JSON.stringify(fake.checkRuns.map((run) => run.updates.map((update) => update.status)))}\n${output}`);
}

before(async () => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'app.js')), 'dist/app.js is missing: run `npm run build` first');
  github = await startLocalGitHub(fake, getTestPrivateKey());
  const port = await findFreePort();
  webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
  // A clean environment: only what running the App needs.
  server = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_ID: String(appId),
      PRIVATE_KEY: getTestPrivateKey(),
      WEBHOOK_SECRET: webhookSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await waitForServer(`http://127.0.0.1:${port}/ping`, 15_000);
});

after(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    // npm, the shell and node run in the group this test created.
    process.kill(-server.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
    clearTimeout(timer);
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  await github?.close();
});

describe('the App under `npm start`', () => {
  const body = JSON.stringify(readFixture('pull_request.opened'));

  test('refuses unsigned and wrongly signed webhooks without calling GitHub', async () => {
    const unsigned = await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID() });
    assert.equal(unsigned.status, 400, unsigned.text);
    const wrongSecret = await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body, 'not-the-secret') });
    assert.equal(wrongSecret.status, 400, wrongSecret.text);
    const tampered = await deliver(body.replace('"opened"', '"reopened"'), { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body) });
    assert.equal(tampered.status, 400, tampered.text);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(github.requests, [], 'no API call');
  });

  test('reviews a signed pull_request with suggestions and a failed check run', async () => {
    const response = await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body) });
    assert.ok(response.status === 200 || response.status === 202, `${response.status} ${response.text}`);
    await waitForConcludedCheckRuns(1);

    assert.deepEqual(github.refused, [], 'every call succeeded');
    const tokenRequests = github.requests.filter((request) => request.path === `/app/installations/${installationId}/access_tokens`);
    assert.equal(tokenRequests.length, 1, 'one installation token');
    const reviews = fake.requestsTo('POST', '/pulls/7/reviews');
    assert.equal(reviews.length, 1);
    assert.equal(reviews[0].body.commit_id, openedHeadSha);
    assert.equal(reviews[0].body.comments.length, 2);
    assert.ok(reviews[0].body.comments.some((comment: any) => extractSuggestion(comment.body) !== undefined), 'a suggestion');
    const [run] = fake.checkRuns;
    assert.equal(run.create.status, 'in_progress');
    assert.equal(run.create.head_sha, openedHeadSha);
    const conclusion = run.updates.find((update) => update.conclusion);
    assert.equal(conclusion?.conclusion, 'failure');
    assert.equal(run.updates.flatMap((update) => update.output?.annotations ?? []).length, 2);
  });

  test('a second delivery of the same event duplicates nothing', async () => {
    attributeToApp(fake);
    const commentsBefore = fake.comments.length;
    const response = await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body) });
    assert.ok(response.status === 200 || response.status === 202, `${response.status} ${response.text}`);
    await waitForConcludedCheckRuns(2);

    assert.deepEqual(github.refused, []);
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1, 'no second review');
    assert.equal(fake.comments.length, commentsBefore, 'no new comment');
    assert.equal(fake.requestsTo('DELETE', /comments/).length, 0, 'nothing deleted');
    assert.equal(fake.checkRuns[1].updates.find((update) => update.conclusion)?.conclusion, 'failure');
  });
});
