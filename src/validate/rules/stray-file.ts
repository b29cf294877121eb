import { defineRule } from '../rule.ts';

/** A name to show in a message: control characters (a newline in a file name) as escapes. */
function shown(path: string): string {
  return JSON.stringify(path).slice(1, -1);
}

export default defineRule({
  id: 'stray-file',
  summary: 'Every file under strategy/ is an item (`x.sv.md`, `x.fi.md`), an image, or a file the project names (its glossary, its notes): anything else is never read.',
  severity: 'warn',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    const items = languages.map((lang) => `\`x.${lang}.md\``).join(' or ');
    const place = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    for (const stray of graph.strays) {
      const name = `\`${shown(stray.path)}\``;
      if (stray.what === 'symlink') {
        report({ file: stray.file, place, message: `Unexpected symbolic link ${name} in the strategy folder, expected files and folders: a link is never followed, so nothing behind it is read`, hint: 'copy what it points at into strategy/, or remove the link' });
      } else if (stray.what === 'special') {
        report({ file: stray.file, place, message: `Unexpected special file ${name} in the strategy folder, expected regular files: it is never read`, hint: 'remove it' });
      } else if (stray.why === 'hidden') {
        report({ file: stray.file, place, message: `Unexpected hidden file ${name}, named like an item: hidden files are never read`, hint: 'remove the leading dot to make it an item, or remove the file' });
      } else if (stray.why === 'language') {
        const stem = shown(stray.path.slice(0, -`.${stray.lang}.md`.length));
        const renamed = languages.map((lang) => `\`${stem}.${lang}.md\``).join(' or ');
        report({
          file: stray.file,
          place,
          message: `Unexpected file ${name} for the language \`${stray.lang}\`, expected ${renamed}: ${stray.lang} is not a language of this project, so the file is never read`,
          hint: `rename it to ${renamed} if it is an item's; the project's languages are in schema/project.json`,
        });
      } else {
        report({
          file: stray.file,
          place,
          message: `Unexpected file ${name} in the strategy folder, expected items (${items}), images or the glossary: it is never read`,
          hint: 'move it out of strategy/; a note for editors that belongs there can be listed under `notes` in schema/project.json',
        });
      }
    }
  },
});
