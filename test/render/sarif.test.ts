import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleDocsUrl, type RuleMeta } from '../../src/core/rules/rule-meta.js';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { renderArtifactUri, renderSarif } from '../../src/render/sarif.js';
import { crossFileFinding, executionRoleFinding, hostileFinding, sampleFiles } from './sample-findings.js';

const rules: RuleMeta[] = [
  { id: 'task-role-missing', defaultSeverity: 'warning', description: 'Task roles exist.', requirements: [], fixable: true },
  { id: 'execution-role-permissions', defaultSeverity: 'error', description: 'Execution roles can start the task.', requirements: [], fixable: true },
  { id: 'role-not-verifiable', defaultSeverity: 'notice', description: 'Roles can be checked.', requirements: [], fixable: false },
];

test('describes the tool and lists every rule with its help URI and default level', () => {
  const log = renderSarif([], sampleFiles(), rules, '1.2.3');
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'ecs-iam-lint');
  assert.equal(driver.version, '1.2.3');
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.helpUri, rule.defaultConfiguration.level]), [
    ['task-role-missing', 'Task roles exist.', ruleDocsUrl('task-role-missing'), 'warning'],
    ['execution-role-permissions', 'Execution roles can start the task.', ruleDocsUrl('execution-role-permissions'), 'error'],
    ['role-not-verifiable', 'Roles can be checked.', ruleDocsUrl('role-not-verifiable'), 'note'],
  ]);
  assert.deepEqual(log.runs[0].results, []);
});

test('gives each result its rule, level, 1-based region, fingerprint and fixes', () => {
  const finding = executionRoleFinding();
  const [result] = renderSarif([finding], sampleFiles(), rules, '1.2.3').runs[0].results;
  assert.deepEqual(result, {
    ruleId: 'execution-role-permissions',
    ruleIndex: 1,
    level: 'error',
    message: { text: 'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.' },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: 'infra/template.yaml' },
        region: { startLine: 11, startColumn: 25, endLine: 11, endColumn: 45 },
      },
    }],
    partialFingerprints: { 'ecsIamLint/v1': findingFingerprint(finding) },
    fixes: [{
      description: { text: 'Attach AmazonECSTaskExecutionRolePolicy to ExecRole' },
      artifactChanges: [{
        artifactLocation: { uri: 'infra/template.yaml' },
        replacements: [{
          deletedRegion: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 1 },
          insertedContent: { text: '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n' },
        }],
      }],
    }],
  });
});

test('maps notice to note, groups a multi-file fix by artifact, and leaves out fixes when there are none', () => {
  const results = renderSarif([crossFileFinding(), hostileFinding()], sampleFiles(), rules, '1.2.3').runs[0].results;
  assert.deepEqual(results.map((result) => result.level), ['warning', 'note']);
  assert.deepEqual(
    results[0].fixes![0].artifactChanges.map((change) => [change.artifactLocation.uri, change.replacements.length]),
    [['tasks/web.json', 1], ['infra/template.yaml', 1]],
  );
  assert.equal('fixes' in results[1], false);
});

test('omits ruleIndex for a rule the driver does not list', () => {
  const finding = { ...executionRoleFinding(), ruleId: 'parse-error' };
  const [result] = renderSarif([finding], sampleFiles(), rules, '1.2.3').runs[0].results;
  assert.equal(result.ruleId, 'parse-error');
  assert.equal('ruleIndex' in result, false);
});

test('writes artifact URIs with forward slashes and percent-encodes what a URI cannot hold', () => {
  assert.equal(renderArtifactUri('infra/app.yaml'), 'infra/app.yaml');
  assert.equal(renderArtifactUri('infra\\my stack#1.yaml'), 'infra/my%20stack%231.yaml');
});
