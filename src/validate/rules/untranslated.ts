import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { blocks, fieldTexts } from '../../cross-language/file-view.ts';
import { extractNumbers } from '../../cross-language/numbers.ts';
import { properNames } from '../../cross-language/names.ts';
import type { Place } from '../../model/types.ts';
import { reportOnTwins } from '../pair-report.ts';
import { t } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../cross-language/where.ts';

/** Words left once numbers, names and acronyms are taken out: only these need translating. */
function wordsToTranslate(text: string, names: readonly string[]): number {
  let rest = text.normalize('NFC');
  for (const token of extractNumbers(rest).reverse()) rest = rest.slice(0, token.offset) + ' ' + rest.slice(token.offset + token.length);
  for (const name of names) rest = rest.split(name).join(' ');
  return (rest.match(/[\p{L}\p{M}]{2,}/gu) ?? []).filter((word) => !/\p{Lu}/u.test(word.slice(1))).length;
}

const same = (x: string, y: string) => x.normalize('NFC').replace(/\s+/g, ' ').trim() === y.normalize('NFC').replace(/\s+/g, ' ').trim();

export default defineRule({
  id: 'untranslated',
  scope: 'pair',
  severity: 'error',
  group: 'cross-language',
  docs: {
    en: `Error. A block or translated field with the same words in both twins was most likely copied and not translated.
Numbers, acronyms and proper names alone do not count.`,
    sv: `Fel. Ett block eller översatt fält med samma ord i båda versionerna har troligen kopierats och inte översatts. Enbart
tal, förkortningar och egennamn räknas inte.`,
    fi: `Virhe. Lohko tai käännetty kenttä, jossa on samat sanat molemmissa versioissa, on todennäköisesti kopioitu eikä
käännetty. Pelkät luvut, lyhenteet ja erisnimet eivät vaikuta.`,
  },
  run({ graph, report }) {
    const names = properNames(graph);
    for (const [a, b] of twinPairs(graph)) {
      const found: { what: string; path?: (string | number)[]; placeA?: Place; placeB?: Place }[] = [];
      const textsB = new Map(fieldTexts(graph, b).map((f) => [f.field, f.text]));
      for (const { field, text } of fieldTexts(graph, a)) {
        const other = textsB.get(field);
        if (other !== undefined && same(text, other) && wordsToTranslate(text, names) >= 2) found.push({ what: whereField(field), path: [field] });
      }
      const blocksB = blocks(b);
      blocks(a).forEach((block, index) => {
        const other = blocksB[index];
        if (other && same(block.text, other.text) && wordsToTranslate(block.text, names) >= 2) {
          found.push({ what: whereBlock(block.type), placeA: block.position, placeB: other.position });
        }
      });
      for (const { what, path, placeA, placeB } of found) {
        reportOnTwins(report, { file: a, path, place: placeA }, { file: b, path, place: placeB }, (_side, other) => ({
          message: t('untranslated', { where: what, lang: other.file.lang }),
          hint: t('untranslated.hint'),
        }));
      }
    }
  },
});
