// The CLI bundle end to end: dist/cli.js finds dist/include-sandbox.js next to itself, expands cfn-include
// templates, reports refusals as findings, and `--fix` never writes an expanded template back.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesRoot, makeRepository, repoRoot } from './sandbox-for-tests.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const secret = `cli-secret-${process.pid}`;

interface JsonReport {
  findings: { ruleId: string; path: string; startLine: number; message: string }[];
}

function runCli(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd, timeout: 30_000, env: { ...process.env, ECS_IAM_LINT_SECRET_TEST: secret } },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function serviceRepository(): Promise<string> {
  const { root } = await makeRepository({
    'attack.yaml': 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Description: !GetEnv ECS_IAM_LINT_SECRET_TEST\n',
  });
  await cp(join(fixturesRoot, 'service'), root, { recursive: true });
  return root;
}

test('the CLI lints expanded templates at their include sites and reports a refused Fn::GetEnv without its value', async () => {
  const root = await serviceRepository();
  const run = await runCli(root, ['--format', 'json']);
  assert.equal(run.status, 1, run.stderr);
  assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret));
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(
    report.findings.map((f) => [f.path, f.startLine, f.ruleId]),
    [
      ['attack.yaml', 6, 'parse-error'],
      ['template.yaml', 13, 'ecs-tasks-trust'],
      ['template.yaml', 29, 'secrets-permissions'],
    ],
  );
  assert.match(report.findings[0].message, /Fn::GetEnv of ECS_IAM_LINT_SECRET_TEST was refused/);
});

test('--fix leaves an expanded template as written on disk and still reports its findings after fixing another file', async () => {
  const root = await serviceRepository();
  // A plain template with fixable findings, so that --fix writes and lints a second round.
  await cp(join(repoRoot, 'examples', 'fargate-service', 'broken.yaml'), join(root, 'plain.yaml'));
  const before = await readFile(join(root, 'template.yaml'), 'utf8');
  const plainBefore = await readFile(join(root, 'plain.yaml'), 'utf8');
  const run = await runCli(root, ['--fix', '--format', 'json']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /applied [1-9]\d* fix(es)? to 1 file/);
  assert.notEqual(await readFile(join(root, 'plain.yaml'), 'utf8'), plainBefore);
  assert.equal(await readFile(join(root, 'template.yaml'), 'utf8'), before);
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(
    report.findings.filter((f) => f.path === 'template.yaml').map((f) => [f.startLine, f.ruleId]),
    [
      [13, 'ecs-tasks-trust'],
      [29, 'secrets-permissions'],
    ],
  );
});
