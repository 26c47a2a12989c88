import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/finding.js';
import { SourceFile } from '../../src/core/text/source-file.js';
import { buildAnnotations, buildCheckConclusion, buildCheckRunContent } from '../../src/github/check-run.js';

const path = 'infra/service.yaml';
const text = 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n  Task:\n    Type: AWS::ECS::TaskDefinition\n';
const files = new Map([[path, new SourceFile(path, text)]]);

function finding(severity: Finding['severity'], startOffset: number, endOffset: number, overrides: Partial<Finding> = {}): Finding {
  return { ruleId: 'ecs-tasks-trust', severity, message: 'm', messageId: `${severity}:${startOffset}`, path, startOffset, endOffset, nodePath: [], fixes: [], ...overrides };
}

test('the conclusion fails on a finding at or above fail-on, is neutral when the run partly failed, else succeeds', () => {
  const warning = finding('warning', 0, 1);
  assert.equal(buildCheckConclusion([warning], 'error', false), 'success');
  assert.equal(buildCheckConclusion([warning], 'warning', false), 'failure');
  assert.equal(buildCheckConclusion([warning], 'warning', true), 'failure');
  assert.equal(buildCheckConclusion([warning], 'error', true), 'neutral');
  assert.equal(buildCheckConclusion([finding('error', 0, 1)], 'never', false), 'success');
});

test('annotations carry columns only on one line, map severities to levels, and end before a trailing line break', () => {
  const roleStart = text.indexOf('  Role:');
  const taskStart = text.indexOf('  Task:');
  const [single, multi, notice] = buildAnnotations([
    finding('error', text.indexOf('AWS::IAM::Role'), text.indexOf('AWS::IAM::Role') + 14),
    finding('warning', roleStart, taskStart),
    finding('notice', 0, 0),
  ], files);
  assert.deepEqual(single, { path, startLine: 3, endLine: 3, startColumn: 11, endColumn: 25, level: 'failure', message: 'm', title: 'ecs-iam-lint (ecs-tasks-trust)' });
  assert.deepEqual([multi.startLine, multi.endLine, multi.startColumn, multi.endColumn, multi.level], [2, 3, undefined, undefined, 'warning']);
  assert.equal(notice.level, 'notice');
});

test('an annotation holds the fix as raw details', () => {
  const start = text.indexOf('AWS::IAM::Role');
  const [annotation] = buildAnnotations([finding('error', start, start + 14, { fixes: [{ title: 'Rename', edits: [{ path, startOffset: start, endOffset: start + 14, newText: 'AWS::IAM::User' }] }] })], files);
  assert.match(annotation.rawDetails ?? '', /^Rename\n\n--- a\/infra\/service.yaml\n\+\+\+ b\/infra\/service.yaml\n/);
});

test('the title counts the findings and says when the run was incomplete; the summary lists what went wrong', () => {
  assert.deepEqual(buildCheckRunContent([], files, []), { title: 'No findings', summary: '**ecs-iam-lint**: no findings.\n' });
  const content = buildCheckRunContent([finding('error', 0, 1), finding('warning', 0, 1)], files, ['could not post the review: HTTP 500: boom']);
  assert.equal(content.title, '1 error, 1 warning, 0 notices (the run was incomplete)');
  assert.match(content.summary, /\| error \| \[ecs-tasks-trust\]/);
  assert.match(content.summary, /\*\*The run was incomplete:\*\*\n\n- could not post the review: HTTP 500: boom\n$/);
  assert.match(buildCheckRunContent([finding('error', 0, 1), finding('error', 1, 2)], files, [], 1).summary, /The first 1 findings are annotated/);
});
