import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fill, pdfLocales, pdfStrings } from '../../src/render/pdf/locale.ts';

const dir = 'src/render/pdf/locales';
const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];
const placeholders = (value: unknown): Record<string, string[]> =>
  Object.fromEntries(
    keys(value).map((key) => {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], value);
      return [key, [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()];
    }),
  );

describe('PDF locales', () => {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  const locales = Object.fromEntries(files.map((name) => [name.replace('.json', ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown]));

  test('there is one file per project language (sv, fi) and the module loads them all', () => {
    expect(Object.keys(locales).sort()).toEqual(['fi', 'sv']);
    expect(Object.keys(pdfLocales).sort()).toEqual(['fi', 'sv']);
  });

  test('every locale has exactly the same keys', () => {
    const [first, ...rest] = Object.values(locales);
    for (const other of rest) expect(keys(other).sort()).toEqual(keys(first).sort());
  });

  test('the same placeholders in every language, and no empty strings', () => {
    const [first, ...rest] = Object.values(locales);
    for (const other of rest) expect(placeholders(other)).toEqual(placeholders(first));
    for (const locale of Object.values(locales)) {
      for (const key of keys(locale)) expect(key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], locale), key).not.toBe('');
    }
  });

  test('the language tags that end up as /Lang', () => {
    expect(pdfStrings('sv').languageTag).toBe('sv-FI');
    expect(pdfStrings('fi').languageTag).toBe('fi-FI');
    expect(pdfStrings('en').languageTag).toBe('en');
  });

  test('page numbers the way each language writes them', () => {
    expect(fill(pdfStrings('sv').pageOf, { page: 2, pages: 9 })).toBe('Sida 2 av 9');
    expect(fill(pdfStrings('fi').pageOf, { page: 2, pages: 9 })).toBe('Sivu 2 / 9');
  });
});
