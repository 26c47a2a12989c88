import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHunk, parseDiffHunks } from '../../src/github/diff-hunks.js';
import { buildPatch } from './pull-request-scenario.js';

test('reads the RIGHT-side line range of every hunk', () => {
  const patch = [
    '@@ -1,3 +1,4 @@',
    ' a',
    '+b',
    ' c',
    ' d',
    '@@ -20,4 +21,3 @@ Resources:',
    ' x',
    '-y',
    ' z',
    ' w',
  ].join('\n');
  assert.deepEqual(parseDiffHunks(patch), [{ startLine: 1, endLine: 4 }, { startLine: 21, endLine: 23 }]);
});

test('leaves out hunks that only delete lines and reads a header without a count as one line', () => {
  const patch = ['@@ -5,2 +4,0 @@', '-gone', '-also gone', '@@ -9 +8 @@', '-old', '+new', '\\ No newline at end of file'].join('\n');
  assert.deepEqual(parseDiffHunks(patch), [{ startLine: 8, endLine: 8 }]);
});

test('never claims lines a truncated patch does not show', () => {
  const patch = ['@@ -1,2 +1,10 @@', ' a', '+b', '+c'].join('\n');
  assert.deepEqual(parseDiffHunks(patch), [{ startLine: 1, endLine: 3 }]);
});

test('counts a blank line inside a hunk as context', () => {
  const patch = ['@@ -1,3 +1,3 @@', ' a', '', '-b', '+c'].join('\n');
  assert.deepEqual(parseDiffHunks(patch), [{ startLine: 1, endLine: 3 }]);
});

test('finds the hunk that holds both ends of a range, and none for a range that crosses hunks', () => {
  const hunks = [{ startLine: 1, endLine: 4 }, { startLine: 21, endLine: 23 }];
  assert.deepEqual(findHunk(hunks, 2, 4), hunks[0]);
  assert.deepEqual(findHunk(hunks, 22, 22), hunks[1]);
  assert.equal(findHunk(hunks, 4, 21), undefined);
  assert.equal(findHunk(hunks, 5, 5), undefined);
});

test('agrees with the test helper that writes patches', () => {
  const base = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const head = 'a\nb\nc\nd\nE\nf\ng\nh\n';
  assert.deepEqual(parseDiffHunks(buildPatch(base, head)), [{ startLine: 2, endLine: 8 }]);
  assert.deepEqual(parseDiffHunks(buildPatch(undefined, head)), [{ startLine: 1, endLine: 8 }]);
});
