import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMapEntry, removeMapEntry } from '../../../src/core/fix/document-edits.js';
import { applyFixToTexts } from '../../../src/core/fix/verify-fix.js';
import { OverlappingEditsError } from '../../../src/core/text/text-edit.js';
import { mapAt, parseDocument } from './check-edit.js';

test('applies the edits of each path to that path only and leaves other texts alone', () => {
  const templateText = 'Resources:\n  Service:\n    Properties:\n      Cluster: !Ref Cluster\n      Role: !Ref ServiceRole\n';
  const taskText = '{\n  "family": "web"\n}\n';
  const template = parseDocument('infra/service.yaml', templateText);
  const task = parseDocument('task.json', taskText);
  const fix = {
    title: 'drop the service role and set the execution role',
    edits: [
      ...removeMapEntry(template, mapAt(template, 'Resources', 'Service', 'Properties'), 'Role'),
      ...addMapEntry(task, mapAt(task), 'executionRoleArn', { kind: 'string', value: 'arn:aws:iam::123456789012:role/x' }),
    ],
  };
  const texts = new Map([
    ['infra/service.yaml', templateText],
    ['task.json', taskText],
    ['README.md', '# unchanged\n'],
  ]);
  const result = applyFixToTexts(fix, texts);
  assert.equal(result.get('infra/service.yaml'), 'Resources:\n  Service:\n    Properties:\n      Cluster: !Ref Cluster\n');
  assert.equal(result.get('task.json'), '{\n  "family": "web",\n  "executionRoleArn": "arn:aws:iam::123456789012:role/x"\n}\n');
  assert.equal(result.get('README.md'), '# unchanged\n');
  assert.equal(texts.get('task.json'), taskText, 'the input map is not modified');
});

test('rejects a fix that edits a file it was not given', () => {
  const fix = { title: 't', edits: [{ path: 'missing.yaml', startOffset: 0, endOffset: 0, newText: 'x' }] };
  assert.throws(() => applyFixToTexts(fix, new Map()), /missing\.yaml/);
});

test('rejects overlapping edits in one file', () => {
  const fix = {
    title: 't',
    edits: [
      { path: 'a.yaml', startOffset: 0, endOffset: 3, newText: 'x' },
      { path: 'a.yaml', startOffset: 2, endOffset: 4, newText: 'y' },
    ],
  };
  assert.throws(() => applyFixToTexts(fix, new Map([['a.yaml', 'abcdef']])), OverlappingEditsError);
});
