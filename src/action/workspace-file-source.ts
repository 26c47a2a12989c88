/** The Action's file source: the checkout under GITHUB_WORKSPACE, read as the CLI reads a directory. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintConfig } from '../core/config.js';
import { readLintFiles } from '../workspace/discover-files.js';
import { buildPathFilter, type FileSource } from '../github/file-source.js';

/** Reads `paths` (relative to the workspace) with the config's include/exclude and size limits. */
export function createWorkspaceFileSource(workspace: string, paths: readonly string[], config: LintConfig): FileSource {
  const repoPaths = paths.map((path) => (isAbsolute(path) ? relative(resolve(workspace), path).split(sep).join('/') : path));
  return {
    readFiles: () => readLintFiles(workspace, repoPaths, config),
    isInScope: buildPathFilter(config, repoPaths),
  };
}
