// Two runs for one pull request: a push while a review runs (the newest head wins, the stale run writes
// nothing to the conversation and concludes only its own commit's check run), and two processes that both
// post at once (their duplicate comments are deleted, the oldest kept). At the HTTP boundary: the real
// Octokit, client and orchestrator against the fake GitHub, through nock or a local server that holds requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { createActionOctokit } from '../../src/github/action-octokit.js';
import { createGitHubClient } from '../../src/github/client.js';
import { createStaticFileSource } from '../../src/github/file-source.js';
import { parseFingerprintMarkers, renderFingerprintMarker } from '../../src/github/markers.js';
import { reviewPullRequest, type PullRequestTarget } from '../../src/github/review-pull-request.js';
import { botUser, FakeGitHub, fakeApiUrl, humanUser, interceptWithNock, startFakeGitHubServer } from './fake-github.js';
import { buildPullRequestFile, buildScenarioConfig, buildServiceTemplate } from './pull-request-scenario.js';

const headA = 'a'.repeat(40);
const headB = 'b'.repeat(40);
const pr = { owner: 'acme', repo: 'infra', number: 7 };
const servicePath = 'infra/service.yaml';
/** At A: a task role trusting ecs.amazonaws.com and an execution role without logs:CreateLogGroup. */
const textA = buildServiceTemplate({ wrongTaskRoleTrust: true });
/** At B the trust is fixed; the log-group finding stays. */
const textB = buildServiceTemplate({ wrongTaskRoleTrust: false });

function review(octokit: ReturnType<typeof createActionOctokit>, target: PullRequestTarget, text: string) {
  return reviewPullRequest(createGitHubClient(octokit), target, {
    config: buildScenarioConfig(),
    files: createStaticFileSource([{ path: servicePath, text }]),
    commentMode: 'review',
    reviewEvent: 'COMMENT',
  });
}

async function reviewThroughNock(fake: FakeGitHub, target: PullRequestTarget, text: string) {
  const restore = interceptWithNock(fake);
  try {
    return await review(createActionOctokit('ghs_test_token', { baseUrl: fakeApiUrl, fetch: globalThis.fetch, throttle: false, retryAfterBaseValue: 1 }), target, text);
  } finally {
    restore();
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

test('a push during the review: the run for the old head posts nothing and concludes its own check run as superseded', async () => {
  // The push to B landed after the event for A was delivered and before A's review posted.
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, textA)], headSha: headB });
  const stale = await reviewThroughNock(fake, { ...pr, headSha: headA }, textA);

  assert.equal(stale.supersededBy, headB);
  assert.equal(stale.review.posted, false);
  assert.deepEqual(stale.problems, []);
  assert.match(stale.notes.join('\n'), new RegExp(`head moved to ${headB} during the review of ${headA}`));
  assert.deepEqual(fake.writes().map((request) => `${request.method} ${request.path}`), ['POST /repos/acme/infra/check-runs'], 'only its own check run');
  const [staleRun] = fake.checkRuns;
  assert.equal(staleRun.create.head_sha, headA, 'on the old head, never on the new one');
  assert.equal(staleRun.create.conclusion, 'neutral');
  assert.equal(staleRun.create.output.title, `Superseded by ${headB.slice(0, 7)}`);
  assert.match(staleRun.create.output.summary, new RegExp(`moved to ${headB} while ${headA} was being reviewed`));
  assert.match(staleRun.create.output.summary, /Found at a{7}: 2 errors/, 'still says what it found');
  assert.equal(staleRun.create.output.annotations, undefined, 'no annotations on a superseded run');

  // The run for the new head reviews as if the stale one had never run.
  fake.files = [buildPullRequestFile(servicePath, undefined, textB)];
  const current = await reviewThroughNock(fake, { ...pr, headSha: headB }, textB);
  assert.equal(current.supersededBy, undefined);
  assert.equal(current.review.posted, true);
  const posts = fake.requestsTo('POST', '/pulls/7/reviews');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.commit_id, headB);
  assert.equal(fake.checkRuns.length, 2);
  assert.equal(fake.checkRuns[1].create.head_sha, headB);
  assert.equal(fake.checkRuns[1].create.conclusion, 'failure');
});

test('a superseded run deletes none of our comments, even ones whose finding it no longer sees', async () => {
  const orphan = { id: 77, body: `gone at A\n\n${renderFingerprintMarker('0'.repeat(32))}`, path: servicePath, line: 3, user: botUser };
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, textA)], headSha: headB, comments: [orphan] });
  const stale = await reviewThroughNock(fake, { ...pr, headSha: headA }, textA);
  assert.equal(stale.supersededBy, headB);
  assert.deepEqual(stale.review.deletedCommentIds, []);
  assert.equal(fake.requestsTo('DELETE', /comments/).length, 0);
  assert.deepEqual(fake.comments.map((comment) => comment.id), [77]);
});

test('when GitHub cannot tell the current head, the review is posted for the event\'s head, with a note', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, textA)] });
  fake.faults.push({ method: 'GET', path: /\/pulls\/7$/, status: 404, body: { message: 'Not Found' } });
  fake.headSha = headA;
  const result = await reviewThroughNock(fake, { ...pr, headSha: headA }, textA);
  assert.equal(result.review.posted, true);
  assert.deepEqual(result.problems, []);
  assert.match(result.notes.join('\n'), /could not read the pull request's current head before posting: HTTP 404.*posted for a{40} anyway/);
  assert.equal(fake.checkRuns[0].create.conclusion, 'failure');
});

test('two processes that post the same review at once end with one comment per finding, the oldest', async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, textA)], headSha: headA });
  // Both runs find nothing posted; their posts are held until both have sent theirs, as a race would have it.
  const bothPosting = deferred();
  let posting = 0;
  const server = await startFakeGitHubServer(fake, {
    before: async (request) => {
      if (request.method !== 'POST' || !request.path.endsWith('/pulls/7/reviews')) return;
      if (++posting === 2) bothPosting.resolve();
      await bothPosting.promise;
    },
  });
  try {
    const octokit = () => createActionOctokit('ghs_test_token', { baseUrl: server.url, fetch: globalThis.fetch, throttle: false, retryAfterBaseValue: 1 });
    const [first, second] = await Promise.all([review(octokit(), { ...pr, headSha: headA }, textA), review(octokit(), { ...pr, headSha: headA }, textA)]);

    assert.deepEqual([...first.problems, ...second.problems], []);
    assert.equal(first.review.posted && second.review.posted, true, 'both posted');
    assert.equal(fake.reviews.length, 2, 'GitHub cannot delete a submitted review');
    const [earlier, later] = [...fake.reviews].sort((a, b) => a.id - b.id);
    const commentsOf = (reviewId: number) => fake.comments.filter((comment) => comment.pull_request_review_id === reviewId).map((comment) => comment.id);
    assert.equal(fake.comments.length, 2, 'one comment per finding');
    assert.deepEqual(commentsOf(earlier.id), fake.comments.map((comment) => comment.id), 'the comments of the earlier review stay');
    assert.deepEqual(commentsOf(later.id), []);
    const deleted = [...first.review.deletedDuplicateIds, ...second.review.deletedDuplicateIds].sort((a, b) => a - b);
    assert.equal(new Set(deleted).size, 2, 'the two comments of the later review were deleted');
    assert.ok(deleted.every((id) => id > Math.max(...fake.comments.map((comment) => comment.id))), 'never the oldest');
    const fingerprints = fake.comments.flatMap((comment) => parseFingerprintMarkers(comment.body)).sort();
    assert.deepEqual(fingerprints, first.findings.map(findingFingerprint).sort());
    assert.equal(fake.checkRuns.length, 2);
  } finally {
    await server.close();
  }
});

test("of the duplicates, one someone replied to is kept, and another account's comment quoting our marker is never deleted", async () => {
  const fake = new FakeGitHub({ files: [buildPullRequestFile(servicePath, undefined, textA)], headSha: headA });
  // Another process's run posted first; this run listed the comments before that, so it posts too.
  await reviewThroughNock(fake, { ...pr, headSha: headA }, textA);
  const earlier = fake.comments.map((comment) => ({ ...comment }));
  const isCopy = (comment: { id: number }) => !earlier.some((original) => original.id === comment.id) && comment.id !== 5001 && comment.id !== 9000;
  fake.comments = [];
  fake.reviews = [];
  const restore = interceptWithNock(fake);
  let result;
  try {
    const client = createGitHubClient(createActionOctokit('ghs_test_token', { baseUrl: fakeApiUrl, fetch: globalThis.fetch, throttle: false }));
    const post = client.createReview.bind(client);
    client.createReview = async (...args) => {
      // The other run's comments land, with someone quoting one of them; then this run's post.
      fake.comments.push(...earlier, { id: 5001, body: `quoting: ${earlier[1].body}`, path: servicePath, line: earlier[1].line, user: humanUser });
      const posted = await post(...args);
      // Someone replies to this run's copy of the first comment before the duplicates are looked for.
      const copy = fake.comments.find((comment) => isCopy(comment) && comment.body === earlier[0].body)!;
      fake.comments.push({ id: 9000, body: 'Why is this needed?', path: servicePath, line: copy.line, in_reply_to_id: copy.id, user: humanUser });
      return posted;
    };
    result = await reviewPullRequest(client, { ...pr, headSha: headA }, {
      config: buildScenarioConfig(),
      files: createStaticFileSource([{ path: servicePath, text: textA }]),
      commentMode: 'review',
      reviewEvent: 'COMMENT',
    });
  } finally {
    restore();
  }
  assert.deepEqual(result.problems, []);
  const repliedCopy = fake.comments.find((comment) => isCopy(comment) && comment.body === earlier[0].body);
  assert.ok(repliedCopy, 'the copy with a reply stays');
  assert.equal(fake.comments.filter((comment) => comment.body === earlier[1].body).length, 1, 'the other copy is deleted');
  assert.ok(fake.comments.some((comment) => comment.id === 5001), "the quoting comment stays");
  assert.equal(result.review.deletedDuplicateIds.length, 1);
});
