import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyFixes, maxFixRounds, planFixes, type LintFiles } from '../../src/cli/apply-fixes.js';
import { defaultLintConfig } from '../../src/core/config.js';
import type { Finding, Fix } from '../../src/core/finding.js';
import { SourceFile } from '../../src/core/text/source-file.js';
import { makeTempTree } from './temp-tree.js';

function finding(path: string, fixes: Fix[], severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'r', severity, message: 'm', messageId: 'id', path, startOffset: 0, endOffset: 0, nodePath: [], fixes };
}

function fix(title: string, ...edits: [string, number, number, string][]): Fix {
  return { title, edits: edits.map(([path, startOffset, endOffset, newText]) => ({ path, startOffset, endOffset, newText })) };
}

test('plans the first fix of each finding, grouped by file', () => {
  const plan = planFixes([
    finding('a.yaml', [fix('first', ['a.yaml', 0, 1, 'A']), fix('second', ['a.yaml', 5, 6, 'never'])]),
    finding('b.json', [fix('cross-file', ['b.json', 2, 3, 'B'], ['a.yaml', 3, 3, 'ins'])]),
    finding('c.yaml', []),
  ]);
  assert.deepEqual([...plan.keys()], ['a.yaml', 'b.json']);
  assert.deepEqual(plan.get('a.yaml')!.map((edit) => edit.newText), ['A', 'ins']);
  assert.deepEqual(plan.get('b.json')!.map((edit) => edit.newText), ['B']);
});

test('skips a whole fix when any of its edits overlaps an edit already chosen', () => {
  const plan = planFixes([
    finding('a.yaml', [fix('one', ['a.yaml', 0, 4, 'x'])]),
    finding('a.yaml', [fix('clashes', ['a.yaml', 10, 12, 'y'], ['a.yaml', 2, 6, 'z'])]),
    finding('a.yaml', [fix('same insertion point', ['a.yaml', 8, 8, 'p'])]),
    finding('a.yaml', [fix('same insertion point again', ['a.yaml', 8, 8, 'q'])]),
    finding('a.yaml', [fix('overlaps itself', ['a.yaml', 20, 25, 'm'], ['a.yaml', 22, 23, 'n'])]),
    finding('a.yaml', [fix('touching is fine', ['a.yaml', 4, 6, 'w'])]),
  ]);
  assert.deepEqual(plan.get('a.yaml')!.map((edit) => edit.newText), ['x', 'p', 'w']);
});

/** A stand-in for lint(): every `Bad` is a finding whose fix turns it into `Good`. */
const lintBad: LintFiles = (files) => {
  const findings: Finding[] = [];
  for (const file of files) {
    for (let index = file.text.indexOf('Bad'); index !== -1; index = file.text.indexOf('Bad', index + 1)) {
      findings.push({ ...finding(file.path, [fix('use Good', [file.path, index, index + 3, 'Good'])]), startOffset: index, endOffset: index + 3 });
    }
  }
  return { findings, files: new Map(files.map((file) => [file.path, new SourceFile(file.path, file.text)])), parsed: [] };
};

test('writes the fixed files and returns what is left after re-linting', async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'x: Bad\ny: Bad\n', 'b.yaml': 'fine\n' });
  const files = [{ path: 'a.yaml', text: 'x: Bad\ny: Bad\n' }, { path: 'b.yaml', text: 'fine\n' }];
  const outcome = await applyFixes(root, files, defaultLintConfig(), lintBad);
  assert.equal(await readFile(join(root, 'a.yaml'), 'utf8'), 'x: Good\ny: Good\n');
  assert.deepEqual(outcome.result.findings, []);
  assert.deepEqual(outcome.fixedPaths, ['a.yaml']);
  assert.equal(outcome.fixCount, 2);
  assert.equal(outcome.rounds, 1);
  assert.deepEqual(outcome.files, [{ path: 'a.yaml', text: 'x: Good\ny: Good\n' }, { path: 'b.yaml', text: 'fine\n' }]);
});

test('re-lints and applies again when a fix was skipped for overlapping', async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'BadBad' });
  // Each fix rewrites the whole text, so only one can be chosen per round.
  const lintWhole: LintFiles = (files, config) => {
    const result = lintBad(files, config);
    for (const item of result.findings) {
      const text = files[0].text;
      item.fixes = [fix('rewrite', ['a.yaml', 0, text.length, text.slice(0, item.startOffset) + 'Good' + text.slice(item.endOffset)])];
    }
    return result;
  };
  const outcome = await applyFixes(root, [{ path: 'a.yaml', text: 'BadBad' }], defaultLintConfig(), lintWhole);
  assert.equal(await readFile(join(root, 'a.yaml'), 'utf8'), 'GoodGood');
  assert.equal(outcome.rounds, 2);
  assert.equal(outcome.result.findings.length, 0);
});

test(`stops after ${maxFixRounds} rounds when fixes keep producing findings, reporting what is left`, async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'x' });
  let calls = 0;
  const lintForever: LintFiles = (files) => {
    calls++;
    const text = files[0].text;
    return { ...lintBad([], defaultLintConfig()), findings: [finding('a.yaml', [fix('grow', ['a.yaml', text.length, text.length, 'x'])])] };
  };
  const outcome = await applyFixes(root, [{ path: 'a.yaml', text: 'x' }], defaultLintConfig(), lintForever);
  assert.equal(outcome.rounds, maxFixRounds);
  assert.equal(calls, maxFixRounds + 1);
  assert.equal(await readFile(join(root, 'a.yaml'), 'utf8'), 'x'.repeat(maxFixRounds + 1));
  assert.equal(outcome.result.findings.length, 1);
});

test('leaves a file alone when it changed on disk since it was read', async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'Bad' });
  await writeFile(join(root, 'a.yaml'), 'Bad, edited meanwhile');
  const outcome = await applyFixes(root, [{ path: 'a.yaml', text: 'Bad' }], defaultLintConfig(), lintBad);
  assert.equal(await readFile(join(root, 'a.yaml'), 'utf8'), 'Bad, edited meanwhile');
  assert.equal(outcome.rounds, 0);
  assert.equal(outcome.result.findings.length, 1);
  assert.match(outcome.notices[0], /^not fixed: a\.yaml: the file changed since it was read/);
});

test('does not write a file that was not linted, even when a fix names it', async (t) => {
  const root = await makeTempTree(t, { 'a.yaml': 'ok' });
  const lintOther: LintFiles = (files, config) => ({ ...lintBad(files, config), findings: [finding('a.yaml', [fix('escape', ['../outside.yaml', 0, 0, 'x'])])] });
  const outcome = await applyFixes(root, [{ path: 'a.yaml', text: 'ok' }], defaultLintConfig(), lintOther);
  assert.deepEqual(outcome.notices, ['not fixed: a fix edits ../outside.yaml, which was not linted']);
  assert.equal(outcome.rounds, 0);
});
