/** UI strings of the site (not content): site/src/i18n/<lang>.json, the same keys in every language. */
import sv from '../i18n/sv.json' with { type: 'json' };
import fi from '../i18n/fi.json' with { type: 'json' };

export const strings: Record<string, Record<string, string>> = { sv, fi };

/** The string for a key, with {name} placeholders filled in. A missing key fails the build loudly. */
export function t(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const table = strings[lang] ?? strings['sv']!;
  const text = table[key];
  if (text === undefined) throw new Error(`No UI string "${key}" for language "${lang}"`);
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** The string for a key if there is one: for words of open-ended value lists (status, type...). */
export function tMaybe(lang: string, key: string): string | undefined {
  return (strings[lang] ?? strings['sv']!)[key];
}

/** A date as written in running text: "16 juni 2025", "16. kesäkuuta 2025". */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${lang}-FI`, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A field value in words: the UI's word for an enum value if it has one, else the value itself. */
export function word(lang: string, namespace: string, value: unknown): string {
  const text = String(value ?? '');
  return tMaybe(lang, `${namespace}.${text}`) ?? text;
}
