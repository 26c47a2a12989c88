/** Builds the command line that starts the include sandbox under Node's permission model, and finds the sandbox bundle. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SandboxCommandOptions {
  /** Real path of the repository root: the only tree the sandbox may read (besides its own file). */
  root: string;
  /** Real path of the sandbox bundle. */
  sandboxPath: string;
  maxOldSpaceMb: number;
  /** Node's major version; the permission flag was renamed when it left experimental status in 22. */
  nodeMajor?: number;
}

/**
 * Node flags for the sandbox. The permission model grants no write, child process, worker or addon
 * access unless a flag allows it, and none is given; reads are allowed under the root and of the
 * bundle itself, which Node must read to run it. Strings never become code
 * (`--disallow-code-generation-from-strings`): cfn-include needs no `eval`, and later versions' `Fn::Eval`
 * must not work even if such a version is installed by mistake.
 */
export function buildSandboxArgs(options: SandboxCommandOptions): string[] {
  const nodeMajor = options.nodeMajor ?? Number(process.versions.node.split('.')[0]);
  return [
    nodeMajor >= 22 ? '--permission' : '--experimental-permission',
    `--allow-fs-read=${options.root}/*`,
    `--allow-fs-read=${options.sandboxPath}`,
    '--no-addons',
    '--disallow-code-generation-from-strings',
    `--max-old-space-size=${options.maxOldSpaceMb}`,
    // The permission model's experimental warning would otherwise fill the captured stderr.
    '--no-warnings',
    options.sandboxPath,
  ];
}

/** Why a root cannot be handed to `--allow-fs-read`, or undefined when it can. */
export function checkSandboxRoot(root: string): string | undefined {
  // `*` is the permission model's wildcard; a root containing one would grant more than the root.
  if (root.includes('*')) return `the repository path ${root} contains "*", which Node's permission model reads as a wildcard`;
  if (!root.startsWith('/')) return `the repository path ${root} is not an absolute POSIX path`;
  return undefined;
}

/**
 * `include-sandbox.js` next to the running bundle (dist/cli.js, dist/index.js), or dist/ of the
 * repository when running from source (tests, tsx).
 */
export function locateSandbox(): string | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(fromSource ? '../../dist/include-sandbox.js' : './include-sandbox.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}
