/** 1-based line/column regions, computed from offsets only at the edge where findings are printed. */
import { SourceFile } from '../core/text/source-file.js';

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  /** Column just past the last character, as SARIF and editors count it. */
  endColumn: number;
}

const emptyFile = new SourceFile('', '');

/**
 * The region of [startOffset, endOffset) in the file at `path`. A file missing from `files` (a rule bug,
 * not user input) yields line 1, column 1 rather than crashing the whole report.
 */
export function buildRegion(files: ReadonlyMap<string, SourceFile>, path: string, startOffset: number, endOffset: number): Region {
  const file = files.get(path) ?? emptyFile;
  const start = file.positionAt(startOffset);
  const end = file.positionAt(Math.max(startOffset, endOffset));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}
