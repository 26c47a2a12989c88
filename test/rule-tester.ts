/**
 * Declarative rule tests in the ESLint RuleTester spirit: each case is a set of files, and the
 * assertion is what a user would see from that rule (path, line, severity, words of the message).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLintConfig, type LintConfig } from '../src/core/config.js';
import type { Finding } from '../src/core/finding.js';
import { lint, type LintResult } from '../src/core/lint.js';

export interface ExpectedFinding {
  path?: string;
  /** 1-based line the finding starts on. */
  line?: number;
  severity?: Finding['severity'];
  /** Fragments the message must contain. */
  message?: string[];
}

export interface RuleCase {
  name: string;
  files: Record<string, string>;
  config?: Partial<LintConfig>;
}

export interface InvalidRuleCase extends RuleCase {
  expect: ExpectedFinding[];
}

export function lintFiles(files: Record<string, string>, config: Partial<LintConfig> = {}): LintResult {
  return lint(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { ...defaultLintConfig(), ...config },
  );
}

/** Findings of one rule, each with its 1-based start line. */
export function findingsOf(result: LintResult, ruleId: string): (Finding & { line: number })[] {
  return result.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ ...f, line: result.files.get(f.path)!.positionAt(f.startOffset).line }));
}

export function describeFindings(findings: readonly (Finding & { line: number })[]): string {
  return findings.map((f) => `${f.path}:${f.line} ${f.severity} ${f.message}`).join('\n') || '(none)';
}

export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  for (const valid of cases.valid) {
    test(`${ruleId}: stays silent when ${valid.name}`, () => {
      const found = findingsOf(lintFiles(valid.files, valid.config), ruleId);
      assert.equal(found.length, 0, `expected no ${ruleId} finding, got:\n${describeFindings(found)}`);
    });
  }
  for (const invalid of cases.invalid) {
    test(`${ruleId}: reports when ${invalid.name}`, () => {
      const found = findingsOf(lintFiles(invalid.files, invalid.config), ruleId);
      assert.equal(found.length, invalid.expect.length, `expected ${invalid.expect.length} ${ruleId} finding(s), got:\n${describeFindings(found)}`);
      invalid.expect.forEach((expected, i) => {
        const actual = found[i];
        if (expected.path !== undefined) assert.equal(actual.path, expected.path, describeFindings([actual]));
        if (expected.line !== undefined) assert.equal(actual.line, expected.line, describeFindings([actual]));
        if (expected.severity !== undefined) assert.equal(actual.severity, expected.severity, describeFindings([actual]));
        for (const fragment of expected.message ?? []) {
          assert.ok(actual.message.includes(fragment), `message lacks '${fragment}': ${actual.message}`);
        }
      });
    });
  }
}
