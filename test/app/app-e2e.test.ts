// End to end: `npm start` runs the built `dist/app.js` under `probot run` as a separate process, with
// Probot's own variables and GHE_HOST/GHE_PROTOCOL pointing at a local server that answers like GitHub.
// Webhooks arrive over HTTP, signed (or not) as GitHub signs them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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
  installationToken,
  openedHeadSha,
  openedService,
  readFixture,
  repoRoot,
  webhookSecret,
} from './app-harness.js';
import { startLocalGitHub, type LocalGitHub } from './local-github-server.js';
import { maxWebhookPayloadBytes } from '../../src/app/webhook-body-limit.js';
import type { FakeResponse, RecordedRequest } from '../github/fake-github.js';

const fake = createFakeGitHub(baseService, openedService);
let github: LocalGitHub;
let server: ChildProcess;
let webhookUrl: string;
let output = '';
/** Lets a test answer a request before the local GitHub does. */
let intercept: ((request: RecordedRequest) => FakeResponse | undefined) | undefined;

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

/**
 * POSTs a body one byte over the limit, signed as nothing in particular, and answers as soon as the server
 * does. With a declared length nothing is sent after the headers: the server must answer on them alone.
 * Without one, exactly the bytes over the limit are sent and no more, so the server, which closes the
 * connection after refusing, has read everything (a close with unread bytes would reset it).
 */
function postOversized(options: { declareLength: boolean }): Promise<{ status: number; body: string; bytesSent: number }> {
  const size = maxWebhookPayloadBytes + 1;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    const url = new URL(webhookUrl);
    let bytesSent = 0;
    let answered = false;
    const request = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        ...(options.declareLength ? { 'content-length': String(size) } : {}),
      },
    }, (response) => {
      answered = true;
      let text = '';
      response.on('data', (data: Buffer) => (text += data.toString('utf8')));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text, bytesSent });
        request.destroy();
      });
      response.on('error', reject);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // The server may answer 413 and close while the client is still writing: the write then fails with
      // EPIPE or ECONNRESET before the response is read. Past the limit, that is the refusal too.
      if ((error.code === 'EPIPE' || error.code === 'ECONNRESET') && bytesSent > maxWebhookPayloadBytes) {
        answered = true;
        resolve({ status: 0, body: 'connection closed by the server after the limit', bytesSent });
        return;
      }
      reject(error);
    });
    if (options.declareLength) {
      request.flushHeaders();
      return;
    }
    const write = () => {
      while (!answered && bytesSent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - bytesSent));
        bytesSent += piece.length;
        if (!request.write(piece)) {
          request.once('drain', write);
          return;
        }
      }
    };
    write();
  });
}

before(async () => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'app.js')), 'dist/app.js is missing: run `npm run build` first');
  github = await startLocalGitHub(fake, getTestPrivateKey(), { intercept: (request) => intercept?.(request) });
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
      // Everything Probot and Octokit log, so the secrets test greps the most there is.
      LOG_LEVEL: 'trace',
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
  test('refuses a body over 25 MB with 413 before reading it, and one sent without a length once it passes the limit', async () => {
    const requestsBefore = github.requests.length;
    const declared = await postOversized({ declareLength: true });
    assert.equal(declared.status, 413);
    assert.match(declared.body, /payload too large/);
    assert.equal(declared.bytesSent, 0, 'answered on the headers alone');
    const chunked = await postOversized({ declareLength: false });
    assert.ok(chunked.status === 413 || chunked.status === 0, `${chunked.status} ${chunked.body}`);
    assert.ok(chunked.bytesSent > maxWebhookPayloadBytes, 'read up to the limit, then refused');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(github.requests.length, requestsBefore, 'no API call');
    // The server is still there and still verifies signatures.
    assert.equal((await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID() })).status, 400);
  });

  test('no token, private key, webhook secret or JWT appears in the log of failing deliveries, even when GitHub echoes them', async () => {
    const jwts: string[] = [];
    // A failing listing of the changed files whose message carries the installation token...
    fake.faults.push({ method: 'GET', path: /\/pulls\/7\/files$/, status: 401, body: { message: `Bad credentials: token ${installationToken}` } });
    // ...and, for an installation the App has no token for yet, a refused token whose message carries the App's JWT.
    intercept = (request) => {
      if (request.method !== 'POST' || !request.path.endsWith('/app/installations/424242/access_tokens')) return undefined;
      jwts.push(String(request.authorization).replace(/^bearer /i, ''));
      return { status: 401, headers: { 'content-type': 'application/json' }, body: { message: `A JSON web token could not be decoded: ${request.authorization}` } };
    };
    const outputBefore = output.length;
    try {
      const failing = await deliver(body, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body) });
      assert.ok(failing.status === 200 || failing.status === 202, `${failing.status} ${failing.text}`);
      await waitForConcludedCheckRuns(3);
      const otherInstallation = readFixture('pull_request.opened');
      otherInstallation.installation.id = 424242;
      const text = JSON.stringify(otherInstallation);
      const refused = await deliver(text, { 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(text) });
      assert.ok(refused.status === 200 || refused.status === 202, `${refused.status} ${refused.text}`);
      const deadline = Date.now() + 10_000;
      while (!/could not start the check run/.test(output.slice(outputBefore)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      intercept = undefined;
    }

    const logged = output.slice(outputBefore);
    assert.match(logged, /could not list the files the pull request changes.*HTTP 401: Bad credentials: token \[REDACTED\]/, 'the failures are logged');
    assert.match(logged, /could not start the check run: .*A JSON web token could not be decoded: bearer \[REDACTED\]/);
    assert.equal(jwts.length > 0, true, 'the App sent its JWT');
    const keyLines = getTestPrivateKey().split('\n').filter((line) => line.length > 40);
    const secrets = [installationToken, webhookSecret, ...jwts, ...keyLines];
    for (const secret of secrets) assert.ok(!output.includes(secret), `a secret (${secret.slice(0, 8)}...) is in the log`);
    const summaries = fake.checkRuns.flatMap((run) => run.updates.map((update) => JSON.stringify(update.output ?? '')));
    for (const secret of secrets) assert.ok(!summaries.some((summary) => summary.includes(secret)), 'a secret is in a check run');
  });
});
