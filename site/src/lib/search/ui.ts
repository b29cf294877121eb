/**
 * The search page, in the browser: a labelled search field of our own around Pagefind's JavaScript API. Results are
 * a list of links; how many there are is said in a live region (role="status"), so a screen reader announces it
 * without moving focus; everything is a native form control or link, so the keyboard reaches all of it. A Finnish
 * query word is also searched for in the other forms of its base form that the site's pages hold (words.ts).
 */
import { formIndex, queryWords, wordForms, type FormsTable } from './words.ts';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
}

/** At most this many results are shown. */
const shown = 30;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Pagefind's excerpt is text with <mark> around the words found: copied as text nodes and <mark> elements only. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

/**
 * Results for a query: Pagefind's own for the whole query, and for each word every form of its base form on the
 * site. A page must match every word (in one of its forms); pages are ranked by the sum of their best score per
 * word, and the pages found by the query as typed come first.
 */
export async function searchPages(pagefind: Pagefind, query: string, lang: string, table: FormsTable | undefined): Promise<PagefindResult[]> {
  const words = queryWords(query, lang);
  if (words.length === 0) return [];
  const plain = (await pagefind.search(query))?.results ?? [];
  const index = table ? formIndex(table) : undefined;
  const expansions = words.map((word) => wordForms(word, table, index));
  if (expansions.every((forms) => forms.terms.length === 1)) return plain;
  const perWord: Map<string, PagefindResult>[] = [];
  for (const forms of expansions) {
    const found = new Map<string, PagefindResult>();
    for (const term of forms.terms) {
      for (const result of (await pagefind.search(term))?.results ?? []) {
        const known = found.get(result.id);
        if (!known || result.score > known.score) found.set(result.id, result);
      }
    }
    perWord.push(found);
  }
  const [first, ...rest] = perWord;
  const ranked = [...first!.keys()]
    .filter((id) => rest.every((found) => found.has(id)))
    .map((id) => ({ result: first!.get(id)!, score: perWord.reduce((sum, found) => sum + found.get(id)!.score, 0) }))
    .sort((a, b) => b.score - a.score)
    .map(({ result }) => result);
  const seen = new Set(ranked.map((result) => result.id));
  return [...ranked, ...plain.filter((result) => !seen.has(result.id))];
}

async function start(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = document.getElementById(form.dataset['status']!)!;
  const list = document.getElementById(form.dataset['results']!) as HTMLOListElement;
  const lang = document.documentElement.lang;
  const words = { none: form.dataset['none']!, one: form.dataset['one']!, many: form.dataset['many']!, failed: form.dataset['failed']! };
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset['pagefind']!)) as Pagefind;
    await pagefind.options({ baseUrl: form.dataset['base'], excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = words.failed;
    return;
  }
  let table: FormsTable | undefined;
  if (form.dataset['forms']) {
    try {
      const response = await fetch(form.dataset['forms']);
      if (response.ok) table = (await response.json()) as FormsTable;
    } catch {
      // Without the table, Pagefind's own stemming still applies.
    }
  }

  let current = 0;
  const run = async (query: string) => {
    const ticket = ++current;
    const trimmed = query.trim();
    const url = new URL(window.location.href);
    if (trimmed) url.searchParams.set('q', trimmed);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!trimmed) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const results = await searchPages(pagefind, trimmed, lang, table);
    const data = await Promise.all(results.slice(0, shown).map((result) => result.data()));
    if (ticket !== current) return; // a newer query is under way
    list.replaceChildren(
      ...data.map((page) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = page.url;
        link.className = 'search-result-link';
        link.textContent = page.meta.title ?? page.url;
        const excerpt = document.createElement('p');
        excerpt.className = 'search-excerpt';
        excerpt.append(...excerptNodes(page.excerpt));
        item.append(link, excerpt);
        return item;
      }),
    );
    const template = results.length === 0 ? words.none : results.length === 1 ? words.one : words.many;
    status.textContent = fill(template, { count: results.length, shown: Math.min(shown, results.length), query: trimmed });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

const form = document.querySelector<HTMLFormElement>('form[data-pagefind]');
if (form) void start(form);
