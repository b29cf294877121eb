/** UI strings of the site (not content): site/src/i18n/<lang>.json, the same keys in every language. */
import sv from '../i18n/sv.json' with { type: 'json' };
import fi from '../i18n/fi.json' with { type: 'json' };
import { fill } from '../../../src/view/format.ts';

export const strings: Record<string, Record<string, string>> = { sv, fi };

/** The string for a key, with {name} placeholders filled in. A missing key fails the build loudly. */
export function t(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const table = strings[lang] ?? strings['sv']!;
  const text = table[key];
  if (text === undefined) throw new Error(`No UI string "${key}" for language "${lang}"`);
  return fill(text, vars);
}


export { formatDate } from '../../../src/view/format.ts';

/** Words as a list of the language: "värderingar, värdelöften och strategiska mål". */
export function listOf(lang: string, words: readonly string[]): string {
  return new Intl.ListFormat(`${lang}-FI`, { style: 'long', type: 'conjunction' }).format(words);
}

/** What the strategy map connects, in words for its introductions: its rows' kind and its columns' kinds. */
export function mapWords(view: { lang: string; matrix?: { rowLabel: string; columns: { label: string }[] } | undefined }): { rows: string; targets: string } {
  const lower = (text: string) => text.toLocaleLowerCase(view.lang);
  return { rows: lower(view.matrix?.rowLabel ?? ''), targets: listOf(view.lang, (view.matrix?.columns ?? []).map((column) => lower(column.label))) };
}
