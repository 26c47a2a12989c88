import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { allRules } from '../../src/core/rules/index.js';
import { renderRulesTable, replaceRulesTable } from '../../src/core/rules/rules-table.js';

const ruleFiles = readdirSync('src/core/rules').filter((name) => name.endsWith('.ts'));

test('every registered rule has a source file, a docs page and a test file named after its id', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${id} is not kebab-case`);
    assert.ok(ruleFiles.includes(`${id}.ts`), `src/core/rules/${id}.ts is missing`);
    assert.ok(existsSync(`docs/rules/${id}.md`), `docs/rules/${id}.md is missing`);
    assert.ok(existsSync(`test/rules/${id}.test.ts`), `test/rules/${id}.test.ts is missing`);
  }
});

test('rule ids are unique and every docs page belongs to a registered rule', () => {
  const ids = allRules.map((rule) => rule.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const page of readdirSync('docs/rules')) {
    assert.ok(ids.includes(page.replace(/\.md$/, '')), `docs/rules/${page} has no rule`);
  }
});

test('the README rules table equals the one generated from rule metadata', () => {
  const readme = readFileSync('README.md', 'utf8');
  const expected = replaceRulesTable(readme, renderRulesTable(allRules.map((rule) => rule.meta)));
  assert.equal(readme, expected, 'run: npm run docs:rules');
});
