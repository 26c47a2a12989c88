/**
 * Lints one fuzz case next to the unmodified witness files and checks what must hold whatever the input:
 * nothing escapes, the case stays within its time bound, a rejected file gives exactly one parse-error
 * with a line, the witnesses keep their findings, every offset lies inside its file, and every renderer
 * copes with the result. Returns failures as sentences rather than throwing, so a long run can count them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLintConfig, type LintConfig } from '../../src/core/config.js';
import type { Finding } from '../../src/core/finding.js';
import { lint, ruleMetas, type InputFile, type LintResult } from '../../src/core/lint.js';
import { planReview, renderBodyEntry } from '../../src/github/review-comment.js';
import { buildAnnotations } from '../../src/github/check-run.js';
import type { DiffHunk } from '../../src/github/diff-hunks.js';
import { renderWorkflowCommands } from '../../src/render/github-commands.js';
import { renderJson } from '../../src/render/json.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderMarkdownSummary } from '../../src/render/summary.js';
import { renderText } from '../../src/render/text.js';
import { projectRoot, type FuzzCase } from './fuzz-cases.js';

export interface WitnessSet {
  files: InputFile[];
  /** `path ruleId messageId nodePath` of every finding the witnesses give when linted alone. */
  expected: string[];
}

export interface CaseOutcome {
  /** Wall time of the lint call. */
  lintMilliseconds: number;
  /** Wall time of rendering the result in every format. */
  renderMilliseconds: number;
  failures: string[];
  /** Failures that match a known, reported issue (see knownIssues): counted, not failed on. */
  known: { issue: string; failure: string }[];
  /** Whether the fuzzed file was rejected with a parse error (for the report's mix). */
  rejected: boolean;
  findingCount: number;
}

const witnessSources = [
  ['witness/witness.yaml', 'test/fixtures/hardening/witness.yaml'],
  ['witness/witness-task-definition.json', 'test/fixtures/hardening/witness-task-definition.json'],
] as const;

export function findingKey(finding: Finding): string {
  return `${finding.path} ${finding.ruleId} ${finding.messageId} ${JSON.stringify(finding.nodePath)}`;
}

export function loadWitnesses(config: LintConfig = defaultLintConfig()): WitnessSet {
  const files = witnessSources.map(([path, source]) => ({ path, text: readFileSync(join(projectRoot, source), 'utf8') }));
  const expected = lint(files, config).findings.map(findingKey);
  if (expected.length === 0) throw new Error('the witness files give no findings; the fuzz test could not tell whether they were linted');
  return { files, expected };
}

/**
 * The time a case may take: `baseMilliseconds` for inputs up to 256 KB, growing in proportion beyond,
 * because what is promised is linear time, not a fixed time whatever the size.
 */
export function boundFor(textLength: number, baseMilliseconds: number): number {
  return Math.round(baseMilliseconds * Math.max(1, textLength / (256 * 1024)));
}

/**
 * Issues found by this fuzz test, reported, and reproduced by a `todo` test each (fuzz.test.ts). A failure
 * that matches one is counted as known so the suite stays green; remove the entry when the issue is fixed.
 */
export const knownIssues: { id: string; matches: (failure: string, fuzzCase: FuzzCase) => boolean }[] = [
  // Both issues the fuzz run found (a crash on an empty execution role key, a fix repeated per finding)
  // are fixed; their reproductions are regression tests in fuzz.test.ts. New ones are listed here.
];

export function runFuzzCase(fuzzCase: FuzzCase, witnesses: WitnessSet, baseMilliseconds: number, config: LintConfig = defaultLintConfig()): CaseOutcome {
  const outcome = checkFuzzCase(fuzzCase, witnesses, boundFor(fuzzCase.text.length, baseMilliseconds), config);
  const failures: string[] = [];
  for (const failure of outcome.failures) {
    const issue = knownIssues.find((known) => known.matches(failure, fuzzCase));
    if (issue) outcome.known.push({ issue: issue.id, failure });
    else failures.push(failure);
  }
  outcome.failures = failures;
  return outcome;
}

function checkFuzzCase(fuzzCase: FuzzCase, witnesses: WitnessSet, boundMilliseconds: number, config: LintConfig): CaseOutcome {
  const failures: string[] = [];
  const inputs: InputFile[] = [{ path: fuzzCase.path, text: fuzzCase.text }, ...witnesses.files];
  let result: LintResult;
  const lintStart = performance.now();
  try {
    result = lint(inputs, config);
  } catch (error) {
    const lintMilliseconds = performance.now() - lintStart;
    return { lintMilliseconds, renderMilliseconds: 0, failures: [`lint threw: ${describeError(error)}`], known: [], rejected: false, findingCount: 0 };
  }
  const lintMilliseconds = performance.now() - lintStart;
  if (lintMilliseconds > boundMilliseconds) failures.push(`lint took ${Math.round(lintMilliseconds)} ms, over the ${boundMilliseconds} ms bound`);

  const parsed = result.parsed.find((file) => file.source.path === fuzzCase.path);
  const own = result.findings.filter((finding) => finding.path === fuzzCase.path);
  const parseErrors = own.filter((finding) => finding.ruleId === 'parse-error');
  if (!parsed) failures.push('the fuzzed file is missing from the parsed files');
  else if (parsed.error) {
    if (parseErrors.length !== 1) failures.push(`rejected file (${parsed.error.message}) gave ${parseErrors.length} parse-error findings, not 1`);
    const others = own.filter((finding) => finding.ruleId !== 'parse-error');
    if (others.length > 0) failures.push(`rejected file also gave ${others.map((f) => f.ruleId).join(', ')}`);
    for (const finding of parseErrors) {
      const source = result.files.get(finding.path);
      const line = source?.positionAt(finding.startOffset).line ?? 0;
      if (!source || line < 1 || line > source.lineCount) failures.push(`parse-error line ${line} is outside the file (${source?.lineCount ?? 0} lines)`);
      if (!/^Cannot parse (template|task definition): ./.test(finding.message)) failures.push(`parse-error message reads oddly: ${finding.message}`);
    }
  } else if (parseErrors.length > 0) failures.push(`file that parsed gave a parse-error: ${parseErrors[0].message}`);

  const keys = new Set(result.findings.map(findingKey));
  const missing = witnesses.expected.filter((key) => !keys.has(key));
  if (missing.length > 0) failures.push(`the witness files lost findings: ${missing.join('; ')}`);
  if (result.findings.some((finding) => finding.ruleId === 'parse-error' && finding.path.startsWith('witness/'))) failures.push('a witness file got a parse-error');

  for (const finding of result.findings) checkOffsets(finding, result, failures);

  // Outputs that carry fixes are skipped when their size is already known to be out of proportion: rendering
  // them would only run the process out of memory and hide every other result of the run.
  const renderFixes = checkFixVolume(result, inputs, failures);
  const renderStart = performance.now();
  renderEverything(result, failures, renderFixes);
  const renderMilliseconds = performance.now() - renderStart;
  if (renderMilliseconds > boundMilliseconds) failures.push(`rendering took ${Math.round(renderMilliseconds)} ms, over the ${boundMilliseconds} ms bound`);

  return { lintMilliseconds, renderMilliseconds, failures, known: [], rejected: parsed?.error !== undefined, findingCount: result.findings.length };
}

/** Offsets index into the text that was linted; a finding past the end would point every output at the wrong place. */
function checkOffsets(finding: Finding, result: LintResult, failures: string[]): void {
  const source = result.files.get(finding.path);
  const where = `${finding.ruleId} (${finding.messageId})`;
  if (!source) {
    failures.push(`${where} points at ${finding.path}, which was not linted`);
    return;
  }
  if (!(Number.isInteger(finding.startOffset) && Number.isInteger(finding.endOffset) && finding.startOffset >= 0 && finding.startOffset <= finding.endOffset && finding.endOffset <= source.text.length)) {
    failures.push(`${where} has range ${finding.startOffset}-${finding.endOffset} in a file of ${source.text.length} characters`);
  }
  for (const fix of finding.fixes) {
    for (const edit of fix.edits) {
      const target = result.files.get(edit.path);
      if (!target || edit.startOffset < 0 || edit.startOffset > edit.endOffset || edit.endOffset > target.text.length) {
        failures.push(`${where} has a fix edit ${edit.path}:${edit.startOffset}-${edit.endOffset} outside the file`);
      }
    }
  }
}

/**
 * Whether the fixes every output prints (text, JSON, SARIF, review comments and annotations all show each
 * finding's first fix) stay in proportion to the input. Records a failure and returns false when they do not.
 */
function checkFixVolume(result: LintResult, inputs: readonly InputFile[], failures: string[]): boolean {
  const inputLength = inputs.reduce((sum, file) => sum + file.text.length, 0);
  const allowed = 50 * inputLength + 1_000_000;
  let fixText = 0;
  const byRule = new Map<string, number>();
  for (const finding of result.findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    for (const edit of fix.edits) {
      fixText += edit.newText.length;
      byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + edit.newText.length);
    }
  }
  if (fixText <= allowed) return true;
  const top = [...byRule].sort((a, b) => b[1] - a[1])[0][0];
  failures.push(`the first fixes total ${fixText} characters for ${inputLength} characters of input; most from ${top}`);
  return false;
}

/** Every output a user or GitHub sees: terminal text (with patches), JSON, SARIF, workflow commands, summary, review comments, annotations. */
function renderEverything(result: LintResult, failures: string[], renderFixes: boolean): void {
  const { findings, files } = result;
  const attempt = (name: string, render: () => string): void => {
    try {
      const output = render();
      if (typeof output !== 'string') failures.push(`${name} rendered ${typeof output}`);
      // renderText shows a patch it cannot build as a note instead of failing; a fix that cannot be shown is a rule bug.
      else if (output.includes('(the patch cannot be shown:')) failures.push(`${name}: ${/\(the patch cannot be shown: [^\n]*/.exec(output)![0]}`);
    } catch (error) {
      failures.push(`${name} threw: ${describeError(error)}`);
    }
  };
  attempt('workflow commands', () => renderWorkflowCommands(findings, files));
  attempt('markdown summary', () => {
    const summary = renderMarkdownSummary(findings, files, { maxLength: 65_535 });
    if (summary.length > 65_535) failures.push(`markdown summary is ${summary.length} characters, over its 65535 limit`);
    return summary;
  });
  if (!renderFixes) return;
  attempt('text', () => renderText(findings, files, { color: false }));
  attempt('text (color)', () => renderText(findings, files, { color: true, cwdRelative: (path) => `./${path}` }));
  attempt('json', () => JSON.stringify(renderJson(findings, files)));
  attempt('sarif', () => JSON.stringify(renderSarif(findings, files, ruleMetas, '0.0.0-fuzz')));
  attempt('review comments', () => {
    // Every line of every file in one hunk, so each finding that can be placed inline is.
    const hunks = new Map<string, DiffHunk[]>([...files].map(([path, source]) => [path, [{ startLine: 1, endLine: source.lineCount }]]));
    const plan = planReview(findings, files, hunks, { maxInlineComments: 1000 });
    return [...plan.inline.map((comment) => comment.comment.body), ...plan.body.map((finding) => renderBodyEntry(finding, files))].join('\n');
  });
  attempt('check-run annotations', () => JSON.stringify(buildAnnotations(findings, files)));
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack?.split('\n').find((line) => line.includes('/src/'))?.trim();
  return `${error.name}: ${error.message}${frame ? ` (${frame})` : ''}`;
}
