import { defineRule } from '../rule.ts';
import { twinPairs } from '../../model/twins.ts';
import { blocks, fieldTexts } from '../../i18n/file-view.ts';
import { stemMatches, type StemLanguage } from '../../i18n/stems.ts';
import { memo } from '../../model/memo.ts';
import type { GlossaryEntry, SourceFile, StrategyGraph } from '../../model/types.ts';

/** The glossary entries a file uses, each with the term it used. */
function termsUsed(graph: StrategyGraph, file: SourceFile): Map<string, string> {
  return memo(file.body, `terms:${graph.glossary.length}`, () => {
    const text = [...fieldTexts(graph, file).map((f) => f.text), ...blocks(file).map((b) => b.text)].join('\n');
    const used = new Map<string, string>();
    for (const entry of graph.glossary) {
      const term = (entry.terms[file.lang] ?? []).find((t) => stemMatches(text, t, file.lang as StemLanguage));
      if (term !== undefined) used.set(entry.id, term);
    }
    return used;
  });
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
      const usedA = termsUsed(graph, a);
      const usedB = termsUsed(graph, b);
      for (const [file, used, other, otherUsed] of [
        [b, usedB, a, usedA],
        [a, usedA, b, usedB],
      ] as const) {
        for (const [id, term] of otherUsed) {
          const entry = entries.get(id);
          const expected = entry?.terms[file.lang];
          if (!entry || !expected?.length || used.has(id)) continue;
          report({
            file,
            path: ['title'],
            message: `Unexpected missing term \`${expected[0]}\`, expected it because the ${other.lang} twin uses \`${term}\` (glossary: ${id})`,
            hint: `use the glossary term ${expected.map((t) => `\`${t}\``).join(' or ')} in the ${file.lang} text, or correct the ${other.lang} text`,
            cause: { file: other, path: ['title'], message: `the ${other.lang} twin uses \`${term}\`` },
          });
        }
      }
    }
  },
});
