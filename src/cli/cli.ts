/** The bundle entry for `dist/cli.js`: runs the CLI with this process's arguments and streams. */
// The `#!/usr/bin/env node` line comes from the bundler's banner: TypeScript files cannot start with one here.
import { runCli } from './main.js';

// Setting exitCode instead of calling process.exit lets piped stdout drain; no top-level await, so the
// bundle may be ESM or CommonJS.
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
