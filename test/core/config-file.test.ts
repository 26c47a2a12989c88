import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLintConfig } from '../../src/core/config.js';
import { parseConfigFile } from '../../src/core/config-file.js';

const ruleIds = ['trust-confused-deputy', 'execution-role-app-permissions'];
const path = '.github/ecs-iam-lint.yml';

function parseOk(text: string) {
  const result = parseConfigFile(text, path, ruleIds);
  if ('error' in result) assert.fail(result.error);
  return result.config;
}

function parseError(text: string): string {
  const result = parseConfigFile(text, path, ruleIds);
  if ('config' in result) assert.fail('expected an error');
  return result.error;
}

test('reads the documented example', () => {
  const config = parseOk(`
fail-on: error                     # error | warning | notice | never
include: ["**/*.{yml,yaml,json,template}"]
exclude: ["test/fixtures/**"]
rules:
  trust-confused-deputy: off       # off | notice | warning | error
  execution-role-app-permissions: error
external-roles:                    # roles defined outside the repository
  - arn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
    trust: [ecs-tasks.amazonaws.com]
    managed-policies: [arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy]
  - arn: arn:aws:iam::123456789012:role/legacy
    assume-compliant: true
`);
  assert.deepEqual(config, {
    ...defaultLintConfig(),
    failOn: 'error',
    include: ['**/*.{yml,yaml,json,template}'],
    exclude: ['test/fixtures/**'],
    rules: { 'trust-confused-deputy': 'off', 'execution-role-app-permissions': 'error' },
    externalRoles: [
      {
        arn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        trust: ['ecs-tasks.amazonaws.com'],
        managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
      },
      { arn: 'arn:aws:iam::123456789012:role/legacy', assumeCompliant: true },
    ],
  });
});

test('gives the defaults for an empty file, a file of comments, and keys left without a value', () => {
  assert.deepEqual(parseOk(''), defaultLintConfig());
  assert.deepEqual(parseOk('# nothing yet\n'), defaultLintConfig());
  assert.deepEqual(parseOk('rules:\n  # trust-confused-deputy: off\nexclude:\n'), defaultLintConfig());
});

test('pins account and region, keeping an account id with a leading zero as written', () => {
  const config = parseOk('account: 012345678901\nregion: eu-west-1\n');
  assert.equal(config.account, '012345678901');
  assert.equal(config.region, 'eu-west-1');
  assert.equal(parseOk('account: "123456789012"\nregion: us-gov-west-1\n').account, '123456789012');
});

test('overrides parse limits one by one', () => {
  const config = parseOk('limits:\n  max-file-bytes: 1000\n  max-aliases: 0\n  max-total-bytes: 5000\n');
  assert.deepEqual(config.limits, { ...defaultLintConfig().limits, maxFileBytes: 1000, maxAliases: 0, maxTotalBytes: 5000 });
});

test('follows YAML aliases', () => {
  const config = parseOk('include: &inc ["a/**"]\nexclude: *inc\n');
  assert.deepEqual(config.exclude, ['a/**']);
});

test('names an unknown rule id and its line, suggesting the closest known one', () => {
  assert.equal(
    parseError('fail-on: error\nrules:\n  trust-confused-deputy: off\n  trust-confused-depty: error\n'),
    `${path}:4: rules: unknown rule id "trust-confused-depty"; did you mean "trust-confused-deputy"?`,
  );
  assert.equal(parseError('rules:\n  no-such-rule: off\n'), `${path}:2: rules: unknown rule id "no-such-rule"`);
});

test('names a bad rule setting with its key path and line', () => {
  assert.equal(
    parseError('rules:\n  trust-confused-deputy: fatal\n'),
    `${path}:2: rules.trust-confused-deputy: expected one of off, notice, warning, error, got "fatal"`,
  );
});

test('rejects unknown top-level keys', () => {
  assert.equal(
    parseError('fail-on: error\nfailOn: warning\n'),
    `${path}:2: unknown key "failOn"; expected one of fail-on, include, exclude, rules, external-roles, account, region, limits`,
  );
});

test('rejects wrong types, reporting every problem on its own line', () => {
  const error = parseError('fail-on: sometimes\ninclude: "**/*.yml"\nexclude: [1]\naccount: 1234\nregion: Europe\nlimits:\n  max-nodes: -1\n  max-depth: lots\n');
  assert.deepEqual(error.split('\n'), [
    `${path}:1: fail-on: expected one of error, warning, notice, never, got "sometimes"`,
    `${path}:2: include: expected a list of strings, got "**/*.yml"`,
    `${path}:3: exclude[0]: expected a non-empty string, got number 1`,
    `${path}:4: account: expected a 12-digit AWS account id, got "1234"`,
    `${path}:5: region: expected an AWS region such as us-east-1, got "Europe"`,
    `${path}:7: limits.max-nodes: expected a whole number of at least 1`,
    `${path}:8: limits.max-depth: expected a whole number of at least 1`,
  ]);
});

test('checks external roles: ARN shape, known keys, a required arn and boolean assume-compliant', () => {
  const error = parseError([
    'external-roles:',
    '  - arn: ecsTaskExecutionRole',
    '  - trust: [ecs-tasks.amazonaws.com]',
    '  - arn: arn:aws:iam::123456789012:role/x',
    '    managed-policy: [a]',
    '    assume-compliant: "yes"',
    '  - just-a-string',
    '',
  ].join('\n'));
  assert.deepEqual(error.split('\n'), [
    `${path}:2: external-roles[0].arn: expected an IAM role ARN such as arn:aws:iam::123456789012:role/name, got "ecsTaskExecutionRole"`,
    `${path}:3: external-roles[1]: missing key "arn"`,
    `${path}:5: external-roles[2]: unknown key "managed-policy"; expected one of arn, trust, managed-policies, assume-compliant`,
    `${path}:6: external-roles[2].assume-compliant: expected true or false`,
    `${path}:7: external-roles[3]: expected a map with an \`arn\` and \`trust\`, \`managed-policies\` or \`assume-compliant\``,
  ]);
});

test('accepts role ARNs in other partitions and with paths', () => {
  const config = parseOk('external-roles:\n  - arn: arn:aws-cn:iam::123456789012:role/service-role/x\n');
  assert.equal(config.externalRoles[0].arn, 'arn:aws-cn:iam::123456789012:role/service-role/x');
});

test('reports YAML syntax errors and duplicate keys with their line', () => {
  assert.match(parseError('rules:\n  a: [\n'), new RegExp(`^${path.replace(/\./g, '\\.')}:\\d+: `));
  assert.equal(parseError('fail-on: error\nfail-on: warning\n'), `${path}:2: Map keys must be unique`);
});

test('rejects a file that is not a map', () => {
  assert.equal(parseError('- fail-on: error\n'), `${path}:1: the config file must be a map of settings, such as \`fail-on: error\``);
});
