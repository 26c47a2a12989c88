// The App driven as GitHub drives it: full webhook payloads into `probot.receive`, every outgoing call
// asserted with nock (each expected call made, no other call made), answered by a fake GitHub that keeps
// the pull request's comments, reviews and check runs between deliveries.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probot } from 'probot';
import { reviewMarker } from '../../src/github/markers.js';
import type { FakeGitHub } from '../github/fake-github.js';
import { applySuggestionToText, extractSuggestion } from '../github/pull-request-scenario.js';
import {
  attributeToApp,
  baseService,
  buildEvent,
  checkRunPath,
  cleanBaseService,
  cleanHeadService,
  createFakeGitHub,
  createTestProbot,
  GitHubExpectations,
  installationToken,
  openedHeadSha,
  openedService,
  servicePath,
  setRepository,
  synchronizedHeadSha,
  synchronizedService,
} from './app-harness.js';

let probot: Probot;
let github: GitHubExpectations | undefined;

beforeEach(async () => {
  probot = await createTestProbot();
});

afterEach(() => {
  github?.restore();
  github = undefined;
});

function expectFor(fake: FakeGitHub): GitHubExpectations {
  github = new GitHubExpectations(fake);
  return github;
}

/** The one check run of a delivery: its in-progress create and its updates, in order. */
function onlyCheckRun(fake: FakeGitHub) {
  assert.equal(fake.checkRuns.length, 1, 'one check run');
  return fake.checkRuns[0];
}

function conclusionOf(run: FakeGitHub['checkRuns'][number]): { conclusion?: string; status?: string; title?: string; summary?: string; annotations: any[] } {
  const merged: { conclusion?: string; status?: string; title?: string; summary?: string; annotations: any[] } = { annotations: [] };
  for (const update of run.updates) {
    if (update.status) merged.status = update.status;
    if (update.conclusion) merged.conclusion = update.conclusion;
    if (update.output?.title) merged.title = update.output.title;
    if (update.output?.summary) merged.summary = update.output.summary;
    merged.annotations.push(...(update.output?.annotations ?? []));
  }
  return merged;
}

describe('pull_request', () => {
  test('an opened pull request with findings gets one review with a suggestion and a failed check run', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    const run = onlyCheckRun(fake);
    assert.equal(run.create.status, 'in_progress', 'the check run starts in progress');
    assert.equal(run.create.head_sha, openedHeadSha);
    assert.equal(run.create.name, 'ecs-iam-lint');
    const concluded = conclusionOf(run);
    assert.equal(concluded.status, 'completed');
    assert.equal(concluded.conclusion, 'failure');
    assert.deepEqual(concluded.annotations.map((annotation) => annotation.title).sort(), [
      'ecs-iam-lint (awslogs-create-group-permission)',
      'ecs-iam-lint (ecs-tasks-trust)',
    ]);
    // The output goes before the conclusion, so the run is never concluded without its annotations.
    assert.equal(run.updates[0].conclusion, undefined);
    assert.equal(run.updates[1].conclusion, 'failure');

    const [post] = fake.requestsTo('POST', '/pulls/7/reviews');
    assert.equal(post.authorization, `token ${installationToken}`, 'posts with the installation token');
    assert.equal(post.body.commit_id, openedHeadSha);
    assert.equal(post.body.event, 'COMMENT');
    assert.ok(post.body.body.includes(reviewMarker));
    // Both findings lie in the lines the pull request adds: two inline comments, nothing in the body.
    assert.deepEqual(post.body.comments.map((comment: any) => comment.path), [servicePath, servicePath]);
    const comment = post.body.comments.find((candidate: any) => /ecs-tasks-trust/.test(candidate.body));
    assert.ok(comment, 'the trust finding is commented inline');
    assert.ok(post.body.comments.some((candidate: any) => /awslogs-create-group-permission/.test(candidate.body)));
    const suggestion = extractSuggestion(comment.body);
    assert.ok(suggestion !== undefined, 'the comment carries a suggestion');
    const fixed = applySuggestionToText(openedService, comment.start_line ?? comment.line, comment.line, suggestion);
    assert.ok(fixed.includes('Service: ecs-tasks.amazonaws.com') && !fixed.includes('Service: ecs.amazonaws.com'), 'committing the suggestion fixes the trust');
  });

  test('a clean pull request gets a successful check run and no review', async () => {
    const fake = createFakeGitHub(cleanBaseService, cleanHeadService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: false });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 0);
    const concluded = conclusionOf(onlyCheckRun(fake));
    assert.equal(concluded.conclusion, 'success');
    assert.equal(concluded.title, 'No findings');
  });

  test('a push that fixes a finding deletes its comment and repeats nothing', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });
    await probot.receive(buildEvent('pull_request.opened'));
    github!.assertDone();
    github!.restore();
    attributeToApp(fake);
    const trustComment = fake.comments.find((comment) => /ecs-tasks-trust/.test(comment.body))!;
    const logGroupComment = fake.comments.find((comment) => /awslogs-create-group-permission/.test(comment.body))!;
    // Someone else's comment quoting our marker is never deleted.
    fake.comments.push({ id: 9001, body: `Copied: ${trustComment.body}`, path: servicePath, line: trustComment.line, user: { login: 'other-linter[bot]', type: 'Bot' } });

    setRepository(fake, baseService, synchronizedService);
    fake.headSha = synchronizedHeadSha;
    fake.checkRuns.length = 0;
    // The token and the App's login are known from the first delivery.
    expectFor(fake).expectReview(synchronizedHeadSha, { posts: false, deletes: [trustComment.id] });
    await probot.receive(buildEvent('pull_request.synchronize'));

    github!.assertDone();
    assert.deepEqual(fake.comments.map((comment) => comment.id).sort(), [logGroupComment.id, 9001].sort());
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1, 'the log-group finding is not posted again');
    const concluded = conclusionOf(onlyCheckRun(fake));
    assert.equal(onlyCheckRun(fake).create.head_sha, synchronizedHeadSha);
    assert.equal(concluded.conclusion, 'failure', 'the log-group finding still fails the check');
    assert.deepEqual(concluded.annotations.map((annotation) => annotation.title), ['ecs-iam-lint (awslogs-create-group-permission)']);
  });

  test('a draft is skipped without a call, and reviewed once ready', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake);
    await probot.receive(buildEvent('pull_request.opened.draft'));
    github!.assertDone();
    assert.equal(fake.requests.length, 0);
    github!.restore();

    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });
    await probot.receive(buildEvent('pull_request.ready_for_review'));
    github!.assertDone();
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
  });

  test('two deliveries for the same pull request at once post one review', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    const expectations = expectFor(fake).expectInstallationToken({ persist: true }).expectAppLookup();
    const repo = '/repos/acme/infra';
    expectations
      .expect({ method: 'POST', path: `${repo}/check-runs`, times: 2 })
      .expect({ method: 'GET', path: `${repo}/contents/.github/ecs-iam-lint.yml`, times: 2 })
      .expect({ method: 'GET', path: `${repo}/pulls/7/files`, times: 2 })
      .expect({ method: 'GET', path: `${repo}/git/trees/${openedHeadSha}`, times: 2 })
      .expect({ method: 'GET', path: /^\/repos\/acme\/infra\/git\/blobs\/[0-9a-f]{40}$/, times: 4 })
      // The first delivery reads them twice (it has something to post) and once more after posting; the second, after it, once.
      .expect({ method: 'GET', path: `${repo}/pulls/7/comments`, times: 4 })
      .expect({ method: 'GET', path: `${repo}/pulls/7/reviews`, times: 3 })
      .expect({ method: 'GET', path: `${repo}/pulls/7`, times: 2 })
      .expect({ method: 'POST', path: `${repo}/pulls/7/reviews` })
      .expect({ method: 'PATCH', path: checkRunPath, times: 4 });

    await Promise.all([
      probot.receive(buildEvent('pull_request.opened', 'delivery-1')),
      probot.receive(buildEvent('pull_request.opened', 'delivery-2')),
    ]);

    github!.assertDone();
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1, 'one review');
    assert.equal(fake.comments.length, 2, 'the two inline comments of one review');
    assert.equal(fake.checkRuns.length, 2, 'each delivery has its check run');
    for (const run of fake.checkRuns) assert.equal(conclusionOf(run).conclusion, 'failure');
  });
});

describe('re-requested checks', () => {
  test('a re-requested check run reviews its head again', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });

    await probot.receive(buildEvent('check_run.rerequested'));

    github!.assertDone();
    const run = onlyCheckRun(fake);
    assert.equal(run.create.head_sha, openedHeadSha);
    assert.equal(run.create.status, 'in_progress');
    assert.equal(conclusionOf(run).conclusion, 'failure');
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
  });

  test('a re-requested check suite concludes a new check run and repeats no comment', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });
    await probot.receive(buildEvent('pull_request.opened'));
    github!.restore();
    attributeToApp(fake);
    fake.checkRuns.length = 0;

    expectFor(fake).expectReview(openedHeadSha, { posts: false });
    await probot.receive(buildEvent('check_suite.rerequested'));

    github!.assertDone();
    assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 1);
    assert.equal(conclusionOf(onlyCheckRun(fake)).conclusion, 'failure');
  });

  test('a re-requested check run of another app or another commit calls nothing', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake);
    const otherRun = buildEvent('check_run.rerequested');
    otherRun.payload.check_run.name = 'build';
    await probot.receive(otherRun);
    const movedOn = buildEvent('check_suite.rerequested');
    movedOn.payload.check_suite.pull_requests[0].head.sha = synchronizedHeadSha;
    await probot.receive(movedOn);
    github!.assertDone();
    assert.equal(fake.requests.length, 0);
  });
});

describe('failures', () => {
  test('a 500 on the review still concludes the check run, with the reason', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    fake.faults.push({ method: 'POST', path: /\/pulls\/7\/reviews$/, status: 500, body: { message: 'Server Error' } });
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true, checksDuplicates: false });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    assert.equal(fake.comments.length, 0);
    const concluded = conclusionOf(onlyCheckRun(fake));
    assert.equal(concluded.conclusion, 'failure');
    assert.match(concluded.summary ?? '', /could not post the review: HTTP 500/);
  });

  test('a 500 on the repository tree fails the check run, saying why', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    fake.faults.push({ method: 'GET', path: /\/git\/trees\//, status: 500, body: { message: 'Server Error' } });
    const repo = '/repos/acme/infra';
    expectFor(fake)
      .expectInstallationToken()
      .expectAppLookup()
      .expect({ method: 'POST', path: `${repo}/check-runs` })
      .expect({ method: 'GET', path: `${repo}/contents/.github/ecs-iam-lint.yml` })
      .expect({ method: 'GET', path: `${repo}/pulls/7/files` })
      .expect({ method: 'GET', path: `${repo}/git/trees/${openedHeadSha}` })
      .expect({ method: 'GET', path: `${repo}/pulls/7/comments` })
      .expect({ method: 'GET', path: `${repo}/pulls/7/reviews` })
      .expect({ method: 'PATCH', path: checkRunPath });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    const run = onlyCheckRun(fake);
    assert.equal(run.updates.length, 1);
    assert.equal(run.updates[0].status, 'completed');
    assert.equal(run.updates[0].conclusion, 'failure');
    assert.equal(run.updates[0].output.title, 'The review could not run');
    assert.match(run.updates[0].output.summary, /git\/trees.*HTTP 500/);
  });

  for (const [what, fault, blobsRead] of [
    ['its tree', { method: 'GET', path: /\/git\/trees\//, status: 404, body: { message: 'Not Found' } }, false],
    ['a blob of it', { method: 'GET', path: /\/git\/blobs\//, status: 404, body: { message: 'Not Found' }, times: 10 }, true],
  ] as const) {
    test(`a head commit gone while it is read (404 for ${what}: the branch deleted or force-pushed) concludes the check run neutral, saying so`, async () => {
      const fake = createFakeGitHub(baseService, openedService);
      fake.faults.push({ ...fault });
      const repo = '/repos/acme/infra';
      const expectations = expectFor(fake)
        .expectInstallationToken()
        .expectAppLookup()
        .expect({ method: 'POST', path: `${repo}/check-runs` })
        .expect({ method: 'GET', path: `${repo}/contents/.github/ecs-iam-lint.yml` })
        .expect({ method: 'GET', path: `${repo}/pulls/7/files` })
        .expect({ method: 'GET', path: `${repo}/git/trees/${openedHeadSha}` })
        .expect({ method: 'GET', path: `${repo}/pulls/7/comments` })
        .expect({ method: 'GET', path: `${repo}/pulls/7/reviews` })
        .expect({ method: 'PATCH', path: checkRunPath });
      if (blobsRead) expectations.expect({ method: 'GET', path: /^\/repos\/acme\/infra\/git\/blobs\/[0-9a-f]{40}$/, times: 2 });

      await probot.receive(buildEvent('pull_request.opened'));

      github!.assertDone();
      assert.equal(fake.requestsTo('POST', '/pulls/7/reviews').length, 0);
      const run = onlyCheckRun(fake);
      assert.equal(run.updates.length, 1);
      assert.equal(run.updates[0].status, 'completed');
      assert.equal(run.updates[0].conclusion, 'neutral');
      assert.equal(run.updates[0].output.title, 'The commit is gone');
      assert.match(run.updates[0].output.summary, new RegExp(`GitHub no longer has commit ${openedHeadSha} of pull request #7, as when its branch is deleted or force-pushed`));
      assert.match(run.updates[0].output.summary, /git\/(trees|blobs).*HTTP 404: Not Found/);
    });
  }

  test('a check run GitHub refuses to update is still concluded, without annotations', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    // The output with the annotations fails; the conclusion that follows carries the reason.
    fake.faults.push({ method: 'PATCH', path: /\/check-runs\/\d+$/, status: 502, body: { message: 'Bad Gateway' } });
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    const run = onlyCheckRun(fake);
    assert.equal(run.updates.length, 1, 'the refused update is not recorded');
    const [last] = run.updates;
    assert.equal(last.status, 'completed');
    assert.equal(last.conclusion, 'failure');
    assert.equal(last.output.annotations, undefined);
    assert.match(last.output.summary, /could not publish the check run: HTTP 502/);
    assert.match(last.output.summary, /ecs-tasks-trust/, 'the findings are still listed');
  });

  test("without the App's login (GET /app fails) no comment is deleted, and the check run concludes", async () => {
    const fake = createFakeGitHub(baseService, openedService);
    expectFor(fake).expectInstallationToken().expectAppLookup().expectReview(openedHeadSha, { posts: true });
    await probot.receive(buildEvent('pull_request.opened'));
    github!.assertDone();
    github!.restore();
    attributeToApp(fake);
    const commentIds = fake.comments.map((comment) => comment.id);

    // A new app instance (a restart) that cannot ask GitHub who it is.
    probot = await createTestProbot();
    setRepository(fake, baseService, synchronizedService);
    fake.headSha = synchronizedHeadSha;
    fake.checkRuns.length = 0;
    expectFor(fake)
      .expectInstallationToken()
      .expect({ method: 'GET', path: '/app', reply: () => ({ status: 500, headers: { 'content-type': 'application/json' }, body: { message: 'Server Error' } }) })
      .expectReview(synchronizedHeadSha, { posts: false });
    await probot.receive(buildEvent('pull_request.synchronize'));

    github!.assertDone();
    assert.deepEqual(fake.comments.map((comment) => comment.id), commentIds, 'the stale comment stays');
    assert.equal(conclusionOf(onlyCheckRun(fake)).conclusion, 'failure');
  });

  test('an invalid config fails the check run with the key and line, and reviews nothing', async () => {
    const fake = createFakeGitHub(baseService, openedService);
    setRepository(fake, baseService, openedService, 'fail-on: error\nreview-drafts: true\n');
    const repo = '/repos/acme/infra';
    expectFor(fake)
      .expectInstallationToken()
      .expect({ method: 'POST', path: `${repo}/check-runs` })
      .expect({ method: 'GET', path: `${repo}/contents/.github/ecs-iam-lint.yml` })
      .expect({ method: 'PATCH', path: checkRunPath });

    await probot.receive(buildEvent('pull_request.opened'));

    github!.assertDone();
    const [update] = onlyCheckRun(fake).updates;
    assert.equal(update.conclusion, 'failure');
    assert.equal(update.output.title, 'Invalid configuration');
    assert.match(update.output.summary, /\.github\/ecs-iam-lint\.yml:2: unknown key "review-drafts"/);
    assert.equal(fake.requestsTo('GET', /\/contents\//)[0].query.ref, 'main', 'read from the default branch');
  });
});
