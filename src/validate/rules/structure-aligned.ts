import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { alignBlocks } from '../../cross-language/blocks.ts';
import { blocks } from '../../cross-language/file-view.ts';
import type { Place, SourceFile } from '../../model/types.ts';
import type { Block } from '../../cross-language/blocks.ts';
import { t } from '../../messages/index.ts';
import { reportOnTwin, reportOnTwins, type TwinSide } from '../pair-report.ts';

/** Where a block is, or where a missing one belongs: after the block before it, or at the start of the body. */
function placeAt(file: SourceFile, list: readonly Block[], index: number): Place {
  const block = list[index] ?? list[index - 1];
  if (block) return block.position;
  const line = (file.body.position?.start.line ?? 1);
  return { start: { line, column: 1 }, end: { line, column: 1 } };
}

export default defineRule({
  id: 'structure-aligned',
  scope: 'pair',
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const blocksA = blocks(a);
      const blocksB = blocks(b);
      for (const mismatch of alignBlocks(blocksA, blocksB)) {
        const sideA = { file: a, place: placeAt(a, blocksA, mismatch.indexA) };
        const sideB = { file: b, place: placeAt(b, blocksB, mismatch.indexB) };
        const say = (other: TwinSide) => ({
          message: t('structure-aligned', { reason: mismatch.reason, a: a.lang, b: b.lang, lang: other.file.lang }),
          hint: mismatch.kind === 'onlyInA' || mismatch.kind === 'onlyInB' ? t('structure-aligned.only.hint', { lang: other.file.lang }) : t('structure-aligned.hint'),
        });
        if (mismatch.kind === 'onlyInA') reportOnTwin(report, sideA, sideB, say(sideB));
        else if (mismatch.kind === 'onlyInB') reportOnTwin(report, sideB, sideA, say(sideA));
        else reportOnTwins(report, sideA, sideB, (_side, other) => say(other));
      }
    }
  },
});
