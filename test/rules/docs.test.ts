import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/validate/all-rules.ts';
import { rulesDoc } from '../../src/validate/rule.ts';
import { languages } from '../../src/messages/index.ts';
import { folders, repoRoot } from '../helpers/fixtures.ts';

const docs = Object.fromEntries(languages.map((lang) => [lang, readFileSync(join(repoRoot, rulesDoc(lang)), 'utf8')]));

describe('rule documentation and fixtures', () => {
  it.each(allRules.map((rule) => rule.id))('%s has a section in docs/rules.md, rules.sv.md and rules.fi.md, and ok/not-ok fixtures', (id) => {
    for (const lang of languages) expect(docs[lang], `${rulesDoc(lang)}: ${id}`).toMatch(new RegExp(`^### ${id}$`, 'm'));
    const cases = folders(join(repoRoot, 'test/fixtures/rules', id));
    expect(cases.some((c) => c.startsWith('ok'))).toBe(true);
    expect(cases.some((c) => c.startsWith('not-ok'))).toBe(true);
  });

  it('has the same sections, in the same order, in every language', () => {
    const sections = (text: string) => [...text.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    for (const lang of languages) expect(sections(docs[lang]!), lang).toEqual(sections(docs['en']!));
  });
});
