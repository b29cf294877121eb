import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { alignBlocks } from '../../i18n/blocks.ts';
import { blockNumbers, blocks, fieldTexts } from '../../i18n/file-view.ts';
import { compareNumbers, extractNumbers, type NumberToken } from '../../i18n/numbers.ts';
import type { Report } from '../rule.ts';
import type { SourceFile } from '../../model/types.ts';
import { t } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../i18n/where.ts';

const quoted = (tokens: readonly NumberToken[]) => tokens.map((t) => `\`${t.raw.trim()}\``).join(', ');

function compare(
  report: (r: Report) => void,
  a: SourceFile,
  b: SourceFile,
  numbersA: NumberToken[],
  numbersB: NumberToken[],
  where: { what: string; placeA: Pick<Report, 'place' | 'path'>; placeB: Pick<Report, 'place' | 'path'> },
): void {
  const { onlyInA, onlyInB } = compareNumbers(numbersA, numbersB);
  for (const [file, extra, other, otherPlace, place, theirs] of [
    [a, onlyInA, b, where.placeB, where.placeA, numbersB],
    [b, onlyInB, a, where.placeA, where.placeB, numbersA],
  ] as const) {
    if (extra.length === 0) continue;
    report({
      file,
      ...place,
      message: t(extra.length === 1 ? 'numbers-agree.one' : 'numbers-agree.other', { numbers: quoted(extra), where: where.what, lang: other.lang, theirs: theirs.length ? quoted(theirs) : t('word.none') }),
      hint: t('numbers-agree.hint'),
      cause: { file: other, ...otherPlace, message: t('twin.cause', { lang: other.lang }) },
    });
  }
}

export default defineRule({
  id: 'numbers-agree',
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const textsB = new Map(fieldTexts(graph, b).map((f) => [f.field, f.text]));
      for (const { field, text } of fieldTexts(graph, a)) {
        const other = textsB.get(field);
        if (other === undefined) continue;
        compare(report, a, b, extractNumbers(text), extractNumbers(other), { what: whereField(field), placeA: { path: [field] }, placeB: { path: [field] } });
      }
      const blocksA = blocks(a);
      const blocksB = blocks(b);
      // Compare block by block only when the structure agrees; structure-aligned reports the rest.
      if (blocksA.length !== blocksB.length || alignBlocks(blocksA, blocksB).some((m) => m.kind !== 'links')) continue;
      blocksA.forEach((blockA, index) => {
        const blockB = blocksB[index]!;
        compare(report, a, b, blockNumbers(blockA), blockNumbers(blockB), {
          what: whereBlock(blockA.type),
          placeA: { place: blockA.position },
          placeB: { place: blockB.position },
        });
      });
    }
  },
});
