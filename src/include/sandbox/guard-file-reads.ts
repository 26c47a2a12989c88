/**
 * Puts a check in front of `fs.readFile`, the one call cfn-include reads includes with. Node's permission
 * model already confines reads to the repository root, but it follows symbolic links out of the tree
 * (https://nodejs.org/docs/latest-v20.x/api/permissions.html#limitations-and-known-issues) and it cannot
 * exclude `.git`, where actions/checkout leaves the job's token; this check covers both and turns every
 * refusal into a message that names what was asked for.
 */
import fs from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SandboxRefusal } from './sandbox-protocol.js';

export class IncludeRefusedError extends Error {
  readonly sandboxRefusal: SandboxRefusal;

  constructor(message: string, location: string) {
    super(message);
    this.name = 'IncludeRefusedError';
    this.sandboxRefusal = { function: 'Fn::Include', location };
  }
}

export interface FileReadGuard {
  /** Root-relative paths read so far. */
  readonly includedPaths: ReadonlySet<string>;
}

export interface FileReadLimits {
  maxIncludeReads: number;
  maxIncludedFileBytes: number;
}

type ReadFileCallback = (error: NodeJS.ErrnoException | null, data?: Buffer | string) => void;

export function guardFileReads(root: string, limits: FileReadLimits): FileReadGuard {
  const includedPaths = new Set<string>();
  const readCounts = new Map<string, number>();
  let reads = 0;
  const originalReadFile = fs.readFile;

  const check = (requested: string): string => {
    const absolute = resolve(requested);
    const shown = displayPath(root, absolute);
    if (!isInside(root, absolute)) {
      throw new IncludeRefusedError(`Fn::Include of ${shown} was refused: it is outside the repository root`, absolute);
    }
    let real: string;
    try {
      real = fs.realpathSync.native(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'there is no such file in the repository' : `it cannot be read (${code ?? 'error'})`;
      throw new IncludeRefusedError(`Fn::Include of ${shown} failed: ${reason}`, absolute);
    }
    if (!isInside(root, real)) {
      throw new IncludeRefusedError(`Fn::Include of ${shown} was refused: it is a symbolic link to a file outside the repository root`, absolute);
    }
    const fromRoot = relative(root, real);
    if (fromRoot.split(sep).includes('.git')) {
      throw new IncludeRefusedError(`Fn::Include of ${shown} was refused: files under .git are never read`, absolute);
    }
    const info = fs.statSync(real);
    if (!info.isFile()) throw new IncludeRefusedError(`Fn::Include of ${shown} failed: it is not a file`, absolute);
    if (info.size > limits.maxIncludedFileBytes) {
      throw new IncludeRefusedError(
        `Fn::Include of ${shown} was refused: the file is ${info.size} bytes, over the ${limits.maxIncludedFileBytes}-byte limit`,
        absolute,
      );
    }
    const path = fromRoot.split(sep).join('/');
    if (reads >= limits.maxIncludeReads) {
      const mostRead = [...readCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
      throw new IncludeRefusedError(
        `the expansion was stopped after ${limits.maxIncludeReads} file reads: an include cycle or a runaway include fan-out ` +
          `(${mostRead.map(([file, count]) => `${file} read ${count} times`).join(', ')})`,
        real,
      );
    }
    reads++;
    readCounts.set(path, (readCounts.get(path) ?? 0) + 1);
    includedPaths.add(path);
    return real;
  };

  const guardedReadFile = (path: unknown, ...rest: unknown[]): void => {
    const callback = rest[rest.length - 1] as ReadFileCallback;
    let real: string;
    try {
      if (typeof path !== 'string') throw new IncludeRefusedError('Fn::Include of a non-path location was refused', String(path));
      real = check(path);
    } catch (error) {
      process.nextTick(callback, error);
      return;
    }
    // The checked real path is read, not the requested one, so no link is followed after the check.
    (originalReadFile as (...args: unknown[]) => void)(real, ...rest);
  };
  Object.defineProperty(fs, 'readFile', { value: guardedReadFile, writable: false, configurable: false, enumerable: true });
  return { includedPaths };
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot));
}

/** Root-relative for paths inside the root, absolute for the rest: what a reader of the finding recognises. */
function displayPath(root: string, absolute: string): string {
  return isInside(root, absolute) ? relative(root, absolute).split(sep).join('/') : absolute;
}
