import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { startOfFile } from '../../parse/types.ts';

export default defineRule({
  id: 'missing-front-matter',
  scope: 'file',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. Every \`*.sv.md\` and \`*.fi.md\` file under strategy/ is an item and starts with front-matter that says what
it is: \`id\`, \`kind\`, \`title\`, and for most kinds \`parent\`. Front-matter that is empty, only \`~\` or only comments is
reported too.`,
    sv: `Fel. Varje \`*.sv.md\`- och \`*.fi.md\`-fil i strategy/ är ett objekt och börjar med front-matter som anger vad det är:
\`id\`, \`kind\`, \`title\` och för de flesta typer \`parent\`. Även front-matter som är tom, bara \`~\` eller bara
kommentarer rapporteras.`,
    fi: `Virhe. Jokainen strategy/-kansion \`*.sv.md\`- ja \`*.fi.md\`-tiedosto on kohde ja alkaa front matterilla, joka kertoo,
mikä se on: \`id\`, \`kind\`, \`title\` ja useimmille tyypeille \`parent\`. Myös tyhjästä, pelkän \`~\`-merkin tai pelkkien
kommenttien front matterista ilmoitetaan.`,
  },
  run({ graph, report }) {
    for (const file of graph.files) {
      // Front-matter that is empty, `~` or only comments says nothing about the file either.
      if (file.hasFrontMatter && file.data === undefined && !file.problems.some((p) => p.ruleId === 'yaml-syntax')) {
        report({
          file,
          message: t('missing-front-matter.empty'),
          place: file.locate([]),
          hint: t('missing-front-matter.empty.hint'),
        });
        continue;
      }
      if (file.hasFrontMatter || file.entry !== 'file' || file.problems.some((p) => p.ruleId === 'file-size')) continue;
      report({
        file,
        message: t('missing-front-matter.none'),
        place: startOfFile,
        hint: t('missing-front-matter.none.hint'),
      });
    }
  },
});
