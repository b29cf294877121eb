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
  group: 'cross-language',
  docs: {
    en: `Warning. When a glossary term (strategy/glossary.yaml) appears in one language, its counterpart appears in the twin.
The glossary gives each term in its base form, and the rule finds its inflected forms in the text itself:
\`hyvinvointialueella\` matches \`hyvinvointialue\`, \`hemvården\` matches \`hemvård\`. Finnish is matched with Voikko's
base forms (\`hyvinvointia\`, well-being, is not a form of \`hyvinvointialue\`; \`hyvinvointialuestrategiassa\` is a
compound that begins with it), Swedish by its noun and adjective endings, with Hunspell's stems telling a word of its
own from a form of the term (\`kunde\`, could, is not a form of \`kund\`). On a machine without Voikko or Hunspell (the
spelling rule says so once) that language is matched by stems alone, which is looser: a word that shares the term's
stem counts too (\`kumppanuus\` for \`kumppani\`, \`kunde\` for \`kund\`).`,
    sv: `Varning. När en term ur ordlistan (strategy/glossary.yaml) förekommer på det ena språket förekommer dess motsvarighet i
den andra versionen. Ordlistan anger varje term i grundform, och regeln hittar själv de böjda formerna i texten:
\`hyvinvointialueella\` motsvarar \`hyvinvointialue\`, \`hemvården\` motsvarar \`hemvård\`. Finskan jämförs med Voikkos
grundformer (\`hyvinvointia\`, välbefinnande, är ingen form av \`hyvinvointialue\`; \`hyvinvointialuestrategiassa\` är
en sammansättning som börjar med termen), svenskan med substantivens och adjektivens ändelser, där Hunspells
ordstammar skiljer ett eget ord från en form av termen (\`kunde\` är ingen form av \`kund\`). På en dator utan Voikko
eller Hunspell (stavningsregeln säger det en gång) jämförs det språket bara på ordstammar, vilket är lösare: ett ord
med samma stam räknas också (\`kumppanuus\` för \`kumppani\`, \`kunde\` för \`kund\`).`,
    fi: `Varoitus. Kun sanaston (strategy/glossary.yaml) termi esiintyy toisella kielellä, sen vastine esiintyy toisessa
versiossa. Sanastossa jokainen termi on perusmuodossa, ja sääntö löytää taivutetut muodot tekstistä itse:
\`hyvinvointialueella\` vastaa termiä \`hyvinvointialue\`, \`hemvården\` termiä \`hemvård\`. Suomea verrataan Voikon
antamien perusmuotojen avulla (\`hyvinvointia\` ei ole termin \`hyvinvointialue\` muoto; \`hyvinvointialuestrategiassa\`
on yhdyssana, jonka alkuosa termi on), ruotsia substantiivien ja adjektiivien päätteiden avulla niin, että
Hunspellin sanavartalot erottavat oman sanansa termin muodosta (\`kunde\` ei ole termin \`kund\` muoto). Koneella, jolla
Voikkoa tai Hunspellia ei ole (oikeinkirjoitussääntö kertoo sen kerran), kieltä verrataan pelkin sanavartaloin, mikä
on väljempää: myös sana, jolla on sama vartalo, kelpaa (\`kumppanuus\` termille \`kumppani\`, \`kunde\` termille \`kund\`).`,
  },
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
