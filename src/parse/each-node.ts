import type { Nodes } from 'mdast';

/**
 * Calls `fn` on `node` and on every node under it, depth first in document order (as unist-util-visit does). A plain
 * recursion: unist-util-visit copies the ancestor list at every node with children, and check walks every file's
 * tree several times. Depth is bounded by the parse limits (src/parse/limits.ts).
 */
export function eachNode(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) eachNode(child, fn);
}
