/** Text edits as plain data: a replacement of [startOffset, endOffset) in the original text. */

export interface TextEdit {
  /** Path of the file the edit applies to (a fix may edit a file other than the finding's). */
  path: string;
  startOffset: number;
  endOffset: number;
  newText: string;
}

export class OverlappingEditsError extends Error {}

/** Whether two edits touch the same characters (insertions at one offset count as overlapping). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.path !== b.path) return false;
  if (a.startOffset === a.endOffset && b.startOffset === b.endOffset) return a.startOffset === b.startOffset;
  return a.startOffset < b.endOffset && b.startOffset < a.endOffset ||
    (a.startOffset === a.endOffset && a.startOffset > b.startOffset && a.startOffset < b.endOffset) ||
    (b.startOffset === b.endOffset && b.startOffset > a.startOffset && b.startOffset < a.endOffset);
}

/** Applies edits of one file to its text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  for (let i = 1; i < sorted.length; i++) {
    if (editsOverlap(sorted[i - 1], sorted[i])) {
      throw new OverlappingEditsError(`edits overlap at offset ${sorted[i].startOffset}`);
    }
  }
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.startOffset < cursor || edit.endOffset > text.length) {
      throw new OverlappingEditsError(`edit [${edit.startOffset}, ${edit.endOffset}) is outside the text`);
    }
    result += text.slice(cursor, edit.startOffset) + edit.newText;
    cursor = edit.endOffset;
  }
  return result + text.slice(cursor);
}

/**
 * Merges the edits of one file into a single edit spanning all of them, as ESLint does for a fix:
 * a suggestion block must be one contiguous replacement.
 */
export function mergeEdits(text: string, edits: readonly TextEdit[]): TextEdit {
  if (edits.length === 0) throw new Error('no edits to merge');
  const start = Math.min(...edits.map((e) => e.startOffset));
  const end = Math.max(...edits.map((e) => e.endOffset));
  const shifted = edits.map((e) => ({ ...e, startOffset: e.startOffset - start, endOffset: e.endOffset - start }));
  return { path: edits[0].path, startOffset: start, endOffset: end, newText: applyEdits(text.slice(start, end), shifted) };
}
