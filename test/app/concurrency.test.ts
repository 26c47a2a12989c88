// Events for one pull request that overlap, with the App's real Probot and Octokit over HTTP against a
// local server that answers like GitHub and can hold a request: a push while a review runs (in one
// process, and across two replicas), and one event delivered to two replicas at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseService,
  buildEvent,
  createFakeGitHub,
  createTestProbot,
  getTestPrivateKey,
  openedHeadSha,
  openedService,
  setRepository,
  synchronizedHeadSha,
  synchronizedService,
} from './app-harness.js';
import type { FakeGitHub, RecordedRequest } from '../github/fake-github.js';
import { startLocalGitHub } from './local-github-server.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function runOn(fake: FakeGitHub, headSha: string) {
  const runs = fake.checkRuns.filter((run) => run.create.head_sha === headSha);
  assert.equal(runs.length, 1, `one check run on ${headSha}`);
  return runs[0];
}

function lastUpdate(run: FakeGitHub['checkRuns'][number]) {
  return run.updates.at(-1);
}

/** The head check of the review of `headSha`'s run is held until `release`; meanwhile the test pushes B. */
async function pushDuringReview(replicas: 1 | 2): Promise<FakeGitHub> {
  const fake = createFakeGitHub(baseService, openedService);
  const reachedHeadCheck = deferred();
  const release = deferred();
  let held = false;
  const github = await startLocalGitHub(fake, getTestPrivateKey(), {
    intercept: async (request: RecordedRequest) => {
      if (!held && request.method === 'GET' && request.path === '/repos/acme/infra/pulls/7') {
        held = true;
        reachedHeadCheck.resolve();
        await release.promise;
      }
      return undefined;
    },
  });
  try {
    const first = await createTestProbot({ baseUrl: github.baseUrl });
    const second = replicas === 2 ? await createTestProbot({ baseUrl: github.baseUrl }) : first;
    const reviewOfA = first.receive(buildEvent('pull_request.opened', 'delivery-a'));
    await reachedHeadCheck.promise;

    // The push: the head moves to B and its event arrives while A's review is about to post.
    setRepository(fake, baseService, synchronizedService);
    fake.headSha = synchronizedHeadSha;
    const reviewOfB = second.receive(buildEvent('pull_request.synchronize', 'delivery-b'));
    if (replicas === 2) {
      // Another replica: B's review runs to its end while A's is held.
      await reviewOfB;
      assert.equal(lastUpdate(runOn(fake, synchronizedHeadSha))?.status, 'completed');
    } else {
      // The same process queues B behind A; B's check run is already in progress.
      await waitFor(() => fake.checkRuns.length === 2, "B's check run");
    }
    const bUpdatesBeforeRelease = runOn(fake, synchronizedHeadSha).updates.length;
    release.resolve();
    await Promise.all([reviewOfA, reviewOfB]);

    if (replicas === 2) assert.equal(runOn(fake, synchronizedHeadSha).updates.length, bUpdatesBeforeRelease, "A's run never touches B's check run");
    assert.deepEqual(github.refused, []);
    return fake;
  } finally {
    await github.close();
  }
}

for (const replicas of [1, 2] as const) {
  test(`a push during a review (${replicas === 1 ? 'one process' : 'two replicas'}): the newest head wins and the stale run overwrites nothing`, async () => {
    const fake = await pushDuringReview(replicas);

    const posts = fake.requestsTo('POST', '/pulls/7/reviews');
    assert.equal(posts.length, 1, 'one review, for B only');
    assert.equal(posts[0].body.commit_id, synchronizedHeadSha);
    assert.equal(fake.requestsTo('DELETE', /comments/).length, 0);
    assert.equal(fake.checkRuns.length, 2);

    const runA = runOn(fake, openedHeadSha);
    assert.equal(runA.create.status, 'in_progress');
    assert.deepEqual(runA.updates.map((update) => update.status ?? 'output'), ['output', 'completed'], 'A concludes its own run, once');
    assert.equal(lastUpdate(runA).conclusion, 'neutral');
    assert.equal(runA.updates[0].output.title, `Superseded by ${synchronizedHeadSha.slice(0, 7)}`);
    assert.match(runA.updates[0].output.summary, new RegExp(`moved to ${synchronizedHeadSha} while ${openedHeadSha} was being reviewed`));

    const runB = runOn(fake, synchronizedHeadSha);
    assert.deepEqual(runB.updates.map((update) => update.status ?? 'output'), ['output', 'completed']);
    assert.equal(lastUpdate(runB).conclusion, 'failure', "B's finding fails B's check run");
    assert.deepEqual(runB.updates[0].output.annotations.map((annotation: any) => annotation.title), ['ecs-iam-lint (awslogs-create-group-permission)']);
  });
}

test('one event delivered to two replicas at once: both post, and one comment per finding stays', async () => {
  const fake = createFakeGitHub(baseService, openedService);
  const bothPosting = deferred();
  let posting = 0;
  const github = await startLocalGitHub(fake, getTestPrivateKey(), {
    intercept: async (request: RecordedRequest) => {
      if (request.method === 'POST' && request.path === '/repos/acme/infra/pulls/7/reviews') {
        if (++posting === 2) bothPosting.resolve();
        await bothPosting.promise;
      }
      return undefined;
    },
  });
  try {
    const replicas = [await createTestProbot({ baseUrl: github.baseUrl }), await createTestProbot({ baseUrl: github.baseUrl })];
    await Promise.all(replicas.map((probot, index) => probot.receive(buildEvent('pull_request.opened', `redelivery-${index}`))));

    assert.deepEqual(github.refused.filter((line) => !/^DELETE .*: 404$/.test(line)), [], 'only a delete the other replica made first is refused');
    assert.equal(fake.reviews.length, 2, 'GitHub cannot delete a submitted review');
    assert.equal(fake.comments.length, 2, 'one comment per finding');
    const earlierReview = Math.min(...fake.reviews.map((review) => review.id));
    assert.ok(fake.comments.every((comment) => comment.pull_request_review_id === earlierReview), 'the oldest comments stay');
    assert.equal(fake.checkRuns.length, 2);
    for (const run of fake.checkRuns) assert.equal(lastUpdate(run).conclusion, 'failure');
  } finally {
    await github.close();
  }
});
