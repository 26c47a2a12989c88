/**
 * Applies every fix the fixtures and examples produce and checks the promise a suggestion makes: the
 * patched files still parse, the finding is gone, nothing new at error level appears, and for the
 * snapshot cases the patched text is exactly the reviewed expected file.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { defaultLintConfig } from '../../src/core/config.js';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import type { Finding } from '../../src/core/finding.js';
import { lint } from '../../src/core/lint.js';

function readTree(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json|template)$/.test(name) && !name.includes('.expected.')) texts.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return texts;
}

function lintTexts(texts: Map<string, string>) {
  return lint([...texts].map(([path, text]) => ({ path, text })), defaultLintConfig());
}

const key = (f: Finding) => `${f.ruleId} ${f.path} ${f.messageId}`;

for (const root of ['examples', 'test/fixtures/fixes']) {
  if (!existsSync(root)) continue;
  const texts = readTree(root);
  const before = lintTexts(texts);
  const fixable = before.findings.filter((f) => f.fixes.length > 0);

  test(`${root}: the fixtures produce fixes to check`, () => {
    assert.ok(fixable.length > 0, 'no finding with a fix');
  });

  for (const finding of fixable) {
    finding.fixes.forEach((fix, index) => {
      test(`${root}: fix ${index + 1} "${fix.title}" for ${finding.ruleId} in ${finding.path} parses, removes the finding and adds no error`, () => {
        const patched = applyFixToTexts(fix, texts);
        const after = lintTexts(patched);
        for (const path of new Set(fix.edits.map((e) => e.path))) {
          const parsed = after.parsed.find((p) => p.source.path === path);
          assert.ok(parsed && !parsed.error && parsed.kind !== 'other', `${path} no longer parses: ${parsed?.error?.message}`);
        }
        const remaining = after.findings.filter((f) => key(f) === key(finding));
        assert.equal(remaining.length, 0, `finding still there after the fix:\n${remaining.map((f) => f.message).join('\n')}`);
        const oldErrors = new Set(before.findings.filter((f) => f.severity === 'error').map(key));
        const newErrors = after.findings.filter((f) => f.severity === 'error' && !oldErrors.has(key(f)));
        assert.deepEqual(newErrors.map((f) => `${key(f)}: ${f.message}`), []);
      });
    });
  }
}

/** Snapshot cases: applying every first fix (as `--fix` does) gives the reviewed expected file. */
const snapshotRoot = 'test/fixtures/fixes';
if (existsSync(snapshotRoot)) {
  for (const name of readdirSync(snapshotRoot).filter((n) => /\.expected\./.test(n))) {
    const inputName = name.replace('.expected.', '.');
    test(`fixing ${inputName} gives ${name}`, () => {
      let texts = new Map([[inputName, readFileSync(join(snapshotRoot, inputName), 'utf8')]]);
      for (let round = 0; round < 5; round++) {
        const result = lintTexts(texts);
        const fixes = result.findings.filter((f) => f.fixes.length).map((f) => f.fixes[0]);
        if (fixes.length === 0) break;
        // One fix per round keeps the rounds simple; overlapping fixes would be skipped by --fix anyway.
        texts = applyFixToTexts(fixes[0], texts);
      }
      assert.equal(texts.get(inputName), readFileSync(join(snapshotRoot, name), 'utf8'));
    });
  }
}
