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
  group: 'cross-language',
  docs: {
    en: `Error. Both bodies have the same blocks in the same order: heading levels, paragraphs, lists with the same number of
items and the same nesting, tables with the same rows × columns, the same link and image targets. The message says
what differs, "(sv vs fi)", e.g. \`list with 3 items vs 2 items (sv vs fi)\`: the Swedish list has an item the Finnish
one lacks.`,
    sv: `Fel. Båda texterna har samma block i samma ordning: rubriknivåer, stycken, listor med lika många punkter och samma
nivåer, tabeller med samma rader × kolumner, samma länk- och bildmål. Meddelandet anger skillnaden "(sv mot fi)",
t.ex. \`lista med 3 punkter mot 2 punkter (sv mot fi)\`: den svenska listan har en punkt som den finska saknar.`,
    fi: `Virhe. Molemmissa teksteissä on samat lohkot samassa järjestyksessä: otsikkotasot, kappaleet, luettelot, joissa on
yhtä monta kohtaa samoilla tasoilla, taulukot, joissa on samat rivit × sarakkeet, sekä samat linkkien ja kuvien
kohteet. Ilmoitus kertoo eron "(sv vs. fi)", esim. \`luettelossa 3 kohtaa vs. 2 kohtaa (sv vs. fi)\`: ruotsinkielisessä
luettelossa on kohta, joka suomenkielisestä puuttuu.`,
  },
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
