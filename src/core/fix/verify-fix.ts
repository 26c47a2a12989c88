/** Applies a fix to in-memory file texts, so tests and the CLI can see exactly what a suggestion would produce. */
import type { Fix } from '../finding.js';
import { applyEdits, type TextEdit } from '../text/text-edit.js';

/**
 * Returns a copy of `texts` (path -> text) with the fix's edits applied per path. Throws when an edit
 * names a path that is not in `texts`, or when edits overlap.
 */
export function applyFixToTexts(fix: Fix, texts: Map<string, string>): Map<string, string> {
  const editsByPath = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) {
    const edits = editsByPath.get(edit.path);
    if (edits) edits.push(edit);
    else editsByPath.set(edit.path, [edit]);
  }
  const result = new Map(texts);
  for (const [path, edits] of editsByPath) {
    const text = texts.get(path);
    if (text === undefined) throw new Error(`fix '${fix.title}' edits ${path}, which is not among the given files`);
    result.set(path, applyEdits(text, edits));
  }
  return result;
}
