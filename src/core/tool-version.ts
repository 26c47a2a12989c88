/** The version the CLI prints and SARIF reports, taken from package.json so a release bumps it in one place. */
// The bundler inlines the JSON, so dist/cli.js does not need package.json beside it at run time.
import packageJson from '../../package.json' with { type: 'json' };

export const toolVersion: string = packageJson.version;
