/**
 * A fingerprint of an item's words and numbers, for "translation outdated" detection: the
 * twin stores the hash of the version it was translated from, and a changed hash means the
 * translation needs a look. Formatting-only edits (emphasis, line wrapping, blank lines,
 * trailing spaces, list markers, reference vs inline links, Unicode composition) keep the hash.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { blocksOf, type Block } from './block-list.ts';

/** Invisible characters that only steer line breaking and joining: soft hyphen, zero-width space, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

function normaliseLine(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * One line per translatable front-matter value (in the caller's order), then one per block:
 * its text followed by its link targets. Blocks stay on separate lines so that merging two
 * paragraphs, a real edit, changes the result.
 */
export function normalisedText(root: Root, frontMatterText: readonly string[], blocks: readonly Block[] = blocksOf(root)): string {
  const lines = [
    ...frontMatterText.map(normaliseLine),
    ...blocks.map((block) => normaliseLine([block.text, ...block.links.map((url) => `<${url}>`)].join(' '))),
  ];
  return lines.filter((line) => line !== '').join('\n');
}

/**
 * The first 12 hex digits of the SHA-256 of `normalisedText`: short enough for front-matter, long enough to never collide in one strategy.
 * `blocks` are the root's blocks when the caller already has them (`blocksOf(root)` otherwise).
 */
export function contentHash(root: Root, frontMatterText: readonly string[], blocks?: readonly Block[]): string {
  return createHash('sha256').update(normalisedText(root, frontMatterText, blocks), 'utf8').digest('hex').slice(0, 12);
}
