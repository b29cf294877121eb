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
  group: 'safety',
  docs: {
    en: `Warning. Every file under strategy/ is read or reported: an item (\`x.sv.md\`, \`x.fi.md\`), an image (PNG, JPEG, GIF,
WebP, AVIF), the glossary, or a note for editors listed under \`notes\` in schema/project.json (the shipped strategy
lists \`MIGRATION.md\`). Anything else is never read, and this rule names it, so that nothing is dropped unseen: a file
saved for a language the project does not have (\`x.en.md\`), a \`README.md\` or \`notes.txt\`, an editor's backup
(\`x.sv.md.bak\`), a hidden file named like an item (\`.x.sv.md\`), a symbolic link (never followed, so nothing behind it
is read) and a special file such as a named pipe. Other hidden files (\`.gitkeep\`) and hidden folders are not reported.
Fix: rename the file to an item's name, move it out of strategy/, or list it under \`notes\`.`,
    sv: `Varning. Varje fil i strategy/ läses eller rapporteras: ett objekt (\`x.sv.md\`, \`x.fi.md\`), en bild (PNG, JPEG, GIF,
WebP, AVIF), ordlistan eller en anteckning för redaktörerna som anges under \`notes\` i schema/project.json (den
levererade strategin anger \`MIGRATION.md\`). Allt annat läses aldrig, och denna regel nämner det, så att inget faller
bort obemärkt: en fil för ett språk som projektet inte har (\`x.en.md\`), en \`README.md\` eller \`notes.txt\`, en
redigerares säkerhetskopia (\`x.sv.md.bak\`), en dold fil med namn som ett objekt (\`.x.sv.md\`), en symbolisk länk
(följs aldrig, så inget bakom den läses) och en specialfil som ett namngivet rör. Andra dolda filer (\`.gitkeep\`) och
dolda mappar rapporteras inte. Åtgärd: byt namn till ett objekts namn, flytta filen ut ur strategy/ eller ange den
under \`notes\`.`,
    fi: `Varoitus. Jokainen strategy/-kansion tiedosto luetaan tai siitä ilmoitetaan: kohde (\`x.sv.md\`, \`x.fi.md\`), kuva (PNG,
JPEG, GIF, WebP, AVIF), sanasto tai toimittajien muistiinpano, joka on lueteltu kohdassa \`notes\` tiedostossa
schema/project.json (toimitetussa strategiassa \`MIGRATION.md\`). Muuta ei koskaan lueta, ja tämä sääntö mainitsee sen,
jottei mitään jää huomaamatta pois: tiedosto kielelle, jota projektissa ei ole (\`x.en.md\`), \`README.md\` tai
\`notes.txt\`, editorin varmuuskopio (\`x.sv.md.bak\`), piilotiedosto, jonka nimi on kuin kohteen (\`.x.sv.md\`),
symbolinen linkki (sitä ei koskaan seurata, joten sen takana olevaa ei lueta) ja erikoistiedosto, kuten nimetty
putki. Muista piilotiedostoista (\`.gitkeep\`) ja piilokansioista ei ilmoiteta. Korjaus: nimeä tiedosto kohteen nimen
mukaan, siirrä se pois strategy/-kansiosta tai luettele se kohdassa \`notes\`.`,
  },
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
