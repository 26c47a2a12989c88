// Bundles the include sandbox (src/include/sandbox/sandbox-entry.ts) with cfn-include into one file,
// replacing the parts of cfn-include that reach outside the process: aws-sdk (S3 includes, `type: api`
// includes) and its HTTP client (http/https includes) become stubs that throw. Used by build.mjs for
// dist/include-sandbox.js and by the include tests, which build a fresh copy into a temporary directory:
//   node scripts/build-include-sandbox.mjs OUTFILE
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stubs = join(repoRoot, 'src/include/sandbox/stubs');

/** cfn-include's own modules replaced by stubs, by the path they are required with from its index.js. */
const replacedModules = new Map([
  ['./lib/request', join(stubs, 'request.cjs')],
  ['./lib/include/api', join(stubs, 'api-include.cjs')],
]);

const stubNetworkModules = {
  name: 'stub-cfn-include-network',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/lib\/(request|include\/api)$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]cfn-include[\\/]/.test(args.importer)) return undefined;
      return { path: replacedModules.get(args.path) };
    });
  },
};

/** Fails the build when a module that reaches the network or AWS made it into the bundle anyway. */
const refuseNetworkModules = {
  name: 'refuse-network-modules',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/](aws-sdk|aws-sdk-proxy|proxy-agent)[\\/]/ }, (args) => {
      throw new Error(`${args.path} must not be bundled into the include sandbox`);
    });
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/]cfn-include[\\/]lib[\\/](request|include[\\/]api)\.js$/ }, (args) => {
      throw new Error(`${args.path} must be replaced by a stub in the include sandbox`);
    });
  },
};

// esbuild's ESM output cannot `require` the Node built-ins cfn-include asks for without a `require`. This one
// loads built-ins only: js-yaml looks for `esprima` at run time to support `!!js/function`, and resolving it
// from the sandbox file could load a node_modules/esprima that the repository under review supplies.
const requireShim = [
  "import { createRequire as __createRequire, isBuiltin as __isBuiltin } from 'node:module';",
  'const __builtinRequire = __createRequire(import.meta.url);',
  'const require = (id) => { if (__isBuiltin(id)) return __builtinRequire(id); throw new Error(`the include sandbox loads no module from disk: ${id}`); };',
].join(' ');

export async function buildIncludeSandbox(outfile) {
  return build({
    entryPoints: [join(repoRoot, 'src/include/sandbox/sandbox-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    alias: {
      'aws-sdk': join(stubs, 'aws-sdk.cjs'),
      'aws-sdk-proxy': join(stubs, 'aws-sdk.cjs'),
    },
    plugins: [stubNetworkModules, refuseNetworkModules],
    legalComments: 'eof',
    sourcemap: false,
    minify: false,
    banner: { js: requireShim },
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2];
  if (!outfile) {
    console.error('usage: node scripts/build-include-sandbox.mjs OUTFILE');
    process.exit(2);
  }
  await buildIncludeSandbox(resolve(outfile));
}
