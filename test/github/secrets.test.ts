// Tokens never reach an error message, a log line, a check run or a summary, even when a server or proxy
// echoes the request's Authorization header back in its error: checked by grepping everything a failing
// run produced, through the real Octokit at the HTTP boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createActionOctokit } from '../../src/github/action-octokit.js';
import { createGitHubClient } from '../../src/github/client.js';
import { createStaticFileSource } from '../../src/github/file-source.js';
import { redactSecrets } from '../../src/github/redact-secrets.js';
import { reviewPullRequest } from '../../src/github/review-pull-request.js';
import { FakeGitHub, fakeApiUrl, interceptWithNock } from './fake-github.js';
import { buildPullRequestFile, buildScenarioConfig, buildServiceTemplate } from './pull-request-scenario.js';

const privateKey = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

test('redacts GitHub tokens, JWTs, private keys and echoed authorization headers, and the secrets it is given', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMDQzNTEyIn0.c2lnbmF0dXJlLWJ5dGVz';
  const cases: [string, string][] = [
    ['Bad credentials: ghs_16C7e42F292c6912E7710c838347Ae178B4a', 'Bad credentials: [REDACTED]'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789 and gho_ABCDEFGHIJKLMNOPQRST', '[REDACTED] and [REDACTED]'],
    ['pat github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789', 'pat [REDACTED]'],
    [`jwt ${jwt} rejected`, 'jwt [REDACTED] rejected'],
    [`key:\n${privateKey.trim()}\nend`, 'key:\n[REDACTED]\nend'],
    [`base64 key ${Buffer.from(privateKey).toString('base64')}`, 'base64 key [REDACTED]'],
    ['{"authorization":"token not-a-github-shape-123"}', '{"authorization":"token [REDACTED]"}'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [REDACTED]'],
    ['the token may not do this (403)', 'the token may not do this (403)'],
  ];
  for (const [input, expected] of cases) assert.equal(redactSecrets(input), expected, input);
  assert.equal(redactSecrets('custom s3cr3t-value-42 here', ['s3cr3t-value-42']), 'custom [REDACTED] here');
  assert.equal(redactSecrets('a short one: abc', ['abc']), 'a short one: abc', 'values under 8 characters are not secrets');
});

for (const token of ['ghs_e2eSecretTokenValue0123456789', 'custom-proxy-credential-0042']) {
  test(`a failing run whose server echoes the token (${token.slice(0, 6)}...) leaves it out of every problem, note, log line and check run`, async () => {
    const echo = (status: number, path: RegExp, method = 'GET', times = 1) => ({
      method,
      path,
      status,
      times,
      headers: { 'x-echo-authorization': `token ${token}` },
      body: { message: `Upstream refused the request with authorization: token ${token} (token ${token})`, documentation_url: 'https://docs.github.com/rest' },
    });
    const fake = new FakeGitHub({
      files: [buildPullRequestFile('infra/service.yaml', undefined, buildServiceTemplate({ wrongTaskRoleTrust: true }))],
      headSha: 'a'.repeat(40),
      faults: [echo(401, /\/pulls\/7\/files$/), echo(500, /\/pulls\/7\/comments$/, 'GET', 10)],
    });
    const log: string[] = [];
    const restore = interceptWithNock(fake);
    let result;
    try {
      const octokit = createActionOctokit(token, { baseUrl: fakeApiUrl, fetch: globalThis.fetch, throttle: false, retries: 1, retryAfterBaseValue: 1, log: (message) => log.push(message) });
      result = await reviewPullRequest(createGitHubClient(octokit, { secrets: [token] }), { owner: 'acme', repo: 'infra', number: 7, headSha: 'a'.repeat(40) }, {
        config: buildScenarioConfig(),
        files: createStaticFileSource([{ path: 'infra/service.yaml', text: buildServiceTemplate({ wrongTaskRoleTrust: true }) }]),
        commentMode: 'review',
        reviewEvent: 'COMMENT',
        log: (message) => log.push(message),
      });
    } finally {
      restore();
    }
    // The run failed in the ways set up, and says so.
    assert.ok(result.problems.some((problem) => /list the files the pull request changes.*HTTP 401: Upstream refused/.test(problem)), result.problems.join('\n'));
    assert.ok(result.problems.some((problem) => /list the earlier review comments.*HTTP 500: Upstream refused/.test(problem)), result.problems.join('\n'));
    assert.equal(fake.checkRuns.length, 1, 'the check run, with the problems in its summary, was published');
    assert.ok(fake.requests.every((request) => request.authorization === `token ${token}`), 'the token was sent');
    const produced = [
      ...result.problems,
      ...result.notes,
      ...log,
      JSON.stringify(result.review),
      JSON.stringify(fake.requests.filter((request) => request.method !== 'GET').map((request) => request.body)),
    ].join('\n');
    assert.ok(produced.includes('Upstream refused the request with authorization: token [REDACTED]'), 'the echoed message is kept, redacted');
    assert.match(fake.checkRuns[0].create.output.summary, /Upstream refused the request with authorization: token \\\[REDACTED\\\]/);
    assert.ok(!produced.includes(token), 'the token appears nowhere');
  });
}
