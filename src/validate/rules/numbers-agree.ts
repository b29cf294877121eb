import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { alignBlocks } from '../../i18n/blocks.ts';
import { blockNumbers, blocks, fieldTexts } from '../../i18n/file-view.ts';
import { compareNumbers, extractNumbers, type NumberToken } from '../../i18n/numbers.ts';
import type { Report } from '../rule.ts';
import type { SourceFile } from '../../model/types.ts';

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
      message: `Unexpected ${extra.length === 1 ? 'number' : 'numbers'} ${quoted(extra)} in ${where.what}, expected the same numbers as the ${other.lang} twin${theirs.length ? ` (${quoted(theirs)})` : ' (none)'}`,
      hint: 'correct the figure in whichever language is wrong; both versions have equal standing',
      cause: { file: other, ...otherPlace, message: `the ${other.lang} twin` },
    });
  }
}

export default defineRule({
  id: 'numbers-agree',
  summary: 'The numbers in each block (and each translated field) agree between the twins, whatever the sv/fi writing conventions.',
  severity: 'error',
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      const textsB = new Map(fieldTexts(graph, b).map((f) => [f.field, f.text]));
      for (const { field, text } of fieldTexts(graph, a)) {
        const other = textsB.get(field);
        if (other === undefined) continue;
        compare(report, a, b, extractNumbers(text), extractNumbers(other), { what: `\`${field}\``, placeA: { path: [field] }, placeB: { path: [field] } });
      }
      const blocksA = blocks(a);
      const blocksB = blocks(b);
      // Compare block by block only when the structure agrees; structure-aligned reports the rest.
      if (blocksA.length !== blocksB.length || alignBlocks(blocksA, blocksB).some((m) => m.kind !== 'links')) continue;
      blocksA.forEach((blockA, index) => {
        const blockB = blocksB[index]!;
        compare(report, a, b, blockNumbers(blockA), blockNumbers(blockB), {
          what: `this ${blockA.type}`,
          placeA: { place: blockA.position },
          placeB: { place: blockB.position },
        });
      });
    }
  },
});
