import sv from './locales/sv.json' with { type: 'json' };
import fi from './locales/fi.json' with { type: 'json' };

/** The PDF's own words (everything that does not come from the strategy or schema/). */
export type PdfStrings = typeof sv;

// Typed against the Swedish file, so a key missing in Finnish fails the type check as well as the test.
const finnish: PdfStrings = fi;

export const pdfLocales: Readonly<Record<string, PdfStrings>> = { sv, fi: finnish };

/** The strings for a language; an unknown language gets the Swedish words with its own language tag. */
export function pdfStrings(lang: string): PdfStrings {
  return pdfLocales[lang] ?? { ...sv, languageTag: lang };
}

/** Fills `{name}` placeholders: fill('Sida {page} av {pages}', { page: 2, pages: 9 }). */
export { fill } from '../../view/format.ts';

/** Looks up a word in a string table and falls back to the raw value (for enum values the table lacks). */
export function lookup(table: Record<string, string>, key: unknown): string {
  const k = String(key ?? '');
  return Object.hasOwn(table, k) ? table[k]! : k;
}
