import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleDocsUrl } from '../../src/core/rules/rule-meta.js';
import { countBySeverity, renderMarkdownSummary, renderSeverityCounts } from '../../src/render/summary.js';
import { crossFileFinding, executionRoleFinding, hostileFinding, sampleFiles } from './sample-findings.js';

test('counts findings by severity', () => {
  assert.deepEqual(countBySeverity([executionRoleFinding(), hostileFinding(), hostileFinding()]), { error: 1, warning: 0, notice: 2 });
  assert.equal(renderSeverityCounts({ error: 1, warning: 2, notice: 0 }), '1 error, 2 warnings, 0 notices');
});

test('renders a table row per finding with the rule linked to its docs and file content escaped', () => {
  assert.equal(
    renderMarkdownSummary([executionRoleFinding(), hostileFinding()], sampleFiles()),
    [
      '**ecs-iam-lint**: 1 error, 0 warnings, 1 notice',
      '',
      '| Severity | Rule | File | Message |',
      '| --- | --- | --- | --- |',
      `| error | [execution-role-permissions](${ruleDocsUrl('execution-role-permissions')}) | infra/template.yaml:11 | ` +
        'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken. |',
      `| notice | [role-not-verifiable](${ruleDocsUrl('role-not-verifiable')}) | infra/template.yaml:3 | ` +
        'Role \\`x\\` @\u200doctocat &lt;details&gt;\\[click\\](https:\u200d//evil.example) 100%, a:b<br>second line \\| pipe |',
      '',
    ].join('\n'),
  );
});

test('says so when there is nothing to report', () => {
  assert.equal(renderMarkdownSummary([], sampleFiles()), '**ecs-iam-lint**: no findings.\n');
});

test('stops adding rows before maxLength and counts the rest', () => {
  const findings = Array.from({ length: 50 }, () => crossFileFinding());
  const summary = renderMarkdownSummary(findings, sampleFiles(), { maxLength: 2000 });
  assert.ok(summary.length <= 2000);
  const rows = summary.split('\n').filter((line) => line.startsWith('| warning |')).length;
  assert.ok(rows > 0 && rows < 50);
  assert.ok(summary.endsWith(`\n…and ${50 - rows} more findings.\n`));
});
