import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { alignBlocks } from '../../i18n/blocks.ts';
import { blocks } from '../../i18n/file-view.ts';
import type { Place, SourceFile } from '../../model/types.ts';
import type { Block } from '../../i18n/blocks.ts';
import { t } from '../../messages/index.ts';

/** Where a block is, or where a missing one belongs: after the block before it, or at the start of the body. */
function placeAt(file: SourceFile, list: readonly Block[], index: number): Place {
  const block = list[index] ?? list[index - 1];
  if (block) return block.position;
  const line = (file.body.position?.start.line ?? 1);
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

export default defineRule({
  id: 'structure-aligned',
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const blocksA = blocks(a);
      const blocksB = blocks(b);
      for (const mismatch of alignBlocks(blocksA, blocksB)) {
        const placeA = placeAt(a, blocksA, mismatch.indexA);
        const placeB = placeAt(b, blocksB, mismatch.indexB);
        const sides = mismatch.kind === 'onlyInA' ? ([[a, placeA, b, placeB]] as const) : mismatch.kind === 'onlyInB' ? ([[b, placeB, a, placeA]] as const) : ([[a, placeA, b, placeB], [b, placeB, a, placeA]] as const);
        for (const [file, place, other, otherPlace] of sides) {
          report({
            file,
            place,
            message: t('structure-aligned', { reason: mismatch.reason, a: a.lang, b: b.lang, lang: other.lang }),
            hint:
              mismatch.kind === 'onlyInA' || mismatch.kind === 'onlyInB'
                ? t('structure-aligned.only.hint', { lang: other.lang })
                : t('structure-aligned.hint'),
            cause: { file: other, place: otherPlace, message: t('twin.cause', { lang: other.lang }) },
          });
        }
      }
    }
  },
});
