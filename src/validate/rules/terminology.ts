import { defineRule, type Report } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { blocks, fieldTexts } from '../../i18n/file-view.ts';
import { indexHasTerm, indexWords, type StemLanguage, type WordIndex } from '../../i18n/stems.ts';
import type { GlossaryEntry, SourceFile, StrategyGraph } from '../../model/types.ts';

interface Use {
  term: string;
  /** The translated field or the body block (by index) where the term first appears. */
  field?: string;
  block?: number;
}

/**
 * The glossary entries a file uses, each with the term it used and where. Not memoised: each file is in one pair,
 * and keeping the word indexes of every file alive until the check ends costs more (in garbage collection) than
 * it could save.
 */
function termsUsed(graph: StrategyGraph, file: SourceFile, text: string): Map<string, Use> {
  const lang = file.lang as StemLanguage;
  // The words are indexed once per file, not once per glossary term: the file is matched against every entry.
  const index = indexWords(text, lang);
  const parts = [...fieldTexts(graph, file).map((f) => ({ text: f.text, field: f.field })), ...blocks(file).map((b, block) => ({ text: b.text, block }))];
  const partIndexes: WordIndex[] = [];
  const partIndex = (i: number) => (partIndexes[i] ??= indexWords(parts[i]!.text, lang));
  const used = new Map<string, Use>();
  for (const entry of graph.glossary) {
    // Plain loops: this runs for every file × glossary entry.
    let term: string | undefined;
    for (const candidate of entry.terms[file.lang] ?? []) {
      if (indexHasTerm(index, candidate)) {
        term = candidate;
        break;
      }
    }
    if (term === undefined) continue;
    const found = parts.findIndex((_, i) => indexHasTerm(partIndex(i), term));
    const { text: _text, ...where } = parts[found] ?? { text: '' };
    used.set(entry.id, { term, ...where });
  }
  return used;
}

/** The same place in the other twin: the same field, or the block at the same index. */
function placeOf(file: SourceFile, use: Use): Pick<Report, 'path' | 'place'> {
  if (use.field !== undefined) return { path: [use.field] };
  const block = use.block === undefined ? undefined : blocks(file)[use.block];
  return block ? { place: block.position } : { path: ['title'] };
}

/**
 * Whether a text has a term in any form, compounds included: looser than `stemMatches`, so that a warning needs
 * a clear use on one side and no trace at all on the other. `servicestrategin` has a trace of `strategi`.
 */
function hasTrace(text: string, terms: readonly string[]): boolean {
  const haystack = text.normalize('NFC').toLowerCase();
  return terms.some((term) =>
    term
      .normalize('NFC')
      .toLowerCase()
      .split(/\s+/)
      .every((word) => haystack.includes(word.slice(0, Math.max(4, word.length - 3)))),
  );
}

function fullText(graph: StrategyGraph, file: SourceFile): string {
  return [...fieldTexts(graph, file).map((f) => f.text), ...blocks(file).map((b) => b.text)].join('\n');
}

/** Entries written the same in every language are names, not terms to translate. */
function isName(entry: GlossaryEntry): boolean {
  const lists = Object.values(entry.terms);
  return lists.length > 1 && lists.every((list) => list.some((term) => lists.every((other) => other.includes(term))));
}

export default defineRule({
  id: 'terminology',
  summary: 'When a glossary term is used in one language, its counterpart appears in the twin (matched on stems).',
  severity: 'warn',
  run({ graph, report }) {
    if (graph.glossary.length === 0) return;
    const entries = new Map(graph.glossary.filter((e) => !isName(e)).map((e) => [e.id, e]));
    for (const [a, b] of twinPairs(graph)) {
      const textA = fullText(graph, a);
      const textB = fullText(graph, b);
      const usedA = termsUsed(graph, a, textA);
      const usedB = termsUsed(graph, b, textB);
      for (const [file, used, text, other, otherUsed] of [
        [b, usedB, textB, a, usedA],
        [a, usedA, textA, b, usedB],
      ] as const) {
        for (const [id, use] of otherUsed) {
          const { term } = use;
          const entry = entries.get(id);
          const expected = entry?.terms[file.lang];
          if (!entry || !expected?.length || used.has(id) || hasTrace(text, expected)) continue;
          report({
            file,
            ...placeOf(file, use),
            message: `Unexpected missing term \`${expected[0]}\`, expected it because the ${other.lang} twin uses \`${term}\` (glossary: ${id})`,
            hint: `use the glossary term ${expected.map((t) => `\`${t}\``).join(' or ')} in the ${file.lang} text, or correct the ${other.lang} text`,
            cause: { file: other, ...placeOf(other, use), message: `the ${other.lang} twin uses \`${term}\`` },
          });
        }
      }
    }
  },
});
