import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/validate/all-rules.ts';
import { rulesDoc, type Rule } from '../../src/validate/rule.ts';
import { rulesDocument } from '../../src/validate/rules-doc.ts';
import { languages } from '../../src/messages/index.ts';
import { folders, repoRoot } from '../helpers/fixtures.ts';

describe('rule documentation and fixtures', () => {
  it.each(languages)('docs/rules in %s is the one the rules write (npm run docs)', (lang) => {
    expect(readFileSync(join(repoRoot, rulesDoc(lang)), 'utf8'), `${rulesDoc(lang)} is not current: run npm run docs`).toBe(rulesDocument(lang));
  });

  it.each(allRules.map((rule) => rule.id))('%s has a section in each language, under its id, and ok/not-ok fixtures', (id) => {
    for (const lang of languages) expect(rulesDocument(lang), `${rulesDoc(lang)}: ${id}`).toMatch(new RegExp(`^### ${id}\n\n\\S`, 'm'));
    const cases = folders(join(repoRoot, 'test/fixtures/rules', id));
    expect(cases.some((c) => c.startsWith('ok'))).toBe(true);
    expect(cases.some((c) => c.startsWith('not-ok'))).toBe(true);
  });

  it('places a rule in its part of the page, in the registry’s order, whatever the language', () => {
    const sections = (text: string) => [...text.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    for (const lang of languages) expect(sections(rulesDocument(lang)), lang).toEqual(sections(rulesDocument('en')));
    // A new rule's section lands in its group, so a page with one more rule has it there and nowhere else.
    const extra: Rule = { ...allRules[0]!, id: 'a-new-rule', group: 'spelling', docs: { en: 'Warning. New.', sv: 'Varning. Ny.', fi: 'Varoitus. Uusi.' } };
    const page = rulesDocument('sv', [...allRules, extra]);
    expect(page.indexOf('### a-new-rule')).toBeGreaterThan(page.indexOf('### spelling'));
    expect(page.indexOf('### a-new-rule')).toBeLessThan(page.indexOf('### council-readiness'));
  });
});
