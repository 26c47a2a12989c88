import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActionInputs } from '../../src/action/action-inputs.js';

function inputs(values: Record<string, string>) {
  return parseActionInputs((name) => values[name] ?? '');
}

test('applies the defaults of inputs the workflow leaves out', () => {
  assert.deepEqual(inputs({ 'github-token': 'ghs_x' }), {
    token: 'ghs_x',
    paths: ['.'],
    configPath: '.github/ecs-iam-lint.yml',
    configIsDefault: true,
    commentMode: 'review',
    reviewEvent: 'COMMENT',
  });
});

test('reads paths separated by spaces or new lines, and every optional input', () => {
  const parsed = inputs({
    paths: 'infra\ntasks/orders.json  services',
    config: 'ci/lint.yml',
    'fail-on': 'Warning',
    'comment-mode': 'annotations',
    'review-event': 'request_changes',
    'sarif-file': 'out/lint.sarif',
  });
  assert.ok(!('error' in parsed));
  assert.deepEqual(parsed.paths, ['infra', 'tasks/orders.json', 'services']);
  assert.equal(parsed.configPath, 'ci/lint.yml');
  assert.equal(parsed.configIsDefault, false);
  assert.equal(parsed.failOn, 'warning');
  assert.equal(parsed.commentMode, 'annotations');
  assert.equal(parsed.reviewEvent, 'REQUEST_CHANGES');
  assert.equal(parsed.sarifFile, 'out/lint.sarif');
});

test('names every invalid input at once', () => {
  assert.deepEqual(inputs({ 'fail-on': 'always', 'comment-mode': 'loud' }), {
    error: 'input comment-mode must be one of review, annotations, none, not "loud"\ninput fail-on must be one of error, warning, notice, never, not "always"',
  });
});
