// The process-level lock-down of the include sandbox, tested without cfn-include: a probe script run with
// exactly the flags and environment expandIncludes uses shows what the permission model refuses, and a
// probe that calls disableNetwork shows that no way to open a socket is left.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSandboxArgs, checkSandboxRoot } from '../../src/include/sandbox-command.js';
import { buildSandboxForTests, fixturesRoot, makeRepository, repoRoot } from './sandbox-for-tests.js';

/** Tries each operation and prints `{ name: 'ok' | error code }`; run as the "sandbox" under the real flags. */
const permissionProbe = `
const fs = require('node:fs');
const { root, outer } = JSON.parse(fs.readFileSync(0, 'utf8'));
const attempts = {
  readInsideRoot: () => fs.readFileSync(root + '/inside.txt', 'utf8'),
  readOutsideRoot: () => fs.readFileSync(outer + '/outside.txt', 'utf8'),
  readParentDirectoryPath: () => fs.readFileSync(root + '/../outside.txt', 'utf8'),
  readEtcHostname: () => fs.readFileSync('/etc/hostname', 'utf8'),
  writeInsideRoot: () => fs.writeFileSync(root + '/written.txt', 'x'),
  spawnChildProcess: () => require('node:child_process').spawnSync('true'),
  startWorker: () => new (require('node:worker_threads').Worker)('0', { eval: true }),
  processBinding: () => process.binding('fs'),
  evalString: () => eval('1 + 1'),
  newFunction: () => new Function('return 1')(),
};
const outcome = {};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    outcome[name] = 'ok';
  } catch (error) {
    outcome[name] = error.code || error.name;
  }
}
outcome.environment = Object.keys(process.env);
process.stdout.write(JSON.stringify(outcome));
`;

test('the sandbox flags confine reads to the root and refuse writes, child processes, workers, bindings and eval; the environment is empty', async () => {
  const { root, outer } = await makeRepository({ 'inside.txt': 'inside' }, { 'outside.txt': 'outside', 'probe.cjs': permissionProbe });
  const realRoot = await realpath(root);
  const probe = await realpath(join(outer, 'probe.cjs'));
  const args = buildSandboxArgs({ root: realRoot, sandboxPath: probe, maxOldSpaceMb: 64 });
  const run = spawnSync(process.execPath, args, { env: {}, input: JSON.stringify({ root: realRoot, outer: await realpath(outer) }), encoding: 'utf8', timeout: 10_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), {
    readInsideRoot: 'ok',
    readOutsideRoot: 'ERR_ACCESS_DENIED',
    readParentDirectoryPath: 'ERR_ACCESS_DENIED',
    readEtcHostname: 'ERR_ACCESS_DENIED',
    writeInsideRoot: 'ERR_ACCESS_DENIED',
    spawnChildProcess: 'ERR_ACCESS_DENIED',
    startWorker: 'ERR_ACCESS_DENIED',
    processBinding: 'ERR_ACCESS_DENIED',
    evalString: 'EvalError',
    newFunction: 'EvalError',
    environment: [],
  });
});

test('the permission flag follows the Node version: experimental on 20, stable from 22', () => {
  const options = { root: '/repo', sandboxPath: '/app/dist/include-sandbox.js', maxOldSpaceMb: 128 };
  assert.deepEqual(buildSandboxArgs({ ...options, nodeMajor: 20 }), [
    '--experimental-permission',
    '--allow-fs-read=/repo/*',
    '--allow-fs-read=/app/dist/include-sandbox.js',
    '--no-addons',
    '--disallow-code-generation-from-strings',
    '--max-old-space-size=128',
    '--no-warnings',
    '/app/dist/include-sandbox.js',
  ]);
  assert.equal(buildSandboxArgs({ ...options, nodeMajor: 22 })[0], '--permission');
  assert.equal(buildSandboxArgs({ ...options, nodeMajor: 24 })[0], '--permission');
});

test('a root the permission model would read as a wildcard is refused', () => {
  assert.match(checkSandboxRoot('/work/a*b')!, /wildcard/);
  assert.equal(checkSandboxRoot('/work/repo'), undefined);
});

test('disableNetwork leaves no way to open a connection: every attempt throws and the listener sees nothing', async () => {
  let connections = 0;
  const listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  try {
    const port = (listener.address() as { port: number }).port;
    const probe = join(fixturesRoot, 'probes', 'network-probe.ts');
    // Asynchronous, so that this process's listener can accept a connection if the probe ever made one.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', probe, String(port)], { cwd: repoRoot, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ status: error ? 1 : 0, stdout, stderr }),
      );
    });
    assert.equal(run.status, 0, run.stderr);
    const outcome = JSON.parse(run.stdout) as Record<string, string>;
    for (const [name, result] of Object.entries(outcome)) assert.equal(result, 'refused', `${name} was ${result}`);
    assert.equal(Object.keys(outcome).length, 13);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(connections, 0);
  } finally {
    await new Promise((resolve) => listener.close(resolve));
  }
});

test('the sandbox bundle carries cfn-include with stubs for aws-sdk and its HTTP client; the CLI and Action bundles carry no cfn-include', async () => {
  const bundle = await readFile(await buildSandboxForTests(), 'utf8');
  assert.match(bundle, /node_modules\/cfn-include\/index\.js/);
  assert.match(bundle, /src\/include\/sandbox\/stubs\/aws-sdk\.cjs/);
  assert.doesNotMatch(bundle, /node_modules\/(aws-sdk|aws-sdk-proxy|proxy-agent)\//);
  assert.doesNotMatch(bundle, /node_modules\/cfn-include\/lib\/(request|include\/api)\.js/);
  // dist/ is built by `npm run build` before the tests in CI.
  for (const name of ['cli.js', 'index.js']) {
    const hostBundle = await readFile(join(repoRoot, 'dist', name), 'utf8');
    assert.doesNotMatch(hostBundle, /node_modules\/(cfn-include|aws-sdk|js-yaml|lodash)\//, name);
  }
});
