import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../src/core/lint.js';
import { PathArgumentError, readLintFiles } from '../../src/workspace/discover-files.js';
import { defaultLintConfig, type LintConfig } from '../../src/core/config.js';
import { makeTempTree } from '../cli/temp-tree.js';

function configWith(overrides: Partial<LintConfig>): LintConfig {
  return { ...defaultLintConfig(), ...overrides };
}

async function pathsRead(root: string, paths: string[], config = defaultLintConfig()): Promise<string[]> {
  return (await readLintFiles(root, paths, config)).files.map((file) => file.path);
}

test('walks directories for YAML, JSON and .template files, with root-relative forward-slash paths, sorted', async (t) => {
  const root = await makeTempTree(t, {
    'b.yaml': 'b: 1\n',
    'infra/app.template': '{}',
    'infra/deep/task.json': '{}',
    'infra/deep/notes.txt': 'x',
    'a.yml': 'a: 1\n',
  });
  assert.deepEqual(await pathsRead(root, []), ['a.yml', 'b.yaml', 'infra/app.template', 'infra/deep/task.json']);
  assert.deepEqual(await pathsRead(root, ['infra']), ['infra/app.template', 'infra/deep/task.json']);
  const [file] = (await readLintFiles(root, ['a.yml'], defaultLintConfig())).files;
  assert.deepEqual(file, { path: 'a.yml', text: 'a: 1\n' });
});

test('honours include and exclude globs, pruning excluded directories', async (t) => {
  const root = await makeTempTree(t, {
    'infra/app.yaml': '',
    'infra/app.cfn': '',
    'test/fixtures/bad.yaml': '',
    'test/ok.yaml': '',
  });
  const config = configWith({ include: ['**/*.yaml', '**/*.cfn'], exclude: ['test/fixtures/**'] });
  assert.deepEqual(await pathsRead(root, ['.'], config), ['infra/app.cfn', 'infra/app.yaml', 'test/ok.yaml']);
  assert.deepEqual(await pathsRead(root, ['.'], configWith({ include: ['infra/*'] })), ['infra/app.cfn', 'infra/app.yaml']);
});

test('always reads a file named explicitly, whatever include and exclude say', async (t) => {
  const root = await makeTempTree(t, { 'test/fixtures/bad.yaml': '', 'stack.cfn': '' });
  const config = configWith({ exclude: ['test/fixtures/**'] });
  assert.deepEqual(await pathsRead(root, ['test/fixtures/bad.yaml', 'stack.cfn'], config), ['stack.cfn', 'test/fixtures/bad.yaml']);
});

test('skips node_modules, .git and cdk.out unless named', async (t) => {
  const root = await makeTempTree(t, {
    'node_modules/pkg/template.yaml': '',
    '.git/config.yml': '',
    'cdk.out/Stack.template.json': '',
    'app.yaml': '',
  });
  assert.deepEqual(await pathsRead(root, []), ['app.yaml']);
  assert.deepEqual(await pathsRead(root, ['cdk.out']), ['cdk.out/Stack.template.json']);
  assert.deepEqual(await pathsRead(root, ['node_modules/pkg']), ['node_modules/pkg/template.yaml']);
});

test('skips symlinks that lead outside the root, with a notice', async (t) => {
  const outside = await makeTempTree(t, { 'secret.yaml': 'password: x\n', 'dir/other.yaml': '' });
  const root = await makeTempTree(t, { 'app.yaml': '' });
  await symlink(join(outside, 'secret.yaml'), join(root, 'leak.yaml'));
  await symlink(join(outside, 'dir'), join(root, 'linkdir'));
  const result = await readLintFiles(root, ['.'], defaultLintConfig());
  assert.deepEqual(result.files.map((file) => file.path), ['app.yaml']);
  assert.equal(result.notices.length, 1);
  assert.match(result.notices[0], /^skipped leak\.yaml: it resolves to .*secret\.yaml, outside /);

  const named = await readLintFiles(root, ['leak.yaml', 'linkdir/other.yaml'], defaultLintConfig());
  assert.deepEqual(named.files, []);
  assert.equal(named.notices.length, 2);
});

test('reads a file reached through a symlink too once, under its own path', async (t) => {
  const root = await makeTempTree(t, { 'real/app.yaml': 'a: 1\n' });
  await symlink(join(root, 'real/app.yaml'), join(root, 'alias.yaml'));
  await symlink(join(root, 'real'), join(root, 'aliasdir'));
  const result = await readLintFiles(root, ['.', 'real/app.yaml'], defaultLintConfig());
  assert.deepEqual(result.files.map((file) => file.path), ['real/app.yaml']);
  assert.deepEqual(await pathsRead(root, ['alias.yaml']), ['alias.yaml']);
  assert.deepEqual(result.notices, []);
});

test('refuses a path outside the root and a path that does not exist', async (t) => {
  const root = await makeTempTree(t, { 'app.yaml': '' });
  await assert.rejects(readLintFiles(root, ['../elsewhere'], defaultLintConfig()), (error: Error) => {
    assert.ok(error instanceof PathArgumentError);
    assert.match(error.message, /^\.\.\/elsewhere is outside the working directory /);
    return true;
  });
  await assert.rejects(readLintFiles(root, ['/etc/passwd'], defaultLintConfig()), PathArgumentError);
  await assert.rejects(readLintFiles(root, ['missing.yaml'], defaultLintConfig()), /cannot read missing\.yaml: no such file or directory/);
});

test('stops adding files past max-total-bytes with a notice, and reads only the head of files over max-file-bytes', async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'x'.repeat(40), 'b.yaml': 'x'.repeat(40), 'c.yaml': 'x'.repeat(40), 'big.yaml': 'x'.repeat(500) });
  const config = defaultLintConfig();
  config.limits.maxTotalBytes = 100;
  config.limits.maxFileBytes = 200;
  const result = await readLintFiles(root, [], config);
  assert.deepEqual(result.files.map((file) => [file.path, file.sizeBytes]), [['a.yaml', undefined], ['b.yaml', undefined], ['big.yaml', 500]]);
  assert.deepEqual(result.notices, ['stopped reading at c.yaml: the files so far total 80 bytes and max-total-bytes is 100; 1 file was not linted']);
});

test('reports a template over max-file-bytes as a parse error with its size', async (t) => {
  const big = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + '  # padding\n'.repeat(200);
  const root = await makeTempTree(t, { 'big.yaml': big, '.ecs-iam-lint.yml': 'limits:\n  max-file-bytes: 1000\n' });
  const config = defaultLintConfig();
  config.limits.maxFileBytes = 1000;
  const files = (await readLintFiles(root, [], config)).files;
  const result = lint(files, config);
  assert.deepEqual(
    result.findings.map((f) => [f.ruleId, f.path, f.message]),
    [['parse-error', 'big.yaml', 'Cannot parse template: file is 2 KB, over the 1000 bytes limit.']],
  );
});

test('leaves out binary files found by walking', async (t) => {
  const root = await makeTempTree(t, { 'ok.json': '{}' });
  await writeFile(join(root, 'blob.json'), Buffer.from([0x7b, 0x00, 0x7d]));
  assert.deepEqual(await pathsRead(root, []), ['ok.json']);
});

test('reads many files with bounded concurrency and keeps their order', async (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) files[`d${i % 7}/f${String(i).padStart(3, '0')}.yaml`] = `n: ${i}\n`;
  const root = await makeTempTree(t, files);
  await mkdir(join(root, 'empty'));
  const result = await readLintFiles(root, [], defaultLintConfig());
  assert.equal(result.files.length, 100);
  assert.deepEqual(result.files.map((file) => file.path), Object.keys(files).sort());
  assert.ok(result.files.every((file) => file.text === files[file.path]));
});
