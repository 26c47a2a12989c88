/**
 * Seeded, bounded fuzzing of the whole analysis: real fixtures mutated the ways pull requests break them,
 * each linted next to untouched witness files and rendered in every format. A small budget runs in the
 * test suite; `npm run bench -- --fuzz` runs the long mode through the same code.
 *
 *   FUZZ_CASES=300       cases to run
 *   FUZZ_SEED=20261129   seed (cases are a pure function of seed and index)
 *   FUZZ_ONLY=123        run only case 123, to reproduce a failure
 *   FUZZ_CASE_MS=2000    bound on each lint call and on each render of its result, per 256 KB of input
 *   FUZZ_HANG_MS=30000   a case still running after this long is killed and reported as a hang
 *   FUZZ_REPORT=path     write the run's figures as JSON (the benchmark reads them)
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultLintConfig } from '../../src/core/config.js';
import { lint, type InputFile } from '../../src/core/lint.js';
import { parseFile } from '../../src/core/parse/parse-file.js';
import { renderText } from '../../src/render/text.js';
import { buildFuzzCase, loadFixtures, mutatorNames, type FuzzCase } from './fuzz-cases.js';
import { loadWitnesses, runFuzzCase } from './fuzz-check.js';
import { buildManyResourcesTemplate, buildManySecretsTemplate, buildOneLineTemplate, hostileInputs } from './fuzz-hostile.js';
import type { RunnerMessage } from './fuzz-runner.js';

const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
};

const seed = envNumber('FUZZ_SEED', 20261129);
const only = process.env.FUZZ_ONLY ? envNumber('FUZZ_ONLY', 0) : undefined;
const caseCount = envNumber('FUZZ_CASES', 300);
const boundMilliseconds = envNumber('FUZZ_CASE_MS', 2000);
const defaultHangMilliseconds = envNumber('FUZZ_HANG_MS', Math.max(30_000, boundMilliseconds * 10));
const reproductionDirectory = join(tmpdir(), 'ecs-iam-lint-fuzz');

interface CaseFailure {
  index: number;
  basePath: string;
  mutations: string[];
  failures: string[];
  reproduction?: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  from: number;
  rejected: number;
  failures: CaseFailure[];
  /** Cases that hit a known issue (fuzz-check.ts knownIssues), by issue id. */
  known: Record<string, number>;
  slowest?: { index: number; milliseconds: number; basePath: string; mutations: string[] };
  wallMilliseconds: number;
  hangs: number;
  crashes: number;
}

interface RunOptions {
  hangMilliseconds: number;
  /** Extra environment for the runner: the harness's own test makes a case hang or crash with it. */
  runnerEnv?: Record<string, string>;
}

/** Runs cases [from, to) in child processes, restarting past any case that hangs or kills its process. */
async function runCases(from: number, to: number, { hangMilliseconds, runnerEnv = {} }: RunOptions = { hangMilliseconds: defaultHangMilliseconds }): Promise<FuzzReport> {
  const fixtures = loadFixtures();
  const report: FuzzReport = { seed, cases: 0, from, rejected: 0, failures: [], known: {}, wallMilliseconds: 0, hangs: 0, crashes: 0 };
  const started = performance.now();
  const recordFailure = (index: number, failures: string[]): void => {
    const fuzzCase = buildFuzzCase(seed, index, fixtures);
    report.failures.push({ index, basePath: fuzzCase.basePath, mutations: fuzzCase.mutations, failures, reproduction: report.failures.length < 50 ? saveReproduction(fuzzCase) : undefined });
  };
  let next = from;
  while (next < to) {
    const { lastIndex, finished, reason } = await new Promise<{ lastIndex: number | undefined; finished: boolean; reason?: string }>((resolve) => {
      const child = fork(fileURLToPath(new URL('./fuzz-runner.ts', import.meta.url)), [], {
        // The heap limit bounds memory the way FUZZ_CASE_MS bounds time, and makes a runaway case fail in seconds, not minutes.
        execArgv: ['--import', 'tsx', '--max-old-space-size=1024'],
        env: { ...process.env, ...runnerEnv, FUZZ_RUNNER_SEED: String(seed), FUZZ_RUNNER_FROM: String(next), FUZZ_RUNNER_TO: String(to), FUZZ_RUNNER_BOUND_MS: String(boundMilliseconds) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let running: number | undefined;
      let runningSince = performance.now();
      let done = false;
      let hung = false;
      const watchdog = setInterval(() => {
        if (running !== undefined && performance.now() - runningSince > hangMilliseconds) {
          hung = true;
          child.kill('SIGKILL');
        }
      }, 250);
      child.on('message', (message: RunnerMessage) => {
        if (message.type === 'start') {
          running = message.index;
          runningSince = performance.now();
        } else if (message.type === 'end') {
          running = undefined;
          next = message.index + 1;
          report.cases++;
          if (message.rejected) report.rejected++;
          const milliseconds = message.lintMilliseconds + message.renderMilliseconds;
          if (!report.slowest || milliseconds > report.slowest.milliseconds) {
            report.slowest = { index: message.index, milliseconds, basePath: message.basePath, mutations: message.mutations };
          }
          if (message.failures.length > 0) recordFailure(message.index, message.failures);
          for (const issue of new Set(message.known.map((known) => known.issue))) report.known[issue] = (report.known[issue] ?? 0) + 1;
        } else done = true;
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        if (done && code === 0) resolve({ lastIndex: undefined, finished: true });
        else resolve({ lastIndex: running, finished: false, reason: hung ? `hung: still running after ${hangMilliseconds} ms` : `the process died (exit code ${code}, signal ${signal})` });
      });
    });
    if (finished) break;
    if (lastIndex === undefined) {
      // Died between cases: a harness problem, not an input's; stop rather than loop.
      report.failures.push({ index: next, basePath: '', mutations: [], failures: [`the fuzz runner stopped outside any case: ${reason}`] });
      break;
    }
    if (reason?.startsWith('hung')) report.hangs++;
    else report.crashes++;
    report.cases++;
    recordFailure(lastIndex, [reason!]);
    next = lastIndex + 1;
  }
  report.wallMilliseconds = performance.now() - started;
  return report;
}

function saveReproduction(fuzzCase: FuzzCase): string {
  mkdirSync(reproductionDirectory, { recursive: true });
  const path = join(reproductionDirectory, `seed-${seed}-case-${fuzzCase.index}-${fuzzCase.path.replace(/[\\/]/g, '_')}`);
  writeFileSync(path, fuzzCase.text);
  return path;
}

function describeFailures(report: FuzzReport): string {
  return report.failures
    .slice(0, 15)
    .map((failure) =>
      `case ${failure.index} (FUZZ_SEED=${seed} FUZZ_ONLY=${failure.index}; ${failure.basePath} + ${failure.mutations.join(', ')}` +
      `${failure.reproduction ? `; input in ${failure.reproduction}` : ''}):\n    ${failure.failures.join('\n    ')}`)
    .join('\n');
}

test(`survives ${only !== undefined ? `case ${only}` : `${caseCount} mutated templates and task definitions`} (seed ${seed})`, async (t) => {
  const report = only !== undefined ? await runCases(only, only + 1) : await runCases(0, caseCount);
  const slowest = report.slowest ? `${report.slowest.milliseconds.toFixed(1)} ms (case ${report.slowest.index}: ${report.slowest.basePath} + ${report.slowest.mutations.join(', ')})` : 'n/a';
  const known = Object.entries(report.known).map(([issue, count]) => `${issue} x${count}`).join(', ') || 'none';
  t.diagnostic(`fuzz: ${report.cases} cases in ${(report.wallMilliseconds / 1000).toFixed(1)} s, ${report.rejected} rejected with parse-error, ${report.failures.length} failing, known issues hit: ${known}, slowest ${slowest}`);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(report, null, 2));
  assert.equal(report.cases, only !== undefined ? 1 : caseCount, 'every case ran');
  assert.equal(report.failures.length, 0, `${report.failures.length} fuzz cases failed:\n${describeFailures(report)}`);
});

test('the harness reports a case that hangs or kills its process, and carries on with the next', async () => {
  const report = await runCases(0, 6, { hangMilliseconds: 1500, runnerEnv: { FUZZ_RUNNER_STALL_AT: '1', FUZZ_RUNNER_ABORT_AT: '3' } });
  assert.equal(report.cases, 6);
  assert.equal(report.hangs, 1);
  assert.equal(report.crashes, 1);
  assert.deepEqual(report.failures.map((failure) => failure.index), [1, 3]);
  assert.match(report.failures[0].failures[0], /^hung: still running after 1500 ms$/);
  assert.match(report.failures[1].failures[0], /^the process died \(exit code null, signal SIGKILL\)$/);
});

test('builds the same case from the same seed and index', () => {
  const fixtures = loadFixtures();
  for (const index of [0, 1, 17, 9999]) assert.deepEqual(buildFuzzCase(seed, index, fixtures), buildFuzzCase(seed, index, fixtures));
  assert.notEqual(buildFuzzCase(seed, 1, fixtures).text, buildFuzzCase(seed + 1, 1, fixtures).text);
});

test('the default budget exercises every mutation on fixtures from every source directory', () => {
  const fixtures = loadFixtures();
  const seen = new Set<string>();
  const bases = new Set<string>();
  for (let index = 0; index < 300; index++) {
    const fuzzCase = buildFuzzCase(seed, index, fixtures);
    for (const mutation of fuzzCase.mutations) seen.add(mutation);
    bases.add(fuzzCase.basePath.split('/').slice(0, fuzzCase.basePath.startsWith('test/') ? 3 : 1).join('/'));
  }
  assert.deepEqual([...seen].sort(), [...mutatorNames].sort());
  assert.deepEqual([...bases].sort(), ['examples', 'test/fixtures/parse', 'test/fixtures/rules']);
});

for (const { name, text, rejectedFor } of hostileInputs) {
  test(`${rejectedFor ? 'rejects' : 'lints'} ${name} within its bound, next to an untouched file that is still linted`, () => {
    const outcome = runFuzzCase({ index: -1, basePath: name, path: `hostile/${name}`, text, mutations: [] }, loadWitnesses(), boundMilliseconds);
    assert.deepEqual(outcome.failures, []);
    assert.deepEqual(outcome.known, []);
    if (rejectedFor) {
      const parsed = parseFile(`hostile/${name}`, text);
      assert.match(parsed.error?.message ?? '(parsed)', new RegExp(rejectedFor));
    } else assert.equal(outcome.rejected, false, `${name} was rejected`);
  });
}

// What the fuzz test found. Fixed ones stay as regression tests; open ones are `todo` with a minimal
// reproduction, and fuzz-check.ts's knownIssues lets the fuzz run count them without failing.

test('an execution role key that is present but empty does not crash the run', () => {
  const roles = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: shared-execution\n      AssumeRolePolicyDocument:\n        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: 'sts:AssumeRole'}]\n      ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']\n";
  const task = (value: string) => `${roles}  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      ExecutionRoleArn: ${value}\n      ContainerDefinitions:\n        - {Name: app, Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1}\n`;
  const inputs: InputFile[][] = [
    [{ path: 'app.yaml', text: task('') }],
    [{ path: 'app.yaml', text: task('~') }],
    [{ path: 'app.yaml', text: task('!Ref AWS::NoValue') }],
    [
      { path: 'roles.yaml', text: roles },
      { path: 'task.json', text: '{"family": "app", "requiresCompatibilities": ["FARGATE"], "executionRoleArn": null, "taskRoleArn": "arn:aws:iam::123456789012:role/app-task", "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"}]}' },
    ],
  ];
  for (const files of inputs) assert.doesNotThrow(() => lint(files, defaultLintConfig()), files.at(-1)!.text);
});

// Found by the fuzz test: the yaml library's range for an error at the end of the input ran one past it (fixed in parse-file.ts).
test('a YAML error at the very end of the input keeps its range inside the file', () => {
  for (const text of ['Resources: [', 'Resources:\n  A: {a: 1', 'AWSTemplateFormatVersion: x\nResources: [1, 2']) {
    const { findings } = lint([{ path: 'a.yaml', text }], defaultLintConfig());
    assert.equal(findings.length, 1);
    assert.ok(findings[0].endOffset <= text.length, `${JSON.stringify(text)}: range ${findings[0].startOffset}-${findings[0].endOffset} past ${text.length}`);
  }
});

// Found by the fuzz test: each patch repeated its changed line whole, so a one-line 23 KB template with 300
// fixes rendered 14 MB and at 3,000 fixes renderText threw RangeError (fixed in unified-diff.ts).
test('renders the patches of a one-line template in space linear in the file', () => {
  const text = buildOneLineTemplate(300);
  const result = lint([{ path: 'minified.json', text }], defaultLintConfig());
  const fixable = result.findings.filter((finding) => finding.fixes.length > 0).length;
  assert.ok(fixable >= 300, `expected a fix per statement, got ${fixable}`);
  const output = renderText(result.findings, result.files, { color: false });
  // Generous: a few KB per finding, or twenty times the input, whichever is more.
  const allowed = Math.max(20 * text.length, 4096 * result.findings.length);
  assert.ok(output.length <= allowed, `renderText wrote ${output.length} characters for a ${text.length}-character file (allowed ${allowed})`);
});

// Found by the fuzz test: every patch split the whole file into lines, so 1,500 fixes on a 260 KB template
// took 2 s to render and 2,000 on 600 KB took 10 s in renderText and 12 s in buildAnnotations (fixed in unified-diff.ts).
test('renders the patches of many fixes in time linear in the file', () => {
  const text = buildOneLineTemplate(1500, 2);
  const lintStart = performance.now();
  const result = lint([{ path: 'pretty.json', text }], defaultLintConfig());
  const lintMilliseconds = performance.now() - lintStart;
  assert.ok(result.findings.filter((finding) => finding.fixes.length > 0).length >= 1500);
  const renderStart = performance.now();
  renderText(result.findings, result.files, { color: false });
  const renderMilliseconds = performance.now() - renderStart;
  assert.ok(renderMilliseconds <= 2 * lintMilliseconds + 500, `renderText took ${Math.round(renderMilliseconds)} ms after a ${Math.round(lintMilliseconds)} ms lint`);
});

test('gives each finding a fix whose size does not grow with the number of findings', () => {
  const text = buildManySecretsTemplate(300);
  const result = lint([{ path: 'secrets.yaml', text }], defaultLintConfig());
  assert.equal(result.findings.length, 300);
  const output = renderText(result.findings, result.files, { color: false });
  const allowed = Math.max(20 * text.length, 4096 * result.findings.length);
  assert.ok(output.length <= allowed, `renderText wrote ${output.length} characters for a ${text.length}-character file (allowed ${allowed})`);
});

// Found by the hostile inputs: per-fix and per-finding scans of Resources made 12,000 role/task-definition pairs
// (4.7 MB, under every limit) take 20 s to lint against 2 s to parse (fixed in document-edits.ts and lint.ts).
// HARDENING_SLOW=1 runs it at that size; the suite runs a quarter of it.
const manyPairs = process.env.HARDENING_SLOW === '1' ? 12_000 : 3_000;

test(`analysis time stays proportional to parse time with ${manyPairs} resource pairs, one fixable finding each`, () => {
  const text = buildManyResourcesTemplate(manyPairs);
  const parseStart = performance.now();
  parseFile('many.yaml', text);
  const parseMilliseconds = performance.now() - parseStart;
  const lintStart = performance.now();
  const { findings } = lint([{ path: 'many.yaml', text }], defaultLintConfig());
  const lintMilliseconds = performance.now() - lintStart;
  assert.equal(findings.length, manyPairs);
  // The benchmark's target is analysis/parse <= 1.5 on real repositories; 4 leaves room for a finding and a fix per resource pair.
  assert.ok(lintMilliseconds < 4 * parseMilliseconds, `lint took ${Math.round(lintMilliseconds)} ms, parsing alone ${Math.round(parseMilliseconds)} ms`);
});
