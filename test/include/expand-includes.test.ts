import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { defaultLintConfig } from '../../src/core/config.js';
import { lint, type InputFile } from '../../src/core/lint.js';
import { mentionsCfnIncludeFunction } from '../../src/include/cfn-include-functions.js';
import { expandIncludes } from '../../src/include/expand-includes.js';
import { buildSandboxForTests, fixturesRoot, lineAt, makeRepository, readInputFiles } from './sandbox-for-tests.js';

let sandboxPath: string;
before(async () => {
  sandboxPath = await buildSandboxForTests();
});

const serviceRoot = join(fixturesRoot, 'service');
const servicePaths = ['template.yaml', 'roles/execution-role.yaml', 'roles/task-role.yaml'];

test('an included execution role makes its missing permission visible, and a finding inside included content points at the include site', async () => {
  const files = await readInputFiles(serviceRoot, servicePaths);
  const original = files[0].text;

  const before = lint(files, defaultLintConfig());
  assert.equal(before.findings.filter((f) => f.ruleId === 'secrets-permissions').length, 0, 'without expansion the role is unknown');

  const { files: expanded, problems } = await expandIncludes(serviceRoot, files, { sandboxPath });
  assert.deepEqual(problems, []);
  assert.equal(expanded[0].originalText, original);
  assert.deepEqual(expanded[0].includedPaths, ['roles/execution-role.yaml', 'roles/task-role.yaml']);
  // Fragments are not templates: they pass through untouched.
  assert.equal(expanded[1], files[1]);
  assert.equal(expanded[2], files[2]);

  const result = lint(expanded, defaultLintConfig());
  const secrets = result.findings.find((f) => f.ruleId === 'secrets-permissions');
  assert.ok(secrets, 'the included role lacks secretsmanager:GetSecretValue');
  assert.match(secrets.message, /ExecutionRole .*secretsmanager:GetSecretValue/);
  // The task definition is in the file as written: the finding keeps its own node, and loses its fix,
  // which would have edited the expanded text.
  assert.equal(lineAt(original, secrets.startOffset), 29);
  assert.deepEqual(secrets.fixes, []);

  const trust = result.findings.find((f) => f.ruleId === 'ecs-tasks-trust');
  assert.ok(trust, 'the included task role trusts ecs.amazonaws.com');
  assert.equal(original.slice(trust.startOffset, trust.endOffset), 'Fn::Include: roles/task-role.yaml');
  assert.deepEqual(trust.nodePath, ['Resources', 'TaskRole', 'Fn::Include']);
  assert.deepEqual(trust.relatedPaths, ['roles/execution-role.yaml', 'roles/task-role.yaml']);
  // Rendering turns offsets into lines with the file as written.
  assert.equal(result.files.get('template.yaml')!.text, original);
});

test('the !Include short form and an include inside an included file (a chain) expand, and the finding points at the first include', async () => {
  const root = join(fixturesRoot, 'chain');
  const files = await readInputFiles(root, ['template.yaml', 'parts/task-role.yaml', 'parts/trust.yaml']);
  const { files: expanded, problems } = await expandIncludes(root, files, { sandboxPath });
  assert.deepEqual(problems, []);
  assert.deepEqual(expanded[0].includedPaths, ['parts/task-role.yaml', 'parts/trust.yaml']);
  const trust = lint(expanded, defaultLintConfig()).findings.find((f) => f.ruleId === 'ecs-tasks-trust');
  assert.ok(trust);
  assert.equal(files[0].text.slice(trust.startOffset, trust.endOffset), '!Include parts/task-role.yaml');
  assert.equal(lineAt(files[0].text, trust.startOffset), 5);
});

test('in review mode a change to an included fragment reports the findings its content causes in the including template', async () => {
  const files = await readInputFiles(serviceRoot, servicePaths);
  const { files: expanded } = await expandIncludes(serviceRoot, files, { sandboxPath });
  const result = lint(expanded, defaultLintConfig(), { changedPaths: ['roles/task-role.yaml'] });
  assert.deepEqual(
    result.findings.map((f) => [f.ruleId, f.path]),
    [['ecs-tasks-trust', 'template.yaml']],
  );
});

test('an include cycle (a includes b includes a) ends with a finding at the include site instead of hanging', async () => {
  const { root } = await makeRepository({
    'a.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Role: !Include b.yaml\n',
    'b.yaml': 'Type: AWS::IAM::Role\nProperties:\n  Policies: !Include a.yaml\n',
  });
  const files = await readInputFiles(root, ['a.yaml', 'b.yaml']);
  const started = Date.now();
  const { files: expanded, problems } = await expandIncludes(root, files, { sandboxPath, maxIncludeReads: 200 });
  assert.ok(Date.now() - started < 5000);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /stopped after 200 file reads: an include cycle or a runaway include fan-out \((a|b)\.yaml read \d+ times, (a|b)\.yaml read \d+ times\)/);
  const findings = lint(expanded, defaultLintConfig()).findings;
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'parse-error');
  assert.equal(findings[0].path, 'a.yaml');
  assert.match(findings[0].message, /^Cannot parse template: its cfn-include functions could not be expanded: the expansion was stopped after 200 file reads/);
  assert.equal(files[0].text.slice(findings[0].startOffset, findings[0].endOffset), '!Include b.yaml');
});

test('files without cfn-include functions pass through untouched and start no process', async () => {
  const lengthOnly = 'AWSTemplateFormatVersion: 2010-09-09\nTransform: AWS::LanguageExtensions\nOutputs:\n  Count:\n    Value: !Length [1, 2]\n';
  const files: InputFile[] = [
    { path: 'plain.yaml', text: 'AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n' },
    { path: 'length.yaml', text: lengthOnly },
  ];
  assert.equal(mentionsCfnIncludeFunction(lengthOnly), false);
  // A sandbox that does not exist would turn any expansion into a problem.
  const result = await expandIncludes('/nonexistent-root', files, { sandboxPath: '/nonexistent/include-sandbox.js' });
  assert.deepEqual(result, { files, problems: [] });
});

test('a template that fails to expand is reported once as a parse-error while the other templates are linted', async () => {
  const { root } = await makeRepository({ 'broken.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Role: !Include missing.yaml\n' });
  await cp(serviceRoot, root, { recursive: true });
  const files = await readInputFiles(root, ['broken.yaml', ...servicePaths]);
  const { files: expanded, problems } = await expandIncludes(root, files, { sandboxPath });
  assert.deepEqual(
    problems.map((p) => [p.path, p.message]),
    [['broken.yaml', 'its cfn-include functions could not be expanded: Fn::Include of missing.yaml failed: there is no such file in the repository']],
  );
  const findings = lint(expanded, defaultLintConfig()).findings;
  assert.deepEqual(
    findings.map((f) => [f.path, f.ruleId]),
    [
      ['broken.yaml', 'parse-error'],
      ['template.yaml', 'ecs-tasks-trust'],
      ['template.yaml', 'secrets-permissions'],
    ],
  );
});

test('a sandbox missing from the installation is a finding on each template that needs it, not a crash', async () => {
  const files = await readInputFiles(serviceRoot, servicePaths);
  const { problems } = await expandIncludes(serviceRoot, files, { sandboxPath: '/nonexistent/include-sandbox.js' });
  assert.deepEqual(
    problems.map((p) => p.message),
    ['its cfn-include functions could not be expanded: the include sandbox (include-sandbox.js) is missing from this installation'],
  );
});

test('YAML dates stay the strings CloudFormation reads, and Fn::Length inside a cfn-include template is evaluated as cfn-include does', async () => {
  const { root } = await makeRepository({
    'template.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nResources: !Include resources.yaml\nOutputs:\n  N:\n    Value: !Length [a, b]\n',
    'resources.yaml': 'Role:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: 2012-10-17\n',
  });
  const files = await readInputFiles(root, ['template.yaml']);
  const { files: expanded } = await expandIncludes(root, files, { sandboxPath });
  assert.deepEqual(JSON.parse(expanded[0].text), {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17' } } } },
    Outputs: { N: { Value: 2 } },
  });
  assert.equal(await readFile(join(root, 'template.yaml'), 'utf8'), files[0].text);
});
