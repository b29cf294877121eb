/**
 * The words of a search and the other forms each can be found under. A language with a lemmatiser at build time
 * (Finnish, with Voikko: src/render/site/search-forms.ts) gets a table of the base forms on its pages and the forms
 * each appears in; a query word is looked up there directly or through the base forms its ending and consonant
 * gradation point to (finnish.ts), and every form of that base form on the site is searched for.
 */
import { lemmaCandidates } from './finnish.ts';

/** What the build writes for one language: base form → the forms of it that occur on the pages. */
export interface FormsTable {
  lang: string;
  forms: Record<string, string[]>;
}

/** A query's words, in lower case: letters and digits, with inner hyphens kept (sosiaali- ja terveyspalvelut → sosiaali, ja, terveyspalvelut). */
export function queryWords(query: string, lang: string): string[] {
  return [...query.toLocaleLowerCase(lang).normalize('NFC').matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].map((match) => match[0]);
}

export interface WordForms {
  word: string;
  /** The base forms the word was taken for, best first; none when the table does not know it. */
  lemmas: string[];
  /** What to search for: the word itself first, then the forms of its base forms on the site. */
  terms: string[];
}

/** Surface form → its base forms, from a table. */
export function formIndex(table: FormsTable): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [lemma, forms] of Object.entries(table.forms)) {
    for (const form of [lemma, ...forms]) {
      const known = index.get(form);
      if (!known) index.set(form, [lemma]);
      else if (!known.includes(lemma)) known.push(lemma);
    }
  }
  return index;
}

/**
 * The base forms of a word: those of the word itself when it occurs on the site; else the first base forms on the
 * site its ending and gradation lead to (the cheapest reading wins; readings of equal cost all count).
 */
export function lemmasOf(word: string, table: FormsTable, index = formIndex(table)): string[] {
  const known = index.get(word);
  if (known) return known;
  if (table.lang !== 'fi') return [];
  let best: number | undefined;
  const found: string[] = [];
  for (const { lemma, cost } of lemmaCandidates(word)) {
    if (best !== undefined && cost > best) break;
    if (!Object.hasOwn(table.forms, lemma) || found.includes(lemma)) continue;
    best = cost;
    found.push(lemma);
  }
  return found;
}

export function wordForms(word: string, table: FormsTable | undefined, index?: Map<string, string[]>): WordForms {
  if (!table) return { word, lemmas: [], terms: [word] };
  const lemmas = lemmasOf(word, table, index ?? formIndex(table));
  const terms = [word];
  for (const lemma of lemmas) for (const form of [lemma, ...(table.forms[lemma] ?? [])]) if (!terms.includes(form)) terms.push(form);
  return { word, lemmas, terms };
}
