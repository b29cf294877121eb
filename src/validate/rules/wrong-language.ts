import { defineRule } from '../rule.ts';
import { blocks, fieldTexts } from '../../cross-language/file-view.ts';
import { identifyLanguage } from '../../cross-language/language.ts';
import { properNames } from '../../cross-language/names.ts';
import { t, type MessageKey } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../cross-language/where.ts';

/** A language in one of the forms a sentence needs (`text`, `name`, `into`), or its code for another one. */
const form = (lang: string, which: 'text' | 'name' | 'into') => (['sv', 'fi', 'en'].includes(lang) ? t(`lang.${lang}.${which}` as MessageKey) : lang);

export default defineRule({
  id: 'wrong-language',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    const names = properNames(graph);
    for (const file of graph.files) {
      // Judged afresh on every run (no memo): each file is judged once per check, and an incremental re-check runs
      // this rule only on the files that changed.
      const judged = [
        ...fieldTexts(graph, file).map((f) => ({ path: [f.field], place: undefined, what: whereField(f.field), result: identifyLanguage(f.text, { properNames: names }) })),
        ...blocks(file).map((block) => ({ path: undefined, place: block.position, what: whereBlock(block.type), result: identifyLanguage(block.text, { properNames: names }) })),
      ];
      for (const { path, place, what, result } of judged) {
        if (!result.reliable || result.lang === undefined || result.lang === file.lang) continue;
        report({
          file,
          ...(path ? { path } : {}),
          ...(place ? { place } : {}),
          message: t('wrong-language', { found: form(result.lang, 'text'), where: what, expected: form(file.lang, 'name'), lang: file.lang }),
          hint: t('wrong-language.hint', { into: form(file.lang, 'into'), found: form(result.lang, 'text') }),
        });
      }
    }
  },
});
