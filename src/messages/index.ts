/**
 * What the command line says, in the editor's language: one JSON catalogue per language (en, sv, fi) with the same
 * keys, `{name}` placeholders filled by `t()`. The language is chosen once per command (`--lang`, else LC_ALL,
 * LC_MESSAGES or LANG, else English) and held here, so that rules, parsers and commands word their messages alike.
 */
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };

export const languages = ['en', 'sv', 'fi'] as const;
export type Lang = (typeof languages)[number];
export type MessageKey = keyof typeof en;
export type Params = Readonly<Record<string, string | number>>;

export const catalogues: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, sv, fi };

let current: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language of a locale name as POSIX writes it: `sv_FI.UTF-8`, `fi`, `fi-FI`; `C` and the rest are English. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const code = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase();
  // Any other language, and `C` or `POSIX`, is English: a set variable is an answer, never skipped.
  return isLang(code) ? code : 'en';
}

/** The language the environment asks for, in POSIX order: LC_ALL over LC_MESSAGES over LANG. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const lang = langOfLocale(env[name]);
    if (lang) return lang;
  }
  return 'en';
}

export function currentLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
}

/** Runs `body` with the messages in `lang`, and restores the language before it. */
export function withLang<T>(lang: Lang, body: () => T): T {
  const before = current;
  current = lang;
  try {
    return body();
  } finally {
    current = before;
  }
}

/** The message `key` in the current language (English where a catalogue lacks it), its placeholders filled. */
export function t(key: MessageKey, params: Params = {}, lang: Lang = current): string {
  const template = catalogues[lang][key] ?? en[key];
  return template.replace(/\{([a-zA-Z][\w-]*)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `a`, `a or b`, `a, b or c`, each in backticks, with the conjunction of the current language. */
export function oneOf(words: readonly string[], conjunction: 'or' | 'or-a' | 'and' = 'or'): string {
  const quoted = words.map((w) => `\`${w}\``);
  if (quoted.length <= 1) return quoted[0] ?? t('word.nothing');
  return `${quoted.slice(0, -1).join(', ')} ${t(`word.${conjunction}`)} ${quoted.at(-1)}`;
}

/** A count with the noun in the right number: `1 error`, `2 fel`, `3 virhettä`. */
export function count(n: number, one: MessageKey, other: MessageKey): string {
  return t(n === 1 ? one : other, { n });
}
