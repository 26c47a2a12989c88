/** Unified diffs of a fix, computed from its edits (never by diffing whole texts), for terminals and review bodies. */
import type { Fix } from '../core/finding.js';
import { SourceFile } from '../core/text/source-file.js';
import { applyEdits, type TextEdit } from '../core/text/text-edit.js';

const contextLineCount = 2;

interface DiffLine {
  text: string;
  /** The line break that ends the line as written (`\n`, `\r\n`, `\r`), or '' for a last line without one. */
  eol: string;
}

/** One contiguous replacement of whole lines. */
interface LineChange {
  /** 1-based first old line replaced; for a pure insertion, the line the new lines go before. */
  oldStart: number;
  oldLines: DiffLine[];
  newLines: DiffLine[];
}

/**
 * The diff of applying every edit of `fix`, one `--- a/` / `+++ b/` section per file in the order the
 * edits first name them. Throws when the edits overlap or fall outside their file: that is a rule bug.
 */
export function renderFixDiff(fix: Fix, files: ReadonlyMap<string, SourceFile>): string {
  const editsByPath = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) {
    const list = editsByPath.get(edit.path);
    if (list) list.push(edit);
    else editsByPath.set(edit.path, [edit]);
  }
  let diff = '';
  for (const [path, edits] of editsByPath) {
    const file = files.get(path);
    diff += renderFileDiff(file ?? new SourceFile(path, ''), edits, file === undefined);
  }
  return diff;
}

function renderFileDiff(file: SourceFile, edits: readonly TextEdit[], isNewFile: boolean): string {
  const changes = buildLineChanges(file, edits);
  if (changes.length === 0) return '';
  let diff = `--- ${isNewFile ? '/dev/null' : `a/${file.path}`}\n+++ b/${file.path}\n`;
  const totalLines = countLines(file);
  let lineDelta = 0;
  let index = 0;
  while (index < changes.length) {
    // Changes closer than twice the context share a hunk, as in diff(1), so context never repeats.
    let end = index + 1;
    while (end < changes.length && changes[end].oldStart - oldEnd(changes[end - 1]) - 1 <= 2 * contextLineCount) end++;
    const group = changes.slice(index, end);
    const hunkOldStart = Math.max(1, group[0].oldStart - contextLineCount);
    const hunkOldEnd = Math.min(totalLines, oldEnd(group[group.length - 1]) + contextLineCount);
    let body = '';
    let groupDelta = 0;
    let cursor = hunkOldStart;
    for (const change of group) {
      for (; cursor < change.oldStart; cursor++) body += renderDiffLine(' ', oldLine(file, cursor));
      for (const line of change.oldLines) body += renderDiffLine('-', line);
      for (const line of change.newLines) body += renderDiffLine('+', line);
      cursor = oldEnd(change) + 1;
      groupDelta += change.newLines.length - change.oldLines.length;
    }
    for (; cursor <= hunkOldEnd; cursor++) body += renderDiffLine(' ', oldLine(file, cursor));
    const oldCount = hunkOldEnd - hunkOldStart + 1;
    const newCount = oldCount + groupDelta;
    const newStart = hunkOldStart + lineDelta;
    // An empty side is numbered by the line before it (`-0,0` for an empty file), as diff(1) does.
    diff += `@@ -${oldCount ? hunkOldStart : hunkOldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@\n${body}`;
    lineDelta += groupDelta;
    index = end;
  }
  return diff;
}

/** The edits as whole-line replacements, with lines that did not change trimmed off both ends. */
function buildLineChanges(file: SourceFile, edits: readonly TextEdit[]): LineChange[] {
  const text = file.text;
  for (const edit of edits) {
    if (edit.startOffset < 0 || edit.startOffset > edit.endOffset || edit.endOffset > text.length) {
      throw new RangeError(`edit [${edit.startOffset}, ${edit.endOffset}) is outside ${file.path} (${text.length} characters)`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  const changes: LineChange[] = [];
  let index = 0;
  while (index < sorted.length) {
    const regionStart = file.lineStartOffset(sorted[index].startOffset);
    let regionEnd = editRegionEnd(file, sorted[index]);
    const members = [sorted[index++]];
    let newText: string;
    for (;;) {
      while (index < sorted.length && file.lineStartOffset(sorted[index].startOffset) < regionEnd) {
        regionEnd = Math.max(regionEnd, editRegionEnd(file, sorted[index]));
        members.push(sorted[index++]);
      }
      newText = applyEdits(
        text.slice(regionStart, regionEnd),
        members.map((edit) => ({ ...edit, startOffset: edit.startOffset - regionStart, endOffset: edit.endOffset - regionStart })),
      );
      // New text that does not end in a line break runs into the next line, so that line is part of the change.
      if (newText === '' || endsWithLineBreak(newText)) break;
      if (regionEnd < text.length) regionEnd = nextLineStart(file, regionEnd);
      else if (index < sorted.length && sorted[index].startOffset === text.length) members.push(sorted[index++]);
      else break;
    }
    const oldLines = splitLines(text.slice(regionStart, regionEnd));
    const newLines = splitLines(newText);
    let oldStart = file.positionAt(regionStart).line;
    let head = 0;
    while (head < oldLines.length && head < newLines.length && sameLine(oldLines[head], newLines[head])) head++;
    let tail = 0;
    while (
      tail < oldLines.length - head && tail < newLines.length - head &&
      sameLine(oldLines[oldLines.length - 1 - tail], newLines[newLines.length - 1 - tail])
    ) tail++;
    oldStart += head;
    const change = {
      oldStart,
      oldLines: oldLines.slice(head, oldLines.length - tail),
      newLines: newLines.slice(head, newLines.length - tail),
    };
    if (change.oldLines.length > 0 || change.newLines.length > 0) changes.push(change);
  }
  return changes;
}

/** End of the whole lines an edit touches: its end offset when that starts a line, else the next line's start. */
function editRegionEnd(file: SourceFile, edit: TextEdit): number {
  if (file.positionAt(edit.endOffset).column === 1) return edit.endOffset;
  return nextLineStart(file, edit.endOffset);
}

function nextLineStart(file: SourceFile, offset: number): number {
  const { line } = file.positionAt(offset);
  return line < file.lineCount ? file.offsetAt({ line: line + 1, column: 1 }) : file.text.length;
}

function oldEnd(change: LineChange): number {
  return change.oldStart + change.oldLines.length - 1;
}

/** Lines as diff counts them: a final line break does not start another line. Uses the file's line index. */
function countLines(file: SourceFile): number {
  if (file.text.length === 0) return 0;
  return endsWithLineBreak(file.text) ? file.lineCount - 1 : file.lineCount;
}

function oldLine(file: SourceFile, line: number): DiffLine {
  const start = file.offsetAt({ line, column: 1 });
  const end = file.lineEndOffset(start);
  return { text: file.text.slice(start, end), eol: file.text.slice(end, nextLineStart(file, start)) };
}

function splitLines(text: string): DiffLine[] {
  const lines: DiffLine[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

function sameLine(a: DiffLine, b: DiffLine): boolean {
  return a.text === b.text && a.eol === b.eol;
}

function endsWithLineBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}

/**
 * Lines longer than this are shortened in the display (a one-line JSON template would otherwise repeat
 * its whole text for every finding); the patch itself, and suggestions, stay exact.
 */
const maxShownLineLength = 400;

function renderDiffLine(prefix: string, line: DiffLine): string {
  const text =
    line.text.length > maxShownLineLength
      ? `${line.text.slice(0, 240)} … (${line.text.length - 320} characters not shown) … ${line.text.slice(-80)}`
      : line.text;
  return `${prefix}${text}\n${line.eol === '' ? '\\ No newline at end of file\n' : ''}`;
}
