import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderJson } from '../../src/render/json.js';
import { crossFileFinding, executionRoleFinding, sampleFiles } from './sample-findings.js';

test('reports 1-based positions with an exclusive end column, and every fix with its edits', () => {
  const report = renderJson([executionRoleFinding(), crossFileFinding()], sampleFiles());
  assert.deepEqual(report, {
    findings: [
      {
        ruleId: 'execution-role-permissions',
        severity: 'error',
        path: 'infra/template.yaml',
        startLine: 11,
        startColumn: 25,
        endLine: 11,
        endColumn: 45,
        message: 'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.',
        fixes: [{
          title: 'Attach AmazonECSTaskExecutionRolePolicy to ExecRole',
          edits: [{
            path: 'infra/template.yaml',
            startLine: 8,
            startColumn: 1,
            endLine: 8,
            endColumn: 1,
            newText: '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
          }],
        }],
      },
      {
        ruleId: 'task-role-missing',
        severity: 'warning',
        path: 'tasks/web.json',
        startLine: 3,
        startColumn: 18,
        endLine: 3,
        endColumn: 54,
        message: 'Role app is not defined in any template.',
        fixes: [{
          title: 'Rename',
          edits: [
            { path: 'tasks/web.json', startLine: 2, startColumn: 13, endLine: 2, endColumn: 18, newText: '"api"' },
            { path: 'infra/template.yaml', startLine: 7, startColumn: 35, endLine: 7, endColumn: 49, newText: 'PowerUserAccess' },
          ],
        }],
      },
    ],
  });
});

test('round-trips through JSON.stringify with the keys in the documented order', () => {
  const [finding] = renderJson([executionRoleFinding()], sampleFiles()).findings;
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(finding))), [
    'ruleId', 'severity', 'path', 'startLine', 'startColumn', 'endLine', 'endColumn', 'message', 'fixes',
  ]);
});

test('is an empty list when nothing was found', () => {
  assert.deepEqual(renderJson([], sampleFiles()), { findings: [] });
});
