// Benchmark: prints a table of figures (medians of several cold runs) next to the targets of the
// performance issue. Not a test: it measures and reports, it never fails on a slow figure.
//
//   npm run bench                 all figures (a few minutes)
//   npm run bench -- --quick      fewer runs, for a smoke check
//   npm run bench -- --fuzz       the long fuzz run instead (20,000 cases; --cases N, --seed N)
//   npm run bench -- --load       the App's load run instead (200 webhooks over 20 s; --webhooks N, --seconds N,
//                                 --throttled for Probot's one-write-a-second throttle)
//
// Inputs are generated deterministically from the project's own fixtures into a temp directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 5;
const work = join(tmpdir(), 'ecs-iam-lint-bench');
const cli = join(root, 'dist/cli.js');
const rssHook = join(work, 'rss-hook.mjs');

// ---------------------------------------------------------------------------------------------
// Inputs

/** The project's own fixtures: the examples and the rule fixtures, templates and task definitions. */
function readFixtures() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(name) && !name.includes('.expected.')) files.push({ path: relative(root, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const dir of ['examples', 'test/fixtures/rules', 'test/fixtures/fixes']) if (existsSync(join(root, dir))) walk(join(root, dir));
  return files.filter((f) => /AWSTemplateFormatVersion|Resources|containerDefinitions/.test(f.text));
}

/** Logical ids under Resources (YAML two-space keys, JSON members), to rename consistently. */
function logicalIds(text) {
  const ids = new Set();
  const yamlBlock = /^Resources:\s*\n((?:[ \t].*\n|\s*\n)*)/m.exec(text);
  if (yamlBlock) for (const m of yamlBlock[1].matchAll(/^ {2}([A-Za-z0-9]+):/gm)) ids.add(m[1]);
  const jsonStart = text.indexOf('"Resources"');
  if (jsonStart >= 0) for (const m of text.slice(jsonStart).matchAll(/^\s{4}"([A-Za-z0-9]+)"\s*:\s*\{/gm)) ids.add(m[1]);
  return [...ids];
}

/** Realistic resources appended to reach the average size of real templates. */
const paddingYaml = (n) => `  Parameter${n}:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub /\${AWS::StackName}/config/setting-${n}
      Type: String
      Value: value-${n}
      Description: Configuration value ${n} read by the application at start-up
  LogGroup${n}:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /ecs/\${AWS::StackName}/worker-${n}
      RetentionInDays: 30
  Policy${n}:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Description: Lets the worker read its queue ${n}
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes]
            Resource: !Sub arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:worker-${n}
`;
const paddingJson = (n) => `    "Parameter${n}": {
      "Type": "AWS::SSM::Parameter",
      "Properties": { "Name": { "Fn::Sub": "/\${AWS::StackName}/config/setting-${n}" }, "Type": "String", "Value": "value-${n}" }
    },
    "LogGroup${n}": {
      "Type": "AWS::Logs::LogGroup",
      "Properties": { "LogGroupName": { "Fn::Sub": "/ecs/\${AWS::StackName}/worker-${n}" }, "RetentionInDays": 30 }
    },
`;

/** A renamed copy of a fixture: every logical id, role name and family gets the copy's suffix. */
function renamedCopy(fixture, suffix, paddingBlocks) {
  let text = fixture.text;
  const ids = logicalIds(text);
  if (ids.length) text = text.replace(new RegExp(`(?<!::)\\b(${ids.join('|')})\\b`, 'g'), `$1${suffix}`);
  text = text.replace(/(RoleName["']?\s*:\s*["']?)([\w+=,.@-]+)/g, `$1$2-${suffix}`);
  text = text.replace(/(:role\/)([\w+=,.@-]+)/g, `$1$2-${suffix}`);
  text = text.replace(/("family"\s*:\s*")([^"]+)/g, `$1$2-${suffix}`);
  if (paddingBlocks > 0) {
    if (/^Resources:\s*$/m.test(text)) {
      const padding = Array.from({ length: paddingBlocks }, (_, i) => paddingYaml(`${suffix}x${i}`)).join('');
      text = text.replace(/^Resources:\s*\n/m, (m) => m + padding);
    } else if (/"Resources"\s*:\s*\{\s*\n/.test(text)) {
      const padding = Array.from({ length: paddingBlocks }, (_, i) => paddingJson(`${suffix}x${i}`)).join('');
      text = text.replace(/"Resources"\s*:\s*\{\s*\n/, (m) => m + padding);
    }
  }
  return text;
}

/** Writes a repository of `count` files (about 10 KB each on average) and returns its directory. */
function generateRepository(count, fixtures) {
  const dir = join(work, `repo-${count}`);
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const fixture = fixtures[i % fixtures.length];
    const ext = fixture.path.slice(fixture.path.lastIndexOf('.'));
    const isTemplate = !/containerDefinitions/.test(fixture.text) || /Resources/.test(fixture.text);
    const text = renamedCopy(fixture, `S${i}`, isTemplate ? 6 + (i % 7) : 0);
    const path = join(dir, `service-${String(i % 50).padStart(2, '0')}`, `stack-${i}${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

/** One template of about 5 MB: many renamed copies of the Fargate example's resources. */
function generateLargeTemplate() {
  const base = readFileSync(join(root, 'examples/fargate-service/broken.yaml'), 'utf8');
  const resources = base.slice(base.indexOf('Resources:\n') + 'Resources:\n'.length);
  const ids = logicalIds(base);
  let text = "AWSTemplateFormatVersion: '2010-09-09'\nDescription: Many services in one template\nResources:\n";
  for (let i = 0; text.length < 5 * 1024 * 1024 - 4096; i++) {
    text += resources.replace(new RegExp(`(?<!::)\\b(${ids.join('|')})\\b`, 'g'), `$1L${i}`).replace(/\/ecs\/web/g, `/ecs/web-${i}`) + paddingYaml(`Pad${i}`);
  }
  const dir = join(work, 'large');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'large.yaml'), text);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Measuring

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a command cold `runs` times; returns median wall seconds and median peak RSS in MB. */
function measure(args, cwd = root) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs + 1; i++) {
    const rssFile = join(work, `rss-${process.pid}.txt`);
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', rssHook, ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    if (i === 0) continue; // warm-up: file cache, not the process
    times.push(seconds);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  return { seconds: median(times), rssMb: median(rss) };
}

/** Parse-only floor: the yaml library (and JSON.parse) over the same files, in one process. */
function measureParseOnly(dir) {
  const script = `
    import { parseDocument } from 'yaml';
    // The CloudFormation short forms as identity tags, as any CloudFormation-aware use of the library does;
    // without them the library builds a warning (an Error with a stack trace) for every tag.
    const names = ['Ref','GetAtt','Sub','Join','If','Select','Split','FindInMap','ImportValue','Base64','Cidr','GetAZs','Equals','And','Or','Not','Condition','Transform','ToJsonString','Length','Contains','Include'];
    const customTags = names.flatMap((n) => [
      { tag: '!' + n, resolve: (v) => v },
      { tag: '!' + n, collection: 'seq', resolve: (v) => v },
      { tag: '!' + n, collection: 'map', resolve: (v) => v },
    ]);
    import { readFileSync, readdirSync, statSync } from 'node:fs';
    import { join } from 'node:path';
    const files = [];
    const walk = (d) => { for (const n of readdirSync(d)) { const f = join(d, n); statSync(f).isDirectory() ? walk(f) : files.push(f); } };
    walk(${JSON.stringify(dir)});
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (f.endsWith('.json')) JSON.parse(text);
      else parseDocument(text, { customTags, logLevel: 'silent', uniqueKeys: false });
    }`;
  const path = join(root, 'node_modules', '.bench-parse-only.mjs');
  writeFileSync(path, script);
  try {
    return measure([path]);
  } finally {
    rmSync(path, { force: true });
  }
}

/** Time from starting the Action bundle until its first request reaches a local API server. */
async function measureActionLoad() {
  const bundle = join(root, 'dist/index.js');
  if (!existsSync(bundle)) return undefined;
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const dir = join(work, 'action');
    mkdirSync(dir, { recursive: true });
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 1, head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40) } }, repository: { name: 'r', owner: { login: 'o' } } }));
    const seconds = await new Promise((resolve, reject) => {
      let start;
      let child;
      const server = createServer((req, res) => {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
        res.writeHead(500).end();
        child.kill();
        server.close();
        resolve(elapsed);
      });
      server.listen(0, '127.0.0.1', () => {
        start = process.hrtime.bigint();
        child = spawn(process.execPath, [bundle], {
          cwd: dir,
          stdio: 'ignore',
          env: {
            PATH: process.env.PATH,
            GITHUB_API_URL: `http://127.0.0.1:${server.address().port}`,
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_EVENT_PATH: event,
            GITHUB_REPOSITORY: 'o/r',
            GITHUB_SHA: 'a'.repeat(40),
            GITHUB_WORKSPACE: dir,
            'INPUT_GITHUB-TOKEN': 'bench-token',
          },
        });
        child.on('error', reject);
        setTimeout(() => { child.kill(); server.close(); reject(new Error('the Action made no request within 30 s')); }, 30_000).unref();
      });
    });
    if (i > 0) times.push(seconds);
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------

function format(value, unit) {
  return value === undefined ? 'n/a' : unit === 's' ? `${value.toFixed(3)} s` : unit === 'MB' ? `${value.toFixed(0)} MB` : `${(value * 1000).toFixed(0)} ms`;
}

async function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(rssHook, "import * as fs from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n");

  const fixtures = readFixtures();
  const corpus = join(root, '..', 'shared', 'corpus');
  const rows = [];
  const row = (name, figure, target, note = '') => rows.push({ name, figure, target, note });

  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`runs: median of ${runs} cold processes after one warm-up; inputs in ${work}\n`);

  if (existsSync(corpus)) {
    const corpusRun = measure([cli, corpus, '--fail-on', 'never']);
    row('(a) corpus, 63 files, dist/cli.js', format(corpusRun.seconds, 's'), '< 0.6 s', `peak ${format(corpusRun.rssMb, 'MB')}`);
  } else row('(a) corpus', 'n/a', '< 0.6 s', '../shared/corpus not found');

  const sizes = quick ? [500, 2000] : [500, 1000, 2000];
  const repoFigures = {};
  for (const count of sizes) {
    const dir = generateRepository(count, fixtures);
    repoFigures[count] = { ...measure([cli, dir, '--fail-on', 'never']), dir };
  }
  const big = repoFigures[2000];
  const bigBytes = spawnSync('du', ['-sb', big.dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  row(`(b) 2,000 files (${(Number(bigBytes) / 2 ** 20).toFixed(1)} MB)`, format(big.seconds, 's'), '< 6 s, < 400 MB', `peak ${format(big.rssMb, 'MB')}`);
  const growth = sizes.map((n) => `${n}: ${repoFigures[n].seconds.toFixed(2)} s`).join(', ');
  const ratio = big.seconds / repoFigures[500].seconds;
  row('    cost growth 500 -> 2,000', `x${ratio.toFixed(2)} for x4 files`, 'close to linear (x4)', growth);

  const largeDir = generateLargeTemplate();
  const large = measure([cli, largeDir, '--fail-on', 'never']);
  row('(c) one 5 MB template', format(large.seconds, 's'), '< 2 s', `peak ${format(large.rssMb, 'MB')}`);

  const changed = relative(big.dir, join(big.dir, 'service-07', 'stack-7.yaml'));
  const changedPath = existsSync(join(big.dir, changed)) ? changed : readdirSync(join(big.dir, 'service-07')).map((n) => `service-07/${n}`)[0];
  const pr = measure([join(root, 'dist/cli.js'), '.', '--changed', changedPath, '--fail-on', 'never'], big.dir);
  row('(d) PR changing 1 of 2,000 files', format(pr.seconds, 's'), '< 1 s', `peak ${format(pr.rssMb, 'MB')}`);

  const parseBig = measureParseOnly(big.dir);
  const parseLarge = measureParseOnly(largeDir);
  row('(e) parse-only floor, 2,000 files', format(parseBig.seconds, 's'), '', `analysis/parse = ${(big.seconds / parseBig.seconds).toFixed(2)} (target <= 1.5)`);
  row('(e) parse-only floor, 5 MB template', format(parseLarge.seconds, 's'), '', `analysis/parse = ${(large.seconds / parseLarge.seconds).toFixed(2)} (target <= 1.5)`);

  const actionLoad = await measureActionLoad();
  row('(g) Action bundle to first API call', actionLoad === undefined ? 'n/a (no dist/index.js)' : format(actionLoad, 'ms'), '< 300 ms');

  const width = Math.max(...rows.map((r) => r.name.length));
  const figureWidth = Math.max(...rows.map((r) => r.figure.length));
  const targetWidth = Math.max(...rows.map((r) => r.target.length));
  console.log(`${'figure'.padEnd(width)}  ${'measured'.padEnd(figureWidth)}  ${'target'.padEnd(targetWidth)}  notes (f: peak RSS)`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.figure.padEnd(figureWidth)}  ${r.target.padEnd(targetWidth)}  ${r.note}`);
}

if (!process.argv.includes('--fuzz') && !process.argv.includes('--load')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// --fuzz: the fuzz test of test/hardening/fuzz.test.ts with a long budget. The test runs each case in a
// child process it restarts past hangs and crashes, and writes its figures to FUZZ_REPORT.

function optionValue(name, fallback) {
  const index = process.argv.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
  return value;
}

async function runFuzz() {
  const cases = optionValue('--cases', 20_000);
  const seed = optionValue('--seed', 20261129);
  mkdirSync(work, { recursive: true });
  const reportPath = join(work, `fuzz-report-${process.pid}.json`);
  rmSync(reportPath, { force: true });
  console.log(`fuzz: ${cases} cases, seed ${seed}; machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-name-pattern=^survives ', 'test/hardening/fuzz.test.ts'], {
    cwd: root,
    env: { ...process.env, FUZZ_CASES: String(cases), FUZZ_SEED: String(seed), FUZZ_REPORT: reportPath },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!existsSync(reportPath)) {
    console.error(result.stdout, result.stderr);
    throw new Error(`the fuzz test wrote no report (exit ${result.status})`);
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const known = Object.entries(report.known).map(([issue, count]) => `${issue} x${count}`).join(', ') || 'none';
  const slowest = report.slowest
    ? `${report.slowest.milliseconds.toFixed(1)} ms, case ${report.slowest.index} (${report.slowest.basePath} + ${report.slowest.mutations.join(', ')})`
    : 'n/a';
  const rows = [
    ['cases run', `${report.cases} (${report.rejected} rejected with parse-error)`],
    ['wall time', `${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, report.cases)).toFixed(1)} ms per case)`],
    ['failures', `${report.failures.length} (hangs ${report.hangs}, crashes ${report.crashes})`],
    ['known issues hit', known],
    ['slowest case', slowest],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(18)}${value}`);
  for (const failure of report.failures.slice(0, 20)) {
    console.log(`\ncase ${failure.index} (FUZZ_SEED=${seed} FUZZ_ONLY=${failure.index}): ${failure.basePath} + ${failure.mutations.join(', ')}`);
    if (failure.reproduction) console.log(`  input: ${failure.reproduction}`);
    for (const line of failure.failures) console.log(`  ${line}`);
  }
  rmSync(reportPath, { force: true });
  if (report.failures.length > 0) process.exitCode = 1;
}

if (process.argv.includes('--fuzz')) {
  runFuzz().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// --load: the load test of test/load/app-load.test.ts with the long budget. The test starts the App's
// server in a process of its own on 127.0.0.1, sends signed webhooks against a local fake GitHub, checks
// that nothing was dropped or duplicated, and writes its figures to LOAD_REPORT.

async function runLoad() {
  const throttled = process.argv.includes('--throttled');
  // Throttled, every write waits a second: 200 webhooks would take a quarter of an hour.
  const webhooks = optionValue('--webhooks', throttled ? 20 : 200);
  const seconds = optionValue('--seconds', 20);
  mkdirSync(work, { recursive: true });
  const reportPath = join(work, `load-report-${process.pid}.json`);
  rmSync(reportPath, { force: true });
  console.log(`load: ${webhooks} webhooks over ${seconds} s${throttled ? ", Probot's write throttle on" : ''}; machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/load/app-load.test.ts'], {
    cwd: root,
    env: { ...process.env, LOAD_WEBHOOKS: String(webhooks), LOAD_SECONDS: String(seconds), LOAD_REPORT: reportPath, ...(throttled ? { LOAD_THROTTLE: '1' } : {}) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(reportPath)) {
    console.error(result.stdout, result.stderr);
    throw new Error(`the load test wrote no report (exit ${result.status})`);
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  rmSync(reportPath, { force: true });
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const ms = (value) => `${Math.round(value)} ms`;
  const reviewed = report.outcomes.filter((outcome) => outcome.reviews === 1 && outcome.comments === 2 && outcome.checkRuns === 1 && outcome.conclusions.join() === 'failure').length;
  const rows = [
    ['throughput', `${report.throughput.toFixed(1)} reviews/s (last check run concluded ${report.wallSeconds.toFixed(1)} s after the first webhook)`],
    ['accepted', `p50 ${ms(report.accepted.p50)}, p99 ${ms(report.accepted.p99)}, max ${ms(report.accepted.max)} (webhook sent to HTTP answer)`],
    ['review done', `p50 ${ms(report.completed.p50)}, p99 ${ms(report.completed.p99)}, max ${ms(report.completed.max)} (webhook sent to check run concluded)`],
    ['requests', `${report.requestsPerReview.toFixed(1)} API requests per review`],
    ['App heap', `${mb(report.memory.before.heapUsed)} -> ${mb(report.memory.after.heapUsed)} after a full collection (rss ${mb(report.memory.before.rss)} -> ${mb(report.memory.after.rss)})`],
    ['outcome', `${reviewed} of ${report.outcomes.length} pull requests with exactly one review, its comments and one concluded check run; ${report.refused.length} refused request(s)`],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(13)}${value}`);
  if (result.status !== 0) {
    console.error(result.stdout.split('\n').filter((line) => /^not ok|^\s+(error|expected|actual)/.test(line)).join('\n'));
    process.exitCode = 1;
  }
}

if (process.argv.includes('--load')) {
  runLoad().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
