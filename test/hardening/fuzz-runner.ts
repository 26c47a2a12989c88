/**
 * Child process of the fuzz test: runs cases [from, to) of one seed and reports each over IPC. It runs
 * apart from the test so that a hang can be killed and a crash of the process itself (a V8 abort) is
 * seen, with the case that caused it, instead of taking the test runner down.
 */
import { buildFuzzCase, loadFixtures } from './fuzz-cases.js';
import { loadWitnesses, runFuzzCase } from './fuzz-check.js';

export type RunnerMessage =
  | { type: 'start'; index: number }
  | { type: 'end'; index: number; lintMilliseconds: number; renderMilliseconds: number; failures: string[]; known: { issue: string; failure: string }[]; rejected: boolean; findingCount: number; mutations: string[]; basePath: string }
  | { type: 'done' };

const send = (message: RunnerMessage): Promise<void> =>
  new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));

async function main(): Promise<void> {
  const seed = Number(process.env.FUZZ_RUNNER_SEED);
  const from = Number(process.env.FUZZ_RUNNER_FROM);
  const to = Number(process.env.FUZZ_RUNNER_TO);
  const bound = Number(process.env.FUZZ_RUNNER_BOUND_MS);
  // Only for the harness's own test: behave like an input that hangs, or that the kernel kills for memory (no core dump).
  const stallAt = process.env.FUZZ_RUNNER_STALL_AT === undefined ? -1 : Number(process.env.FUZZ_RUNNER_STALL_AT);
  const abortAt = process.env.FUZZ_RUNNER_ABORT_AT === undefined ? -1 : Number(process.env.FUZZ_RUNNER_ABORT_AT);
  const fixtures = loadFixtures();
  const witnesses = loadWitnesses();
  for (let index = from; index < to; index++) {
    const fuzzCase = buildFuzzCase(seed, index, fixtures);
    // Waiting for the message to leave means the parent knows which case was running if this one never returns.
    await send({ type: 'start', index });
    if (index === stallAt) for (;;);
    if (index === abortAt) process.kill(process.pid, 'SIGKILL');
    const outcome = runFuzzCase(fuzzCase, witnesses, bound);
    await send({ type: 'end', index, ...outcome, mutations: fuzzCase.mutations, basePath: fuzzCase.basePath });
  }
  await send({ type: 'done' });
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(3);
});
