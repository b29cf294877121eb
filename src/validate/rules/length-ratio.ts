import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { blocks } from '../../cross-language/file-view.ts';
import { t } from '../../messages/index.ts';
import { blockName } from '../../cross-language/where.ts';
import { reportOnTwin } from '../pair-report.ts';

/** Finnish and Swedish versions of the same text differ in length by well under this factor. */
const maxRatio = 2.2;
/** Shorter blocks vary too much to judge. */
const minLength = 80;

export default defineRule({
  id: 'length-ratio',
  scope: 'pair',
  severity: 'warn',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const blocksB = blocks(b);
      blocks(a).forEach((blockA, index) => {
        const blockB = blocksB[index];
        if (!blockB || blockA.signature !== blockB.signature) return;
        const [la, lb] = [blockA.text.length, blockB.text.length];
        if (Math.max(la, lb) < minLength || Math.max(la, lb) <= maxRatio * Math.min(la, lb)) return;
        const [short, long, shortBlock, longBlock] = la < lb ? [a, b, blockA, blockB] : [b, a, blockB, blockA];
        reportOnTwin(report, { file: short, place: shortBlock.position }, { file: long, place: longBlock.position }, {
          message: t('length-ratio', { block: blockName(shortBlock.type), short: shortBlock.text.length, long: longBlock.text.length, lang: long.lang }),
          hint: t('length-ratio.hint'),
        });
      });
    }
  },
});
