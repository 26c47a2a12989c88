/**
 * The one document tree every syntax parses into: YAML and JSON nodes carry 0-based offsets into the
 * file's text, and a short-form tag (`!GetAtt A.B`) becomes the same map node as `{"Fn::GetAtt": "A.B"}`.
 */

export type NodePath = readonly (string | number)[];

interface BaseNode {
  /** Offset of the node's first character (for a tagged YAML node: the tag's `!`). */
  startOffset: number;
  /** Offset just past the node's last character. */
  endOffset: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded' | 'json';

export interface ScalarNode extends BaseNode {
  kind: 'scalar';
  /** Strings stay strings (YAML `2012-10-17` is the string "2012-10-17"); numbers, booleans, null as in YAML 1.1/JSON. */
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface MapEntry {
  key: string;
  keyNode: ScalarNode;
  value: DocNode;
}

export type CollectionStyle = 'block' | 'flow' | 'json';

export interface MapNode extends BaseNode {
  kind: 'map';
  entries: MapEntry[];
  style: CollectionStyle;
  /**
   * Set when this map stands for an intrinsic written as a YAML short-form tag (`!Sub ...`); the map
   * then has one entry whose key is the long form (`Fn::Sub`, `Ref`, `Condition`).
   */
  shortForm?: string;
}

export interface SeqNode extends BaseNode {
  kind: 'seq';
  items: DocNode[];
  style: CollectionStyle;
}

export type DocNode = ScalarNode | MapNode | SeqNode;

export function isMap(node: DocNode | undefined): node is MapNode {
  return node !== undefined && node.kind === 'map';
}

export function isSeq(node: DocNode | undefined): node is SeqNode {
  return node !== undefined && node.kind === 'seq';
}

export function isScalar(node: DocNode | undefined): node is ScalarNode {
  return node !== undefined && node.kind === 'scalar';
}

/** Value of a map's key, or undefined. Keys compare exactly: CloudFormation is case-sensitive. */
export function getEntry(node: DocNode | undefined, key: string): MapEntry | undefined {
  if (!isMap(node)) return undefined;
  for (const entry of node.entries) if (entry.key === key) return entry;
  return undefined;
}

export function getValue(node: DocNode | undefined, key: string): DocNode | undefined {
  return getEntry(node, key)?.value;
}

/** A scalar's value as a string (numbers and booleans printed as written), or undefined. */
export function scalarString(node: DocNode | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

/** When the map is an intrinsic function call (one key, `Ref`, `Condition` or `Fn::*`), its name. */
export function intrinsicName(node: DocNode | undefined): string | undefined {
  if (!isMap(node) || node.entries.length !== 1) return undefined;
  const key = node.entries[0].key;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

/** Converts a node to plain JavaScript values (for tests and for opaque data). */
export function toPlain(node: DocNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries) result[entry.key] = toPlain(entry.value);
      return result;
    }
  }
}

/** Finds the node at a path (map keys and sequence indexes), or undefined. */
export function nodeAtPath(root: DocNode, path: NodePath): DocNode | undefined {
  let current: DocNode | undefined = root;
  for (const part of path) {
    if (current === undefined) return undefined;
    if (typeof part === 'number') current = isSeq(current) ? current.items[part] : undefined;
    else current = getValue(current, part);
  }
  return current;
}
