/**
 * Pull-request content is data, never code or a way out: linting it runs nothing, pollutes nothing,
 * touches no network, file system or environment, reads nothing outside the root, and what it says
 * cannot become a mention, link, HTML, a second table row, an early fence end, a workflow command or a
 * terminal escape in our output.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { defaultLintConfig } from '../../src/core/config.js';
import { parseConfigFile } from '../../src/core/config-file.js';
import type { Finding } from '../../src/core/finding.js';
import { lint, ruleMetas, type InputFile, type LintResult } from '../../src/core/lint.js';
import { projectUrl } from '../../src/core/rules/rule-meta.js';
import { buildAnnotations } from '../../src/github/check-run.js';
import { planReview, renderBodyEntry } from '../../src/github/review-comment.js';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';
import { renderWorkflowCommands } from '../../src/render/github-commands.js';
import { renderJson } from '../../src/render/json.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderMarkdownSummary } from '../../src/render/summary.js';
import { renderText } from '../../src/render/text.js';
import { PathArgumentError, readLintFiles } from '../../src/workspace/discover-files.js';
import { loadFixtures } from './fuzz-cases.js';

const require = createRequire(import.meta.url);

// Helpers -------------------------------------------------------------------------------------------

/** Every format a user or GitHub sees, concatenated. */
function renderAll(result: LintResult): string {
  const { findings, files } = result;
  const hunks = new Map([...files].map(([path, source]) => [path, [{ startLine: 1, endLine: source.lineCount }]]));
  const plan = planReview(findings, files, hunks, { maxInlineComments: 1000 });
  return [
    renderText(findings, files, { color: false }),
    renderText(findings, files, { color: true }),
    JSON.stringify(renderJson(findings, files)),
    JSON.stringify(renderSarif(findings, files, ruleMetas, '0.0.0')),
    renderWorkflowCommands(findings, files),
    renderMarkdownSummary(findings, files),
    ...plan.inline.map((comment) => comment.comment.body),
    ...plan.body.map((finding) => renderBodyEntry(finding, files)),
    JSON.stringify(buildAnnotations(findings, files)),
  ].join('\n');
}

interface Violation {
  what: string;
  detail: string;
}

/**
 * Runs `action` with every door out of the process replaced by one that records the attempt and refuses:
 * sockets, DNS, HTTP(S), fetch, child processes, the file system, eval and vm, and reads of process.env
 * (other than `allowedEnv`). Returns the attempts.
 */
function withTraps(action: () => void, allowedEnv: readonly string[] = []): Violation[] {
  const violations: Violation[] = [];
  const restore: (() => void)[] = [];
  const trap = (owner: Record<string, unknown>, name: string, what: string): void => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function trapped(...args: unknown[]) {
      violations.push({ what, detail: `${name}(${args.slice(0, 2).map((arg) => String(arg).slice(0, 80)).join(', ')})` });
      throw new Error(`ecs-iam-lint hardening test: ${what} ${name} is not allowed here`);
    };
    restore.push(() => (owner[name] = original));
  };
  const net = require('node:net');
  trap(net.Socket.prototype, 'connect', 'network');
  for (const name of ['connect', 'createConnection', 'createServer']) trap(net, name, 'network');
  trap(require('node:tls'), 'connect', 'network');
  trap(require('node:dgram'), 'createSocket', 'network');
  const dns = require('node:dns');
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) trap(dns, name, 'network');
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(dns.promises, name, 'network');
  for (const module of [require('node:http'), require('node:https')]) for (const name of ['request', 'get']) trap(module, name, 'network');
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'network');
  const childProcess = require('node:child_process');
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(childProcess, name, 'process');
  const fs = require('node:fs');
  for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'readdirSync', 'readdir', 'statSync', 'stat', 'lstatSync', 'lstat', 'existsSync', 'accessSync', 'access', 'createReadStream', 'realpathSync', 'realpath', 'writeFileSync', 'writeFile']) {
    trap(fs, name, 'file system');
  }
  for (const name of ['readFile', 'open', 'readdir', 'stat', 'lstat', 'access', 'realpath', 'writeFile']) trap(fs.promises, name, 'file system');
  trap(globalThis as unknown as Record<string, unknown>, 'eval', 'code');
  const vm = require('node:vm');
  for (const name of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) trap(vm, name, 'code');
  syncBuiltinESMExports();

  const environment = process.env;
  const allowed = new Set(allowedEnv);
  process.env = new Proxy(environment, {
    get(target, key) {
      if (typeof key === 'string' && !allowed.has(key)) violations.push({ what: 'environment', detail: `read ${key}` });
      return Reflect.get(target, key);
    },
    has(target, key) {
      if (typeof key === 'string' && !allowed.has(key)) violations.push({ what: 'environment', detail: `has ${key}` });
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      violations.push({ what: 'environment', detail: 'listed every variable' });
      return Reflect.ownKeys(target);
    },
  });
  try {
    action();
  } finally {
    process.env = environment;
    for (const undo of restore.reverse()) undo();
    syncBuiltinESMExports();
  }
  return violations;
}

/** The yaml library's own debug switches (LOG_TOKENS in its parser, LOG_STREAM in its composer); they print tokens, never read other variables. */
const yamlLibraryDebugVariables = ['LOG_TOKENS', 'LOG_STREAM'];

function objectPrototypeSnapshot(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort(), Object.getOwnPropertyNames(Function.prototype).sort()]);
}

async function tempDirectory(t: TestContext, name: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), `ecs-iam-lint-${name}-`));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

// Content that looks like code -----------------------------------------------------------------------

const sentinel = '__ecsIamLintHardeningExecuted';

/** Strings that would do something observable if anything evaluated them as JavaScript or a template. */
const codeLikeStrings = [
  '${AWS::Region}',
  `\${globalThis.${sentinel} = 1}`,
  `\`\${globalThis.${sentinel} = 2}\``,
  `'); globalThis.${sentinel} = 3; ('`,
  `{{constructor.constructor('globalThis.${sentinel} = 4')()}}`,
  `require('child_process').execSync('touch /tmp/${sentinel}')`,
  `process.exit(3)`,
  `<%= globalThis.${sentinel} = 5 %>`,
  `$(touch /tmp/${sentinel})`,
  `\`touch /tmp/${sentinel}\``,
  `javascript:globalThis.${sentinel}=6`,
];

const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const codeLikeTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Metadata:
${codeLikeStrings.map((text, i) => `  s${i}: ${quoted(text)}\n`).join('')}  ${quoted(codeLikeStrings[1])}: key
  __proto__: {polluted: yes, isAdmin: true}
  constructor: {prototype: {polluted: yes}}
  prototype: {polluted: yes}
  merged:
    <<: {__proto__: {polluted: yes}}
  ecs-iam-lint:
    ignore: {__proto__: {polluted: yes}}
Parameters:
  __proto__: {Type: String, Default: ${quoted(codeLikeStrings[2])}}
  constructor: {Type: String, Default: x}
Resources:
  __proto__:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub ${quoted(`\${AWS::Region}-\${AWS::StackName}-${codeLikeStrings[1]}`)}
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ${quoted(codeLikeStrings[3])}
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [${codeLikeStrings.map((text) => quoted(`s3:${text}`)).join(', ')}]
                Resource: !Sub ${quoted(`arn:aws:s3:::${codeLikeStrings[4]}/\${constructor}`)}
  constructor:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt __proto__.Arn
      ExecutionRoleArn: !Join ['', [${codeLikeStrings.slice(0, 4).map(quoted).join(', ')}]]
      ContainerDefinitions:
        - Name: ${quoted(codeLikeStrings[6])}
          Image: !Sub ${quoted(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${codeLikeStrings[8]}`)}
          Environment: [{Name: NODE_OPTIONS, Value: '--require /tmp/${sentinel}.js'}]
          Secrets: [{Name: S, ValueFrom: ${quoted(codeLikeStrings[5])}}]
`;

const codeLikeJson = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Metadata: Object.fromEntries(codeLikeStrings.map((text, i) => [`s${i}`, text])),
  Resources: {
    prototype: { Type: 'AWS::IAM::Role', Properties: { RoleName: codeLikeStrings[4], AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
    Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { TaskRoleArn: { 'Fn::GetAtt': ['prototype', 'Arn'] }, ContainerDefinitions: [{ Name: 'a', Image: { 'Fn::Sub': codeLikeStrings[1] } }] } },
  },
}).replace('{"AWSTemplateFormatVersion"', '{"__proto__": {"polluted": true, "Resources": {}}, "constructor": {"prototype": {"polluted": true}}, "AWSTemplateFormatVersion"');

const codeLikeTaskDefinition = `{"__proto__": {"polluted": true}, "family": ${JSON.stringify(codeLikeStrings[3])}, "executionRoleArn": ${JSON.stringify(codeLikeStrings[1])}, "containerDefinitions": [{"name": "a", "image": ${JSON.stringify(codeLikeStrings[8])}, "secrets": [{"name": "S", "valueFrom": ${JSON.stringify(codeLikeStrings[5])}}], "__proto__": {"polluted": true}}]}`;

const codeLikeFiles: InputFile[] = [
  { path: 'code-like.yaml', text: codeLikeTemplate },
  { path: 'code-like.template.json', text: codeLikeJson },
  { path: 'code-like-task.json', text: codeLikeTaskDefinition },
];

test('linting and rendering code-like content executes nothing, pollutes no prototype and touches no network, file or variable', () => {
  const before = objectPrototypeSnapshot();
  let result: LintResult | undefined;
  let output = '';
  const violations = withTraps(() => {
    result = lint(codeLikeFiles, defaultLintConfig());
    output = renderAll(result);
  }, yamlLibraryDebugVariables);
  assert.deepEqual(violations, []);
  assert.equal((globalThis as Record<string, unknown>)[sentinel], undefined);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  assert.equal(objectPrototypeSnapshot(), before);
  assert.equal(process.exitCode, undefined);

  // The content was analysed, not skipped: the template parsed, its role was linted under its odd name, and
  // its strings are shown as text.
  assert.deepEqual(result!.parsed.map((file) => [file.source.path, file.kind, file.error?.message]), [
    ['code-like.yaml', 'cfn-template', undefined],
    ['code-like.template.json', 'cfn-template', undefined],
    ['code-like-task.json', 'task-definition', undefined],
  ]);
  assert.ok(result!.findings.some((finding) => finding.ruleId === 'ecs-tasks-trust' && finding.path === 'code-like.yaml'), 'the __proto__ role was linted');
  assert.ok(result!.findings.some((finding) => finding.ruleId === 'ecs-tasks-trust' && finding.path === 'code-like.template.json'), 'the prototype role was linted');
  assert.ok(output.includes(`globalThis.${sentinel}`), 'code-like strings appear as text in the output');
});

test('keys named __proto__, constructor or prototype stay data in the parsed tree', () => {
  const { parsed } = lint(codeLikeFiles, defaultLintConfig());
  const keysOf = (node: unknown): string[] => ((node as { entries?: { key: string }[] }).entries ?? []).map((entry) => entry.key);
  const yamlRoot = parsed[0].root!;
  const metadata = (yamlRoot as { entries: { key: string; value: unknown }[] }).entries.find((entry) => entry.key === 'Metadata')!.value;
  assert.ok(keysOf(metadata).includes('__proto__') && keysOf(metadata).includes('constructor') && keysOf(metadata).includes('prototype'));
  assert.deepEqual(keysOf(parsed[1].root).slice(0, 2), ['__proto__', 'constructor']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a config file with __proto__ keys pollutes nothing and is rejected by key and line', () => {
  const before = objectPrototypeSnapshot();
  const result = parseConfigFile('rules:\n  __proto__: {polluted: off}\nlimits:\n  __proto__: 5\nexternal-roles:\n  - __proto__: {polluted: true}\n', '.github/ecs-iam-lint.yml', ruleMetas.map((meta) => meta.id));
  assert.ok('error' in result);
  assert.match(result.error, /:2: rules: unknown rule id "__proto__"/);
  assert.match(result.error, /:4: limits: unknown key "__proto__"/);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(objectPrototypeSnapshot(), before);
});

test('logical ids that are Object.prototype member names resolve like any other name', () => {
  const template = (name: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ${name}P: {Type: String, Default: arn:aws:iam::123456789012:role/from-parameter}
Mappings:
  ${name}: {${name}: {${name}: arn:aws:iam::123456789012:role/from-mapping}}
Conditions:
  ${name}: !Equals [a, a]
Resources:
  ${name}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: 'sts:AssumeRole'}]
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !If [${name}, !GetAtt ${name}.Arn, !Ref AWS::NoValue]
      ExecutionRoleArn: !FindInMap [${name}, ${name}, ${name}]
      ContainerDefinitions: [{Name: a, Image: nginx, Secrets: [{Name: s, ValueFrom: !Ref ${name}P}]}]
`;
  const summary = (name: string) =>
    lint([{ path: 't.yaml', text: template(name) }], defaultLintConfig())
      .findings.map((finding) => `${finding.ruleId} ${finding.messageId.split(name).join('<name>')} ${finding.nodePath.join('.').split(name).join('<name>')}`)
      .sort();
  const expected = summary('PlainName');
  assert.ok(expected.some((line) => line.startsWith('ecs-tasks-trust')), expected.join('\n'));
  for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__']) {
    assert.deepEqual(summary(name), expected, name);
  }
});

// Environment --------------------------------------------------------------------------------------

test('no output of any format includes the value of an environment variable the content names', async (t) => {
  const secret = `s3cr3t-${randomBytes(12).toString('hex')}`;
  const names = ['ECS_IAM_LINT_HARDENING_SECRET', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'INPUT_GITHUB-TOKEN'];
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) process.env[name] = secret;
  t.after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const references = names.flatMap((name) => [`\${${name}}`, `$${name}`, `%${name}%`, `{{resolve:secretsmanager:${name}}}`, `$env:${name}`, `\${env:${name}}`, `\${{ secrets.${name} }}`, `\${{ env.${name} }}`]);
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Token: {Type: String, Default: ${quoted(references[0])}}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${quoted(references.slice(0, 8).join('-'))}
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: 'sts:AssumeRole'}]
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [${references.map((reference) => quoted(`s3:${reference}`)).join(', ')}], Resource: !Sub 'arn:aws:s3:::\${Token}/\${${names[0]}}'}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt Role.Arn
      ExecutionRoleArn: !Sub 'arn:aws:iam::123456789012:role/\${${names[1]}}'
      ContainerDefinitions:
        - Name: app
          Image: !Sub '\${${names[2]}}.dkr.ecr.us-east-1.amazonaws.com/app:1'
          Environment: [{Name: TOKEN, Value: !Ref Token}]
          Secrets: [{Name: T, ValueFrom: ${quoted(references[3])}}]
          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: ${quoted(references[8])}, awslogs-create-group: 'true'}}
`;
  const taskDefinition = JSON.stringify({ family: references[1], executionRoleArn: `arn:aws:iam::123456789012:role/${references[9]}`, containerDefinitions: [{ name: references[16], image: references[17], secrets: [{ name: 'S', valueFrom: references[18] }] }] });
  const files = [{ path: 'env.yaml', text: template }, { path: 'env-task.json', text: taskDefinition }];

  let output = '';
  const violations = withTraps(() => {
    const result = lint(files, defaultLintConfig());
    assert.ok(result.findings.length >= 3, result.findings.map((finding) => finding.message).join('\n'));
    output = renderAll(result);
  }, yamlLibraryDebugVariables);
  assert.deepEqual(violations, [], 'core and render read no environment variable');
  assert.ok(output.includes(names[0]), 'the references themselves are quoted in the output');
  assert.ok(!output.includes(secret), 'the secret value appears in no output');

  const root = await tempDirectory(t, 'env');
  for (const file of files) await writeFile(join(root, file.path), file.text);
  for (const format of ['text', 'json', 'sarif', 'github']) {
    let cliOutput = '';
    await runCli(['--format', format, '--fail-on', 'never'], { cwd: root, stdout: (text) => (cliOutput += text), stderr: (text) => (cliOutput += text), isTTY: false, env: process.env });
    assert.ok(cliOutput.includes(names[0]), `${format}: the references are quoted`);
    assert.ok(!cliOutput.includes(secret), `${format}: the secret value appears nowhere`);
  }
});

// Network ------------------------------------------------------------------------------------------

test('linting every fixture, with URLs, includes and nested stacks in them, never opens a socket or resolves a name', () => {
  const urls = `AWSTemplateFormatVersion: '2010-09-09'
Transform: [AWS::Serverless-2016-10-31, {Name: 'AWS::Include', Parameters: {Location: 'https://example.com/include.yaml'}}]
Resources:
  Nested:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: 'https://s3.amazonaws.com/bucket/nested.yaml'}
  Included:
    Fn::Transform: {Name: AWS::Include, Parameters: {Location: 's3://bucket/roles.yaml'}}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: 'sts:AssumeRole'}]}
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'https://iam.amazonaws.com/policy']
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt Role.Arn
      ContainerDefinitions:
        - {Name: a, Image: 'registry.example.com:5000/app:1', EnvironmentFiles: [{Type: s3, Value: 'arn:aws:s3:::bucket/app.env'}], FirelensConfiguration: {Type: fluentbit, Options: {config-file-type: s3, config-file-value: 'arn:aws:s3:::bucket/fluent.conf'}}}
        - {Name: b, Image: 'http://127.0.0.1:9/x', RepositoryCredentials: {CredentialsParameter: 'https://example.com/creds'}}
`;
  const files: InputFile[] = [...loadFixtures().map((fixture) => ({ path: fixture.path, text: fixture.text })), { path: 'urls.yaml', text: urls }];
  let findings: Finding[] = [];
  const violations = withTraps(() => {
    const result = lint(files, defaultLintConfig());
    findings = result.findings;
    renderAll(result);
  }, yamlLibraryDebugVariables);
  assert.deepEqual(violations, []);
  assert.ok(findings.some((finding) => finding.path === 'urls.yaml'), 'the URL template was linted');
});

test('the network trap itself catches a connection attempt', () => {
  const violations = withTraps(() => {
    assert.throws(() => require('node:net').connect(9, '127.0.0.1'));
    assert.throws(() => require('node:dns').lookup('example.com', () => undefined));
  });
  assert.deepEqual(violations.map((violation) => violation.what), ['network', 'network']);
});

// Reading outside the root -------------------------------------------------------------------------

test('symlinks that lead outside the root are skipped with a notice and never read', async (t) => {
  const marker = `outside-${randomBytes(8).toString('hex')}`;
  const outsideTemplate = `AWSTemplateFormatVersion: '2010-09-09'\nDescription: ${marker}\nResources: {}\n`;
  const outside = await tempDirectory(t, 'outside');
  await writeFile(join(outside, 'secret.yaml'), outsideTemplate);
  await mkdir(join(outside, 'dir.yaml'));
  await writeFile(join(outside, 'dir.yaml', 'inner.yaml'), outsideTemplate);

  const root = await tempDirectory(t, 'root');
  const inside = "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n";
  await writeFile(join(root, 'real.yaml'), inside);
  await mkdir(join(root, 'sub'));
  await symlink(join(outside, 'secret.yaml'), join(root, 'absolute.yaml'));
  const outsideName = outside.split('/').pop()!;
  await symlink(join('..', '..', outsideName, 'secret.yaml'), join(root, 'sub', 'relative.yaml'));
  await symlink(join('..', outsideName, 'secret.yaml'), join(root, 'relative.yaml'));
  await symlink('absolute.yaml', join(root, 'chain.yaml'));
  await symlink(join(outside, 'dir.yaml'), join(root, 'dir.yaml'));
  await symlink(outside, join(root, 'linked-dir'));
  await symlink('/etc/passwd', join(root, 'passwd.yaml'));
  await symlink('real.yaml', join(root, 'alias.yaml'));
  await symlink(join(root, 'missing.yaml'), join(root, 'dangling.yaml'));

  const { files, notices } = await readLintFiles(root, ['.'], defaultLintConfig());
  assert.deepEqual(files.map((file) => file.path), ['real.yaml']);
  assert.ok(files.every((file) => !file.text.includes(marker) && !file.text.includes('root:x:0')));
  for (const path of ['absolute.yaml', 'relative.yaml', 'sub/relative.yaml', 'chain.yaml', 'dir.yaml', 'passwd.yaml']) {
    assert.ok(notices.some((notice) => notice.startsWith(`skipped ${path}: it resolves to `) && notice.includes('outside')), `${path}: ${notices.join('\n')}`);
  }
  assert.ok(notices.some((notice) => notice.startsWith('skipped dangling.yaml')), notices.join('\n'));
  assert.ok(!notices.some((notice) => notice.includes('alias.yaml')), 'a symlink inside the root is not a problem');

  // Named on the command line: still skipped with a notice, or refused when the path itself is outside.
  const named = await readLintFiles(root, ['absolute.yaml', 'linked-dir', 'linked-dir/secret.yaml'], defaultLintConfig());
  assert.deepEqual(named.files, []);
  assert.equal(named.notices.length, 3, named.notices.join('\n'));
  await assert.rejects(readLintFiles(root, [join('..', outsideName, 'secret.yaml')], defaultLintConfig()), PathArgumentError);
  await assert.rejects(readLintFiles(root, ['/etc/passwd'], defaultLintConfig()), PathArgumentError);

  // The CLI prints the notices and lints the rest.
  let stdout = '';
  let stderr = '';
  const status = await runCli(['--format', 'json'], { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTTY: false });
  assert.equal(status, 0, stderr);
  assert.match(stderr, /skipped absolute\.yaml: it resolves to .*outside/);
  assert.ok(!stdout.includes(marker) && !stderr.includes(marker));
});

// Markdown, HTML, fences, workflow commands and terminals --------------------------------------------

const injection = '@org/team @octocat <details><summary>x</summary></details> </details> [link](http://x) ![img](http://x/i.png) <img src=x onerror=alert(1)> `code` ``` | cell | <!-- c --> *em* _u_ ~~s~~ $x$ &amp; &lt;b&gt; [ref]: http://x';

/** Markdown after removing what escapeMarkdown adds on purpose (`<br>`, entities, backslash escapes). */
function checkInert(markdown: string, where: string): void {
  const withoutBreaks = markdown.replace(/<br>/g, ' ');
  assert.ok(!/[<>]/.test(withoutBreaks), `${where}: raw < or > in ${JSON.stringify(markdown)}`);
  assert.ok(!/@(?!\u200d)/.test(markdown), `${where}: a live mention in ${JSON.stringify(markdown)}`);
  assert.ok(!/(^|[^\\])[`*_~$[\]|]/.test(markdown.replace(/\\\\/g, '')), `${where}: unescaped markdown punctuation in ${JSON.stringify(markdown)}`);
  assert.ok(!/[\r\n]/.test(markdown), `${where}: a line break`);
  assert.ok(!/&(?!amp;|lt;|gt;)/.test(markdown), `${where}: an entity that would decode`);
}

test('escapeMarkdown leaves no mention, link, image, HTML, code span, table cell, entity or line break live', () => {
  for (const text of [injection, ...injection.split(' '), 'a\nb\r\nc', 'role@example.com', '@', '@@x', '\\@x', '\\`', '\\\\`x`']) {
    checkInert(escapeMarkdown(text), JSON.stringify(text));
  }
});

test('escapeMarkdown leaves no bare URL for GitHub to autolink', () => {
  for (const text of ['see https://evil.example/login', 'www.evil.example', 'http://x.y', 'HTTPS://EVIL.EXAMPLE']) {
    const escaped = escapeMarkdown(text);
    assert.ok(!/https?:\/\/|www\./i.test(escaped), `${text} -> ${escaped}`);
  }
});

/** A YAML double-quoted scalar with every character outside printable ASCII escaped, so the file itself stays valid YAML. */
function yamlDoubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A template whose role name, quoted in the ecs-tasks-trust message, carries `name`; the trust line carries backticks for the suggestion. */
function injectionTemplate(name: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${yamlDoubleQuoted(name)}
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs.amazonaws.com # \`\`\`\` ~~~ \`\`\`suggestion
            Action: sts:AssumeRole
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt Role.Arn
      ContainerDefinitions: [{Name: a, Image: nginx}]
`;
}

test('the markdown summary keeps template text inside its table cell, with no mention, link or HTML', () => {
  const path = 'infra/@org|team <b>`x`.yaml';
  const result = lint([{ path, text: injectionTemplate(injection) }], defaultLintConfig());
  const trust = result.findings.find((finding) => finding.ruleId === 'ecs-tasks-trust');
  assert.ok(trust && trust.message.includes('</details>'), 'the message quotes the role name');
  const summary = renderMarkdownSummary(result.findings, result.files);
  const rows = summary.split('\n').filter((line) => line.startsWith('| '));
  assert.equal(rows.length, 2 + result.findings.length, summary);
  for (const row of rows.slice(2)) {
    const cells = row.replace(/\\\\/g, '').split(/(?<!\\)\|/);
    assert.equal(cells.length, 6, `row splits into ${cells.length - 2} cells: ${row}`);
    const [, severity, rule, location, message] = cells.map((cell) => cell.trim());
    assert.match(severity, /^(error|warning|notice)$/);
    assert.match(rule, new RegExp(`^\\[[a-z0-9\\\\-]+\\]\\(${projectUrl.replace(/[.]/g, '\\.')}/blob/main/docs/rules/[a-z0-9-]+\\.md\\)$`));
    checkInert(location, 'location cell');
    checkInert(message, 'message cell');
  }
  assert.ok(!summary.includes('</details>'));
});

test('review comments escape the message and fence suggestions longer than any backtick run in them', () => {
  const result = lint([{ path: 'infra/app.yaml', text: injectionTemplate(injection) }], defaultLintConfig());
  const hunks = new Map([['infra/app.yaml', [{ startLine: 1, endLine: 100 }]]]);
  const plan = planReview(result.findings, result.files, hunks);
  const inline = plan.inline.find((comment) => comment.finding.ruleId === 'ecs-tasks-trust');
  assert.ok(inline, 'the trust finding is commented inline');
  const bodies = [inline.comment.body, renderBodyEntry(inline.finding, result.files)];
  for (const body of bodies) {
    const lines = body.split('\n');
    // The message paragraph, as escapeMarkdown wrote it.
    checkInert(lines[2], 'message paragraph');
    assert.ok(!body.includes('</details>') && !/@(?!\u200d)/.test(body.replace(/```[\s\S]*$/, '')));
    // CommonMark: a fence closes at the first line of at least as many backticks and nothing else.
    const openIndex = lines.findIndex((line) => /^`{3,}(suggestion|diff)$/.test(line));
    assert.ok(openIndex > 0, body);
    const fence = /^`+/.exec(lines[openIndex])![0];
    const closeIndex = lines.findIndex((line, index) => index > openIndex && new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(line));
    const content = lines.slice(openIndex + 1, closeIndex).join('\n');
    assert.ok(content.includes('````'), `the fenced content keeps the backticks: ${content}`);
    assert.ok(fence.length > 4, `fence ${fence} is longer than the run of 4 inside`);
    assert.match(lines.slice(closeIndex + 1).join('\n'), /^\s*<!-- ecs-iam-lint/, 'after the fence comes only the hidden marker');
  }
});

test('workflow commands keep a message with line breaks and :: on its own line', () => {
  const name = 'role%0A\n::error file=x.yaml::injected\r\n::add-mask::x\n::stop-commands::token';
  const result = lint([{ path: 'app.yaml', text: injectionTemplate(name) }], defaultLintConfig());
  const output = renderWorkflowCommands(result.findings, result.files);
  const lines = output.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, result.findings.length);
  for (const line of lines) assert.match(line, /^::(error|warning|notice) file=app\.yaml,line=\d+[^:]*::[^\r\n]*$/);
  assert.ok(output.includes('role%250A%0A::error'), output);
});

test('the terminal report shows control and bidirectional characters from content as escapes', () => {
  const name = 'role\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007\u001b[2J\u001b[31m\u202eevil\u202c\u2066x\u2069\u0000\u0008\u009b1m';
  const result = lint([{ path: 'app\u001b[2J.yaml', text: injectionTemplate(name) }], defaultLintConfig());
  assert.ok(result.findings.some((finding) => finding.message.includes('\u001b]8;;')), 'the message quotes the raw name');
  const plain = renderText(result.findings, result.files, { color: false });
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(plain), JSON.stringify(plain));
  const colored = renderText(result.findings, result.files, { color: true });
  assert.ok(!/\u001b(?!\[\d+m)/.test(colored), 'the only escapes are the report\'s own colors');
  assert.ok(!/[\u202a-\u202e\u2066-\u2069\u009b]/.test(colored));
});
