import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppLoginResolver } from '../../src/app/app-login.js';
import { createPullRequestQueue } from '../../src/app/pull-request-queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

test('runs the tasks of one pull request one after the other, and of others side by side', async () => {
  const queue = createPullRequestQueue();
  const events: string[] = [];
  const first = deferred();
  const a1 = queue.run('acme/infra#7', async () => {
    events.push('a1 start');
    await first.promise;
    events.push('a1 end');
  });
  const a2 = queue.run('acme/infra#7', async () => {
    events.push('a2 start');
  });
  const b = queue.run('acme/infra#8', async () => {
    events.push('b start');
  });
  await b;
  assert.deepEqual(events, ['a1 start', 'b start']);
  first.resolve();
  await Promise.all([a1, a2]);
  assert.deepEqual(events, ['a1 start', 'b start', 'a1 end', 'a2 start']);
});

test('a failed task neither blocks the next one nor hides its own error', async () => {
  const queue = createPullRequestQueue();
  const failed = queue.run('k', async () => {
    throw new Error('boom');
  });
  const next = queue.run('k', async () => 'ran');
  await assert.rejects(failed, /boom/);
  assert.equal(await next, 'ran');
});

test('asks GitHub for the login once, and again after a failure', async () => {
  let calls = 0;
  const resolveLogin = createAppLoginResolver(async () => {
    calls++;
    if (calls === 1) throw new Error('HTTP 500');
    return 'ecs-iam-lint';
  });
  await assert.rejects(resolveLogin(), /HTTP 500/);
  assert.equal(await resolveLogin(), 'ecs-iam-lint[bot]');
  assert.equal(await resolveLogin(), 'ecs-iam-lint[bot]');
  assert.equal(calls, 2);
});
