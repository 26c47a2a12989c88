/**
 * The contract every fix must keep (rules.md, "What every rule must have"): applying a finding's
 * first fix gives files that still parse and on which the rule no longer fires.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { describeFindings, findingsOf, lintFiles, type RuleCase } from '../rule-tester.js';

export interface FixCase extends RuleCase {
  /** Marks the case as a known gap (node:test `todo`) with the reason. */
  todo?: string;
}

export function testFixClears(ruleId: string, cases: FixCase[]): void {
  for (const fixCase of cases) {
    test(`${ruleId}: the fix clears the finding when ${fixCase.name}`, fixCase.todo ? { todo: fixCase.todo } : {}, () => {
      const before = findingsOf(lintFiles(fixCase.files, fixCase.config), ruleId);
      assert.equal(before.length, 1, `expected one ${ruleId} finding to fix, got:\n${describeFindings(before)}`);
      const [fix] = before[0].fixes;
      assert.ok(fix, `the finding offers no fix: ${before[0].message}`);
      assert.ok(fix.title.length > 0);
      const fixed = Object.fromEntries(applyFixToTexts(fix, new Map(Object.entries(fixCase.files))));
      const result = lintFiles(fixed, fixCase.config);
      const parseErrors = findingsOf(result, 'parse-error');
      assert.equal(parseErrors.length, 0, `the fixed files do not parse:\n${describeFindings(parseErrors)}\n${Object.values(fixed).join('\n---\n')}`);
      const after = findingsOf(result, ruleId);
      assert.equal(after.length, 0, `${ruleId} still fires after '${fix.title}':\n${describeFindings(after)}\n${Object.values(fixed).join('\n---\n')}`);
    });
  }
}
