/**
 * Where the texts to lint come from: the workspace checkout in the Action, the API in the App. The review
 * makes the pull request's changed files match its head, whatever the source returned for them.
 */
import { createHash } from 'node:crypto';
import type { LintConfig } from '../core/config.js';
import type { InputFile } from '../core/lint.js';
import { compileGlobs } from '../core/glob-match.js';
import { GitHubRequestError, type CallOptions, type GitHubClient, type PullRequestFile, type RepoRef } from './client.js';
import { mapBounded } from '../core/map-bounded.js';

export interface FileSourceResult {
  /** Repository-relative paths with forward slashes, already filtered by the config's include/exclude. */
  files: InputFile[];
  /** Files skipped and why, for the log and the summary. */
  notices: string[];
}

export interface FileSource {
  readFiles(): Promise<FileSourceResult>;
  /**
   * Whether a path missing from `readFiles` would be linted if it were there: a file the pull request
   * adds that the checkout lacks (a `pull_request_target` run checks out the base). Without it, only
   * files already returned are brought up to the head.
   */
  isInScope?(path: string): boolean;
}

/** A source over files already read, such as ones the App fetched itself. */
export function createStaticFileSource(files: readonly InputFile[], isInScope?: (path: string) => boolean): FileSource {
  return { readFiles: async () => ({ files: [...files], notices: [] }), ...(isInScope ? { isInScope } : {}) };
}

/** Directories a walk skips unless the paths name them, as the CLI does. */
const skippedDirectoryNames = new Set(['node_modules', '.git', 'cdk.out']);

/**
 * Whether a repository path is linted under `paths` (files or directories, relative to the repository
 * root; `.` is everything) and the config's include/exclude globs.
 */
export function buildPathFilter(config: LintConfig, paths: readonly string[]): (path: string) => boolean {
  const isIncluded = compileGlobs(config.include);
  const isExcluded = compileGlobs(config.exclude);
  const roots = (paths.length > 0 ? paths : ['.']).map(normalizeRepoPath);
  return (path) => {
    const root = roots.find((candidate) => candidate === '' || path === candidate || path.startsWith(`${candidate}/`));
    if (root === undefined) return false;
    if (path === root) return !isExcluded(path);
    const below = root === '' ? path : path.slice(root.length + 1);
    const directories = below.split('/').slice(0, -1);
    if (directories.some((name) => skippedDirectoryNames.has(name))) return false;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      if (isExcluded(segments.slice(0, depth).join('/'))) return false;
    }
    return isIncluded(path) && !isExcluded(path);
  };
}

/** `./infra/` → `infra`, `.` → `` (the whole repository). */
export function normalizeRepoPath(path: string): string {
  const normalized = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return normalized === '.' ? '' : normalized;
}

/** Git's blob id of some bytes: SHA-1 of `blob <length>\0` and the bytes. */
export function computeGitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** How much of an oversized file is kept, as the workspace reader keeps: enough to tell what it is. */
const oversizedHeadBytes = 64 * 1024;

/** Files read at once through the API. */
const fetchConcurrency = 8;

export interface ApiFileSourceOptions {
  /** Files or directories to lint, relative to the repository root; default: all. */
  paths?: readonly string[];
  signal?: AbortSignal;
}

/**
 * The files of a repository at `ref` (a commit SHA or branch), read through the git trees and blobs APIs:
 * every blob that the paths and the config's include/exclude select, within the config's size limits.
 * For the App, which has no checkout.
 */
export function createApiFileSource(client: GitHubClient, repo: RepoRef, ref: string, config: LintConfig, options: ApiFileSourceOptions = {}): FileSource {
  const isInScope = buildPathFilter(config, options.paths ?? ['.']);
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  return {
    isInScope,
    async readFiles() {
      const notices: string[] = [];
      const tree = await client.listTree(repo, ref, call);
      if (tree.truncated) notices.push(`the repository tree at ${ref} is too large for one listing; only part of it was linted`);
      const selected: typeof tree.entries = [];
      let totalBytes = 0;
      for (const entry of tree.entries.filter((candidate) => isInScope(candidate.path)).sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (entry.size > config.limits.maxFileBytes) {
          notices.push(`skipped ${entry.path}: ${entry.size} bytes exceeds max-file-bytes (${config.limits.maxFileBytes})`);
          continue;
        }
        if (totalBytes + entry.size > config.limits.maxTotalBytes) {
          notices.push(`stopped reading at ${entry.path}: the files so far total ${totalBytes} bytes and max-total-bytes is ${config.limits.maxTotalBytes}`);
          break;
        }
        totalBytes += entry.size;
        selected.push(entry);
      }
      const texts = await mapBounded(selected, fetchConcurrency, async (entry) => {
        const bytes = await client.getBlob(repo, entry.blobSha, call);
        return bytes.includes(0) ? undefined : { path: entry.path, text: bytes.toString('utf8') };
      });
      return { files: texts.filter((file): file is InputFile => file !== undefined), notices };
    },
  };
}

export interface SyncedFiles {
  files: InputFile[];
  /** Changed files whose head text was fetched because the source had another text or none. */
  fetchedPaths: string[];
  /** Head texts left out on purpose (over max-file-bytes). */
  notices: string[];
  /** Head texts that could not be read. */
  problems: string[];
}

/**
 * Brings the changed files of a pull request to their head text: a checkout of the merge commit (the
 * default for `pull_request`) or of the base (`pull_request_target`) may hold other lines than the head,
 * and review comments are placed on head lines. A text is kept when its git blob id equals the head's;
 * otherwise the head blob is fetched. Removed files, and the old path of a renamed one, are dropped.
 */
export async function syncChangedFiles(
  client: GitHubClient,
  repo: RepoRef,
  files: readonly InputFile[],
  changed: readonly PullRequestFile[],
  config: LintConfig,
  isInScope: ((path: string) => boolean) | undefined,
  options: CallOptions = {},
): Promise<SyncedFiles> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const problems: string[] = [];
  const notices: string[] = [];
  const toFetch: PullRequestFile[] = [];
  for (const file of changed) {
    if (file.previousPath !== undefined && file.previousPath !== file.path) byPath.delete(file.previousPath);
    if (file.status === 'removed') {
      byPath.delete(file.path);
      continue;
    }
    const current = byPath.get(file.path);
    if (current === undefined && !isInScope?.(file.path)) continue;
    if (!file.blobSha) continue;
    // Only the head of an oversized file was read; it is reported as oversized, whichever version it is.
    if (current?.sizeBytes !== undefined) continue;
    if (current !== undefined && computeGitBlobSha(Buffer.from(current.text, 'utf8')) === file.blobSha) continue;
    toFetch.push(file);
  }
  const fetchedPaths: string[] = [];
  await mapBounded(toFetch, fetchConcurrency, async (file) => {
    try {
      const bytes = await client.getBlob(repo, file.blobSha!, options);
      if (bytes.length > config.limits.maxFileBytes) {
        // As the workspace reader does: keep the head, so the file is reported as too large, not ignored.
        byPath.set(file.path, { path: file.path, text: bytes.subarray(0, oversizedHeadBytes).toString('utf8'), sizeBytes: bytes.length });
        notices.push(`${file.path} at the head is ${bytes.length} bytes, over max-file-bytes (${config.limits.maxFileBytes})`);
        return;
      }
      if (bytes.includes(0)) return;
      byPath.set(file.path, { path: file.path, text: bytes.toString('utf8') });
      fetchedPaths.push(file.path);
    } catch (error) {
      problems.push(`could not read ${file.path} at the head of the pull request: ${describeReadFailure(error)}`);
    }
  });
  const result = [...byPath.values()];
  result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: result, fetchedPaths: fetchedPaths.sort(), notices, problems };
}

/**
 * Whether GitHub no longer has what the head commit names: a 404 for its tree or a blob, or a 422 for a
 * commit it does not know. So it is when the pull request's branch was deleted or force-pushed meanwhile.
 */
export function isHeadGone(error: unknown): error is GitHubRequestError {
  if (!(error instanceof GitHubRequestError)) return false;
  if (!/\/git\/(?:trees|blobs)\//.test(error.route)) return false;
  return error.status === 404 || (error.status === 422 && /no commit found|not found/i.test(error.message));
}

function describeReadFailure(error: unknown): string {
  if (isHeadGone(error)) return `GitHub answered ${error.status} (${error.message}): the head commit is gone, as when the branch is deleted or force-pushed`;
  if (error instanceof GitHubRequestError && error.aborted) return 'the time budget ran out';
  return (error as Error)?.message ?? String(error);
}
