import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { startOfFile } from '../../parse/types.ts';

export default defineRule({
  id: 'twin-missing',
  scope: 'pair',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. Every item exists in Swedish and Finnish: \`x.sv.md\` beside \`x.fi.md\`. The message names the missing file and
the command that creates it from the existing twin (\`npx strategy i18n twin <file> <lang>\`), which you then
translate.`,
    sv: `Fel. Varje objekt finns på svenska och finska: \`x.sv.md\` bredvid \`x.fi.md\`. Meddelandet anger den fil som saknas och
kommandot som skapar den ur den befintliga (\`npx strategy i18n twin <fil> <språk>\`), som sedan översätts.`,
    fi: `Virhe. Jokainen kohde on olemassa ruotsiksi ja suomeksi: \`x.sv.md\` tiedoston \`x.fi.md\` vieressä. Ilmoitus kertoo
puuttuvan tiedoston ja komennon, joka luo sen olemassa olevasta (\`npx strategy i18n twin <tiedosto> <kieli>\`), minkä
jälkeen se käännetään.`,
  },
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
