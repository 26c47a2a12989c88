import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFindings, lintFiles } from '../rule-tester.js';
import { seedCases } from './seed-variants.js';

for (const seed of seedCases) {
  test(`no rule reports an error or warning when ${seed.name}`, () => {
    const result = lintFiles(seed.files, seed.config);
    for (const file of result.parsed) assert.notEqual(file.kind, 'other', `${file.source.path} was not recognised`);
    const serious = result.findings
      .filter((f) => f.severity !== 'notice')
      .map((f) => ({ ...f, line: result.files.get(f.path)!.positionAt(f.startOffset).line }));
    assert.equal(serious.length, 0, describeFindings(serious));
  });
}
