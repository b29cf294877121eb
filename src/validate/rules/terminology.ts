import { defineRule, type Report } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { blocks, fieldTexts } from '../../cross-language/file-view.ts';
import { hasTrace, indexHasTerm, indexWords, type StemLanguage } from '../../cross-language/stems.ts';
import type { GlossaryEntry, SourceFile, StrategyGraph } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

/** Where a term first appears in a file: a translated field, or a body block by index. */
interface Use {
  field?: string;
  block?: number;
}

/**
 * The glossary entries a file uses, each with the term it used. Not memoised: each file is in one pair, and
 * keeping the word indexes of every file alive until the check ends costs more (in garbage collection) than it
 * could save.
 */
function termsUsed(graph: StrategyGraph, file: SourceFile, text: string): Map<string, string> {
  const lang = file.lang as StemLanguage;
  // The words are indexed once per file, not once per glossary term: the file is matched against every entry.
  const index = indexWords(text, lang);
  const used = new Map<string, string>();
  for (const entry of graph.glossary) {
    // Plain loops: this runs for every file × glossary entry.
    for (const candidate of entry.terms[file.lang] ?? []) {
      if (indexHasTerm(index, candidate)) {
        used.set(entry.id, candidate);
        break;
      }
    }
  }
  return used;
}

/** The first field or block of `file` that has `term`: asked only for a report, so parts are indexed only then. */
function whereUsed(graph: StrategyGraph, file: SourceFile, term: string): Use {
  const lang = file.lang as StemLanguage;
  for (const { text, field } of fieldTexts(graph, file)) if (indexHasTerm(indexWords(text, lang), term)) return { field };
  const found = blocks(file).findIndex((block) => indexHasTerm(indexWords(block.text, lang), term));
  return found === -1 ? {} : { block: found };
}

/** The same place in the other twin: the same field, or the block at the same index. */
function placeOf(file: SourceFile, use: Use): Pick<Report, 'path' | 'place'> {
  if (use.field !== undefined) return { path: [use.field] };
  const block = use.block === undefined ? undefined : blocks(file)[use.block];
  return block ? { place: block.position } : { path: ['title'] };
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
  scope: 'pair',
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
        for (const [id, term] of otherUsed) {
          const entry = entries.get(id);
          const expected = entry?.terms[file.lang];
          if (!entry || !expected?.length || used.has(id) || hasTrace(text, expected, file.lang as StemLanguage)) continue;
          const use = whereUsed(graph, other, term);
          report({
            file,
            ...placeOf(file, use),
            message: t('terminology', { expected: expected[0]!, lang: other.lang, term, id }),
            hint: t('terminology.hint', { terms: expected.map((word) => `\`${word}\``).join(` ${t('word.or')} `), lang: file.lang, other: other.lang }),
            cause: { file: other, ...placeOf(other, use), message: t('terminology.cause', { lang: other.lang, term }) },
          });
        }
      }
    }
  },
});
