import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { startOfFile } from '../../parse/types.ts';

export default defineRule({
  id: 'twin-missing',
  scope: 'pair',
  severity: 'error',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    for (const [stem, versions] of graph.twins) {
      const [present] = versions.values();
      if (!present) continue;
      for (const lang of languages) {
        if (versions.has(lang)) continue;
        const missing = `${stem}.${lang}.md`;
        for (const file of versions.values()) {
          report({
            file,
            message: t('twin-missing', { lang, missing, languages: languages.join(` ${t('word.and')} `) }),
            place: startOfFile,
            hint: t('twin-missing.hint', { command: `npx strategy i18n twin ${file.vfile.path} ${lang}` }),
          });
        }
      }
    }
  },
});
