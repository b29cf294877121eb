import { defineRule } from '../rule.ts';
import { blocks, fieldTexts } from '../../i18n/file-view.ts';
import { identifyLanguage, type DetectedLanguage } from '../../i18n/language.ts';
import { properNames } from '../../i18n/names.ts';
import { t, type MessageKey } from '../../messages/index.ts';
import { whereBlock, whereField } from '../../i18n/where.ts';

/** A language in one of the forms a sentence needs (`text`, `name`, `into`), or its code for another one. */
const form = (lang: string, which: 'text' | 'name' | 'into') => (['sv', 'fi', 'en'].includes(lang) ? t(`lang.${lang}.${which}` as MessageKey) : lang);

export default defineRule({
  id: 'wrong-language',
  severity: 'error',
  run({ graph, report }) {
    const names = properNames(graph);
    // Each distinct text is judged once per run: the same title, unit or responsible body recurs in many files, and
    // a judgement depends on the text and the names only. Only the language a reliable judgement found is kept
    // (undefined for none), for this run alone: an incremental re-check runs this rule only on the changed files.
    const judgements = new Map<string, DetectedLanguage | undefined>();
    const judge = (text: string): DetectedLanguage | undefined => {
      if (judgements.has(text)) return judgements.get(text);
      const { lang, reliable } = identifyLanguage(text, { properNames: names });
      const found = reliable ? lang : undefined;
      judgements.set(text, found);
      return found;
    };
    for (const file of graph.files) {
      const judged = [
        ...fieldTexts(graph, file).map((f) => ({ path: [f.field], place: undefined, what: whereField(f.field), found: judge(f.text) })),
        ...blocks(file).map((block) => ({ path: undefined, place: block.position, what: whereBlock(block.type), found: judge(block.text) })),
      ];
      for (const { path, place, what, found } of judged) {
        if (found === undefined || found === file.lang) continue;
        report({
          file,
          ...(path ? { path } : {}),
          ...(place ? { place } : {}),
          message: t('wrong-language', { found: form(found, 'text'), where: what, expected: form(file.lang, 'name'), lang: file.lang }),
          hint: t('wrong-language.hint', { into: form(file.lang, 'into'), found: form(found, 'text') }),
        });
      }
    }
  },
});
