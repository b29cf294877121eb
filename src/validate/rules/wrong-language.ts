import { defineRule } from '../rule.ts';
import { blocks, fieldTexts } from '../../i18n/file-view.ts';
import { identifyLanguage } from '../../i18n/language.ts';
import { properNames } from '../../i18n/names.ts';

const languageNames: Record<string, string> = { sv: 'Swedish', fi: 'Finnish', en: 'English' };
const name = (lang: string) => languageNames[lang] ?? lang;

export default defineRule({
  id: 'wrong-language',
  summary: 'Text is in the language of its file: no Finnish in a .sv.md file, no Swedish in a .fi.md file. Only blocks long enough to judge are judged.',
  severity: 'error',
  run({ graph, report }) {
    const names = properNames(graph);
    for (const file of graph.files) {
      // Judged afresh on every run (no memo): each file is judged once per check, and an incremental re-check runs
      // this rule only on the files that changed.
      const judged = [
        ...fieldTexts(graph, file).map((f) => ({ path: [f.field], place: undefined, what: `\`${f.field}\``, result: identifyLanguage(f.text, { properNames: names }) })),
        ...blocks(file).map((block) => ({ path: undefined, place: block.position, what: `this ${block.type}`, result: identifyLanguage(block.text, { properNames: names }) })),
      ];
      for (const { path, place, what, result } of judged) {
        if (!result.reliable || result.lang === undefined || result.lang === file.lang) continue;
        report({
          file,
          ...(path ? { path } : {}),
          ...(place ? { place } : {}),
          message: `Unexpected ${name(result.lang)} text in ${what}, expected ${name(file.lang)} in a .${file.lang}.md file`,
          hint: `translate it into ${name(file.lang)}; if the ${name(result.lang)} text belongs in the twin, move it there`,
        });
      }
    }
  },
});
