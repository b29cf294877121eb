/**
 * Pairs the blocks of two language versions and says where their structure differs. Blocks
 * are paired by a longest common subsequence of signatures, so one inserted paragraph is one
 * mismatch and the blocks after it line up again instead of all being reported.
 */
import { t } from '../messages/index.ts';
import { blockName } from './where.ts';
import type { Block } from './block-list.ts';

export type BlockMismatchKind =
  /** A block of `a` with no counterpart in `b`. */
  | 'onlyInA'
  /** A block of `b` with no counterpart in `a`. */
  | 'onlyInB'
  /** Blocks in the same place whose signatures differ. */
  | 'signature'
  /** Blocks that match but link to different targets. */
  | 'links';

export interface BlockMismatch {
  kind: BlockMismatchKind;
  /** The block in `a`; for `onlyInB`, the index in `a` where the missing block belongs (may equal `a.length`). */
  indexA: number;
  /** The block in `b`; for `onlyInA`, the index in `b` where the missing block belongs (may equal `b.length`). */
  indexB: number;
  /** Why, in words: "list with 3 items vs 4 items", "table 4×3 vs 4×2", "paragraph with no counterpart". */
  reason: string;
}

export interface AlignOptions {
  /**
   * Whether two link targets count as the same. Defaults to string equality; pass a function
   * that maps `/sv/` to `/fi/` paths when each language links to its own pages.
   */
  linksEqual?: (a: string, b: string) => boolean;
}

export function alignBlocks(a: readonly Block[], b: readonly Block[], options: AlignOptions = {}): BlockMismatch[] {
  const linksEqual = options.linksEqual ?? ((x: string, y: string) => x === y);
  const mismatches: BlockMismatch[] = [];
  const pairs = commonSubsequence(a, b, (x, y) => x.signature === y.signature);
  let nextA = 0;
  let nextB = 0;
  for (const [i, j] of [...pairs, [a.length, b.length] as const]) {
    mismatches.push(...alignGap(a, b, nextA, i, nextB, j));
    const blockA = a[i];
    const blockB = b[j];
    if (blockA !== undefined && blockB !== undefined) {
      const reason = linkDifference(blockA.links, blockB.links, linksEqual);
      if (reason !== undefined) mismatches.push({ kind: 'links', indexA: i, indexB: j, reason });
    }
    nextA = i + 1;
    nextB = j + 1;
  }
  return mismatches;
}

/**
 * Blocks between two matched pairs. Same-type blocks are paired first (a list of 3 items against
 * a list of 4 is one changed list, not a missing and an extra one); the rest are paired by
 * position as changed blocks, and what is left over on the longer side has no counterpart.
 */
function alignGap(a: readonly Block[], b: readonly Block[], fromA: number, toA: number, fromB: number, toB: number): BlockMismatch[] {
  const gapA = a.slice(fromA, toA);
  const gapB = b.slice(fromB, toB);
  const sameType = commonSubsequence(gapA, gapB, (x, y) => x.type === y.type);
  const mismatches: BlockMismatch[] = [];
  let nextA = 0;
  let nextB = 0;
  for (const [i, j] of [...sameType, [gapA.length, gapB.length] as const]) {
    mismatches.push(...pairByPosition(a, b, fromA + nextA, fromA + i, fromB + nextB, fromB + j));
    const blockA = gapA[i];
    const blockB = gapB[j];
    if (blockA !== undefined && blockB !== undefined) {
      mismatches.push({ kind: 'signature', indexA: fromA + i, indexB: fromB + j, reason: signatureDifference(blockA, blockB) });
    }
    nextA = i + 1;
    nextB = j + 1;
  }
  return mismatches;
}

function pairByPosition(a: readonly Block[], b: readonly Block[], fromA: number, toA: number, fromB: number, toB: number): BlockMismatch[] {
  const mismatches: BlockMismatch[] = [];
  const paired = Math.min(toA - fromA, toB - fromB);
  for (let k = 0; k < paired; k++) {
    const blockA = a[fromA + k];
    const blockB = b[fromB + k];
    if (blockA === undefined || blockB === undefined) continue;
    mismatches.push({ kind: 'signature', indexA: fromA + k, indexB: fromB + k, reason: signatureDifference(blockA, blockB) });
  }
  for (let i = fromA + paired; i < toA; i++) {
    mismatches.push({ kind: 'onlyInA', indexA: i, indexB: fromB + paired, reason: t('block.no-counterpart', { block: describe(a[i]) }) });
  }
  for (let j = fromB + paired; j < toB; j++) {
    mismatches.push({ kind: 'onlyInB', indexA: fromA + paired, indexB: j, reason: t('block.no-counterpart', { block: describe(b[j]) }) });
  }
  return mismatches;
}

/** Index pairs of a longest common subsequence; ties keep the earlier blocks paired. */
function commonSubsequence<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const width = b.length + 1;
  // suffix[i * width + j]: length of the longest common subsequence of a[i..] and b[j..]
  const suffix = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      suffix[i * width + j] = same(a[i]!, b[j]!)
        ? suffix[(i + 1) * width + j + 1]! + 1
        : Math.max(suffix[(i + 1) * width + j]!, suffix[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!) && suffix[i * width + j] === suffix[(i + 1) * width + j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (suffix[(i + 1) * width + j]! >= suffix[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** A signature without its type: `list:ordered:3[0,2,0]` → `ordered:3[0,2,0]`, `heading:2` → `2`. */
function detail(block: Block): string {
  return block.signature.slice(block.type.length + 1);
}

function describe(block: Block | undefined): string {
  if (block === undefined) return t('block.block');
  switch (block.type) {
    case 'heading':
      return t('block.heading-level', { level: detail(block) });
    case 'list': {
      const [order = '', shape = ''] = detail(block).split(':');
      return t(order === 'ordered' ? 'block.numbered-list' : 'block.bulleted-list', { n: itemCount(shape) });
    }
    case 'table':
      return t('block.table-shape', { shape: detail(block).replace('x', '×') });
    case 'code':
      return t('block.code-block');
    case 'thematicBreak':
      return t('block.thematic-break');
    case 'footnoteDefinition':
      return t('block.footnote', { name: `[^${detail(block)}]` });
    default:
      return blockName(block.type);
  }
}

function itemCount(shape: string): number {
  return Number.parseInt(shape, 10);
}

function signatureDifference(a: Block, b: Block): string {
  const vs = (x: string | number, y: string | number) => t('block.vs', { a: x, b: y });
  if (a.type !== b.type) return vs(describe(a), describe(b));
  switch (a.type) {
    case 'heading':
      return t('block.heading-level', { level: vs(detail(a), detail(b)) });
    case 'list': {
      const [orderA = '', shapeA = ''] = detail(a).split(':');
      const [orderB = '', shapeB = ''] = detail(b).split(':');
      if (orderA !== orderB) return vs(describe(a), describe(b));
      if (itemCount(shapeA) !== itemCount(shapeB)) return t('block.list-items', { a: itemCount(shapeA), b: itemCount(shapeB) });
      return t('block.list-nesting', { nesting: vs(shapeA, shapeB) });
    }
    case 'table':
      return t('block.table-shape', { shape: vs(detail(a).replace('x', '×'), detail(b).replace('x', '×')) });
    case 'code':
      return t('block.code-language', { language: vs(detail(a) || t('word.none'), detail(b) || t('word.none')) });
    default:
      return vs(a.signature, b.signature);
  }
}

function linkDifference(a: readonly string[], b: readonly string[], equal: (x: string, y: string) => boolean): string | undefined {
  if (a.length === b.length && a.every((url, k) => equal(url, b[k]!))) return undefined;
  const onlyA = unmatchedLinks(a, b, equal);
  const onlyB = unmatchedLinks(b, a, (x, y) => equal(y, x));
  if (onlyA.length === 0 && onlyB.length === 0) return t('block.links-order');
  const parts = [];
  if (onlyA.length > 0) parts.push(t('block.links-only', { side: 'a', links: onlyA.join(', ') }));
  if (onlyB.length > 0) parts.push(t('block.links-only', { side: 'b', links: onlyB.join(', ') }));
  return t('block.links-differ', { parts: parts.join('; ') });
}

function unmatchedLinks(from: readonly string[], against: readonly string[], equal: (x: string, y: string) => boolean): string[] {
  const used = new Set<number>();
  return from.filter((url) => {
    const k = against.findIndex((other, index) => !used.has(index) && equal(url, other));
    if (k === -1) return true;
    used.add(k);
    return false;
  });
}
