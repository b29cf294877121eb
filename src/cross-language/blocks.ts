/**
 * Block structure of an item body, for comparing the Swedish and Finnish versions:
 * the blocks themselves, their alignment, and a content hash for outdated translations.
 */
export { blocksOf, listShape, proseOf, textOf, type Block } from './block-list.ts';
export { alignBlocks, type AlignOptions, type BlockMismatch, type BlockMismatchKind } from './block-alignment.ts';
export { contentHash, normalisedText } from './content-hash.ts';
