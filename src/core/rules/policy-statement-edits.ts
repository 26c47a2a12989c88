/** Edits to a policy document written in a template: where a statement can be added, and adding it. */
import { appendToSequence, convertScalarToSequence, type EditableDocument } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';
import type { Repository } from '../model/repository.js';
import { getValue, intrinsicName, isMap, isSeq, type MapNode } from '../parse/node.js';
import type { TextEdit } from '../text/text-edit.js';
import { editableDocument } from './fix-builders.js';

/**
 * The file and map of a policy document when its statements can be edited in place: written as a map
 * in a file that parsed (not a JSON string inside YAML, whose statements all point at the string).
 */
export function editablePolicyDocument(repo: Repository, document: PolicyDocument): { doc: EditableDocument; node: MapNode } | undefined {
  const origin = document.origin;
  if (!origin || !isMap(origin.node)) return undefined;
  const doc = editableDocument(repo, origin.path);
  if (!doc || (doc.syntax === 'yaml' && origin.node.style === 'json')) return undefined;
  return { doc, node: origin.node };
}

/** Whether a statement's own text can be edited: a map in its file, not a statement parsed out of a string. */
export function isEditableStatement(repo: Repository, statement: PolicyStatement): EditableDocument | undefined {
  const origin = statement.origin;
  if (!origin) return undefined;
  const doc = editableDocument(repo, origin.path);
  if (!doc || (doc.syntax === 'yaml' && origin.node.style === 'json')) return undefined;
  // Nodes made from a JSON string all share the string's range; in a real map a value follows each key.
  if (origin.node.entries.some((entry) => entry.keyNode.endOffset === origin.node.endOffset)) return undefined;
  return doc;
}

/** Adds a statement at the end of a document's `Statement` list (a single statement map becomes a list). */
export function appendStatementEdits(doc: EditableDocument, documentNode: MapNode, statement: FixValue): TextEdit[] | undefined {
  const statements = getValue(documentNode, 'Statement');
  if (isSeq(statements)) return appendToSequence(doc, statements, statement);
  if (isMap(statements) && intrinsicName(statements) === undefined) return convertScalarToSequence(doc, statements, [statement]);
  return undefined;
}
