import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('action.yml runs the committed bundle on node24 and declares the documented inputs and outputs', async () => {
  const metadata = parse(await readFile(join(repoRoot, 'action.yml'), 'utf8'));
  assert.equal(metadata.name, 'ecs-iam-lint');
  assert.deepEqual(metadata.runs, { using: 'node24', main: 'dist/index.js' });
  assert.ok(metadata.branding.icon && metadata.branding.color);
  assert.deepEqual(Object.keys(metadata.inputs), ['github-token', 'paths', 'config', 'fail-on', 'comment-mode', 'review-event', 'sarif-file']);
  assert.equal(metadata.inputs['github-token'].default, '${{ github.token }}');
  assert.equal(metadata.inputs.paths.default, '.');
  assert.equal(metadata.inputs.config.default, '.github/ecs-iam-lint.yml');
  assert.equal(metadata.inputs['comment-mode'].default, 'review');
  // No default: the config file's fail-on applies unless the workflow sets one.
  assert.equal(metadata.inputs['fail-on'].default, undefined);
  assert.deepEqual(Object.keys(metadata.outputs), ['findings', 'errors', 'sarif-file']);
});

test('the CI workflow runs the Action on its own pull requests with the permissions it needs', async () => {
  const workflow = parse(await readFile(join(repoRoot, '.github/workflows/ci.yml'), 'utf8'));
  const review = workflow.jobs.review;
  assert.deepEqual(review.permissions, { contents: 'read', 'pull-requests': 'write', checks: 'write' });
  assert.ok(review.steps.some((step: { uses?: string }) => step.uses === './'));
});
