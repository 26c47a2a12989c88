// Bundles the CLI (and, once they exist, the Action and App entry points) into self-contained ESM files in dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { buildIncludeSandbox } from './build-include-sandbox.mjs';

// esbuild's ESM output cannot `require` Node built-ins that CommonJS dependencies ask for without this shim.
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const entries = [
  { in: 'src/cli/cli.ts', out: 'dist/cli.js', shebang: true },
  { in: 'src/action/index.ts', out: 'dist/index.js', shebang: false },
  // The App's function for `probot run ./dist/app.js` (npm start); it imports only probot's types, so
  // the bundle holds no probot: the server is node_modules/probot.
  { in: 'src/app/index.ts', out: 'dist/app.js', shebang: false },
  // The Lambda handler with probot inside: one file to deploy, no node_modules.
  { in: 'src/app/lambda.ts', out: 'dist/lambda.js', shebang: false },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Deterministic output: CI compares dist/ with a fresh build byte for byte.
    legalComments: 'eof',
    sourcemap: false,
    minify: false,
    banner: { js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + requireShim },
    logLevel: 'warning',
  });
}

// cfn-include goes only into this separate bundle, which hosts run as a locked-down child process
// (src/include); it must never be imported by the entries above.
await buildIncludeSandbox('dist/include-sandbox.js');
