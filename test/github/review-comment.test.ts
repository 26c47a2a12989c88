import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../src/core/finding.js';
import { ruleDocsUrl } from '../../src/core/rules/rule-meta.js';
import { SourceFile } from '../../src/core/text/source-file.js';
import { applyEdits, type TextEdit } from '../../src/core/text/text-edit.js';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { renderFence } from '../../src/github/markdown-fence.js';
import { parseFingerprintMarkers, reviewMarker } from '../../src/github/markers.js';
import {
  buildFindingLines,
  buildSuggestion,
  planReview,
  renderBodyEntry,
  renderInlineCommentBody,
  renderReviewBody,
  type Suggestion,
} from '../../src/github/review-comment.js';

const path = 'infra/service.yaml';
const text = [
  'Resources:', //                              1
  '  ExecRole:', //                             2
  '    Type: AWS::IAM::Role', //                3
  '    Properties:', //                         4
  '      ManagedPolicyArns:', //                5
  '        - arn:aws:iam::aws:policy/ReadOnly', // 6
  '  TaskDef:', //                              7
  '    Type: AWS::ECS::TaskDefinition', //      8
  '    Properties:', //                         9
  '      ExecutionRoleArn: !Ref ExecRole', //   10
  '',
].join('\n');
const files = new Map([[path, new SourceFile(path, text)]]);

function offsetOf(needle: string, from = 0): number {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} not in the text`);
  return offset;
}

function lineStart(line: number): number {
  return files.get(path)!.offsetAt({ line, column: 1 });
}

function edit(startOffset: number, endOffset: number, newText: string, editPath = path): TextEdit {
  return { path: editPath, startOffset, endOffset, newText };
}

/** What GitHub does when the suggestion is committed: lines startLine..endLine become the replacement. */
function applySuggestion(original: string, suggestion: Suggestion): string {
  const lines = original.split('\n');
  const replacement = suggestion.replacement === '' ? [] : suggestion.replacement.split('\n');
  lines.splice(suggestion.startLine - 1, suggestion.endLine - suggestion.startLine + 1, ...replacement);
  return lines.join('\n');
}

function finding(overrides: Partial<Finding> = {}): Finding {
  const start = offsetOf('!Ref ExecRole');
  return {
    ruleId: 'role-arn-expected',
    severity: 'warning',
    message: 'ExecutionRoleArn should be the role ARN',
    messageId: 'ref:ExecRole',
    path,
    startOffset: start,
    endOffset: start + '!Ref ExecRole'.length,
    nodePath: ['Resources', 'TaskDef', 'Properties', 'ExecutionRoleArn'],
    fixes: [],
    ...overrides,
  };
}

function fixOf(...edits: TextEdit[]): Fix {
  return { title: 'Use the ARN', edits };
}

const suggestionCases: { name: string; edits: () => TextEdit[]; lines: [number, number] }[] = [
  {
    name: 'a replacement inside one line covers that line',
    edits: () => [edit(offsetOf('!Ref ExecRole'), offsetOf('!Ref ExecRole') + 13, '!GetAtt ExecRole.Arn')],
    lines: [10, 10],
  },
  {
    name: 'edits on lines 3 and 6 merge into one suggestion over lines 3 to 6',
    edits: () => [
      edit(offsetOf('AWS::IAM::Role'), offsetOf('AWS::IAM::Role') + 14, 'AWS::IAM::Role # checked'),
      edit(offsetOf('ReadOnly'), offsetOf('ReadOnly') + 8, 'service-role/AmazonECSTaskExecutionRolePolicy'),
    ],
    lines: [3, 6],
  },
  {
    name: 'an insertion at the end of a line, starting with a line break, covers that line',
    edits: () => {
      const end = lineStart(7) - 1;
      return [edit(end, end, '\n      Policies:\n        - PolicyName: logs')];
    },
    lines: [6, 6],
  },
  {
    name: 'an insertion at the start of a line covers that line',
    edits: () => [edit(lineStart(7), lineStart(7), '  LogGroup:\n    Type: AWS::Logs::LogGroup\n')],
    lines: [7, 7],
  },
  {
    name: 'removing whole lines suggests nothing on exactly those lines',
    edits: () => [edit(lineStart(5), lineStart(7), '')],
    lines: [5, 6],
  },
  {
    name: 'replacing whole lines with lines ending in a line break covers exactly the replaced lines',
    edits: () => [edit(lineStart(8), lineStart(10), '    Type: AWS::ECS::TaskDefinition\n    DependsOn: ExecRole\n    Properties:\n')],
    lines: [8, 9],
  },
  {
    name: 'an insertion after the final line break attaches to the last line',
    edits: () => [edit(text.length, text.length, 'Outputs: {}\n')],
    lines: [10, 10],
  },
  {
    name: 'a replacement that swallows a line break joins the next line into the suggestion',
    edits: () => [edit(lineStart(8) - 1, lineStart(8) + 4, ' ')],
    lines: [7, 8],
  },
];

for (const { name, edits, lines } of suggestionCases) {
  test(`suggestion: ${name}`, () => {
    const fixEdits = edits();
    const suggestion = buildSuggestion(fixOf(...fixEdits), files);
    assert.ok(suggestion);
    assert.deepEqual([suggestion.startLine, suggestion.endLine], lines);
    // Committing the suggestion must give exactly the fixed file.
    assert.equal(applySuggestion(text, suggestion), applyEdits(text, fixEdits));
  });
}

test('a fix that edits two files, or a file that was not read, has no suggestion', () => {
  const other = edit(0, 0, 'x', 'tasks/web.json');
  assert.equal(buildSuggestion(fixOf(edit(0, 0, '# a\n'), other), files), undefined);
  assert.equal(buildSuggestion(fixOf(other), files), undefined);
  assert.equal(buildSuggestion(fixOf(), files), undefined);
});

test('a finding that ends right after a line break covers the lines before it', () => {
  assert.deepEqual(buildFindingLines(finding({ startOffset: lineStart(2), endOffset: lineStart(7) }), files), { path, startLine: 2, endLine: 6 });
  assert.deepEqual(buildFindingLines(finding(), files), { path, startLine: 10, endLine: 10 });
});

test('the fence is longer than any backtick run in the content', () => {
  assert.equal(renderFence('a', 'suggestion'), '```suggestion\na\n```');
  assert.equal(renderFence('run ``` and `````', 'diff'), '``````diff\nrun ``` and `````\n``````');
  assert.equal(renderFence('', 'suggestion'), '```suggestion\n```');
});

test('an inline comment carries severity, escaped message, linked rule id, the suggestion and the fingerprint', () => {
  const start = offsetOf('!Ref ExecRole');
  const fix = fixOf(edit(start, start + 13, '!GetAtt ExecRole.Arn # see ```docs```'));
  const subject = finding({ message: 'Role `<ExecRole>` is wrong, @octocat', fixes: [fix] });
  const suggestion = buildSuggestion(fix, files)!;
  const body = renderInlineCommentBody(subject, files, suggestion);
  assert.match(body, /^\*\*Warning\*\* · \[`role-arn-expected`\]\(/);
  assert.ok(body.includes(`(${ruleDocsUrl('role-arn-expected')})`));
  assert.ok(body.includes('Role \\`&lt;ExecRole&gt;\\` is wrong, @\u200doctocat'));
  assert.ok(body.includes('````suggestion\n      ExecutionRoleArn: !GetAtt ExecRole.Arn # see ```docs```\n````'));
  assert.deepEqual(parseFingerprintMarkers(body), [findingFingerprint(subject)]);
});

test('an inline comment placed on another file than the finding names where the finding is', () => {
  const roleEdit = edit(0, 0, '# role\n', 'infra/roles.yaml');
  const roleFiles = new Map([...files, ['infra/roles.yaml', new SourceFile('infra/roles.yaml', 'Resources: {}\n')]]);
  const subject = finding({ fixes: [fixOf(roleEdit)] });
  const body = renderInlineCommentBody(subject, roleFiles, buildSuggestion(subject.fixes[0], roleFiles));
  assert.ok(body.includes('infra/service.yaml:10'));
});

test('plans comments inside hunks, with suggestions where a fix exists, and the rest for the body', () => {
  const start = offsetOf('!Ref ExecRole');
  const withFix = finding({ severity: 'error', fixes: [fixOf(edit(start, start + 13, '!GetAtt ExecRole.Arn'))] });
  const noFix = finding({ ruleId: 'shared-task-execution-role', messageId: 'shared', severity: 'notice', startOffset: offsetOf('ExecRole:'), endOffset: offsetOf('ExecRole:') + 8 });
  const outside = finding({ ruleId: 'ecs-tasks-trust', messageId: 'trust', startOffset: offsetOf('ReadOnly'), endOffset: offsetOf('ReadOnly') + 8 });
  const crossing = finding({
    ruleId: 'ecr-pull-permissions',
    messageId: 'cross',
    fixes: [fixOf(edit(offsetOf('AWS::IAM::Role'), offsetOf('AWS::IAM::Role'), 'x'), edit(start, start, 'y'))],
  });
  const plan = planReview([noFix, outside, crossing, withFix], files, new Map([[path, [{ startLine: 1, endLine: 4 }, { startLine: 8, endLine: 11 }]]]));
  assert.deepEqual(plan.inline.map((planned) => planned.finding), [withFix, noFix]);
  assert.deepEqual(plan.inline.map((planned) => [planned.comment.path, planned.comment.startLine, planned.comment.line]), [[path, undefined, 10], [path, undefined, 2]]);
  assert.match(plan.inline[0].comment.body, /```suggestion\n {6}ExecutionRoleArn: !GetAtt ExecRole\.Arn\n```/);
  assert.doesNotMatch(plan.inline[1].comment.body, /suggestion/);
  assert.deepEqual(plan.body, [outside, crossing]);
});

test('a multi-line suggestion gets start_line and line; the inline cap sends the rest to the body', () => {
  const multi = finding({
    fixes: [fixOf(edit(offsetOf('AWS::IAM::Role'), offsetOf('AWS::IAM::Role') + 14, 'AWS::IAM::Role # a'), edit(offsetOf('ReadOnly'), offsetOf('ReadOnly') + 8, 'PowerUser'))],
  });
  const second = finding({ messageId: 'second' });
  const plan = planReview([multi, second], files, new Map([[path, [{ startLine: 1, endLine: 11 }]]]), { maxInlineComments: 1 });
  assert.equal(plan.inline.length, 1);
  assert.equal(plan.inline[0].comment.startLine, 3);
  assert.equal(plan.inline[0].comment.line, 6);
  assert.match(plan.inline[0].comment.body, /```suggestion\n {4}Type: AWS::IAM::Role # a\n {4}Properties:\n {6}ManagedPolicyArns:\n {8}- arn:aws:iam::aws:policy\/PowerUser\n```/);
  assert.deepEqual(plan.body, [second]);
});

test('the review body carries the marker, each body finding with its patch as a diff block, and their fingerprints', () => {
  const start = offsetOf('!Ref ExecRole');
  const inBody = finding({ fixes: [fixOf(edit(start, start + 13, '!GetAtt ExecRole.Arn'))] });
  const inline = finding({ messageId: 'inline' });
  const rendered = renderReviewBody([inline], [inBody], files);
  assert.ok(rendered.body.startsWith(reviewMarker));
  assert.match(rendered.body, /found 2 new findings \(0 errors, 2 warnings, 0 notices\): 1 on the changed lines, 1 below/);
  assert.ok(rendered.body.includes('```diff\n--- a/infra/service.yaml\n+++ b/infra/service.yaml\n'));
  assert.ok(rendered.body.includes('-      ExecutionRoleArn: !Ref ExecRole\n+      ExecutionRoleArn: !GetAtt ExecRole.Arn\n'));
  assert.ok(rendered.body.includes('infra/service.yaml:10'));
  assert.deepEqual(parseFingerprintMarkers(rendered.body), [findingFingerprint(inBody)]);
  assert.deepEqual(rendered.shown, [inBody]);
});

test('body findings that do not fit are counted, not written, and not fingerprinted', () => {
  const many = Array.from({ length: 5 }, (_, index) => finding({ messageId: `m${index}` }));
  const rendered = renderReviewBody([], many, files, 1200);
  assert.ok(rendered.body.length <= 1300);
  assert.ok(rendered.omitted.length > 0);
  assert.equal(rendered.shown.length + rendered.omitted.length, 5);
  assert.equal(parseFingerprintMarkers(rendered.body).length, rendered.shown.length);
  assert.match(rendered.body, /more findings?: see the ecs-iam-lint check run/);
});

test('a body entry whose fix cannot be rendered still shows the finding', () => {
  const broken = finding({ fixes: [fixOf(edit(5, 2, 'x'))] });
  assert.match(renderBodyEntry(broken, files), /the patch cannot be shown/);
});
