// What a template under review can make cfn-include do: each attempt to read outside the repository,
// read the environment, reach the network or AWS, or run too long is refused with a finding at the
// include site, and the other templates are still linted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { defaultLintConfig } from '../../src/core/config.js';
import { lint, type LintResult } from '../../src/core/lint.js';
import { expandIncludes, type ExpandIncludesResult } from '../../src/include/expand-includes.js';
import { buildSandboxForTests, fixturesRoot, makeRepository, readInputFiles } from './sandbox-for-tests.js';

const head = 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n';
/** A template whose role's Description is `value` (YAML, indented to fit). */
const roleDescribedBy = (value: string) => `${head}      Description: ${value}\n`;
/** The same, with `Fn::Map` building the function name (`Fn::${F}`) at run time, so that no scan of the text sees it. */
const builtAtRunTime = (name: string, argument: string) =>
  `${head}      Description:\n        Fn::Map:\n          - [${name}]\n          - F\n          - { "Fn::\${F}": ${argument} }\n`;

const envSecret = `env-secret-${process.pid}-${Date.now()}`;
const outsideSecret = `outside-secret-${process.pid}-${Date.now()}`;
const hostname = readFileSync('/etc/hostname', 'utf8').trim();

let listener: Server;
let port: number;
let connections = 0;
let root: string;
let expansion: ExpandIncludesResult;
let result: LintResult;

/** Each attack template, its file name, and what its finding must say. */
const attacks: Record<string, { template: () => string; message: RegExp; site?: string }> = {
  'etc-hostname-url.yaml': {
    template: () => roleDescribedBy('!Include { location: "file:///etc/hostname", type: string }'),
    message: /Fn::Include of \/etc\/hostname was refused: it is outside the repository root/,
    site: '!Include { location: "file:///etc/hostname", type: string }',
  },
  'etc-hostname-path.yaml': {
    // cfn-include reads a location without a scheme relative to the template, even with a leading slash.
    template: () => roleDescribedBy('!Include { location: /etc/hostname, type: string }'),
    message: /Fn::Include of etc\/hostname failed: there is no such file in the repository/,
  },
  'parent-directory.yaml': {
    template: () => roleDescribedBy('!Include { location: ../outside.txt, type: string }'),
    message: /Fn::Include of \/.*\/outside\.txt was refused: it is outside the repository root/,
    site: '!Include { location: ../outside.txt, type: string }',
  },
  'symlink-out.yaml': {
    template: () => roleDescribedBy('!Include { location: innocent.txt, type: string }'),
    message: /Fn::Include of innocent\.txt was refused: it is a symbolic link to a file outside the repository root/,
    site: '!Include { location: innocent.txt, type: string }',
  },
  'git-config.yaml': {
    template: () => roleDescribedBy('!Include { location: .git/config, type: string }'),
    message: /Fn::Include of \.git\/config was refused: files under \.git are never read/,
  },
  'map-built-include.yaml': {
    template: () => builtAtRunTime('Include', '{ location: ../outside.txt, type: string }'),
    message: /Fn::Include of \/.*\/outside\.txt was refused: it is outside the repository root/,
    site: 'Fn::Map:',
  },
  'getenv.yaml': {
    template: () => roleDescribedBy('!GetEnv ECS_IAM_LINT_SECRET_TEST'),
    message: /Fn::GetEnv of ECS_IAM_LINT_SECRET_TEST was refused: templates under review are expanded without environment variables/,
    site: '!GetEnv ECS_IAM_LINT_SECRET_TEST',
  },
  'getenv-default.yaml': {
    template: () => roleDescribedBy('{ "Fn::GetEnv": [ECS_IAM_LINT_SECRET_TEST, fallback] }'),
    message: /Fn::GetEnv of ECS_IAM_LINT_SECRET_TEST was refused/,
  },
  'map-built-getenv.yaml': {
    template: () => builtAtRunTime('GetEnv', 'ECS_IAM_LINT_SECRET_TEST'),
    message: /Fn::GetEnv of ECS_IAM_LINT_SECRET_TEST was refused/,
  },
  'http.yaml': {
    template: () => roleDescribedBy(`!Include { location: "http://127.0.0.1:${port}/role.yaml", type: string }`),
    message: new RegExp(`network access is disabled: Fn::Include of http://127\\.0\\.0\\.1:\\d+/role\\.yaml was not fetched`),
    site: '!Include { location: "http://127.0.0.1:',
  },
  'https.yaml': {
    template: () => roleDescribedBy(`!Include https://127.0.0.1:${port}/role.yaml`),
    message: /network access is disabled: Fn::Include of https:\/\/127\.0\.0\.1:\d+\/role\.yaml was not fetched/,
  },
  'map-built-http.yaml': {
    template: () => builtAtRunTime('Include', `{ location: "http://127.0.0.1:${port}/x", type: string }`),
    message: /network access is disabled/,
  },
  's3.yaml': {
    template: () => roleDescribedBy('!Include s3://some-bucket/role.yaml'),
    message: /AWS calls are disabled: Fn::Include of s3:\/\/some-bucket\/role\.yaml was not fetched/,
  },
  'aws-api.yaml': {
    template: () => roleDescribedBy('!Include { type: api, service: STS, action: getCallerIdentity }'),
    message: /AWS calls are disabled: Fn::Include of type api \(STS getCallerIdentity\) was not called/,
  },
  'fan-out.yaml': {
    template: () => `${head}      Description:\n        Fn::Map:\n          - !Sequence [1, 5000]\n          - N\n          - { "Fn::Include": { location: fragment.txt, type: string } }\n`,
    message: /the expansion was stopped after 1000 file reads: an include cycle or a runaway include fan-out \(fragment\.txt read 1000 times\)/,
  },
};

before(async () => {
  process.env.ECS_IAM_LINT_SECRET_TEST = envSecret;
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;

  const sandboxPath = await buildSandboxForTests();
  const files: Record<string, string> = { '.git/config': '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n', 'fragment.txt': 'x' };
  for (const [name, attack] of Object.entries(attacks)) files[name] = attack.template();
  // A good template next to the attacks: it must still be expanded and linted.
  for (const file of await readInputFiles(join(fixturesRoot, 'service'), ['template.yaml', 'roles/execution-role.yaml', 'roles/task-role.yaml'])) {
    files[`service/${file.path}`] = file.text;
  }
  const repository = await makeRepository(files, { 'outside.txt': outsideSecret });
  root = repository.root;
  await symlink(join(repository.outer, 'outside.txt'), join(root, 'innocent.txt'));

  const inputs = Object.entries(files)
    .filter(([path]) => path.endsWith('.yaml'))
    .map(([path, text]) => ({ path, text }));
  expansion = await expandIncludes(root, inputs, { sandboxPath });
  result = lint(expansion.files, defaultLintConfig());
});

after(async () => {
  delete process.env.ECS_IAM_LINT_SECRET_TEST;
  await new Promise((resolve) => listener.close(resolve));
});

for (const [name, attack] of Object.entries(attacks)) {
  test(`${name}: refused with a parse-error finding at the include site`, () => {
    const findings = result.findings.filter((f) => f.path === name);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [finding] = findings;
    assert.equal(finding.ruleId, 'parse-error');
    assert.match(finding.message, /^Cannot parse template: its cfn-include functions could not be expanded: /);
    assert.match(finding.message, attack.message);
    const text = attack.template();
    if (attack.site) assert.ok(text.slice(finding.startOffset).startsWith(attack.site), `points at ${JSON.stringify(text.slice(finding.startOffset, finding.endOffset))}`);
    else assert.ok(finding.startOffset > 0, 'points into the template, not at its start');
    const file = expansion.files.find((f) => f.path === name)!;
    assert.equal(file.originalText, undefined, 'nothing of an expansion that failed is linted');
  });
}

test('nothing read from outside the repository or from the environment appears in the expansions or the findings', () => {
  const everything = JSON.stringify({ expansion, findings: result.findings });
  assert.ok(!everything.includes(envSecret), 'the environment variable leaked');
  assert.ok(!everything.includes(outsideSecret), '../outside.txt leaked');
  assert.ok(!everything.includes('c2VjcmV0'), '.git/config leaked');
  // The host name itself may be a common word; what matters is that no expansion succeeded that could hold it.
  assert.ok(hostname.length > 0);
  for (const name of Object.keys(attacks)) assert.equal(expansion.files.find((f) => f.path === name)!.originalText, undefined);
});

test('no attempt reached the local listener', async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(connections, 0);
});

test('the good template among the attacks is still expanded and linted', () => {
  assert.deepEqual(
    result.findings.filter((f) => f.path.startsWith('service/')).map((f) => [f.path, f.ruleId]),
    [
      ['service/template.yaml', 'ecs-tasks-trust'],
      ['service/template.yaml', 'secrets-permissions'],
    ],
  );
});

test('an expansion that runs past its time limit is stopped with a finding, including one built by nested Fn::Map', async () => {
  const nested = (name: string) =>
    `${head}      Tags:\n        Fn::Map:\n          - !Sequence [1, 3000]\n          - X\n          - Fn::Map:\n              - !Sequence [1, 3000]\n              - Y\n              - { Key: "\${X}-\${Y}", Value: ${name} }\n`;
  const { root: slowRoot } = await makeRepository({ 'slow.yaml': nested('v'), 'quick.yaml': roleDescribedBy('!Include quick.txt'), 'quick.txt': 'fine' });
  const files = await readInputFiles(slowRoot, ['slow.yaml', 'quick.yaml']);
  const started = Date.now();
  const { files: expanded, problems } = await expandIncludes(slowRoot, files, { sandboxPath: await buildSandboxForTests(), timeoutMs: 1500 });
  assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
  assert.deepEqual(
    problems.map((p) => [p.path, p.message]),
    [['slow.yaml', 'its cfn-include functions could not be expanded: the expansion was still running after the 1.5 s time limit and was stopped']],
  );
  assert.equal(files[0].text.slice(problems[0].startOffset).split('\n')[0], 'Fn::Map:');
  assert.equal(JSON.parse(expanded[1].text).Resources.Role.Properties.Description, 'fine');
});

test('an expansion that exhausts its memory limit is stopped with a finding', async () => {
  const { root: bigRoot } = await makeRepository({ 'big.yaml': `${head}      Tags: !Sequence [1, 50000000]\n` });
  const files = await readInputFiles(bigRoot, ['big.yaml']);
  const { problems } = await expandIncludes(bigRoot, files, { sandboxPath: await buildSandboxForTests(), maxOldSpaceMb: 48 });
  assert.deepEqual(
    problems.map((p) => p.message),
    ['its cfn-include functions could not be expanded: the expansion ran out of its 48 MB memory limit and was stopped'],
  );
});
