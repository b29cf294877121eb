import { describe, expect, it } from 'vitest';
import sv from '../../site/src/i18n/sv.json' with { type: 'json' };
import fi from '../../site/src/i18n/fi.json' with { type: 'json' };
import { t, word } from '../../site/src/lib/i18n.ts';

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

  it('fill placeholders, fail loudly on a missing key, and fall back to the raw value for unknown words', () => {
    expect(t('fi', 'source.sotkanetIndicator', { id: 3261 })).toBe('Sotkanet, indikaattori 3261');
    expect(t('sv', 'source.sotkanetIndicator', { id: 3261 })).toBe('Sotkanet, indikator 3261');
    expect(() => t('sv', 'no.such.key')).toThrow(/no\.such\.key/);
    expect(word('fi', 'status', 'ongoing')).toBe('Käynnissä');
    expect(word('sv', 'status', 'something-new')).toBe('something-new');
  });

  it('name every status, measure type, direction and source type the schema allows', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/kinds/${name}.schema.json`, import.meta.url), 'utf8'));
    const measure = schema('measure');
    const lists: [string, string[]][] = [
      ['status', [...schema('action').properties.status.enum, ...schema('document').properties.status.enum]],
      ['measureType', measure.properties.type.enum],
      ['direction', measure.properties.direction.enum],
      ['sourceType', measure.properties.source.properties.type.enum],
    ];
    for (const [namespace, values] of lists) {
      for (const value of values) for (const table of Object.values(tables)) expect(table, `${namespace}.${value}`).toHaveProperty([`${namespace}.${value}`]);
    }
  });
});
