import assert from 'node:assert/strict';
import { readFile, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import packageJson from '../../package.json' with { type: 'json' };
import { makeTempTree } from './temp-tree.js';

/** Runs the CLI in `cwd`, capturing its streams. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

// JSON and YAML that is neither a template nor a task definition: linted, ignored, no findings.
const quietFiles = { 'settings.json': '{"a": 1}\n', 'infra/values.yaml': 'replicas: 2\n' };

test('exits 2 with a message on an unknown option', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stdout, stderr } = await run(root, '--bogus');
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /^ecs-iam-lint: Unknown option '--bogus'/);
  assert.match(stderr, /--help/);
});

test('exits 2 on a bad --format or --fail-on value, or a missing value', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const format = await run(root, '--format', 'xml');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of text, json, sarif, github, not "xml"/);
  const failOn = await run(root, '--fail-on', 'always');
  assert.equal(failOn.code, 2);
  assert.match(failOn.stderr, /--fail-on must be one of error, warning, notice, never/);
  assert.equal((await run(root, '--output')).code, 2);
});

test('prints usage for --help and the package version for --version', async (t) => {
  const root = await makeTempTree(t, {});
  const help = await run(root, '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: ecs-iam-lint \[paths\.\.\.\]/);
  assert.match(help.stdout, /--format text\|json\|sarif\|github/);
  assert.deepEqual(await run(root, '--version'), { code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
});

test('exits 0 and says so when nothing is found', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  assert.deepEqual(await run(root), { code: 0, stdout: 'no findings\n', stderr: '' });
});

test('stops with exit 2 on an invalid config file, naming the key and line', async (t) => {
  const root = await makeTempTree(t, { ...quietFiles, '.github/ecs-iam-lint.yml': 'fail-on: error\n\nfial-on: warning\n' });
  const { code, stdout, stderr } = await run(root);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /\.github\/ecs-iam-lint\.yml:3: unknown key "fial-on"/);
});

test('names an unknown rule id in the config with its line', async (t) => {
  const root = await makeTempTree(t, { ...quietFiles, '.ecs-iam-lint.yml': 'rules:\n  no-such-rule: off\n' });
  const { code, stderr } = await run(root);
  assert.equal(code, 2);
  assert.match(stderr, /\.ecs-iam-lint\.yml:2: rules: unknown rule id "no-such-rule"/);
});

test('prefers --config, then .github/ecs-iam-lint.yml, then .ecs-iam-lint.yml', async (t) => {
  const root = await makeTempTree(t, {
    ...quietFiles,
    '.github/ecs-iam-lint.yml': 'fail-on: never\n',
    '.ecs-iam-lint.yml': 'bad-key: 1\n',
    'custom.yml': 'also-bad: 1\n',
  });
  assert.equal((await run(root)).code, 0);
  const custom = await run(root, '--config', 'custom.yml');
  assert.equal(custom.code, 2);
  assert.match(custom.stderr, /custom\.yml:1: unknown key "also-bad"/);
});

test('exits 2 when the file given to --config cannot be read', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stderr } = await run(root, '--config', 'missing.yml');
  assert.equal(code, 2);
  assert.match(stderr, /cannot read config file missing\.yml: no such file/);
});

test('prints a JSON report that parses', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stdout } = await run(root, '--format', 'json');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), { findings: [] });
});

test('prints a SARIF log that lists the rules', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stdout } = await run(root, '.', '--format', 'sarif');
  assert.equal(code, 0);
  const log = JSON.parse(stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs[0].tool.driver.name, 'ecs-iam-lint');
  assert.equal(log.runs[0].tool.driver.version, packageJson.version);
  assert.ok(Array.isArray(log.runs[0].tool.driver.rules));
  assert.deepEqual(log.runs[0].results, []);
});

test('writes the report to --output instead of stdout, creating its directory', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stdout } = await run(root, '--format', 'sarif', '--output', 'reports/ecs-iam-lint.sarif');
  assert.equal(code, 0);
  assert.equal(stdout, '');
  const log = JSON.parse(await readFile(join(root, 'reports/ecs-iam-lint.sarif'), 'utf8'));
  assert.equal(log.runs[0].tool.driver.name, 'ecs-iam-lint');
});

test('lints a directory outside the working directory when named, showing paths relative to it', async (t) => {
  const other = await makeTempTree(t, { 'app.yaml': brokenTemplate });
  const root = await makeTempTree(t, quietFiles);
  const argument = relative(root, other);
  const { code, stdout } = await run(root, argument);
  assert.equal(code, 1);
  assert.ok(stdout.includes(`${argument.split(sep).join('/')}/app.yaml:`), stdout);
});

test('exits 2 for a path that does not exist', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const missing = await run(root, 'nope.yaml');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read nope\.yaml/);
  const missingOutside = await run(root, '../no-such-directory-here');
  assert.equal(missingOutside.code, 2);
});

test('exits 2 for an include glob that expands without bound', async (t) => {
  const root = await makeTempTree(t, { ...quietFiles, '.ecs-iam-lint.yml': `include: ["${'{a,b}'.repeat(11)}"]\n` });
  const { code, stderr } = await run(root);
  assert.equal(code, 2);
  assert.match(stderr, /expands to more than 1024 alternatives/);
});

test('accepts --fix and reports how much it changed', async (t) => {
  const root = await makeTempTree(t, quietFiles);
  const { code, stdout, stderr } = await run(root, '--fix');
  assert.equal(code, 0);
  assert.equal(stdout, 'no findings\n');
  assert.equal(stderr, 'ecs-iam-lint: applied 0 fixes to 0 files\n');
});

// A template that cannot be parsed: a parse-error finding (an error) wherever it is read.
const brokenTemplate = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n";

async function pathsWithFindings(root: string, ...argv: string[]): Promise<string[]> {
  const { stdout } = await run(root, '--format', 'json', ...argv);
  return [...new Set((JSON.parse(stdout).findings as { path: string }[]).map((finding) => finding.path))].sort();
}

test('honours the config include and exclude, and skips node_modules', async (t) => {
  const root = await makeTempTree(t, {
    '.ecs-iam-lint.yml': 'include: ["**/*.yaml", "**/*.cfn"]\nexclude: ["test/fixtures/**"]\n',
    'infra/app.yaml': brokenTemplate,
    'infra/app.cfn': brokenTemplate,
    'infra/app.yml': brokenTemplate,
    'test/fixtures/broken.yaml': brokenTemplate,
    'node_modules/pkg/template.yaml': brokenTemplate,
  });
  assert.deepEqual(await pathsWithFindings(root), ['infra/app.cfn', 'infra/app.yaml']);
  assert.deepEqual(await pathsWithFindings(root, 'test/fixtures/broken.yaml'), ['test/fixtures/broken.yaml']);
});

test('skips a symlink that leads outside the working directory, saying so on stderr', async (t) => {
  const outside = await makeTempTree(t, { 'elsewhere.yaml': brokenTemplate });
  const root = await makeTempTree(t, { 'app.yaml': brokenTemplate });
  await symlink(join(outside, 'elsewhere.yaml'), join(root, 'link.yaml'));
  const { stdout, stderr } = await run(root, '--format', 'json');
  assert.deepEqual([...new Set(JSON.parse(stdout).findings.map((finding: { path: string }) => finding.path))], ['app.yaml']);
  assert.match(stderr, /^ecs-iam-lint: skipped link\.yaml: it resolves to .*elsewhere\.yaml, outside /);
});

test('exits 1 for a finding at or above fail-on, where --fail-on overrides the config', async (t) => {
  const root = await makeTempTree(t, { 'app.yaml': brokenTemplate, '.ecs-iam-lint.yml': 'fail-on: never\n' });
  assert.equal((await run(root)).code, 0);
  assert.equal((await run(root, '--fail-on', 'error')).code, 1);
  assert.equal((await run(root, '--fail-on', 'notice', '--format', 'github')).code, 1);
});
