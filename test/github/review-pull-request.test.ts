// The orchestrator against GitHub's HTTP API, faked at the HTTP boundary through nock: the real Octokit
// (with its retry and throttling plugins), the real client, real templates linted by the real rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/finding.js';
import type { InputFile } from '../../src/core/lint.js';
import { applyEdits } from '../../src/core/text/text-edit.js';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { createActionOctokit, type ActionOctokitOptions } from '../../src/github/action-octokit.js';
import { createGitHubClient } from '../../src/github/client.js';
import { computeGitBlobSha, createApiFileSource, createStaticFileSource, type FileSource } from '../../src/github/file-source.js';
import { parseFingerprintMarkers, reviewMarker } from '../../src/github/markers.js';
import { reviewPullRequest, type PullRequestTarget, type ReviewOptions } from '../../src/github/review-pull-request.js';
import { FakeGitHub, fakeApiUrl, humanUser, interceptWithNock, type ApiReviewComment } from './fake-github.js';
import {
  applySuggestionToText,
  buildManyTaskDefinitionsTemplate,
  buildPullRequestFile,
  buildRolesTemplate,
  buildScenarioConfig,
  buildServiceTemplate,
  extractSuggestion,
  lineOf,
  ordersTaskDefinition,
} from './pull-request-scenario.js';

const headSha = 'a'.repeat(40);
const pr: PullRequestTarget = { owner: 'acme', repo: 'infra', number: 7, headSha };
const servicePath = 'infra/service.yaml';
const brokenService = buildServiceTemplate({ wrongTaskRoleTrust: true });
const fixedService = buildServiceTemplate({ wrongTaskRoleTrust: false, createGroupGranted: true });

async function runReview(
  fake: FakeGitHub,
  files: readonly InputFile[] | FileSource,
  options: Partial<ReviewOptions> = {},
  clientOptions: ActionOctokitOptions = {},
) {
  // The pull request's head is the one reviewed, unless a test moved it.
  fake.headSha ??= pr.headSha;
  const restore = interceptWithNock(fake);
  try {
    const octokit = createActionOctokit('ghs_test_token', { baseUrl: fakeApiUrl, fetch: globalThis.fetch, throttle: false, retryAfterBaseValue: 1, ...clientOptions });
    return await reviewPullRequest(createGitHubClient(octokit), pr, {
      config: buildScenarioConfig(),
      files: Array.isArray(files) ? createStaticFileSource(files) : (files as FileSource),
      commentMode: 'review',
      reviewEvent: 'COMMENT',
      ...options,
    });
  } finally {
    restore();
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function commentFor(comments: { body: string }[], finding: Finding): any {
  return comments.find((comment) => parseFingerprintMarkers(comment.body).includes(findingFingerprint(finding)));
}

/** The lines the first fix of a finding replaces, checked the way GitHub applies a suggestion. */
function assertSuggestionApplies(comment: any, finding: Finding, texts: Map<string, string>): void {
  const fix = finding.fixes[0];
  const suggestion = extractSuggestion(comment.body);
  assert.ok(suggestion !== undefined, 'the comment has a suggestion block');
  const text = texts.get(comment.path)!;
  const applied = applySuggestionToText(text, comment.start_line ?? comment.line, comment.line, suggestion);
  assert.equal(applied, applyEdits(text, fix.edits.filter((edit) => edit.path === comment.path)));
}

test('posts one review whose comments sit on the lines each fix replaces, with suggestions that produce the fix', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);

  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.findings.map((finding) => finding.ruleId).sort(), ['awslogs-create-group-permission', 'ecs-tasks-trust']);
  const posts = fake.requestsTo('POST', '/pulls/7/reviews');
  assert.equal(posts.length, 1);
  const review = posts[0].body;
  assert.equal(review.commit_id, headSha);
  assert.equal(review.event, 'COMMENT');
  assert.ok(review.body.startsWith(reviewMarker));
  assert.equal(review.comments.length, 2);
  for (const comment of review.comments) {
    assert.equal(comment.side, 'RIGHT');
    assert.equal(comment.position, undefined);
  }
  const texts = new Map([[servicePath, brokenService]]);
  for (const finding of result.findings) {
    const comment = commentFor(review.comments, finding);
    assert.ok(comment, `${finding.ruleId} is commented inline`);
    if (finding.fixes.length > 0) {
      assertSuggestionApplies(comment, finding, texts);
    } else {
      // Without a fix the comment sits on the finding's own line.
      assert.equal(extractSuggestion(comment.body), undefined);
      assert.equal(comment.line, lineAt(brokenService, finding.startOffset));
    }
  }
  assert.deepEqual(fake.rejectedReviews, []);
  assert.deepEqual(result.review.inline.length, 2);

  assert.equal(fake.checkRuns.length, 1);
  const run = fake.checkRuns[0].create;
  assert.deepEqual(Object.keys(run).sort(), ['completed_at', 'conclusion', 'head_sha', 'name', 'output', 'status']);
  assert.equal(run.name, 'ecs-iam-lint');
  assert.equal(run.head_sha, headSha);
  assert.equal(run.status, 'completed');
  assert.equal(run.conclusion, 'failure');
  assert.equal(run.output.title, '2 errors, 0 warnings, 0 notices');
  assert.match(run.output.summary, /\| error \| \[ecs-tasks-trust\]/);
  assert.equal(run.output.annotations.length, 2);
  assert.equal(result.conclusion, 'failure');
});

test('findings outside the diff hunks go to the review body, each with its patch as a diff block', async () => {
  const base = buildServiceTemplate({ wrongTaskRoleTrust: true, description: 'A web service.' });
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, base, brokenService)] });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);

  assert.deepEqual(result.problems, []);
  const review = fake.requestsTo('POST', '/pulls/7/reviews')[0].body;
  assert.equal(review.comments, undefined);
  assert.equal(result.review.inline.length, 0);
  assert.equal(result.review.body.length, 2);
  assert.deepEqual(parseFingerprintMarkers(review.body).sort(), result.findings.map(findingFingerprint).sort());
  for (const finding of result.findings) {
    assert.ok(review.body.includes(`${servicePath}:${lineAt(brokenService, finding.startOffset)}`));
  }
  const withFix = result.findings.filter((finding) => finding.fixes.length > 0).length;
  assert.equal((review.body.match(/```diff\n--- a\/infra\/service\.yaml/g) ?? []).length, withFix);
});

test('a pull request that removes a permission from a role is told about the unchanged task definition, with the fix on the role', async () => {
  const rolesPath = 'infra/roles.yaml';
  const before = buildRolesTemplate({ createGroupGranted: true });
  const after = buildRolesTemplate({ createGroupGranted: false });
  const fake = new FakeGitHub({ files: [buildPullRequestFile(rolesPath, before, after)] });
  const result = await runReview(fake, [{ path: rolesPath, text: after }, { path: 'tasks/orders.json', text: ordersTaskDefinition }]);

  assert.deepEqual(result.problems, []);
  assert.equal(result.findings.length, 1);
  const [finding] = result.findings;
  assert.equal(finding.path, 'tasks/orders.json');
  assert.deepEqual(finding.relatedPaths, [rolesPath]);
  const review = fake.requestsTo('POST', '/pulls/7/reviews')[0].body;
  if (finding.fixes.length > 0) {
    // The role's lines are in the diff: the suggestion goes there, naming the task definition.
    const comment = commentFor(review.comments, finding);
    assert.equal(comment.path, rolesPath);
    assertSuggestionApplies(comment, finding, new Map([[rolesPath, after]]));
    assert.ok(comment.body.includes(`tasks/orders.json:${lineOf(ordersTaskDefinition, 'awslogs-create-group')}`));
  } else {
    // The task definition is not in the diff: the finding goes to the body.
    assert.equal(review.comments, undefined);
    assert.deepEqual(parseFingerprintMarkers(review.body), [findingFingerprint(finding)]);
  }
});

test('reads every page of changed files and of review comments, and skips what an earlier run posted', async () => {
  const others = Array.from({ length: 150 }, (_, index) => buildPullRequestFile(`docs/page-${String(index).padStart(3, '0')}.md`, 'old\n', 'new\n'));
  const files = [...others, buildPullRequestFile(servicePath, undefined, brokenService)];
  const chatter: ApiReviewComment[] = Array.from({ length: 120 }, (_, index) => ({ id: index + 1, body: `looks good ${index}`, path: 'docs/page-000.md', line: 1, user: humanUser }));
  const fake = new FakeGitHub({ files, comments: chatter });
  // A first run finds both findings; its comment on one of them lands on the second page of comments.
  const first = await runReview(new FakeGitHub({ files }), [{ path: servicePath, text: brokenService }]);
  const trust = first.findings.find((finding) => finding.ruleId === 'ecs-tasks-trust')!;
  fake.comments.push({ id: 500, body: `earlier\n\n<!-- ecs-iam-lint:fingerprint=${findingFingerprint(trust)} -->`, path: servicePath, line: 1, user: { login: 'github-actions[bot]', type: 'Bot' } });

  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(fake.requestsTo('GET', '/pulls/7/files').map((request) => request.query.page), ['1', '2']);
  assert.ok(fake.requestsTo('GET', '/pulls/7/comments').some((request) => request.query.page === '2'));
  assert.equal(result.changedPaths?.length, 151);
  const review = fake.requestsTo('POST', '/pulls/7/reviews')[0].body;
  assert.equal(review.comments.length, 1);
  assert.deepEqual(result.review.alreadyReported, [trust]);
  assert.equal(commentFor(review.comments, trust), undefined);
});

test('a re-run with nothing new posts no review and deletes nothing', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  const files = [{ path: servicePath, text: brokenService }];
  await runReview(fake, files);
  const writesBefore = fake.writes().length;

  const again = await runReview(fake, files);
  assert.deepEqual(again.problems, []);
  assert.equal(again.review.posted, false);
  assert.equal(again.review.alreadyReported.length, 2);
  const newWrites = fake.writes().slice(writesBefore);
  // Only the new check run: no review, no comment deleted.
  assert.deepEqual(newWrites.map((request) => `${request.method} ${request.path}`), ['POST /repos/acme/infra/check-runs']);
  assert.equal(fake.reviews.length, 1);
});

test('a re-run after a fix deletes the stale comment but keeps one somebody replied to', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  await runReview(fake, [{ path: servicePath, text: brokenService }]);
  assert.equal(fake.comments.length, 2);
  const [replied, stale] = fake.comments;
  fake.comments.push({ id: 9001, body: 'Why is this needed?', path: replied.path, line: replied.line, in_reply_to_id: replied.id, user: humanUser });

  fake.files = [buildPullRequestFile(servicePath, undefined, fixedService)];
  const result = await runReview(fake, [{ path: servicePath, text: fixedService }]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.findings.length, 0);
  assert.deepEqual(result.review.deletedCommentIds, [stale.id]);
  assert.deepEqual(result.review.keptCommentIds, [replied.id]);
  assert.deepEqual(fake.requestsTo('DELETE', /\/pulls\/comments\/\d+$/).map((request) => request.path), [`/repos/acme/infra/pulls/comments/${stale.id}`]);
  assert.deepEqual(fake.comments.map((comment) => comment.id), [replied.id, 9001]);
  assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
  assert.equal(fake.checkRuns[1].create.conclusion, 'success');
  assert.equal(fake.checkRuns[1].create.output.title, 'No findings');
});

test('a read-only token (a pull request from a fork) gets 403 on writes: reported, nothing thrown, findings kept', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)], readOnly: true });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);
  assert.equal(result.readOnly, true);
  assert.equal(result.review.posted, false);
  assert.equal(result.checkRun.published, false);
  assert.equal(result.findings.length, 2);
  assert.equal(result.conclusion, 'failure');
  assert.ok(result.problems.some((problem) => /post the review: the token may not do this \(403/.test(problem)));
  assert.ok(result.problems.some((problem) => /publish the check run: the token may not do this/.test(problem)));
});

test('retries a 502 from GitHub and then succeeds', async () => {
  const fake = new FakeGitHub({
    files: [buildPullRequestFile(servicePath, undefined, brokenService)],
    faults: [
      { method: 'GET', path: /\/pulls\/7\/files$/, status: 502, body: { message: 'Bad Gateway' } },
      { method: 'POST', path: /\/check-runs$/, status: 502, body: { message: 'Bad Gateway' } },
    ],
  });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);
  assert.deepEqual(result.problems, []);
  assert.equal(fake.requestsTo('GET', '/pulls/7/files').length, 2);
  assert.equal(fake.requestsTo('POST', '/check-runs').length, 2);
  assert.equal(fake.checkRuns.length, 1);
  assert.equal(result.review.posted, true);
});

test('a GitHub error that outlasts the retries is reported in the check run, which turns neutral', async () => {
  const fake = new FakeGitHub({
    files: [buildPullRequestFile(servicePath, undefined, fixedService)],
    faults: [{ method: 'GET', path: /\/pulls\/7\/comments$/, status: 503, times: 10 }],
  });
  const result = await runReview(fake, [{ path: servicePath, text: fixedService }], {}, { retries: 2 });
  assert.equal(fake.requestsTo('GET', '/pulls/7/comments').length, 3);
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0], /could not list the earlier review comments \(no review was posted\): HTTP 503/);
  assert.equal(result.conclusion, 'neutral');
  const run = fake.checkRuns[0].create;
  assert.equal(run.conclusion, 'neutral');
  assert.match(run.output.title, /incomplete/);
  assert.match(run.output.summary, /HTTP 503/);
});

test('waits out a secondary rate limit as its retry-after says, then carries on', async () => {
  const fake = new FakeGitHub({
    files: [buildPullRequestFile(servicePath, undefined, fixedService)],
    faults: [{
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    }],
  });
  const logged: string[] = [];
  const result = await runReview(fake, [{ path: servicePath, text: fixedService }], {}, { throttle: true, retryAfterBaseValue: 5, log: (message) => logged.push(message) });
  assert.deepEqual(result.problems, []);
  assert.equal(result.readOnly, false);
  assert.equal(fake.requestsTo('GET', '/pulls/7/files').length, 2);
  assert.ok(logged.some((message) => /secondary rate limit.*retrying after 1 s/.test(message)));
});

test('sends 120 annotations in three requests: a create with 50, then updates with 50 and 20', async () => {
  const path = 'infra/many.yaml';
  const text = buildManyTaskDefinitionsTemplate(120);
  const fake = new FakeGitHub({ files: [buildPullRequestFile(path, undefined, text)] });
  const result = await runReview(fake, [{ path, text }], { commentMode: 'annotations' });
  assert.deepEqual(result.problems, []);
  assert.equal(result.findings.length, 120);
  assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 0);
  assert.equal(fake.requestsTo('GET', '/pulls/7/comments').length, 0);
  assert.equal(fake.checkRuns.length, 1);
  const [run] = fake.checkRuns;
  assert.deepEqual([run.create.output.annotations.length, ...run.updates.map((update) => update.output.annotations.length)], [50, 50, 20]);
  assert.equal(result.checkRun.requests, 3);
  for (const annotation of [run.create, ...run.updates].flatMap((body) => body.output.annotations)) {
    assert.equal(annotation.path, path);
    assert.equal(annotation.annotation_level, 'failure');
    if (annotation.start_line === annotation.end_line) assert.equal(typeof annotation.start_column, 'number');
    else assert.equal(annotation.start_column, undefined);
  }
  for (const update of run.updates) assert.equal(update.output.title, '120 errors, 0 warnings, 0 notices');
});

test('a review GitHub refuses with 422 is posted again with the refused comments in its body', async () => {
  const fake = new FakeGitHub({
    files: [buildPullRequestFile(servicePath, undefined, brokenService)],
    faults: [{ method: 'POST', path: /\/pulls\/7\/reviews$/, status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } }],
  });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }]);
  assert.deepEqual(result.problems, []);
  const posts = fake.requestsTo('POST', '/pulls/7/reviews');
  assert.equal(posts.length, 2);
  assert.equal(posts[0].body.comments.length, 2);
  assert.equal(posts[1].body.comments, undefined);
  assert.deepEqual(parseFingerprintMarkers(posts[1].body.body).sort(), result.findings.map(findingFingerprint).sort());
  assert.equal(result.review.inline.length, 0);
  assert.equal(result.review.body.length, 2);
  assert.match(result.notes[0], /GitHub refused the inline comments \(Unprocessable Entity: "Line could not be resolved"/);
});

test('requests changes only when configured and a new finding fails the run', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  await runReview(fake, [{ path: servicePath, text: brokenService }], { reviewEvent: 'REQUEST_CHANGES' });
  assert.equal(fake.requestsTo('POST', '/pulls/7/reviews')[0].body.event, 'REQUEST_CHANGES');

  const lenient = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  await runReview(lenient, [{ path: servicePath, text: brokenService }], { reviewEvent: 'REQUEST_CHANGES', config: { ...buildScenarioConfig(), failOn: 'never' } });
  assert.equal(lenient.requestsTo('POST', '/pulls/7/reviews')[0].body.event, 'COMMENT');
  assert.equal(lenient.checkRuns[0].create.conclusion, 'success');
});

test('lints changed files at the head even when the checkout holds another version (pull_request_target)', async () => {
  const base = buildServiceTemplate({ wrongTaskRoleTrust: true, description: 'An older description\n  spanning lines.' });
  const changed = buildPullRequestFile(servicePath, base, brokenService);
  const added = buildPullRequestFile('tasks/orders.json', undefined, ordersTaskDefinition);
  const roles = buildRolesTemplate({ createGroupGranted: false });
  const fake = new FakeGitHub({
    files: [changed, added],
    blobs: new Map([[changed.sha, brokenService], [added.sha, ordersTaskDefinition]]),
  });
  // The checkout is the base: the changed file has its old text and the added file is missing.
  const source = createStaticFileSource([{ path: servicePath, text: base }, { path: 'infra/roles.yaml', text: roles }], () => true);
  const result = await runReview(fake, source);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(fake.requestsTo('GET', /\/git\/blobs\//).map((request) => request.path.split('/').pop()).sort(), [changed.sha, added.sha].sort());
  assert.equal(result.lint.files.get(servicePath)?.text, brokenService);
  assert.ok(result.findings.some((finding) => finding.path === 'tasks/orders.json'));
  assert.deepEqual(fake.rejectedReviews, []);
});

test('a run that outlasts its time budget reports it instead of hanging or throwing', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)] });
  const result = await runReview(fake, [{ path: servicePath, text: brokenService }], { timeBudgetMs: 1 });
  assert.equal(result.checkRun.published, false);
  assert.ok(result.problems.some((problem) => /time budget of 1 ms ran out/.test(problem)), result.problems.join('\n'));
  // Without the list of changed files every finding counts.
  assert.equal(result.findings.length, 2);
});

test('reads a repository through the trees and blobs APIs for the App, and reviews with it', async () => {
  const roles = buildRolesTemplate({ createGroupGranted: false });
  const blobs = new Map([roles, ordersTaskDefinition, '# readme\n'].map((text) => [computeGitBlobSha(Buffer.from(text)), text]));
  const tree = new Map([
    ['infra/roles.yaml', computeGitBlobSha(Buffer.from(roles))],
    ['tasks/orders.json', computeGitBlobSha(Buffer.from(ordersTaskDefinition))],
    ['README.md', computeGitBlobSha(Buffer.from('# readme\n'))],
  ]);
  const fake = new FakeGitHub({ files: [buildPullRequestFile('tasks/orders.json', undefined, ordersTaskDefinition)], blobs, tree, headSha });
  const restore = interceptWithNock(fake);
  try {
    const client = createGitHubClient(createActionOctokit('t', { baseUrl: fakeApiUrl, fetch: globalThis.fetch, throttle: false }));
    const config = buildScenarioConfig();
    const source = createApiFileSource(client, pr, headSha, config);
    const read = await source.readFiles();
    assert.deepEqual(read.files.map((file) => file.path), ['infra/roles.yaml', 'tasks/orders.json']);
    assert.equal(read.files[0].text, roles);
    assert.equal((await client.getFileContent(pr, 'infra/roles.yaml', 'main'))?.toString('utf8'), roles);
    assert.equal(await client.getFileContent(pr, 'missing.yaml', 'main'), undefined);
    const result = await reviewPullRequest(client, pr, { config, files: source, commentMode: 'review', reviewEvent: 'COMMENT' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.findings.length, 1);
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
  } finally {
    restore();
  }
});

test("Probot's Octokit works through the same client", async () => {
  const { ProbotOctokit } = await import('probot');
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, brokenService)], headSha });
  const restore = interceptWithNock(fake);
  try {
    const octokit = new ProbotOctokit({ auth: { token: 'probot-token' }, baseUrl: fakeApiUrl, retry: { enabled: false }, throttle: { enabled: false } });
    const result = await reviewPullRequest(createGitHubClient(octokit), pr, {
      config: buildScenarioConfig(),
      files: createStaticFileSource([{ path: servicePath, text: brokenService }]),
      commentMode: 'review',
      reviewEvent: 'COMMENT',
    });
    assert.deepEqual(result.problems, []);
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews')[0].authorization, 'token probot-token');
  } finally {
    restore();
  }
});
