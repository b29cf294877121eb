import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { alignBlocks } from '../../cross-language/blocks.ts';
import { blockNumbers, blocks, fieldTexts } from '../../cross-language/file-view.ts';
import { compareNumbers, extractNumbers, type NumberToken } from '../../cross-language/numbers.ts';
import type { Report } from '../rule.ts';
import { reportOnTwins, type TwinSide } from '../pair-report.ts';
import { t } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../cross-language/where.ts';

const quoted = (tokens: readonly NumberToken[]) => tokens.map((t) => `\`${t.raw.trim()}\``).join(', ');

/** Reports on each twin the numbers its text has and the other's has not. */
function compare(report: (r: Report) => void, a: TwinSide, b: TwinSide, numbersA: NumberToken[], numbersB: NumberToken[], what: string): void {
  const { onlyInA, onlyInB } = compareNumbers(numbersA, numbersB);
  reportOnTwins(report, a, b, (side, other) => {
    const [extra, theirs] = side === a ? [onlyInA, numbersB] : [onlyInB, numbersA];
    if (extra.length === 0) return undefined;
    return {
      message: t(extra.length === 1 ? 'numbers-agree.one' : 'numbers-agree.other', { numbers: quoted(extra), where: what, lang: other.file.lang, theirs: theirs.length ? quoted(theirs) : t('word.none') }),
      hint: t('numbers-agree.hint'),
    };
  });
}

export default defineRule({
  id: 'numbers-agree',
  scope: 'pair',
  severity: 'error',
  group: 'cross-language',
  docs: {
    en: `Error. Each block, and each translated field such as the title, states the same numbers in both languages. Writing
conventions are normalised first: decimal comma, thousands separated by a space, a no-break space or nothing,
\`94 %\` and \`94%\`, Finnish case endings (\`94 %:iin\`, \`2025:ssä\`), ranges \`2025–2029\`, the minus signs \`-\`, \`–\`
and \`−\`, and dates \`7.3.2025\` = \`2025-03-07\`. Statute references such as \`612/2021\` are one token. The message names
the number that has no counterpart and lists the twin's numbers.`,
    sv: `Fel. Varje block, och varje översatt fält som rubriken, anger samma tal på båda språken. Skrivsätten normaliseras
först: decimalkomma, tusental åtskilda med mellanslag, hårt mellanslag eller ingenting, \`94 %\` och \`94%\`, finska
kasusändelser (\`94 %:iin\`, \`2025:ssä\`), intervall \`2025–2029\`, minustecknen \`-\`, \`–\` och \`−\` och datum \`7.3.2025\` =
\`2025-03-07\`. Författningshänvisningar som \`612/2021\` är en enhet. Meddelandet anger det tal som saknar motsvarighet
och listar den andra versionens tal.`,
    fi: `Virhe. Jokaisessa lohkossa ja jokaisessa käännetyssä kentässä, kuten otsikossa, on samat luvut molemmilla kielillä.
Kirjoitustavat normalisoidaan ensin: desimaalipilkku, tuhaterottimena välilyönti, sitova välilyönti tai ei mitään,
\`94 %\` ja \`94%\`, suomen sijapäätteet (\`94 %:iin\`, \`2025:ssä\`), välit \`2025–2029\`, miinusmerkit \`-\`, \`–\` ja \`−\` sekä
päivämäärät \`7.3.2025\` = \`2025-03-07\`. Säädösviittaukset kuten \`612/2021\` ovat yksi kokonaisuus. Ilmoitus kertoo
luvun, jolla ei ole vastinetta, ja luettelee toisen version luvut.`,
  },
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const textsB = new Map(fieldTexts(graph, b).map((f) => [f.field, f.text]));
      for (const { field, text } of fieldTexts(graph, a)) {
        const other = textsB.get(field);
        if (other === undefined) continue;
        compare(report, { file: a, path: [field] }, { file: b, path: [field] }, extractNumbers(text), extractNumbers(other), whereField(field));
      }
      const blocksA = blocks(a);
      const blocksB = blocks(b);
      // Compare block by block only when the structure agrees; structure-aligned reports the rest.
      if (blocksA.length !== blocksB.length || alignBlocks(blocksA, blocksB).some((m) => m.kind !== 'links')) continue;
      blocksA.forEach((blockA, index) => {
        const blockB = blocksB[index]!;
        compare(report, { file: a, place: blockA.position }, { file: b, place: blockB.position }, blockNumbers(blockA), blockNumbers(blockB), whereBlock(blockA.type));
      });
    }
  },
});
