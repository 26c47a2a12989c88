// Regenerates the rules table in README.md from the registered rules' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleMetas } from '../src/core/lint.js';
import { renderRulesTable, replaceRulesTable } from '../src/core/rules/rules-table.js';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceRulesTable(readme, renderRulesTable(ruleMetas)));
