/**
 * docs/rules.md, rules.sv.md and rules.fi.md, written from the rules: each language's frame (src/validate/docs/,
 * the introduction and the parts' headings) with every rule's own section (its `docs`) under its id, in the order of
 * the registry within its part. `npm run docs` writes them; test/rules/docs.test.ts fails when one is not current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRules } from './all-rules.ts';
import { rulesDoc, type Rule } from './rule.ts';
import { languages, type Lang } from '../messages/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The rules documentation in `lang`, as the file docs/rules(.lang).md holds it. */
export function rulesDocument(lang: Lang, rules: readonly Rule[] = allRules): string {
  const frame = readFileSync(fileURLToPath(new URL(`docs/rules.${lang}.md`, import.meta.url)), 'utf8');
  return frame.replace(/^<!-- rules: ([a-z-]+) -->$/gm, (_, group: string) =>
    rules
      .filter((rule) => rule.group === group)
      .map((rule) => `### ${rule.id}\n\n${rule.docs[lang].trim()}\n`)
      .join('\n')
      .trimEnd(),
  );
}

/** Writes each language's file; returns the paths written. */
export function writeRulesDocuments(): string[] {
  return languages.map((lang) => {
    const path = rulesDoc(lang);
    writeFileSync(`${root}${path}`, rulesDocument(lang));
    return path;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of writeRulesDocuments()) process.stdout.write(`wrote ${path}\n`);
}
