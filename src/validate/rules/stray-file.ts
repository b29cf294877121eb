import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { startOfFile } from '../../parse/types.ts';

/** A name to show in a message: control characters (a newline in a file name) as escapes. */
function shown(path: string): string {
  return JSON.stringify(path).slice(1, -1);
}

export default defineRule({
  id: 'stray-file',
  scope: 'graph',
  severity: 'warn',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    const items = languages.map((lang) => `\`x.${lang}.md\``).join(` ${t('word.or')} `);
    const place = startOfFile;
    for (const stray of graph.strays) {
      const name = `\`${shown(stray.path)}\``;
      if (stray.what === 'symlink') {
        report({ file: stray.file, place, message: t('stray-file.symlink', { name }), hint: t('stray-file.symlink.hint') });
      } else if (stray.what === 'special') {
        report({ file: stray.file, place, message: t('stray-file.special', { name }), hint: t('stray-file.special.hint') });
      } else if (stray.why === 'hidden') {
        report({ file: stray.file, place, message: t('stray-file.hidden', { name }), hint: t('stray-file.hidden.hint') });
      } else if (stray.why === 'language') {
        const stem = shown(stray.path.slice(0, -`.${stray.lang}.md`.length));
        const renamed = languages.map((lang) => `\`${stem}.${lang}.md\``).join(` ${t('word.or')} `);
        report({
          file: stray.file,
          place,
          message: t('stray-file.language', { name, lang: String(stray.lang), renamed }),
          hint: t('stray-file.language.hint', { renamed }),
        });
      } else {
        report({
          file: stray.file,
          place,
          message: t('stray-file.other', { name, items }),
          hint: t('stray-file.other.hint'),
        });
      }
    }
  },
});
