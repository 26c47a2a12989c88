// A load run of the App on loopback: the App's server in a process of its own (test/load/app-server.ts),
// a local server that answers like GitHub for as many repositories as there are pull requests, and signed
// `pull_request.opened` webhooks sent at a steady rate. It measures, it does not judge: the test and
// `npm run bench -- --load` decide what the figures must be.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeGitBlobSha } from '../../src/github/file-source.js';
import { FakeGitHub, type RecordedRequest } from '../github/fake-github.js';
import {
  buildPullRequestFile,
  buildRolesTemplate,
  buildServiceTemplate,
  ordersTaskDefinition,
  renderScenarioConfigFile,
} from '../github/pull-request-scenario.js';
import { appBot, appId, getTestPrivateKey, readFixture, webhookSecret } from '../app/app-harness.js';
import { startLocalGitHub } from '../app/local-github-server.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LoadOptions {
  /** Webhooks to send, one pull request each. */
  webhooks: number;
  /** Over this many seconds, evenly spaced. */
  seconds: number;
  /** Webhooks sent first and left out of the figures: module loading, the token, the App's login. */
  warmup?: number;
  /** Keep Probot's write throttle (one write a second per process). */
  throttled?: boolean;
  /** How long to wait for the last check run to conclude. */
  drainTimeoutMs?: number;
}

export interface PullRequestOutcome {
  repo: string;
  status: number;
  /** From sending the webhook to its HTTP answer. */
  acceptedMs: number;
  /** From sending the webhook to the PATCH that concluded its check run; undefined when it never came. */
  completedMs?: number;
  reviews: number;
  comments: number;
  checkRuns: number;
  conclusions: string[];
}

export interface LoadReport {
  webhooks: number;
  seconds: number;
  throttled: boolean;
  /** From the first webhook sent to the last check run concluded. */
  wallSeconds: number;
  /** Reviews completed per second over the wall time. */
  throughput: number;
  accepted: { p50: number; p99: number; max: number };
  completed: { p50: number; p99: number; max: number };
  /** The App process after the warm-up and after the run, each after a full collection. */
  memory: { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage };
  /** API requests the App made per review, on average. */
  requestsPerReview: number;
  outcomes: PullRequestOutcome[];
  /** Requests the local GitHub refused (unknown routes, bad credentials). */
  refused: string[];
}

const servicePath = 'infra/service.yaml';

/** A repository of the load: a service template the pull request breaks, shared roles, a task definition, the config. */
function buildRepository(name: string, headSha: string): FakeGitHub {
  const fake = new FakeGitHub({ owner: 'acme', repo: name, number: 7, headSha, author: appBot });
  const base = buildServiceTemplate();
  const head = buildServiceTemplate({ wrongTaskRoleTrust: true });
  const files: Record<string, string> = {
    [servicePath]: head,
    'infra/roles.yaml': buildRolesTemplate({ createGroupGranted: true }),
    'tasks/orders.json': ordersTaskDefinition,
    '.github/ecs-iam-lint.yml': renderScenarioConfigFile(),
    'README.md': `# ${name}\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    const sha = computeGitBlobSha(Buffer.from(text, 'utf8'));
    fake.tree.set(path, sha);
    fake.blobs.set(sha, text);
  }
  fake.files = [buildPullRequestFile(servicePath, base, head)];
  return fake;
}

function buildWebhook(name: string, headSha: string, index: number): string {
  const payload = readFixture('pull_request.opened');
  payload.repository = { ...payload.repository, id: 900_000 + index, name, full_name: `acme/${name}` };
  payload.pull_request.head = { ...payload.pull_request.head, sha: headSha };
  return JSON.stringify(payload);
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summarize(values: readonly number[]) {
  return { p50: percentile(values, 0.5), p99: percentile(values, 0.99), max: Math.max(...values) };
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the App's process and resolves once it listens. */
async function startApp(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; memory: () => Promise<NodeJS.MemoryUsage> }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(repoRoot, 'test', 'load', 'app-server.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the App did not start within 30 s:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the App exited with ${code}:\n${output}`)));
    child.on('message', (message: { type: string }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
  });
  const memory = () => new Promise<NodeJS.MemoryUsage>((resolve) => {
    const onMessage = (message: { type: string; memory: NodeJS.MemoryUsage }) => {
      if (message.type !== 'memory') return;
      child.off('message', onMessage);
      resolve(message.memory);
    };
    child.on('message', onMessage);
    child.send({ type: 'memory' });
  });
  return { child, output: () => output, memory };
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function runAppLoad(options: LoadOptions): Promise<LoadReport> {
  const warmup = options.warmup ?? Math.max(2, Math.ceil(options.webhooks / 10));
  const total = warmup + options.webhooks;
  const names = Array.from({ length: total }, (_, index) => `svc-${String(index).padStart(4, '0')}`);
  const heads = names.map((name) => createHash('sha1').update(name).digest('hex'));
  const fakes = new Map(names.map((name, index) => [name, buildRepository(name, heads[index])]));
  const concludedAt = new Map<string, number>();
  const github = await startLocalGitHub((request) => fakes.get(/^\/repos\/acme\/([^/]+)\//.exec(request.path)?.[1] ?? ''), getTestPrivateKey(), {
    intercept: (request: RecordedRequest) => {
      // A run started in progress is concluded by a PATCH; one that could not be started is created completed.
      if ((request.method === 'PATCH' || request.method === 'POST') && request.body?.status === 'completed') {
        const name = /^\/repos\/acme\/([^/]+)\/check-runs/.exec(request.path)?.[1];
        if (name) concludedAt.set(name, performance.now());
      }
      return undefined;
    },
  });
  const port = await findFreePort();
  const app = await startApp({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    APP_ID: String(appId),
    PRIVATE_KEY: getTestPrivateKey(),
    WEBHOOK_SECRET: webhookSecret,
    PORT: String(port),
    HOST: '127.0.0.1',
    GHE_HOST: github.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    NODE_ENV: 'production',
    ...(options.throttled ? { LOAD_THROTTLE: '1' } : {}),
  });
  const webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
  const sentAt = new Map<string, number>();
  const deliver = async (index: number) => {
    const body = buildWebhook(names[index], heads[index], index);
    sentAt.set(names[index], performance.now());
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', webhookSecret).update(body).digest('hex')}`,
      },
      body,
    });
    await response.text();
    return { status: response.status, acceptedMs: performance.now() - sentAt.get(names[index])! };
  };
  const waitForConclusions = async (count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (concludedAt.size < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  try {
    // Warm-up, one at a time: module loading, the installation token and the App's login are paid here.
    for (let index = 0; index < warmup; index++) await deliver(index);
    await waitForConclusions(warmup, 30_000);
    const requestsAfterWarmup = github.requests.length;
    const memoryBefore = await app.memory();

    const intervalMs = (options.seconds * 1000) / options.webhooks;
    const start = performance.now();
    const deliveries: Promise<{ status: number; acceptedMs: number }>[] = [];
    for (let offset = 0; offset < options.webhooks; offset++) {
      const due = start + offset * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      deliveries.push(deliver(warmup + offset).catch((error: Error) => ({ status: 0, acceptedMs: NaN, error })));
    }
    const answers = await Promise.all(deliveries);
    await waitForConclusions(total, options.drainTimeoutMs ?? 120_000);
    const lastConclusion = Math.max(...names.slice(warmup).map((name) => concludedAt.get(name) ?? performance.now()));
    const wallSeconds = (lastConclusion - start) / 1000;
    // Let what the App still holds from the last deliveries go before measuring.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const memoryAfter = await app.memory();

    const outcomes: PullRequestOutcome[] = names.slice(warmup).map((name, offset) => {
      const fake = fakes.get(name)!;
      const concluded = concludedAt.get(name);
      return {
        repo: name,
        status: answers[offset].status,
        acceptedMs: answers[offset].acceptedMs,
        ...(concluded !== undefined ? { completedMs: concluded - sentAt.get(name)! } : {}),
        reviews: fake.requestsTo('POST', '/pulls/7/reviews').length,
        comments: fake.comments.length,
        checkRuns: fake.checkRuns.length,
        conclusions: fake.checkRuns.flatMap((run) => [run.create, ...run.updates].filter((update) => update.conclusion).map((update) => update.conclusion as string)),
      };
    });
    const completed = outcomes.flatMap((outcome) => (outcome.completedMs !== undefined ? [outcome.completedMs] : []));
    return {
      webhooks: options.webhooks,
      seconds: options.seconds,
      throttled: options.throttled === true,
      wallSeconds,
      throughput: completed.length / wallSeconds,
      accepted: summarize(outcomes.map((outcome) => outcome.acceptedMs)),
      completed: summarize(completed),
      memory: { before: memoryBefore, after: memoryAfter },
      requestsPerReview: (github.requests.length - requestsAfterWarmup) / options.webhooks,
      outcomes,
      refused: github.refused,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nApp output:\n${app.output()}`);
  } finally {
    await stopApp(app.child);
    await github.close();
  }
}

/** What every load run must show: nothing dropped, nothing duplicated, every check run concluded. */
export function assertNothingDroppedOrDuplicated(report: LoadReport): void {
  assert.deepEqual(report.refused, [], 'the local GitHub refused nothing');
  const notAccepted = report.outcomes.filter((outcome) => outcome.status !== 200 && outcome.status !== 202);
  assert.deepEqual(notAccepted.map((outcome) => `${outcome.repo}: ${outcome.status}`), [], 'every webhook accepted');
  const wrong = report.outcomes.filter((outcome) => outcome.reviews !== 1 || outcome.comments !== 2 || outcome.checkRuns !== 1 || outcome.conclusions.join() !== 'failure');
  assert.deepEqual(wrong, [], 'every pull request: one review with its two comments, one check run concluded once');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The figures, one per line. */
export function formatLoadReport(report: LoadReport): string[] {
  const { before, after } = report.memory;
  return [
    `webhooks          ${report.webhooks} over ${report.seconds} s${report.throttled ? " (Probot's write throttle on)" : ''}, one pull request each, 3 templates + 1 task definition per repository`,
    `throughput        ${report.throughput.toFixed(1)} reviews/s (${report.outcomes.length} reviews, last concluded ${report.wallSeconds.toFixed(1)} s after the first webhook)`,
    `accepted latency  p50 ${report.accepted.p50.toFixed(0)} ms, p99 ${report.accepted.p99.toFixed(0)} ms, max ${report.accepted.max.toFixed(0)} ms (webhook sent to HTTP answer)`,
    `review latency    p50 ${report.completed.p50.toFixed(0)} ms, p99 ${report.completed.p99.toFixed(0)} ms, max ${report.completed.max.toFixed(0)} ms (webhook sent to check run concluded)`,
    `API requests      ${report.requestsPerReview.toFixed(1)} per review`,
    `App memory        heap ${megabytes(before.heapUsed)} -> ${megabytes(after.heapUsed)} (${after.heapUsed >= before.heapUsed ? '+' : ''}${megabytes(after.heapUsed - before.heapUsed)}), rss ${megabytes(before.rss)} -> ${megabytes(after.rss)}`,
  ];
}
