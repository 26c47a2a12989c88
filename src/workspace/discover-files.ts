/** Finds and reads the files to lint under the working directory, never reading outside it. */
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LintConfig } from '../core/config.js';
import type { InputFile } from '../core/lint.js';
import { compileGlobs } from '../core/glob-match.js';
import { mapBounded } from '../core/map-bounded.js';

/** A path argument the run cannot honour; the CLI reports it and exits 2. */
export class PathArgumentError extends Error {}

/** Directories a walk does not enter unless the user names them: dependencies, VCS data, CDK's generated output. */
const skippedDirectoryNames = new Set(['node_modules', '.git', 'cdk.out']);

/** Files read at once; enough to keep the disk busy without running out of file descriptors. */
const readConcurrency = 16;

interface Candidate {
  /** Root-relative, forward slashes. */
  path: string;
  absolutePath: string;
  size: number;
  explicit: boolean;
}

export interface LintFilesResult {
  files: InputFile[];
  /** Things skipped that the user may want to know about; the CLI prints them to stderr. */
  notices: string[];
}

/**
 * Reads the files named by `paths` (files or directories, relative to `root`). Directories are walked
 * recursively and filtered by the config's include/exclude globs; a file named explicitly is read even
 * when they would skip it. Results are sorted by path. Throws `PathArgumentError` for a path that does
 * not exist or lies outside `root`.
 */
export async function readLintFiles(root: string, paths: readonly string[], config: LintConfig): Promise<LintFilesResult> {
  const rootPath = resolve(root);
  const realRoot = await realpath(rootPath);
  const isIncluded = compileGlobs(config.include);
  const isExcluded = compileGlobs(config.exclude);
  const notices: string[] = [];
  // Keyed by real path: a file named twice, or reached through a symlink too, is linted once, under its
  // own path when that was reached at all.
  const candidatesByRealPath = new Map<string, Candidate & { canonical: boolean }>();

  const toRelative = (absolutePath: string): string => relative(rootPath, absolutePath).split(sep).join('/');

  /** The real path when it lies inside the root, else undefined after a notice. */
  const realPathInsideRoot = async (absolutePath: string, shown: string): Promise<string | undefined> => {
    const real = await realpath(absolutePath);
    if (!isInside(realRoot, real)) {
      notices.push(`skipped ${shown}: it resolves to ${real}, outside ${realRoot}`);
      return undefined;
    }
    return real;
  };

  const addFile = async (absolutePath: string, explicit: boolean): Promise<void> => {
    const path = toRelative(absolutePath);
    const real = await realPathInsideRoot(absolutePath, path);
    if (real === undefined) return;
    const canonical = relative(realRoot, real).split(sep).join('/') === path;
    const previous = candidatesByRealPath.get(real);
    if (previous && (previous.canonical || !canonical)) {
      previous.explicit ||= explicit;
      return;
    }
    const info = await stat(real);
    if (!info.isFile()) return;
    candidatesByRealPath.set(real, { path, absolutePath, size: info.size, explicit: explicit || previous?.explicit === true, canonical });
  };

  const walk = async (directory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      notices.push(`skipped ${toRelative(directory) || '.'}: ${describeError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolutePath = join(directory, entry.name);
      const path = toRelative(absolutePath);
      try {
        if (entry.isDirectory()) {
          if (skippedDirectoryNames.has(entry.name) || isExcluded(path)) continue;
          await walk(absolutePath);
        } else if (entry.isSymbolicLink()) {
          if (!isIncluded(path) || isExcluded(path)) continue;
          // Only symlinked files are read. Symlinked directories are not followed: their targets inside the
          // root are walked anyway, and following them invites cycles.
          await addFile(absolutePath, false);
        } else if (entry.isFile()) {
          if (isIncluded(path) && !isExcluded(path)) await addFile(absolutePath, false);
        }
      } catch (error) {
        notices.push(`skipped ${path}: ${describeError(error)}`);
      }
    }
  };

  for (const argument of paths.length > 0 ? paths : ['.']) {
    const absolutePath = resolve(rootPath, argument);
    if (!isInside(rootPath, absolutePath)) {
      throw new PathArgumentError(
        `${argument} is outside the working directory ${rootPath}; ecs-iam-lint only reads files under the ` +
          'directory it runs in, so run it from a directory that contains the path',
      );
    }
    let info;
    try {
      info = await lstat(absolutePath);
    } catch (error) {
      throw new PathArgumentError(`cannot read ${argument}: ${describeError(error)}`);
    }
    const shown = toRelative(absolutePath) || '.';
    if (info.isSymbolicLink()) {
      const real = await realPathInsideRoot(absolutePath, shown).catch((error: unknown) => {
        throw new PathArgumentError(`cannot read ${argument}: ${describeError(error)}`);
      });
      if (real === undefined) continue;
      info = await stat(real);
    } else if (!isInside(realRoot, await realpath(absolutePath))) {
      // A parent directory of the argument is a symlink that leads out of the root.
      notices.push(`skipped ${shown}: it resolves to a path outside ${realRoot}`);
      continue;
    }
    if (info.isDirectory()) await walk(absolutePath);
    else if (info.isFile()) await addFile(absolutePath, true);
    else throw new PathArgumentError(`${argument} is neither a file nor a directory`);
  }

  const candidates = [...candidatesByRealPath.values()];
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const accepted = selectWithinLimits(candidates, config, notices);
  const files = await mapBounded(accepted, readConcurrency, async (candidate) => {
    try {
      if (candidate.size > config.limits.maxFileBytes) return await readHead(candidate);
      const bytes = await readFile(candidate.absolutePath);
      // The size may have changed since stat; the limit is about what is held in memory, so check again.
      if (bytes.length > config.limits.maxFileBytes) return await readHead(candidate);
      if (!candidate.explicit && bytes.includes(0)) return undefined;
      return { path: candidate.path, text: bytes.toString('utf8') };
    } catch (error) {
      notices.push(`skipped ${candidate.path}: ${describeError(error)}`);
      return undefined;
    }
  });
  return { files: files.filter((file): file is InputFile => file !== undefined), notices };
}

/** How much of an oversized file is read: enough to see whether it is a template or task definition. */
const headBytes = 64 * 1024;

async function readHead(candidate: Candidate): Promise<InputFile> {
  const handle = await open(candidate.absolutePath, 'r');
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    const info = await handle.stat();
    return { path: candidate.path, text: buffer.subarray(0, bytesRead).toString('utf8'), sizeBytes: info.size };
  } finally {
    await handle.close();
  }
}

/** Applies max-file-bytes per file and max-total-bytes over the sorted list, so the cut-off does not depend on timing. */
function selectWithinLimits(candidates: readonly Candidate[], config: LintConfig, notices: string[]): Candidate[] {
  const accepted: Candidate[] = [];
  let totalBytes = 0;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index];
    if (candidate.size > config.limits.maxFileBytes) {
      // Read only its head: the core reports it as a parse error when it looks like a template.
      accepted.push(candidate);
      continue;
    }
    if (totalBytes + candidate.size > config.limits.maxTotalBytes) {
      notices.push(
        `stopped reading at ${candidate.path}: the files so far total ${totalBytes} bytes and max-total-bytes is ` +
          `${config.limits.maxTotalBytes}; ${candidates.length - index === 1 ? '1 file was' : `${candidates.length - index} files were`} not linted`,
      );
      break;
    }
    totalBytes += candidate.size;
    accepted.push(candidate);
  }
  return accepted;
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot));
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
