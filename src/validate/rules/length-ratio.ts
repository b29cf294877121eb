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
  group: 'cross-language',
  docs: {
    en: `Warning. A block is not more than 2.2 times longer than its twin (blocks under 80 characters are not judged).
A large difference usually means a sentence was left out of one version.`,
    sv: `Varning. Ett block är inte mer än 2,2 gånger längre än sin motsvarighet (block under 80 tecken bedöms inte). En stor
skillnad betyder oftast att en mening fallit bort ur den ena versionen.`,
    fi: `Varoitus. Lohko on enintään 2,2 kertaa vastinettaan pidempi (alle 80 merkin lohkoja ei arvioida). Suuri ero tarkoittaa
yleensä, että toisesta versiosta puuttuu virke.`,
  },
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
