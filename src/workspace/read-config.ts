/** Finds and reads the config file for the CLI and the Action, and reports an invalid one by key and line. */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { defaultLintConfig, type LintConfig } from '../core/config.js';
import { parseConfigFile } from '../core/config-file.js';
import { ruleMetas } from '../core/lint.js';

/** Where the config is looked up when none is named, in order. */
export const configFileNames = ['.github/ecs-iam-lint.yml', '.ecs-iam-lint.yml'];

export type LoadedConfig = { config: LintConfig; path?: string } | { error: string };

export interface ReadConfigOptions {
  /** The first candidate was named by the user: it must exist. Otherwise missing candidates are skipped. */
  named: boolean;
  /**
   * Refuse a config outside the root, also through a symlink: in the Action the repository is untrusted
   * and must not make the run read (and echo in errors) a file of the runner.
   */
  confineToRoot: boolean;
}

/** The first candidate that exists, parsed; the defaults when none does and none was named. */
export async function readConfig(root: string, candidates: readonly string[], options: ReadConfigOptions): Promise<LoadedConfig> {
  const rootPath = options.confineToRoot ? await realpath(resolve(root)) : resolve(root);
  for (const candidate of candidates) {
    const absolutePath = resolve(rootPath, candidate);
    if (options.confineToRoot && !isInside(rootPath, absolutePath)) return { error: `config ${candidate} is outside the workspace ${rootPath}` };
    let real = absolutePath;
    let text: string;
    try {
      if (options.confineToRoot) {
        real = await realpath(absolutePath);
        if (!isInside(rootPath, real)) return { error: `config ${candidate} resolves to a path outside the workspace` };
      }
      text = await readFile(real, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !options.named) continue;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
      return { error: `cannot read config file ${candidate}: ${reason}` };
    }
    const path = isInside(rootPath, absolutePath) ? relative(rootPath, absolutePath).split(sep).join('/') : absolutePath;
    const parsed = parseConfigFile(text, path, ruleMetas.map((rule) => rule.id));
    if ('error' in parsed) return { error: `invalid config file:\n${parsed.error}` };
    return { config: parsed.config, path };
  }
  return { config: defaultLintConfig() };
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot));
}
