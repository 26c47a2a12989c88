// The Lambda entry as AWS invokes it: `handler` from src/app/lambda.ts, configured only by Probot's
// environment variables, given API Gateway events (REST payload 1.0, then an HTTP API / function URL
// payload 2.0 with a base64 body). It must make the same calls as `probot.receive` does.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  appId,
  attributeToApp,
  baseService,
  createFakeGitHub,
  getTestPrivateKey,
  GitHubExpectations,
  installationToken,
  openedHeadSha,
  openedService,
  readFixture,
  repoRoot,
  webhookSecret,
} from './app-harness.js';
import type { HttpEvent } from '../../src/app/lambda.js';

const fake = createFakeGitHub(baseService, openedService);
const body = JSON.stringify(readFixture('pull_request.opened'));
let handler: (event: HttpEvent) => Promise<{ statusCode: number; body: string }>;
let github: GitHubExpectations | undefined;

function sign(text: string, secret = webhookSecret): string {
  return `sha256=${createHmac('sha256', secret).update(text).digest('hex')}`;
}

/** An API Gateway REST API (payload 1.0) event, headers in the case GitHub sends them. */
function restEvent(headers: Record<string, string>, text = body): HttpEvent {
  return {
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'GitHub-Hookshot/lambda', 'X-GitHub-Event': 'pull_request', 'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958', ...headers },
    body: text,
    isBase64Encoded: false,
  };
}

const saved = { ...process.env };
before(async () => {
  Object.assign(process.env, { APP_ID: String(appId), PRIVATE_KEY: getTestPrivateKey(), WEBHOOK_SECRET: webhookSecret, LOG_LEVEL: 'fatal' });
  delete process.env.GHE_HOST;
  ({ handler } = await import('../../src/app/lambda.js'));
});

after(() => {
  process.env = saved;
});

afterEach(() => {
  github?.restore();
  github = undefined;
});

describe('the Lambda handler', () => {
  test('refuses unsigned, wrongly signed and non-POST requests without calling GitHub', async () => {
    github = new GitHubExpectations(fake);
    const unsigned = await handler(restEvent({}));
    assert.equal(unsigned.statusCode, 401);
    const wrong = await handler(restEvent({ 'X-Hub-Signature-256': sign(body, 'not-the-secret') }));
    assert.equal(wrong.statusCode, 401);
    const tampered = await handler(restEvent({ 'X-Hub-Signature-256': sign(body) }, body.replace('"opened"', '"reopened"')));
    assert.equal(tampered.statusCode, 401);
    const get = await handler({ ...restEvent({}), httpMethod: 'GET' });
    assert.equal(get.statusCode, 405);
    github.assertDone();
    assert.equal(fake.requests.length, 0);
  });

  test('refuses a body over 25 MB with 413, before checking its signature, without calling GitHub', async () => {
    github = new GitHubExpectations(fake);
    const oversized = `{"padding":"${' '.repeat(25 * 1024 * 1024)}"}`;
    const result = await handler(restEvent({ 'X-Hub-Signature-256': sign(oversized) }, oversized));
    assert.equal(result.statusCode, 413);
    assert.match(result.body, /payload too large/);
    github.assertDone();
    assert.equal(fake.requests.length, 0);
  });

  test('a signed API Gateway event makes the same calls as probot.receive', async () => {
    github = new GitHubExpectations(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });
    const result = await handler(restEvent({ 'X-Hub-Signature-256': sign(body) }));
    assert.equal(result.statusCode, 200, result.body);
    github.assertDone();
    const [review] = fake.requestsTo('POST', '/pulls/7/reviews');
    assert.equal(review.authorization, `token ${installationToken}`);
    assert.equal(review.body.comments.length, 2);
    const [run] = fake.checkRuns;
    assert.equal(run.create.status, 'in_progress');
    assert.equal(run.updates.at(-1).conclusion, 'failure');
  });

  test('a redelivery as an HTTP API event with a base64 body duplicates nothing', async () => {
    attributeToApp(fake);
    // The same execution environment: the token and the App's login are still known.
    github = new GitHubExpectations(fake).expectReview(openedHeadSha, { posts: false });
    const result = await handler({
      requestContext: { http: { method: 'POST' } },
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'a4b1f0de-1b2c-4d5e-8f90-123456789abc', 'x-hub-signature-256': sign(body) },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    });
    assert.equal(result.statusCode, 200, result.body);
    github.assertDone();
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
    assert.equal(fake.checkRuns.length, 2);
    assert.equal(fake.checkRuns[1].updates.at(-1).conclusion, 'failure');
  });
});

test('the bundle dist/lambda.js runs on its own and checks signatures', async () => {
  const bundle = join(repoRoot, 'dist', 'lambda.js');
  assert.ok(existsSync(bundle), 'dist/lambda.js is missing: run `npm run build` first');
  const { handler: bundledHandler } = (await import(pathToFileURL(bundle).href)) as { handler: typeof handler };
  github = new GitHubExpectations(fake);
  const ping = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 481516, hook: { type: 'App', id: 481516, active: true, events: ['pull_request'], app_id: appId } });
  const headers = { 'X-GitHub-Event': 'ping', 'X-GitHub-Delivery': '0b4c5e2a-57d4-11ef-9a1e-0242ac120002' };
  assert.equal((await bundledHandler(restEvent({ ...headers, 'X-Hub-Signature-256': sign(ping, 'not-the-secret') }, ping))).statusCode, 401);
  assert.equal((await bundledHandler(restEvent({ ...headers, 'X-Hub-Signature-256': sign(ping) }, ping))).statusCode, 200);
  github.assertDone();
});
