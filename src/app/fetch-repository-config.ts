/**
 * Reads the config of a repository under review through the API, from its default branch: a pull request
 * cannot loosen the rules it is checked against. An invalid file is reported by key and line.
 */
import { defaultLintConfig } from '../core/config.js';
import { parseConfigFile } from '../core/config-file.js';
import { ruleMetas } from '../core/lint.js';
import type { CallOptions, GitHubClient, RepoRef } from '../github/client.js';
import { configFileNames, type LoadedConfig } from '../workspace/read-config.js';

/**
 * The first of `.github/ecs-iam-lint.yml` and `.ecs-iam-lint.yml` that exists at `ref`, parsed; the
 * defaults when neither does. Throws when GitHub cannot be asked (the caller concludes the check run).
 */
export async function fetchRepositoryConfig(client: GitHubClient, repo: RepoRef, ref: string, options: CallOptions = {}): Promise<LoadedConfig> {
  for (const path of configFileNames) {
    const bytes = await client.getFileContent(repo, path, ref, options);
    if (bytes === undefined) continue;
    const parsed = parseConfigFile(bytes.toString('utf8'), path, ruleMetas.map((rule) => rule.id));
    if ('error' in parsed) return { error: `invalid config file (on ${ref}):\n${parsed.error}` };
    return { config: parsed.config, path };
  }
  return { config: defaultLintConfig() };
}
