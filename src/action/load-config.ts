/** Reads the Action's config file from the workspace: never from outside it, not even through a symlink. */
import { readConfig, type LoadedConfig } from '../workspace/read-config.js';
import { fallbackConfigPath } from './action-inputs.js';

export type { LoadedConfig };

/**
 * The config at `configPath` (relative to the workspace). When it is the default path and missing,
 * `.ecs-iam-lint.yml` is tried, then the defaults apply; a path the workflow names must exist.
 */
export async function loadActionConfig(workspace: string, configPath: string, isDefault: boolean): Promise<LoadedConfig> {
  return readConfig(workspace, isDefault ? [configPath, fallbackConfigPath] : [configPath], { named: !isDefault, confineToRoot: true });
}
