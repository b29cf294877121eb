/**
 * The body of an item as a flat list of blocks, the unit in which the Swedish and Finnish
 * versions are compared: same kinds of blocks, in the same order, with the same shape.
 */
import type { List, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { eachNode } from '../parse/each-node.ts';
import type { Place, Point } from '../model/types.ts';
import { startOfFile } from '../parse/types.ts';

export interface Block {
  /** The mdast node type: heading, paragraph, list, table, code, blockquote, thematicBreak, html, … */
  type: RootContent['type'];
  /** What the twin's block must equal: `heading:2`, `list:ordered:3[0,2,0]`, `table:4x3`, `code:mermaid`. */
  signature: string;
  /** Plain text: list items and table rows on lines of their own, table cells separated by tabs. */
  text: string;
  /** `text` without code, inline code and HTML: what language identification should judge. */
  prose: string;
  position: Place;
  /** Link and image targets in document order, with reference-style links resolved. */
  links: string[];
}

/** Front-matter nodes are data, not body; link definitions render nothing and are resolved into `links`. */
const NOT_BLOCKS: ReadonlySet<string> = new Set(['yaml', 'toml', 'definition']);

/** Editors leave notes in HTML comments; they are never rendered, so translators need not mirror them. */
const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

export function blocksOf(root: Root): Block[] {
  const definitions = definitionsOf(root);
  const blocks: Block[] = [];
  for (const node of root.children) {
    if (NOT_BLOCKS.has(node.type)) continue;
    if (node.type === 'html' && ONLY_COMMENTS.test(node.value)) continue;
    blocks.push({
      type: node.type,
      signature: signatureOf(node),
      text: textOf(node),
      // Computed on first use: only language identification of a block needs it.
      get prose() {
        const prose = proseOf(node);
        Object.defineProperty(this, 'prose', { value: prose, enumerable: true });
        return prose;
      },
      position: placeOf(node, root),
      links: linksOf(node, definitions),
    });
  }
  return blocks;
}

function signatureOf(node: RootContent): string {
  switch (node.type) {
    case 'heading':
      return `heading:${node.depth}`;
    case 'list':
      return `list:${node.ordered === true ? 'ordered' : 'unordered'}:${listShape(node)}`;
    case 'table': {
      const columns = Math.max(0, ...node.children.map((row) => row.children.length));
      return `table:${node.children.length}x${columns}`;
    }
    case 'code':
      return node.lang ? `code:${node.lang}` : 'code';
    case 'footnoteDefinition':
      return `footnoteDefinition:${node.identifier}`;
    default:
      return node.type;
  }
}

/**
 * Item count, then, when any item holds a sub-list, each item's own shape: `3` is a flat list of
 * three, `3[0,2,0]` has a two-item sub-list under the second item, `2[1[0],0]` nests deeper.
 * Two sub-lists in one item are joined with `+`.
 */
export function listShape(list: List): string {
  const items = list.children.map((item) => {
    const subLists = item.children.filter((child): child is List => child.type === 'list');
    return subLists.length === 0 ? '0' : subLists.map(listShape).join('+');
  });
  const flat = items.every((shape) => shape === '0');
  return flat ? String(items.length) : `${items.length}[${items.join(',')}]`;
}

/** Containers whose children are blocks: their texts go on separate lines. */
const FLOW_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * mdast-util-to-string for the leaves, with separators added where it has none: it glues list
 * items, table cells and the words around a hard line break together (`12` `500` → `12500`),
 * which would corrupt the numbers and words that cross-language checks read.
 */
export function textOf(node: Nodes): string {
  return flatten(node, () => true);
}

/** Code and HTML are the same in both languages and would only mislead a language detector. */
const NOT_PROSE: ReadonlySet<string> = new Set(['code', 'inlineCode', 'html']);

export function proseOf(node: Nodes): string {
  return flatten(node, (child) => !NOT_PROSE.has(child.type));
}

function flatten(node: Nodes, keep: (node: Nodes) => boolean): string {
  if (!keep(node)) return '';
  if (node.type === 'break') return '\n';
  if (node.type === 'table') {
    return node.children.map((row) => row.children.map((cell) => flatten(cell, keep)).join('\t')).join('\n');
  }
  if ('children' in node) {
    const separator = FLOW_PARENTS.has(node.type) ? '\n' : '';
    return node.children.map((child: Nodes) => flatten(child, keep)).join(separator);
  }
  return toString(node);
}

function definitionsOf(root: Root): ReadonlyMap<string, string> {
  const urls = new Map<string, string>();
  eachNode(root, (node) => {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
  });
  return urls;
}

function linksOf(node: RootContent, definitions: ReadonlyMap<string, string>): string[] {
  const links: string[] = [];
  eachNode(node, (child) => {
    if (child.type === 'link' || child.type === 'image') links.push(child.url);
    else if (child.type === 'linkReference' || child.type === 'imageReference') {
      const url = definitions.get(child.identifier);
      if (url !== undefined) links.push(url); // an undefined reference renders as plain text
    }
  });
  return links;
}

function placeOf(node: RootContent, root: Root): Place {
  // Trees built in code have no positions; the report then points at the top of the file.
  const position = node.position ?? root.position;
  if (position === undefined) return startOfFile;
  return { start: pointOf(position.start), end: pointOf(position.end) };
}

function pointOf(point: { line: number; column: number; offset?: number | undefined }): Point {
  return point.offset === undefined
    ? { line: point.line, column: point.column }
    : { line: point.line, column: point.column, offset: point.offset };
}
