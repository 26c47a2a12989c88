/** `--fix`: applies the first fix of each finding to the files on disk and re-lints until nothing changes. */
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { LintConfig } from '../core/config.js';
import type { Finding, Fix } from '../core/finding.js';
import type { InputFile, LintResult } from '../core/lint.js';
import { applyEdits, editsOverlap, type TextEdit } from '../core/text/text-edit.js';

/** A fix can make another finding appear (or its fix apply cleanly only afterwards); five rounds settle every real case. */
export const maxFixRounds = 5;

export type LintFiles = (files: readonly InputFile[], config: LintConfig) => LintResult;

export interface ApplyFixesResult {
  /** The lint of the files as they are after fixing: what is left to report. */
  result: LintResult;
  /** The input files with their fixed texts. */
  files: InputFile[];
  /** Paths written, sorted. */
  fixedPaths: string[];
  /** Fixes applied over all rounds. */
  fixCount: number;
  /** Rounds that changed something. */
  rounds: number;
  /** Fixes that could not be applied, for stderr. */
  notices: string[];
}

/**
 * The first fix of every finding, in order, leaving out any fix with an edit that overlaps an edit already
 * chosen (or one of its own): the skipped finding is still there on the next round, with a fresh fix.
 */
export function chooseFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const chosenEdits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    const conflicts = fix.edits.some(
      (edit, index) =>
        fix.edits.some((other, otherIndex) => otherIndex < index && editsOverlap(edit, other)) ||
        chosenEdits.some((other) => editsOverlap(edit, other)),
    );
    if (conflicts) continue;
    chosen.push(fix);
    chosenEdits.push(...fix.edits);
  }
  return chosen;
}

/** The chosen fixes' edits grouped by the file they change. */
export function planFixes(findings: readonly Finding[]): Map<string, TextEdit[]> {
  const plan = new Map<string, TextEdit[]>();
  for (const fix of chooseFixes(findings)) {
    for (const edit of fix.edits) {
      const edits = plan.get(edit.path);
      if (edits) edits.push(edit);
      else plan.set(edit.path, [edit]);
    }
  }
  return plan;
}

/**
 * Lints `files`, writes the planned fixes under `root`, and repeats on the new texts for at most
 * `maxFixRounds` rounds or until a round changes nothing. Only files in `files` are written: a fix that
 * names any other path is reported, not applied.
 */
export async function applyFixes(
  root: string,
  files: readonly InputFile[],
  config: LintConfig,
  lintFiles: LintFiles,
): Promise<ApplyFixesResult> {
  const textByPath = new Map(files.map((file) => [file.path, file.text]));
  const current = (): InputFile[] => files.map((file) => ({ path: file.path, text: textByPath.get(file.path)! }));
  const fixedPaths = new Set<string>();
  const notices: string[] = [];
  let fixCount = 0;
  let rounds = 0;
  let result = lintFiles(current(), config);
  while (rounds < maxFixRounds) {
    const fixes = chooseFixes(result.findings);
    const failedPaths = new Set<string>();
    const written: string[] = [];
    for (const [path, edits] of planFixes(result.findings)) {
      const text = textByPath.get(path);
      if (text === undefined) {
        notices.push(`not fixed: a fix edits ${path}, which was not linted`);
        failedPaths.add(path);
        continue;
      }
      try {
        const fixed = applyEdits(text, edits);
        if (fixed === text) continue;
        await writeFixedFile(root, path, text, fixed);
        textByPath.set(path, fixed);
        written.push(path);
      } catch (error) {
        notices.push(`not fixed: ${path}: ${(error as Error).message}`);
        failedPaths.add(path);
      }
    }
    if (written.length === 0) break;
    rounds++;
    for (const path of written) fixedPaths.add(path);
    fixCount += fixes.filter((fix) => fix.edits.every((edit) => !failedPaths.has(edit.path))).length;
    result = lintFiles(current(), config);
  }
  return { result, files: current(), fixedPaths: [...fixedPaths].sort(), fixCount, rounds, notices };
}

/**
 * Writes the fixed text, after checking the file still holds exactly the text that was linted: a file edited
 * meanwhile, or one whose bytes are not valid UTF-8 (decoding replaced some), must not be overwritten.
 */
async function writeFixedFile(root: string, path: string, expectedText: string, fixedText: string): Promise<void> {
  const rootPath = resolve(root);
  const absolutePath = resolve(rootPath, path);
  // Only paths of linted files reach here (paths outside the working directory only when named as arguments).
  if (isAbsolute(path) || relative(rootPath, absolutePath) === '') throw new Error('not a linted file path');
  const bytes = await readFile(absolutePath);
  if (!bytes.equals(Buffer.from(expectedText, 'utf8'))) {
    throw new Error('the file changed since it was read, or is not valid UTF-8; left as it is');
  }
  await writeFile(absolutePath, fixedText, 'utf8');
}
