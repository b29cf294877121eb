import { defineRule } from '../rule.ts';
import { inflectedTerm, nativeMorphology } from '../../cross-language/morphology.ts';
import { t } from '../../messages/index.ts';

/**
 * The glossary is a termbase: each term in its base form. The terminology rule finds the inflected forms in the
 * text itself, so an inflected entry (`hyvinvointialueen`, `kunden`) is an error, at the term in glossary.yaml,
 * with its base form. Finnish is judged with Voikko, Swedish with Hunspell; a language whose checker is not
 * installed is not judged (the spelling rule says once that it is missing).
 */
export default defineRule({
  id: 'glossary-base-form',
  scope: 'graph',
  severity: 'error',
  run({ graph, report }) {
    const file = graph.glossaryFile;
    if (!file || graph.glossary.length === 0) return;
    const morphology = nativeMorphology();
    for (const entry of graph.glossary) {
      for (const [lang, terms] of Object.entries(entry.terms)) {
        terms.forEach((term, index) => {
          const inflected = inflectedTerm(term, lang, morphology);
          if (!inflected) return;
          const place = entry.places?.[lang]?.[index];
          report({
            file,
            ...(place ? { place } : {}),
            message: t('glossary-base-form', { term, word: inflected.word, base: inflected.base, lang, id: entry.id }),
            hint: t('glossary-base-form.hint', { word: inflected.word, base: inflected.base }),
          });
        });
      }
    }
  },
});
