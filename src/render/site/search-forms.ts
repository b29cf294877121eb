/**
 * The table that lets the site's search find Finnish words in any of their forms: for each base form on the pages
 * of a language, the forms it takes there (kotihoito: kotihoidon, kotihoidossa), from Voikko's analysis of every
 * word Pagefind indexes. The search page (site/src/lib/search/) looks a query word up in it, directly or through the
 * base forms its ending and consonant gradation point to, and searches for every form of that base form. Pagefind's
 * own Finnish stemmer cuts endings but cannot undo consonant gradation, so kotihoidossa and kotihoito stay apart.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryWords, type FormsTable } from '../../../site/src/lib/search/words.ts';
import { lemmatisedLanguages, searchFormsHref } from '../../view/paths.ts';
import { t } from '../../messages/index.ts';

/** A word's base forms, or undefined when no analyser runs on this machine. */
export type BaseForms = (word: string) => string[] | undefined;

/** The analysers the build knows, by language (Voikko for Finnish, through the spelling rule's binding). */
export async function baseFormsOf(lang: string): Promise<{ baseForms: BaseForms; unavailable: () => string | undefined } | undefined> {
  if (lang !== 'fi') return undefined;
  const { finnishBaseForms, finnishUnavailable } = await import('../../spelling/finnish.ts');
  return { baseForms: finnishBaseForms, unavailable: finnishUnavailable };
}

/** The text Pagefind indexes on a built page: what <main data-pagefind-body> holds, without tags. */
export function indexedText(html: string): string {
  const main = /<main\b[^>]*\sdata-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Base form → the other forms it takes among `words`, each list sorted; base forms in lower case. */
export function formsTable(lang: string, words: Iterable<string>, baseForms: (word: string) => string[]): FormsTable {
  const forms = new Map<string, Set<string>>();
  for (const word of words) {
    for (const found of baseForms(word)) {
      const lemma = found.toLocaleLowerCase(lang);
      if (!forms.has(lemma)) forms.set(lemma, new Set());
      if (word !== lemma) forms.get(lemma)!.add(word);
    }
  }
  const sorted = [...forms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { lang, forms: Object.fromEntries(sorted.map(([lemma, set]) => [lemma, [...set].sort()])) };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

export interface SearchFormsResult {
  /** The languages whose table holds base forms. */
  written: string[];
  /** Why a language's table is empty (its analyser is missing), to tell whoever builds. */
  notes: string[];
}

/**
 * Writes each lemmatised language's table to the built site (searchFormsHref), from the words of its pages under
 * /<lang>/. Without an analyser the table is empty, the search works with Pagefind's stemming alone, and a note says so.
 */
export async function writeSearchForms(siteDir: string, languages: readonly string[]): Promise<SearchFormsResult> {
  const result: SearchFormsResult = { written: [], notes: [] };
  for (const lang of languages.filter((language) => lemmatisedLanguages.includes(language))) {
    const analyser = await baseFormsOf(lang);
    const words = new Set<string>();
    for (const file of htmlFiles(join(siteDir, lang))) for (const word of queryWords(indexedText(readFileSync(file, 'utf8')), lang)) if (!/\d/.test(word)) words.add(word);
    const reason = analyser?.unavailable();
    const table = analyser && !reason ? formsTable(lang, words, (word) => analyser.baseForms(word) ?? []) : { lang, forms: {} };
    if (analyser && !reason) result.written.push(lang);
    else result.notes.push(t('site.search-note', { lang, reason: reason ?? t('site.search-note.no-analyser') }));
    writeFileSync(join(siteDir, searchFormsHref(lang).slice(1)), `${JSON.stringify(table)}\n`);
  }
  return result;
}
