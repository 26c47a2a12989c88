// Helpers for the include tests: a sandbox bundle built fresh from the current source, and temporary repositories.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../src/core/lint.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesRoot = join(repoRoot, 'test', 'fixtures', 'include');

let built: string | undefined;

/** Temporary directories, removed once the test file is done (a root-level hook: registered at import). */
const temporaryDirectories: string[] = [];
after(async () => {
  await Promise.all(temporaryDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/**
 * Builds the sandbox from the current source into a temporary directory (once per test file), so the
 * tests never run a stale dist/include-sandbox.js.
 */
export async function buildSandboxForTests(): Promise<string> {
  if (built) return built;
  const directory = await mkdtemp(join(tmpdir(), 'ecs-iam-lint-sandbox-'));
  temporaryDirectories.push(directory);
  const outfile = join(directory, 'include-sandbox.js');
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-include-sandbox.mjs'), outfile], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the include sandbox failed:\n${result.stderr}`);
  // The bundle is ESM, as dist/ is under the package's "type": "module".
  await writeFile(join(directory, 'package.json'), '{ "type": "module" }\n');
  built = outfile;
  return outfile;
}

/**
 * A directory holding `repo/` (with `files`) and `outside` (with `outsideFiles`) side by side. Returns the repository root and the outer directory.
 */
export async function makeRepository(files: Record<string, string>, outsideFiles: Record<string, string> = {}): Promise<{ root: string; outer: string }> {
  const outer = await mkdtemp(join(tmpdir(), 'ecs-iam-lint-include-'));
  temporaryDirectories.push(outer);
  const root = join(outer, 'repo');
  for (const [base, tree] of [
    [root, files],
    [outer, outsideFiles],
  ] as const) {
    for (const [path, text] of Object.entries(tree)) {
      await mkdir(dirname(join(base, path)), { recursive: true });
      await writeFile(join(base, path), text);
    }
  }
  return { root, outer };
}

/** Reads files of a directory as the CLI would hand them to expandIncludes. */
export async function readInputFiles(root: string, paths: readonly string[]): Promise<InputFile[]> {
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })));
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
