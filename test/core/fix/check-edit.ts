/** Test harness for fix edits: applies them to a fixture and checks the exact text and the re-parsed tree. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { EditableDocument } from '../../../src/core/fix/document-edits.js';
import { isMap, isSeq, nodeAtPath, toPlain, type DocNode, type MapNode, type NodePath, type SeqNode } from '../../../src/core/parse/node.js';
import { parseFile } from '../../../src/core/parse/parse-file.js';
import { applyEdits, type TextEdit } from '../../../src/core/text/text-edit.js';

export interface TestDocument extends EditableDocument {
  text: string;
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/fix/${name}`, import.meta.url), 'utf8');
}

export function parseDocument(path: string, text: string): TestDocument {
  const parsed = parseFile(path, text);
  assert.equal(parsed.error, undefined, `fixture ${path} should parse`);
  assert.ok(parsed.root, `fixture ${path} should have a root`);
  return { path, source: parsed.source, root: parsed.root, syntax: parsed.syntax, text };
}

export function nodeAt(doc: TestDocument, ...path: NodePath): DocNode {
  const node = nodeAtPath(doc.root, path);
  assert.ok(node, `no node at ${path.join('.')}`);
  return node;
}

export function mapAt(doc: TestDocument, ...path: NodePath): MapNode {
  const node = nodeAt(doc, ...path);
  assert.ok(isMap(node), `node at ${path.join('.')} is not a map`);
  return node;
}

export function seqAt(doc: TestDocument, ...path: NodePath): SeqNode {
  const node = nodeAt(doc, ...path);
  assert.ok(isSeq(node), `node at ${path.join('.')} is not a list`);
  return node;
}

/** `text` with the one occurrence of `before` replaced by `after`; fails when `before` is missing or ambiguous. */
export function replaceOnce(text: string, before: string, after: string): string {
  const index = text.indexOf(before);
  assert.notEqual(index, -1, `expected text not found:\n${before}`);
  assert.equal(text.indexOf(before, index + 1), -1, `expected text occurs more than once:\n${before}`);
  return text.slice(0, index) + after + text.slice(index + before.length);
}

/** What the edit should do to the document's data; `any` because tests walk the plain tree by known paths. */
export type PlainChange = (plain: any) => void;

export interface EditCheck {
  doc: TestDocument;
  edits: TextEdit[];
  /** Exact text the edit replaces, and what must stand there afterwards; the rest of the file stays byte for byte. */
  before: string;
  after: string;
  change: PlainChange;
}

/**
 * Applies the edits and checks that the result is exactly the original with `before` turned into
 * `after`, that it re-parses, and that its plain tree is the original's with `change` applied.
 * Returns the new text.
 */
export function checkEdit({ doc, edits, before, after, change }: EditCheck): string {
  assert.ok(edits.length > 0, 'expected at least one edit');
  for (const edit of edits) assert.equal(edit.path, doc.path);
  const result = applyEdits(doc.text, edits);
  assert.equal(result, replaceOnce(doc.text, before, after));

  const reparsed = parseFile(doc.path ?? doc.source.path, result);
  assert.equal(reparsed.error, undefined, `result should parse:\n${result}`);
  assert.ok(reparsed.root);
  const expected = structuredClone(toPlain(doc.root));
  change(expected);
  assert.deepEqual(toPlain(reparsed.root), expected);
  if (doc.syntax === 'json') assert.deepEqual(JSON.parse(result), expected);
  if (doc.text.includes('\r\n')) assert.doesNotMatch(result, /[^\r]\n/, 'a CRLF file keeps CRLF line breaks');
  return result;
}
