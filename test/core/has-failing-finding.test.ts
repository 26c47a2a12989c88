import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFailingFinding } from '../../src/core/has-failing-finding.js';

const findings = (...severities: ('error' | 'warning' | 'notice')[]) => severities.map((severity) => ({ severity }));

test('fails on findings at or above fail-on', () => {
  assert.equal(hasFailingFinding(findings('warning'), 'error'), false);
  assert.equal(hasFailingFinding(findings('warning', 'error'), 'error'), true);
  assert.equal(hasFailingFinding(findings('warning'), 'warning'), true);
  assert.equal(hasFailingFinding(findings('notice'), 'warning'), false);
  assert.equal(hasFailingFinding(findings('notice'), 'notice'), true);
});

test('never fails with fail-on never, nor without findings', () => {
  assert.equal(hasFailingFinding(findings('error'), 'never'), false);
  assert.equal(hasFailingFinding([], 'notice'), false);
});
