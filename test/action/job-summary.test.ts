import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/core/text/source-file.js';
import { renderConfigErrorSummary, renderJobSummary } from '../../src/action/job-summary.js';

test('the job summary has the findings table, what was published and what went wrong', () => {
  const path = 'infra/service.yaml';
  const files = new Map([[path, new SourceFile(path, 'Resources: {}\n')]]);
  const markdown = renderJobSummary({
    findings: [{ ruleId: 'ecs-tasks-trust', severity: 'error', message: 'Role <b>X</b>', messageId: 'x', path, startOffset: 0, endOffset: 9, nodePath: [], fixes: [] }],
    files,
    scope: 'on the files pull request #7 changes',
    actions: ['Review posted: 1 inline comment(s), 0 finding(s) in its body.'],
    problems: ['could not post the review: HTTP 500: *boom*'],
    notes: [],
  });
  assert.match(markdown, /^## ecs-iam-lint\n\nFindings on the files pull request #7 changes\.\n\n\*\*ecs-iam-lint\*\*: 1 error, 0 warnings, 0 notices/);
  assert.match(markdown, /Role &lt;b&gt;X&lt;\/b&gt;/);
  assert.match(markdown, /- Review posted: 1 inline comment/);
  assert.match(markdown, /### The run was incomplete\n\n- could not post the review: HTTP 500: \\\*boom\\\*/);
});

test('a config error is shown verbatim in a fence it cannot close', () => {
  assert.equal(renderConfigErrorSummary('bad ``` key'), '## ecs-iam-lint\n\nThe configuration is invalid, so nothing was linted:\n\n````text\nbad ``` key\n````\n');
});
