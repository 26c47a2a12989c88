// The App as `npm start` serves it (Probot's `run`: its Server, the app loaded, the webhook middleware
// first), in a process of its own for the load test: configured by Probot's variables (GHE_HOST points at
// the local fake GitHub), listening on 127.0.0.1, and answering the test's `memory` message over IPC.
import { ProbotOctokit, run } from 'probot';
import ecsIamLintApp from '../../src/app/app.js';

// Probot spaces every write of the process one second apart (three for review posts), as GitHub asks
// against secondary rate limits; LOAD_THROTTLE=1 keeps that, otherwise the test measures the App itself.
const Octokit = process.env.LOAD_THROTTLE === '1'
  ? undefined
  : ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } }));

const server = await run(ecsIamLintApp, { env: process.env, ...(Octokit ? { Octokit } : {}) });

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    // Started with --expose-gc: what is still reachable, not what the collector has yet to visit.
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'memory', memory: process.memoryUsage() });
  }
});
process.send!({ type: 'ready', port: server.port });
