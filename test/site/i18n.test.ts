import { describe, expect, it } from 'vitest';
import sv from '../../site/src/i18n/sv.json' with { type: 'json' };
import fi from '../../site/src/i18n/fi.json' with { type: 'json' };
import { t } from '../../site/src/lib/i18n.ts';

const tables: Record<string, Record<string, string>> = { sv, fi };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings of the site', () => {
  it('have the same keys in Swedish and Finnish', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(fi).sort());
  });

  it('are never empty, and use the same placeholders in both languages', () => {
    for (const [lang, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect(text.trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(tables['sv']![key]!));
      }
    }
  });

  it('fill placeholders and fail loudly on a missing key', () => {
    expect(t('sv', 'council.caption', { section: '3.4 Äldre', kinds: 'Mål' })).toBe('3.4 Äldre: Mål');
    expect(() => t('sv', 'no.such.key')).toThrow(/no\.such\.key/);
  });
});
