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
