/** Finds a node's path in its document (map keys and list indexes), indexing each tree once. */
import type { DocNode, NodePath } from '../parse/node.js';

const indexes = new WeakMap<DocNode, WeakMap<DocNode, NodePath>>();

function buildIndex(root: DocNode): WeakMap<DocNode, NodePath> {
  const index = new WeakMap<DocNode, NodePath>();
  const stack: [DocNode, NodePath][] = [[root, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    // Aliased nodes appear twice; the first path found is kept so fingerprints stay stable.
    if (index.has(node)) continue;
    index.set(node, path);
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        index.set(entry.keyNode, [...path, entry.key]);
        stack.push([entry.value, [...path, entry.key]]);
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    }
  }
  return index;
}

export function findNodePath(root: DocNode | undefined, node: DocNode): NodePath {
  if (!root) return [];
  let index = indexes.get(root);
  if (!index) {
    index = buildIndex(root);
    indexes.set(root, index);
  }
  return index.get(node) ?? [];
}
