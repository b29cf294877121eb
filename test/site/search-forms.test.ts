/**
 * A build on a machine without Voikko: the Finnish search still works with Pagefind's stemming, its table of base
 * forms is empty, and whoever builds is told why, in their language (`strategy build` prints the notes).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeSearchForms } from '../../src/render/site/search-forms.ts';
import { currentLang, setLang } from '../../src/messages/index.ts';

vi.mock('../../src/spelling/finnish.ts', () => ({
  finnishBaseForms: () => undefined,
  finnishUnavailable: () => 'libvoikko (libvoikko.so.1) is not installed',
}));

const site = mkdtempSync(join(tmpdir(), 'search-forms-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, 'fi/goal'), { recursive: true });
writeFileSync(join(site, 'fi/goal/index.html'), '<main data-pagefind-body><h1>Kotihoidossa asuvat</h1></main>');

describe('the Finnish search where Voikko is missing', () => {
  it('writes an empty table of base forms and says why, in the language of the build', async () => {
    const english = await writeSearchForms(site, ['sv', 'fi']);
    expect(english.written).toEqual([]);
    expect(english.notes).toEqual(["search in fi: libvoikko (libvoikko.so.1) is not installed; inflected forms are found by Pagefind's stemming only"]);
    expect(JSON.parse(readFileSync(join(site, 'search-forms.fi.json'), 'utf8'))).toEqual({ lang: 'fi', forms: {} });
    const before = currentLang();
    setLang('sv'); // as `strategy build --lang sv` sets it for the whole run
    const swedish = await writeSearchForms(site, ['sv', 'fi']).finally(() => setLang(before));
    expect(swedish.notes).toEqual(['sökningen på fi: libvoikko (libvoikko.so.1) is not installed; böjda former hittas bara genom Pagefinds ordstamsigenkänning']);
  });
});
