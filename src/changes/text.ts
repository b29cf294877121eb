/** An item's text compared between two versions: word by word, and block by block with lists and tables by item and row. */
import type { Root } from 'mdast';
import { operations } from '../edit/diff.ts';
import { blocksOf, type Block } from '../cross-language/block-list.ts';

/** A run of words kept, removed or added. */
export interface Segment {
  op: '=' | '-' | '+';
  text: string;
}

/** One block of an item's text (a paragraph, a heading, a list item, a table row ...) that changed. */
export interface BlockChange {
  /** The block's kind: paragraph, heading, listItem, tableRow, code ... */
  type: string;
  change: 'added' | 'removed' | 'changed';
  old?: string;
  new?: string;
  /** Word by word, for a changed block. */
  words?: Segment[];
}

/** Words and the spaces and punctuation between them, so that a diff keeps the text's own spacing. */
function tokens(text: string): string[] {
  // A number written in groups of three ("1 048,0", with a space or a no-break space) is one word.
  return text.match(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?(?![\p{L}\p{N}])|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,:/-]*[\p{L}\p{N}]|[\p{L}\p{N}]|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/** The words of two texts aligned: runs kept, removed and added. */
export function wordDiff(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const op of operations(tokens(before), tokens(after))) {
    const kind = op.kind === ' ' ? '=' : op.kind;
    const last = segments.at(-1);
    if (last && last.op === kind) last.text += op.line;
    else segments.push({ op: kind, text: op.line });
  }
  return segments;
}

/**
 * The units an item's text is compared in: each block, with lists and tables split into their items and rows
 * (block-list.ts writes those one per line), so that one changed row is one changed unit.
 */
function units(body: Root): { type: string; text: string }[] {
  return blocksOf(body).flatMap((block: Block) => {
    if (block.type === 'list' || block.type === 'table') {
      const type = block.type === 'list' ? 'listItem' : 'tableRow';
      return block.text.split('\n').filter((line) => line.trim() !== '').map((line) => ({ type, text: line }));
    }
    return [{ type: block.type === 'heading' ? `heading` : block.type, text: block.text }];
  });
}

/** The text changes of one language's body: units removed and added, and a removed one followed by an added one of the same type as one changed unit. */
export function textChanges(before: Root | undefined, after: Root | undefined): BlockChange[] {
  const a = before ? units(before) : [];
  const b = after ? units(after) : [];
  const key = (unit: { type: string; text: string }) => `${unit.type}\u0000${unit.text}`;
  const ops = operations(a.map(key), b.map(key));
  const changes: BlockChange[] = [];
  let removed: { type: string; text: string }[] = [];
  let added: { type: string; text: string }[] = [];
  const flush = () => {
    // Pair removed and added units of one type in order: each pair is a changed unit, word by word.
    while (removed.length > 0 || added.length > 0) {
      const old = removed[0];
      const match = old ? added.findIndex((unit) => unit.type === old.type) : -1;
      if (old && match >= 0) {
        for (const unit of added.splice(0, match)) changes.push({ type: unit.type, change: 'added', new: unit.text });
        const next = added.shift()!;
        removed.shift();
        changes.push({ type: old.type, change: 'changed', old: old.text, new: next.text, words: wordDiff(old.text, next.text) });
      } else if (old) {
        removed.shift();
        changes.push({ type: old.type, change: 'removed', old: old.text });
      } else {
        for (const unit of added.splice(0)) changes.push({ type: unit.type, change: 'added', new: unit.text });
      }
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op.kind === ' ') {
      flush();
      i++;
      j++;
    } else if (op.kind === '-') removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  flush();
  return changes;
}
