/**
 * Expands cfn-include functions (`Fn::Include`, `!Include`, `Fn::Map`, ...) in the templates under review
 * before they are linted. cfn-include can read any file, copy environment variables, fetch URLs and call
 * AWS APIs, so it never runs in this process: each template is expanded by `dist/include-sandbox.js` in
 * a child process with an empty environment, Node's permission model confining reads to the repository,
 * no network, and time and memory limits (see sandbox-command.ts and sandbox/). A failed expansion
 * becomes a parse-error at the include site; a successful one is linted as JSON whose findings the core
 * maps back into the file as written (`InputFile.originalText`).
 */
import { spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { InputFile } from '../core/lint.js';
import { getEntry, isMap, type DocNode } from '../core/parse/node.js';
import { parseFile } from '../core/parse/parse-file.js';
import { mentionsCfnIncludeFunction } from './cfn-include-functions.js';
import { findIncludeSite } from './find-include-site.js';
import { buildSandboxArgs, checkSandboxRoot, locateSandbox } from './sandbox-command.js';
import type { SandboxRefusal, SandboxRequest, SandboxResponse } from './sandbox/sandbox-protocol.js';

export interface ExpandIncludesOptions {
  /** Wall-clock limit of one template's expansion; the process group is killed when it runs out. Default 10 s. */
  timeoutMs?: number;
  /** V8 heap limit of the sandbox process. Default 256 MB. */
  maxOldSpaceMb?: number;
  /** Largest expanded template read back (JSON). Default 16 MB. */
  maxOutputBytes?: number;
  /** File reads over one expansion before it is stopped as an include cycle or runaway fan-out. Default 1000. */
  maxIncludeReads?: number;
  /** Largest file an include may read. Default 5 MB. */
  maxIncludedFileBytes?: number;
  /** Sandbox processes running at once. Default: the number of CPUs, at most 4. */
  concurrency?: number;
  /** The sandbox bundle; default: include-sandbox.js next to the running bundle (see locateSandbox). */
  sandboxPath?: string;
}

/** A template whose cfn-include functions could not be expanded; it is linted as a parse-error at this range. */
export interface IncludeProblem {
  /** The template, relative to the root, forward slashes. */
  path: string;
  /** One sentence, without the final period, saying what failed or was refused. */
  message: string;
  startOffset: number;
  endOffset: number;
}

export interface ExpandIncludesResult {
  /** The input files in the same order: expanded ones carry `originalText`, failed ones `expansionError`. */
  files: InputFile[];
  /** The failed expansions, by path; the same as the files' `expansionError`s, for hosts that log them. */
  problems: IncludeProblem[];
}

const defaults = {
  timeoutMs: 10_000,
  maxOldSpaceMb: 256,
  maxOutputBytes: 16 * 1024 * 1024,
  maxIncludeReads: 1000,
  maxIncludedFileBytes: 5 * 1024 * 1024,
};

/** Bytes of the sandbox's stderr kept to recognise a crash; it is never shown, since it may quote the template. */
const maxStderrBytes = 16 * 1024;

/**
 * Expands every file that uses a cfn-include function and looks like a template; the others pass through
 * untouched, and no process is started when no file needs one. `root` is the directory includes may read
 * from: the repository, whose paths `files` are relative to. Never throws for a file's sake: each failure
 * becomes an IncludeProblem.
 */
export async function expandIncludes(root: string, files: readonly InputFile[], options: ExpandIncludesOptions = {}): Promise<ExpandIncludesResult> {
  const candidates = files.map((file, index) => ({ file, index, root: templateRootNeedingExpansion(file) })).filter((c) => c.root !== undefined);
  const result = [...files];
  if (candidates.length === 0) return { files: result, problems: [] };

  const settings = { ...defaults, ...definedOnly(options) };
  const realRoot = await realpath(root);
  const located = options.sandboxPath ?? locateSandbox();
  const sandboxPath = located === undefined ? undefined : await realpath(located).catch(() => undefined);
  const setupError =
    sandboxPath === undefined ? 'the include sandbox (include-sandbox.js) is missing from this installation' : checkSandboxRoot(realRoot);
  const args = sandboxPath !== undefined && setupError === undefined ? buildSandboxArgs({ root: realRoot, sandboxPath, maxOldSpaceMb: settings.maxOldSpaceMb }) : [];

  const problems: IncludeProblem[] = [];
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
  await mapBounded(candidates, concurrency, async ({ file, index, root: templateRoot }) => {
    const request: SandboxRequest = {
      root: realRoot,
      path: file.path,
      text: file.text,
      maxIncludeReads: settings.maxIncludeReads,
      maxIncludedFileBytes: settings.maxIncludedFileBytes,
    };
    const response: SandboxResponse = setupError !== undefined ? { error: setupError } : await runSandbox(args, realRoot, request, settings);
    if ('expanded' in response) {
      result[index] = { path: file.path, text: JSON.stringify(response.expanded), originalText: file.text, includedPaths: response.includedPaths };
      return;
    }
    const site = findIncludeSite(templateRoot, { ...response.refusal, templatePath: `${realRoot}/${file.path}` });
    const problem: IncludeProblem = { path: file.path, message: `its cfn-include functions could not be expanded: ${response.error}`, ...site };
    problems.push(problem);
    result[index] = { ...file, expansionError: { message: problem.message, startOffset: site.startOffset, endOffset: site.endOffset } };
  });
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: result, problems };
}

/**
 * The parsed document of a file that needs expanding: it mentions a cfn-include function, parses, and
 * looks like a template or task definition. Fragments meant only to be included (a role, a list of
 * statements) are left alone: alone they may not expand (their `Fn::Map` variables come from the includer),
 * and the linter ignores them anyway. A file that does not parse is left for the linter to report.
 */
function templateRootNeedingExpansion(file: InputFile): DocNode | undefined {
  if (file.sizeBytes !== undefined || file.originalText !== undefined || !mentionsCfnIncludeFunction(file.text)) return undefined;
  const parsed = parseFile(file.path, file.text);
  if (!parsed.root || parsed.error) return undefined;
  // `Resources: !Merge [...]` is not a template to the core's detection, but it is one to cfn-include users.
  const looksLikeTemplate =
    parsed.kind !== 'other' || (isMap(parsed.root) && (getEntry(parsed.root, 'AWSTemplateFormatVersion') !== undefined || getEntry(parsed.root, 'Resources') !== undefined));
  return looksLikeTemplate ? parsed.root : undefined;
}

interface SandboxSettings {
  timeoutMs: number;
  maxOldSpaceMb: number;
  maxOutputBytes: number;
}

/** Runs one expansion; resolves (never rejects) with the sandbox's response or a description of how it failed. */
function runSandbox(args: readonly string[], cwd: string, request: SandboxRequest, settings: SandboxSettings): Promise<SandboxResponse> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: SandboxResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    // Detached: the child leads its own process group, so the whole group can be killed at once.
    const child = spawn(process.execPath, args, { cwd, env: {}, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stopReason: 'timeout' | 'output' | undefined;
    const stop = (reason: 'timeout' | 'output'): void => {
      stopReason ??= reason;
      killGroup(child.pid);
    };
    const timer = setTimeout(() => stop('timeout'), settings.timeoutMs);

    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > settings.maxOutputBytes) stop('output');
      else stdout.push(chunk);
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < maxStderrBytes) stderr += chunk.toString('utf8').slice(0, maxStderrBytes - stderr.length);
    });
    // The child may exit (killed, crashed) before it has read the whole request.
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      killGroup(child.pid);
      settle({ error: `the include sandbox could not be started (${(error as NodeJS.ErrnoException).code ?? error.message})` });
    });
    child.on('close', (code, signal) => {
      if (stopReason === 'timeout') {
        settle({ error: `the expansion was still running after the ${formatSeconds(settings.timeoutMs)} time limit and was stopped` });
      } else if (stopReason === 'output') {
        settle({ error: `the expanded template is over the ${formatMegabytes(settings.maxOutputBytes)} limit` });
      } else if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) {
        settle({ error: `the expansion ran out of its ${settings.maxOldSpaceMb} MB memory limit and was stopped` });
      } else if (code === 0) {
        settle(readResponse(Buffer.concat(stdout).toString('utf8')));
      } else {
        settle({ error: `the include sandbox failed (${signal ? `signal ${signal}` : `exit code ${code}`})` });
      }
    });
    child.stdin.end(JSON.stringify(request));
  });
}

function readResponse(text: string): SandboxResponse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'the include sandbox answered with something that is not JSON' };
  }
  const response = value as Partial<{ expanded: unknown; includedPaths: unknown; error: unknown; refusal: unknown }> | null;
  if (response && 'expanded' in response && Array.isArray(response.includedPaths) && response.includedPaths.every((p) => typeof p === 'string')) {
    return { expanded: response.expanded, includedPaths: response.includedPaths as string[] };
  }
  if (response && typeof response.error === 'string') {
    const refusal = response.refusal as Partial<SandboxRefusal> | undefined;
    return typeof refusal?.function === 'string'
      ? { error: response.error, refusal: { function: refusal.function, ...(typeof refusal.location === 'string' ? { location: refusal.location } : {}) } }
      : { error: response.error };
  }
  return { error: 'the include sandbox answered with an unexpected message' };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function mapBounded<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
