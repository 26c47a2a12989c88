/** Text edits that change one value, list or map of a parsed YAML or JSON document in the file's own style. */
import type { DocNode, MapEntry, MapNode, ScalarNode, SeqNode } from '../parse/node.js';
import { intrinsicName } from '../parse/node.js';
import type { Syntax } from '../parse/parsed-file.js';
import type { SourceFile } from '../text/source-file.js';
import type { TextEdit } from '../text/text-edit.js';
import {
  detectStyle,
  isInlineValue,
  renderKey,
  renderValue,
  renderYamlEntry,
  renderYamlEntryValue,
  type FixValue,
  type RenderContext,
  type RenderableValue,
  type SourceText,
} from './fix-value.js';

/** What the edits need from a parsed file; a `ParsedFile` with its `root` checked fits. */
export interface EditableDocument {
  /** Path the edits name; defaults to `source.path`. */
  path?: string;
  source: SourceFile;
  root: DocNode;
  syntax: Syntax;
}

export interface InsertAfterOptions {
  /** Key of the entry the new one goes right after; the new entry goes last when absent or not found. */
  after?: string;
}

/**
 * Adds an item at the end of a list: a new `- item` line under a block list, `, item` before the `]` of
 * a flow list or JSON array (copying the separator the list already uses, so comma placement and line
 * layout stay), or the first element of an empty `[]`.
 */
export function appendToSequence(doc: EditableDocument, seq: SeqNode, item: FixValue): TextEdit[] {
  const context = detectStyle(doc.source, doc.root);
  if (seq.style === 'block') {
    const { source } = doc;
    const dashColumn = columnOf(source, seq.startOffset);
    const gap = dashGap(source, seq);
    const itemIndent = ' '.repeat(dashColumn + 1 + gap);
    const last = seq.items[seq.items.length - 1];
    const offset = source.lineEndOffset(last.endOffset);
    const rendered = renderValue(item, { ...context, indent: itemIndent, flow: false });
    const newText = `${context.newline}${' '.repeat(dashColumn)}-${' '.repeat(gap)}${rendered}`;
    return [edit(doc, offset, offset, newText)];
  }
  const members = seq.items.map((node) => ({ startOffset: node.startOffset, endOffset: node.endOffset }));
  return [
    insertIntoBrackets(doc, context, seq, members, members.length - 1, (memberContext) => renderValue(item, memberContext), () =>
      isInlineValue({ kind: 'list', items: [item] }, context, false),
    ),
  ];
}

/**
 * Adds `key: value` to a map: a new line at the keys' indentation for a block map (block values on the
 * lines below, one unit deeper), `, key: value` in a flow map, a new member in a JSON object.
 * Throws when the key is already there: a duplicate key makes the template invalid.
 */
export function addMapEntry(doc: EditableDocument, map: MapNode, key: string, value: FixValue, options: InsertAfterOptions = {}): TextEdit[] {
  if (map.entries.some((entry) => entry.key === key)) throw new Error(`map already has the key '${key}'`);
  const context = detectStyle(doc.source, doc.root);
  const anchorIndex = anchorEntryIndex(map, options.after);
  if (map.style === 'block') return [insertBlockEntry(doc, context, map.entries[anchorIndex], key, value, false)];

  const members = map.entries.map((entry) => ({ startOffset: entry.keyNode.startOffset, endOffset: entry.value.endOffset }));
  const colon = map.style === 'json' ? jsonColonOf(doc, map, anchorIndex, context) : ': ';
  return [
    insertIntoBrackets(
      doc,
      context,
      map,
      members,
      anchorIndex,
      (memberContext) => renderKey(key, memberContext, true) + colon + renderValue(value, memberContext),
      () => false,
    ),
  ];
}

/**
 * Replaces a node with a value. An intrinsic keeps the form the old node used (`!Ref Role` becomes
 * `!GetAtt Role.Arn`, `Ref: Role` becomes `Fn::GetAtt: [Role, Arn]`); other values follow the file.
 */
export function replaceScalarOrNode(doc: EditableDocument, node: DocNode, value: FixValue): TextEdit[] {
  const context = detectStyle(doc.source, doc.root);
  let shortForm = context.shortForm;
  if (doc.syntax === 'yaml' && node.kind === 'map' && intrinsicName(node) !== undefined) shortForm = node.shortForm !== undefined;
  return [replaceNode(doc, { ...context, shortForm }, node, value)];
}

/**
 * Turns a single value into a list holding it (kept as written) followed by `items`:
 * `Action: sts:AssumeRole` becomes a block list, a flow list inside a flow map, a JSON array in JSON.
 * A null value (`Action:` with nothing after it) just becomes the list of `items`.
 */
export function convertScalarToSequence(doc: EditableDocument, mapEntryValue: ScalarNode | DocNode, items: FixValue[]): TextEdit[] {
  const context = detectStyle(doc.source, doc.root);
  const existing: RenderableValue[] =
    mapEntryValue.kind === 'scalar' && mapEntryValue.value === null ? [] : [keptValue(doc, mapEntryValue)];
  return [replaceNode(doc, context, mapEntryValue, { kind: 'list', items: [...existing, ...items] })];
}

/**
 * Removes a key and its value: the entry's lines in a block map (an entry sharing its line with a list
 * dash gives that line to the next key), the member and one adjacent comma in a flow map or JSON
 * object. A map left empty becomes `{}`. Returns no edit when the key is not there.
 */
export function removeMapEntry(doc: EditableDocument, map: MapNode, key: string): TextEdit[] {
  const index = map.entries.findIndex((entry) => entry.key === key);
  if (index === -1) return [];
  const entry = map.entries[index];
  // Entries merged in with `<<` live in another map's text.
  if (entry.keyNode.startOffset < map.startOffset || entry.value.endOffset > map.endOffset) return [];
  const { source } = doc;
  const text = source.text;

  if (map.entries.length === 1) return [emptyMap(doc, map)];
  if (map.style !== 'block') {
    if (index < map.entries.length - 1) return [edit(doc, entry.keyNode.startOffset, map.entries[index + 1].keyNode.startOffset, '')];
    return [edit(doc, map.entries[index - 1].value.endOffset, entry.value.endOffset, '')];
  }

  const keyStart = entry.keyNode.startOffset;
  const lineStart = source.lineStartOffset(keyStart);
  if (!/^[ \t]*$/.test(text.slice(lineStart, keyStart))) {
    // `- Role: x` with more keys below: the next key moves up behind the dash.
    const next = map.entries[index + 1];
    if (next !== undefined) return [edit(doc, keyStart, next.keyNode.startOffset, '')];
    return [edit(doc, map.entries[index - 1].value.endOffset, entry.value.endOffset, '')];
  }
  const lineEnd = source.lineEndOffset(entry.value.endOffset);
  if (lineEnd < text.length) return [edit(doc, lineStart, skipLineBreak(text, lineEnd), '')];
  // The entry ends the file without a final line break: take the line break before it instead.
  return [edit(doc, lineBreakStartBefore(text, lineStart), lineEnd, '')];
}

/**
 * Removes `seq.items[index]`: in a block list, the item's lines together with the line break before
 * them (so text inserted at the end of the item's last line, such as a new item after it, still lands
 * in place); in a flow list or JSON array, the item with the separator after it (before it for the last
 * item). No edit when the item cannot be taken out cleanly: the list's only item (an empty list means
 * something else, and a policy needs a statement), or a block item sharing its line with other text.
 */
export function removeSequenceItem(doc: EditableDocument, seq: SeqNode, index: number): TextEdit[] {
  const item = seq.items[index];
  if (!item || seq.items.length < 2) return [];
  const { source } = doc;
  const text = source.text;
  if (item.startOffset < seq.startOffset || item.endOffset > seq.endOffset) return []; // an alias's text lives elsewhere
  if (seq.style === 'block') {
    const lineStart = source.lineStartOffset(item.startOffset);
    if (!/^[ \t]*-[ \t]*$/.test(text.slice(lineStart, item.startOffset))) return [];
    const lineEnd = source.lineEndOffset(item.endOffset);
    // Comment-only lines between items belong to the next item; the line break before the dash goes.
    let start = lineStart;
    if (start > 0 && text[start - 1] === '\n') start--;
    if (start > 0 && text[start - 1] === '\r') start--;
    return [edit(doc, start, lineEnd, '')];
  }
  if (index < seq.items.length - 1) return [edit(doc, item.startOffset, seq.items[index + 1].startOffset, '')];
  return [edit(doc, seq.items[index - 1].endOffset, item.endOffset, '')];
}

/**
 * Adds a resource under `Resources`: after `after` (or last), separated by a blank line in YAML when the
 * file separates its resources that way; a new member in JSON.
 */
export function insertTopLevelResource(
  doc: EditableDocument,
  resourcesMap: MapNode,
  logicalId: string,
  body: FixValue,
  options: InsertAfterOptions = {},
): TextEdit[] {
  if (resourcesMap.style !== 'block') return addMapEntry(doc, resourcesMap, logicalId, body, options);
  if (resourcesMap.entries.some((entry) => entry.key === logicalId)) throw new Error(`Resources already has '${logicalId}'`);
  const context = detectStyle(doc.source, doc.root);
  const anchor = resourcesMap.entries[anchorEntryIndex(resourcesMap, options.after)];
  const blankLine = separatesWithBlankLines(doc, resourcesMap) ?? (doc.root.kind === 'map' && separatesWithBlankLines(doc, doc.root)) ?? false;
  return [insertBlockEntry(doc, context, anchor, logicalId, body, blankLine)];
}

function insertBlockEntry(
  doc: EditableDocument,
  context: RenderContext,
  anchor: MapEntry,
  key: string,
  value: RenderableValue,
  blankLine: boolean,
): TextEdit {
  const { source } = doc;
  const keyIndent = ' '.repeat(columnOf(source, anchor.keyNode.startOffset));
  // After the anchor's last line, so a comment on that line stays with it.
  const offset = source.lineEndOffset(anchor.value.endOffset);
  const entryText = renderYamlEntry(key, value, { ...context, indent: keyIndent, flow: false });
  const newText = context.newline + (blankLine ? context.newline : '') + keyIndent + entryText;
  return edit(doc, offset, offset, newText);
}

interface MemberRange {
  startOffset: number;
  endOffset: number;
}

/**
 * Inserts a member into a flow collection or JSON collection right after `members[anchorIndex]`,
 * using the separator the collection already has between members (`, `, `,\n    `, `\n  , `).
 */
function insertIntoBrackets(
  doc: EditableDocument,
  context: RenderContext,
  collection: MapNode | SeqNode,
  members: MemberRange[],
  anchorIndex: number,
  renderMember: (memberContext: RenderContext) => string,
  prefersInlineWhenEmpty: () => boolean,
): TextEdit {
  const { source } = doc;
  const text = source.text;
  const isJson = collection.style === 'json';
  const oneLine = isOneLine(text, collection);

  if (members.length === 0) {
    const [open, close] = collection.kind === 'map' ? ['{', '}'] : ['[', ']'];
    if (!isJson || context.flow || prefersInlineWhenEmpty()) {
      const pad = (collection.kind === 'map' ? context.padMaps : context.padSeqs) ? ' ' : '';
      const member = renderMember({ ...context, flow: true });
      return edit(doc, collection.startOffset, collection.endOffset, open + pad + member + pad + close);
    }
    const indent = lineIndentOf(source, collection.startOffset);
    const inner = indent + context.indentUnit;
    const member = renderMember({ ...context, indent: inner, flow: false });
    return edit(doc, collection.startOffset, collection.endOffset, `${open}${context.newline}${inner}${member}${context.newline}${indent}${close}`);
  }

  const anchor = members[anchorIndex];
  let separator: string;
  if (members.length > 1) {
    const left = anchorIndex < members.length - 1 ? anchorIndex : anchorIndex - 1;
    separator = text.slice(members[left].endOffset, members[left + 1].startOffset);
  } else {
    const lead = text.slice(collection.startOffset + 1, members[0].startOffset);
    separator = /[\r\n]/.test(lead) ? `,${lead}` : isJson ? context.jsonComma : ', ';
  }
  // A YAML comment between members belongs to its own member; do not copy it.
  if (separator.includes('#')) separator = oneLine ? ', ' : `,${context.newline}${columnIndentOf(source, anchor.startOffset)}`;

  const compact = !isJson || oneLine || context.flow;
  const memberContext: RenderContext = compact
    ? { ...context, flow: true }
    : { ...context, indent: lineIndentOf(source, anchor.startOffset), flow: false };
  return edit(doc, anchor.endOffset, anchor.endOffset, separator + renderMember(memberContext));
}

/** Replaces a node's text with a value, taking a block value onto the lines below its key. */
function replaceNode(doc: EditableDocument, context: RenderContext, node: DocNode, value: RenderableValue): TextEdit {
  const { source } = doc;
  const ancestors = findAncestors(doc.root, node);
  if (ancestors === undefined) throw new Error('node is not part of the document');
  const parent = ancestors[ancestors.length - 1];

  if (doc.syntax === 'json') {
    const compact = context.flow || (parent !== undefined && isOneLine(source.text, parent));
    const rendered = renderValue(value, { ...context, indent: lineIndentOf(source, node.startOffset), flow: compact });
    return edit(doc, node.startOffset, node.endOffset, rendered);
  }

  const inFlow = context.flow || ancestors.some((ancestor) => isFlowCollection(ancestor));
  if (inFlow) return edit(doc, node.startOffset, node.endOffset, renderValue(value, { ...context, flow: true }));

  const entry = parent?.kind === 'map' && parent.shortForm === undefined ? parent.entries.find((candidate) => candidate.value === node) : undefined;
  if (entry !== undefined) {
    // From just after `key:`, so a value moving between the key's line and the lines below leaves no stray space.
    const keyIndent = ' '.repeat(columnOf(source, entry.keyNode.startOffset));
    const colonOffset = source.text.indexOf(':', entry.keyNode.endOffset);
    const keyWidth = source.text.slice(entry.keyNode.startOffset, colonOffset).length;
    const rendered = renderYamlEntryValue(value, { ...context, indent: keyIndent, flow: false }, keyWidth);
    return edit(doc, colonOffset + 1, node.endOffset, rendered);
  }
  const rendered = renderValue(value, { ...context, indent: ' '.repeat(columnOf(source, node.startOffset)), flow: false });
  return edit(doc, node.startOffset, node.endOffset, rendered);
}

/** An existing value as it is written, to be moved into a new list; re-rendered when its text cannot go there. */
function keptValue(doc: EditableDocument, node: DocNode): RenderableValue {
  const { source } = doc;
  const text = source.text.slice(node.startOffset, node.endOffset);
  if (node.kind === 'scalar') {
    if (node.style === 'block-literal' || node.style === 'block-folded') return { kind: 'string', value: String(node.value) };
    // A plain scalar holding flow indicators could not move into a flow list as written.
    if (node.style === 'plain' && /[,[\]{}]/.test(text)) return { kind: 'string', value: String(node.value) };
  }
  const before = source.text.slice(source.lineStartOffset(node.startOffset), node.startOffset);
  // A value that opens its own block (its keys or dashes line up with it) moves relative to its column.
  const baseIndent = /^[ \t-]*$/.test(before) && doc.syntax === 'yaml' ? ' '.repeat(before.length) : (/^[ \t]*/.exec(before)?.[0] ?? '');
  const kept: SourceText = { kind: 'source', text, baseIndent };
  return kept;
}

function emptyMap(doc: EditableDocument, map: MapNode): TextEdit {
  const text = doc.source.text;
  if (map.style !== 'block') return edit(doc, map.startOffset, map.endOffset, '{}');
  let before = map.startOffset;
  while (before > 0 && /\s/.test(text[before - 1])) before--;
  // `Properties:` followed by the emptied map on the lines below becomes `Properties: {}`.
  if (before > 0 && text[before - 1] === ':') return edit(doc, before, map.endOffset, ' {}');
  return edit(doc, map.startOffset, map.endOffset, '{}');
}

/**
 * Whether the map's entries are separated by blank lines (the majority of gaps), or undefined when it
 * has fewer than two entries to tell from.
 */
function separatesWithBlankLines(doc: EditableDocument, map: MapNode): boolean | undefined {
  if (map.style !== 'block' || map.entries.length < 2) return undefined;
  const { source } = doc;
  let blank = 0;
  for (let index = 1; index < map.entries.length; index++) {
    const gapStart = source.lineEndOffset(map.entries[index - 1].value.endOffset);
    const gap = source.text.slice(gapStart, map.entries[index].keyNode.startOffset);
    // `\r\n` must be taken as one line break, or every CRLF gap would look blank.
    if (/(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)/.test(gap)) blank++;
  }
  return blank * 2 >= map.entries.length - 1;
}

function anchorEntryIndex(map: MapNode, after: string | undefined): number {
  const index = after === undefined ? -1 : map.entries.findIndex((entry) => entry.key === after);
  return index === -1 ? map.entries.length - 1 : index;
}

/** Spaces between a block list's dash and its item's text, read from a map item (`-   Key: v` keeps three). */
function dashGap(source: SourceFile, seq: SeqNode): number {
  const dashColumn = columnOf(source, seq.startOffset);
  for (const item of seq.items) {
    if (item.kind !== 'map' || item.style !== 'block' || item.shortForm !== undefined) continue;
    const dashOffset = source.lineStartOffset(item.startOffset) + dashColumn;
    if (source.text[dashOffset] === '-' && dashOffset < item.startOffset) return item.startOffset - dashOffset - 1;
  }
  return 1;
}

/** The text between key and value the map already uses (`: `, `:`, ` : `), or the file's. */
function jsonColonOf(doc: EditableDocument, map: MapNode, anchorIndex: number, context: RenderContext): string {
  const entry = map.entries[anchorIndex];
  if (entry === undefined) return context.jsonColon;
  const between = doc.source.text.slice(entry.keyNode.endOffset, entry.value.startOffset);
  return /[\r\n]/.test(between) ? context.jsonColon : between;
}

/** Ancestors of a node from the root down to its parent, or undefined when it is not in the tree. */
/** Each node's parent, built once per document: fixes ask for ancestors many times in large templates. */
const parentsByRoot = new WeakMap<DocNode, WeakMap<DocNode, DocNode>>();

function parentsOf(root: DocNode): WeakMap<DocNode, DocNode> {
  let parents = parentsByRoot.get(root);
  if (parents) return parents;
  const index = new WeakMap<DocNode, DocNode>();
  const stack: DocNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const children = node.kind === 'map' ? node.entries.map((entry) => entry.value) : node.kind === 'seq' ? node.items : [];
    for (const child of children) {
      // An aliased node appears twice; its first parent (in document order of the walk) is kept.
      if (index.has(child) || child === root) continue;
      index.set(child, node);
      stack.push(child);
    }
  }
  parentsByRoot.set(root, index);
  parents = index;
  return parents;
}

/** The nodes from the root down to the target's parent, or undefined when the target is not in the tree. */
function findAncestors(root: DocNode, target: DocNode): DocNode[] | undefined {
  if (root === target) return [];
  const parents = parentsOf(root);
  const chain: DocNode[] = [];
  for (let node = parents.get(target); node; node = parents.get(node)) {
    chain.unshift(node);
    if (node === root) return chain;
  }
  return undefined;
}

/** A YAML flow collection; a short-form tag's own map is not one, only what it wraps. */
function isFlowCollection(node: DocNode): boolean {
  if (node.kind === 'scalar') return false;
  if (node.kind === 'map' && node.shortForm !== undefined) return false;
  return node.style === 'flow';
}

function isOneLine(text: string, node: DocNode): boolean {
  return !/[\r\n]/.test(text.slice(node.startOffset, node.endOffset));
}

function columnOf(source: SourceFile, offset: number): number {
  return offset - source.lineStartOffset(offset);
}

function columnIndentOf(source: SourceFile, offset: number): string {
  return ' '.repeat(columnOf(source, offset));
}

/** Leading whitespace of the line holding `offset`, tabs included. */
function lineIndentOf(source: SourceFile, offset: number): string {
  const lineStart = source.lineStartOffset(offset);
  return /^[ \t]*/.exec(source.text.slice(lineStart, offset))?.[0] ?? '';
}

function skipLineBreak(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return offset + 2;
  if (text[offset] === '\n' || text[offset] === '\r') return offset + 1;
  return offset;
}

function lineBreakStartBefore(text: string, lineStart: number): number {
  if (lineStart >= 2 && text.startsWith('\r\n', lineStart - 2)) return lineStart - 2;
  return Math.max(0, lineStart - 1);
}

function edit(doc: EditableDocument, startOffset: number, endOffset: number, newText: string): TextEdit {
  return { path: doc.path ?? doc.source.path, startOffset, endOffset, newText };
}
