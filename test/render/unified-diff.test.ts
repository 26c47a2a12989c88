import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../src/core/text/source-file.js';
import type { TextEdit } from '../../src/core/text/text-edit.js';
import { renderFixDiff } from '../../src/render/unified-diff.js';
import { crossFileFinding, executionRoleFinding, sampleFiles } from './sample-findings.js';

const letters = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';

function diffOf(text: string, edits: Omit<TextEdit, 'path'>[]): string {
  const files = new Map([['f.yaml', new SourceFile('f.yaml', text)]]);
  return renderFixDiff({ title: 'fix', edits: edits.map((edit) => ({ path: 'f.yaml', ...edit })) }, files);
}

test('shows an inserted line with two lines of context on each side', () => {
  assert.equal(
    renderFixDiff(executionRoleFinding().fixes[0], sampleFiles()),
    [
      '--- a/infra/template.yaml',
      '+++ b/infra/template.yaml',
      '@@ -6,4 +6,5 @@',
      '       ManagedPolicyArns:',
      '         - arn:aws:iam::aws:policy/ReadOnlyAccess',
      '+        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      '   TaskDef:',
      '     Type: AWS::ECS::TaskDefinition',
      '',
    ].join('\n'),
  );
});

test('gives each file of a multi-file fix its own section, in the order the edits name them', () => {
  assert.equal(
    renderFixDiff(crossFileFinding().fixes[0], sampleFiles()),
    [
      '--- a/tasks/web.json',
      '+++ b/tasks/web.json',
      '@@ -1,4 +1,4 @@',
      ' {',
      '-  "family": "web",',
      '+  "family": "api",',
      '   "taskRoleArn": "arn:aws:iam::123456789012:role/app"',
      ' }',
      '--- a/infra/template.yaml',
      '+++ b/infra/template.yaml',
      '@@ -5,5 +5,5 @@',
      '     Properties:',
      '       ManagedPolicyArns:',
      '-        - arn:aws:iam::aws:policy/ReadOnlyAccess',
      '+        - arn:aws:iam::aws:policy/PowerUserAccess',
      '   TaskDef:',
      '     Type: AWS::ECS::TaskDefinition',
      '',
    ].join('\n'),
  );
});

test('merges changes closer than four lines into one hunk and splits farther ones', () => {
  const at = (s: string) => letters.indexOf(s);
  assert.equal(
    diffOf(letters, [
      { startOffset: at('b'), endOffset: at('b') + 1, newText: 'B' },
      { startOffset: at('f'), endOffset: at('f') + 1, newText: 'F' },
    ]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,8 +1,8 @@\n a\n-b\n+B\n c\n d\n e\n-f\n+F\n g\n h\n',
  );
  assert.equal(
    diffOf(letters, [
      { startOffset: at('b'), endOffset: at('b') + 1, newText: 'B' },
      { startOffset: at('i'), endOffset: at('i'), newText: 'new\n' },
    ]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n@@ -7,4 +7,5 @@\n g\n h\n+new\n i\n j\n',
  );
});

test('numbers the new side after lines removed by an earlier hunk', () => {
  const at = (s: string) => letters.indexOf(s);
  assert.equal(
    diffOf(letters, [
      { startOffset: at('a'), endOffset: at('c'), newText: '' },
      { startOffset: at('j'), endOffset: at('j') + 1, newText: 'J' },
    ]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,4 +1,2 @@\n-a\n-b\n c\n d\n@@ -8,3 +6,3 @@\n h\n i\n-j\n+J\n',
  );
});

test('shows an edit inside a line as the whole line replaced, joining lines when a break is removed', () => {
  const at = (s: string) => letters.indexOf(s);
  assert.equal(
    diffOf(letters, [{ startOffset: at('c') + 1, endOffset: at('d'), newText: '' }]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,6 +1,5 @@\n a\n b\n-c\n-d\n+cd\n e\n f\n',
  );
});

test('marks a last line without a line break, on the side that lacks it', () => {
  assert.equal(
    diffOf('x\ny', [{ startOffset: 3, endOffset: 3, newText: '\nz' }]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n x\n-y\n\\ No newline at end of file\n+y\n+z\n\\ No newline at end of file\n',
  );
  assert.equal(
    diffOf('x\ny', [{ startOffset: 0, endOffset: 1, newText: 'X' }]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n-x\n+X\n y\n\\ No newline at end of file\n',
  );
});

test('appends at the end of a file that ends with a line break', () => {
  assert.equal(
    diffOf('a\nb\n', [{ startOffset: 4, endOffset: 4, newText: 'c\n' }]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,3 @@\n a\n b\n+c\n',
  );
});

test('keeps CRLF files readable: line breaks are not part of the shown lines', () => {
  assert.equal(
    diffOf('a\r\nb\r\nc\r\n', [{ startOffset: 3, endOffset: 4, newText: 'B' }]),
    '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
  );
});

test('diffs a file missing from the map as a new file', () => {
  assert.equal(
    renderFixDiff({ title: 'create', edits: [{ path: 'new.yaml', startOffset: 0, endOffset: 0, newText: 'a: 1\n' }] }, new Map()),
    '--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1,1 @@\n+a: 1\n',
  );
});

test('renders nothing for a fix that changes nothing', () => {
  assert.equal(diffOf(letters, [{ startOffset: 2, endOffset: 3, newText: 'b' }]), '');
});

test('refuses overlapping edits and edits past the end of the file', () => {
  assert.throws(() => diffOf(letters, [{ startOffset: 0, endOffset: 3, newText: 'x' }, { startOffset: 2, endOffset: 5, newText: 'y' }]));
  assert.throws(() => diffOf('ab', [{ startOffset: 1, endOffset: 9, newText: 'x' }]), RangeError);
});
