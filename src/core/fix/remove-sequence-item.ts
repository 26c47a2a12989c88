/** A text edit that takes one item out of a list in the file's own style, leaving the other items as written. */
import type { SeqNode } from '../parse/node.js';
import type { TextEdit } from '../text/text-edit.js';
import type { EditableDocument } from './document-edits.js';

/**
 * Removes `seq.items[index]`: in a block list, the item's lines together with the line break before
 * them (so that text inserted at the end of the item's last line, such as a new list item after it,
 * still lands in place); in a flow list or JSON array, the item with the separator after it (before it
 * for the last item). Undefined when the item cannot be taken out cleanly: the list's only item (an
 * empty list means something else), or a block item sharing its line with other text.
 */
export function removeSequenceItem(doc: EditableDocument, seq: SeqNode, index: number): TextEdit | undefined {
  const item = seq.items[index];
  if (!item || seq.items.length < 2) return undefined;
  const { source } = doc;
  const text = source.text;
  const path = doc.path ?? source.path;
  if (item.startOffset < seq.startOffset || item.endOffset > seq.endOffset) return undefined; // an alias's text lives elsewhere
  if (seq.style === 'block') {
    const lineStart = source.lineStartOffset(item.startOffset);
    if (!/^[ \t]*-[ \t]*$/.test(text.slice(lineStart, item.startOffset))) return undefined;
    const lineEnd = source.lineEndOffset(item.endOffset);
    // Comment-only lines between items belong to the next item; the line break before the dash goes.
    let start = lineStart;
    if (start > 0 && text[start - 1] === '\n') start--;
    if (start > 0 && text[start - 1] === '\r') start--;
    return { path, startOffset: start, endOffset: lineEnd, newText: '' };
  }
  if (index < seq.items.length - 1) return { path, startOffset: item.startOffset, endOffset: seq.items[index + 1].startOffset, newText: '' };
  return { path, startOffset: seq.items[index - 1].endOffset, endOffset: item.endOffset, newText: '' };
}
