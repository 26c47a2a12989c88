import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { executionRoleFinding } from './sample-findings.js';

test('stays the same when the finding moves to another line', () => {
  const finding = executionRoleFinding();
  const moved = { ...finding, startOffset: finding.startOffset + 40, endOffset: finding.endOffset + 40 };
  assert.equal(findingFingerprint(moved), findingFingerprint(finding));
  assert.match(findingFingerprint(finding), /^[0-9a-f]{32}$/);
});

test('changes with the rule, the path, the node path or the message id', () => {
  const finding = executionRoleFinding();
  const base = findingFingerprint(finding);
  assert.notEqual(findingFingerprint({ ...finding, ruleId: 'other' }), base);
  assert.notEqual(findingFingerprint({ ...finding, path: 'other.yaml' }), base);
  assert.notEqual(findingFingerprint({ ...finding, nodePath: ['Resources', 'Other'] }), base);
  assert.notEqual(findingFingerprint({ ...finding, messageId: 'missing:ExecRole:logs:PutLogEvents' }), base);
});

test('cannot be forged by moving text between the parts', () => {
  const finding = executionRoleFinding();
  assert.notEqual(
    findingFingerprint({ ...finding, nodePath: ['a/b'], messageId: 'c' }),
    findingFingerprint({ ...finding, nodePath: ['a'], messageId: 'b/c' }),
  );
});
