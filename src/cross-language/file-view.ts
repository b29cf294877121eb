import type { GraphLike } from './graph-like.ts';
import type { SourceFile } from '../model/types.ts';
import { memo } from '../model/memo.ts';
import { blocksOf, contentHash, type Block } from './blocks.ts';
import { extractNumbers, type NumberToken } from './numbers.ts';

/** A translatable front-matter field's text (title, unit, responsible ...), with where it sits. */
export interface FieldText {
  field: string;
  text: string;
}

export function blocks(file: SourceFile): Block[] {
  return memo(file.body, 'blocks', () => blocksOf(file.body));
}

/** The numbers of a block (not memoised: numbers-agree asks once per block and check). */
export function blockNumbers(block: Block): NumberToken[] {
  return extractNumbers(block.text);
}

/** Text fields the schema marks `x-translatable`, except the stamp. */
export function fieldTexts(graph: GraphLike, file: SourceFile): FieldText[] {
  return memo(file.body, 'fields', () => {
    const kind = file.data?.['kind'];
    const translatable = typeof kind === 'string' ? graph.schema.kinds.get(kind)?.translatableFields : undefined;
    if (!file.data || !translatable) return [];
    return [...translatable]
      .filter((field) => field !== 'twin-hash' && typeof file.data![field] === 'string')
      .map((field) => ({ field, text: file.data![field] as string }));
  });
}

/** The file's content, normalised so that formatting-only edits do not change it; the stamp itself is left out. */
export function fileHash(file: SourceFile): string {
  return memo(file.body, 'hash', () => {
    const data = file.data ?? {};
    const fields = Object.keys(data)
      .filter((key) => key !== 'twin-hash')
      .sort()
      .map((key) => `${key}: ${JSON.stringify(data[key])}`);
    return contentHash(file.body, fields, blocks(file));
  });
}
