/**
 * Every parse limit is enforced, configurable from the config file's `limits:` map, and explained: the
 * file over it gets one parse-error with a line, naming the limit; the other files are still linted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import type { LintConfig } from '../../src/core/config.js';
import { parseConfigFile } from '../../src/core/config-file.js';
import { lint, ruleMetas } from '../../src/core/lint.js';
import { readLintFiles } from '../../src/workspace/discover-files.js';
import { makeTempTree } from '../cli/temp-tree.js';

const ruleIds = ruleMetas.map((meta) => meta.id);

function configFrom(yaml: string): LintConfig {
  const result = parseConfigFile(yaml, '.github/ecs-iam-lint.yml', ruleIds);
  if ('error' in result) throw new Error(result.error);
  return result.config;
}

const header = "AWSTemplateFormatVersion: '2010-09-09'\n";
/** Linted next to every over-limit file: it must keep its finding. */
const neighbour = `${header}Resources:\n  TaskRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: ecs.amazonaws.com}\n            Action: sts:AssumeRole\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !GetAtt TaskRole.Arn\n      ContainerDefinitions: [{Name: a, Image: nginx}]\n`;

interface LimitCase {
  key: 'max-file-bytes' | 'max-nodes' | 'max-aliases' | 'max-depth';
  value: number;
  /** A file over the lowered limit and under the default one. */
  path: string;
  text: string;
  /** The message as it reads today, naming the limit's value. */
  message: RegExp;
  /** 1-based line the error points at. */
  line: number;
}

const limitCases: LimitCase[] = [
  {
    key: 'max-file-bytes',
    value: 1000,
    path: 'big.yaml',
    text: `${header}Description: ${'x'.repeat(1200)}\nResources: {}\n`,
    message: /file is 1 KB, over the 1000 bytes limit/,
    line: 1,
  },
  {
    key: 'max-nodes',
    value: 50,
    path: 'many.yaml',
    text: `${header}Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Tags:\n${Array.from({ length: 40 }, (_, i) => `        - {Key: k${i}, Value: v${i}}\n`).join('')}`,
    message: /file has more than 50 values/,
    line: 17,
  },
  {
    key: 'max-nodes',
    value: 50,
    path: 'many.json',
    text: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { Tags: Array.from({ length: 40 }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` })) } } } }, null, 2),
    message: /file has more than 50 values/,
    line: 37,
  },
  {
    key: 'max-aliases',
    value: 2,
    path: 'aliases.yaml',
    text: `${header}Metadata:\n  tags: &tags [a, b]\n  one: *tags\n  two: *tags\n  three: *tags\nResources: {}\n`,
    message: /file uses more than 2 aliases/,
    line: 6,
  },
  {
    key: 'max-aliases',
    value: 0,
    path: 'one-alias.yaml',
    text: `${header}Metadata:\n  tags: &tags [a, b]\n  one: *tags\nResources: {}\n`,
    message: /file uses more than 0 aliases/,
    line: 4,
  },
  {
    // The neighbour nests 8 levels deep (template, Resources, role, Properties, trust policy, Statement, statement, Principal).
    key: 'max-depth',
    value: 10,
    path: 'deep.yaml',
    text: `${header}Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies: [[[[[[[1]]]]]]]\n`,
    message: /nesting is deeper than 10 levels/,
    line: 6,
  },
  {
    key: 'max-depth',
    value: 10,
    path: 'deep.json',
    text: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Role": {\n      "Type": "AWS::IAM::Role",\n      "Properties": {\n        "Policies": [[[[[[[1]]]]]]]\n      }\n    }\n  }\n}\n',
    message: /nesting is deeper than 10 levels/,
    line: 7,
  },
];

for (const limit of limitCases) {
  test(`lowering ${limit.key} to ${limit.value} turns ${limit.path} into one parse-error naming the limit, and the default lints it`, () => {
    const lowered = configFrom(`limits:\n  ${limit.key}: ${limit.value}\n`);
    const files = [{ path: limit.path, text: limit.text }, { path: 'neighbour.yaml', text: neighbour }];
    const result = lint(files, lowered);
    const own = result.findings.filter((finding) => finding.path === limit.path);
    assert.deepEqual(own.map((finding) => finding.ruleId), ['parse-error'], own.map((finding) => finding.message).join('\n'));
    assert.match(own[0].message, /^Cannot parse template: /);
    assert.match(own[0].message, limit.message);
    assert.equal(result.files.get(limit.path)!.positionAt(own[0].startOffset).line, limit.line);
    assert.ok(result.findings.some((finding) => finding.path === 'neighbour.yaml' && finding.ruleId === 'ecs-tasks-trust'), 'the other file is still linted');

    const byDefault = lint(files, configFrom(''));
    assert.deepEqual(byDefault.findings.filter((finding) => finding.ruleId === 'parse-error'), []);
  });
}

/**
 * The message a user reads should say how to lift the limit. Proposed change, in the parsers' messages
 * (parse-file.ts, yaml-parser.ts, json-parser.ts) with the exact-message assertions of
 * test/core/parse/*.test.ts and test/workspace/discover-files.test.ts updated alongside:
 *   file is 2 KB, over the 1000 bytes limit; raise it with `limits: max-file-bytes:` in the config file
 *   file has more than 50 values; raise it with `limits: max-nodes:` in the config file
 *   aliases expand the file to more than 50 values; raise it with `limits: max-nodes:` in the config file
 *   file uses more than 2 aliases; raise it with `limits: max-aliases:` in the config file
 *   nesting is deeper than 5 levels; raise it with `limits: max-depth:` in the config file
 * and in discover-files.ts: "...; 1 file was not linted; raise `limits: max-total-bytes:` in the config file".
 */
const namesKey = 'the parse errors name the limit but not the config key that raises it; proposed wording in limits.test.ts';

for (const limit of limitCases) {
  test(`the ${limit.key} parse-error for ${limit.path} says which config key raises the limit`, { todo: namesKey }, () => {
    const result = lint([{ path: limit.path, text: limit.text }], configFrom(`limits:\n  ${limit.key}: ${limit.value}\n`));
    assert.match(result.findings[0].message, new RegExp(`limits: ${limit.key}`));
  });
}

test('max-total-bytes stops reading with a notice naming the limit; the files before it are linted', async (t) => {
  const roleFile = (name: string) => neighbour.replace(/TaskRole\b/g, `${name}Role`).replace(/Task:/, `${name}Task:`);
  const root = await makeTempTree(t, { 'a.yaml': roleFile('A'), 'b.yaml': roleFile('B'), 'c.yaml': roleFile('C') });
  const config = configFrom(`limits:\n  max-total-bytes: ${Math.floor(neighbour.length * 2.5)}\n`);
  const { files, notices } = await readLintFiles(root, ['.'], config);
  assert.deepEqual(files.map((file) => file.path), ['a.yaml', 'b.yaml']);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /^stopped reading at c\.yaml: .*max-total-bytes is \d+; 1 file was not linted$/);
  const result = lint(files, config);
  assert.deepEqual([...new Set(result.findings.map((finding) => finding.path))], ['a.yaml', 'b.yaml']);
});

test('the max-total-bytes notice says which config key raises the limit', { todo: namesKey }, async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': neighbour, 'b.yaml': neighbour });
  const { notices } = await readLintFiles(root, ['.'], configFrom(`limits:\n  max-total-bytes: ${neighbour.length}\n`));
  assert.match(notices[0], /limits: max-total-bytes/);
});

test('the CLI reads lowered limits from .github/ecs-iam-lint.yml and reports the file over them, exit 1', async (t) => {
  const root = await makeTempTree(t, {
    '.github/ecs-iam-lint.yml': 'limits:\n  max-depth: 10\n  max-file-bytes: 1000\n',
    'deep.yaml': limitCases.find((limit) => limit.path === 'deep.yaml')!.text,
    'big.yaml': limitCases[0].text,
    'neighbour.yaml': neighbour,
  });
  let stdout = '';
  let stderr = '';
  const status = await runCli(['--format', 'json'], { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false });
  assert.equal(status, 1, stderr);
  const findings = (JSON.parse(stdout) as { findings: { ruleId: string; path: string; startLine: number; message: string }[] }).findings;
  const parseErrors = findings.filter((finding) => finding.ruleId === 'parse-error');
  assert.deepEqual(parseErrors.map((finding) => [finding.path, finding.startLine]), [['big.yaml', 1], ['deep.yaml', 6]]);
  assert.match(parseErrors[0].message, /over the 1000 bytes limit/);
  assert.match(parseErrors[1].message, /deeper than 10 levels/);
  assert.ok(findings.some((finding) => finding.path === 'neighbour.yaml' && finding.ruleId === 'ecs-tasks-trust'));
});

test('a max-depth above what the YAML parser can ever nest is refused or explained, not silently capped', {
  todo: 'yaml-parser.ts caps nesting at 500 levels (composerSafeDepth) whatever max-depth says: with max-depth 1000 a YAML file 600 levels deep is rejected as "nesting is deeper than 500 levels", which contradicts the config; JSON honours 1000',
}, () => {
  const config = configFrom('limits:\n  max-depth: 1000\n');
  const text = `${header}Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies: ${'['.repeat(600)}${']'.repeat(600)}\n`;
  const json = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::IAM::Role", "Properties": {"Policies": ${'['.repeat(600)}${']'.repeat(600)}}}}}`;
  assert.deepEqual(lint([{ path: 'deep.json', text: json }], config).findings.filter((finding) => finding.ruleId === 'parse-error'), []);
  const [finding] = lint([{ path: 'deep.yaml', text }], config).findings.filter((candidate) => candidate.ruleId === 'parse-error');
  // Either YAML honours the configured depth too, or the message says the cap is fixed.
  assert.ok(finding === undefined || /at most|cannot|YAML/.test(finding.message), finding?.message);
});
