/**
 * The built website of the mini fixture, some months after a council decision (test/helpers/changed-mini.ts): every
 * item has its pages, no internal link is broken, the changes page shows exactly the known edits, and in a real
 * Chromium a resident can navigate, switch language, search in Finnish, print, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { loadViewModels } from '../../src/view/load.ts';
import type { ViewModel } from '../../src/view/types.ts';
import { serveStatic, type StaticServer } from '../../src/render/site/serve.ts';
import { pdfFileName, pdfHref, redlinePdfFileName, redlinePdfHref } from '../../src/view/paths.ts';
import { indexedText } from '../../src/render/site/search-forms.ts';
import { brokenLinks, buildFixtureSite, chromiumArgs, chromiumPath, decodeEntities, hasChromium, linksIn, listFiles, repoRoot, schemaDir, searchFragmentFiles } from './helpers.ts';
import { changedMini, knownEdits } from '../helpers/changed-mini.ts';

let tempDir = '';
let outDir = '';
let views: Record<string, ViewModel>;

/** The site is built for a public address under a path, as GitHub and GitLab Pages publish a project, and served there. */
const siteUrl = 'https://strategi.example.fi/some/path/';
const base = '/some/path/';
/** A path from the site's root as the built site links it: under the base path. */
const at = (path: string) => `${base}${path.replace(/^\//, '')}`;

const project = join(repoRoot, 'site/.astro', `changed-${process.pid}`);

beforeAll(async () => {
  const strategyDir = await changedMini(project);
  views = loadViewModels(strategyDir, { schemaDir }).views;
  const pdfDir = join(repoRoot, 'site/.astro', `pdf-${process.pid}`);
  mkdirSync(pdfDir, { recursive: true });
  for (const view of Object.values(views)) for (const name of [pdfFileName(view), redlinePdfFileName(view)]) writeFileSync(join(pdfDir, name), '%PDF-1.7\n%%EOF\n');
  try {
    ({ tempDir, outDir } = buildFixtureSite({ pdfDir, strategyDir, siteUrl }));
  } finally {
    rmSync(pdfDir, { recursive: true, force: true });
  }
});

afterAll(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const h1Of = (html: string) => decodeEntities((/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').trim());

describe('the built site', () => {
  it('has a page for every item in both languages, with its title as h1 and the right <html lang>', () => {
    for (const [lang, view] of Object.entries(views)) {
      expect(view.order.length).toBeGreaterThan(10);
      for (const id of view.order) {
        const item = view.items[id]!;
        const file = join(item.href, 'index.html').replace(/^\//, '');
        expect(existsSync(join(outDir, file)), file).toBe(true);
        const html = read(file);
        expect(html).toContain(`<html lang="${lang}"`);
        expect(h1Of(html)).toContain(item.title);
      }
    }
  });

  it('has a front page per language and a root page that offers both languages by name', () => {
    const root = read('index.html');
    for (const [lang, view] of Object.entries(views)) {
      expect(read(`${lang}/index.html`)).toContain(`<html lang="${lang}"`);
      expect(root).toContain(`href="${at(`/${lang}/`)}"`);
      expect(root).toContain(view.languageNames[lang]!);
    }
  });

  it('leaves no internal link or fragment broken', () => {
    expect(brokenLinks(outDir, base)).toEqual([]);
  });

  it('links the council PDFs and their redlines from the download page, by the names in paths.ts', () => {
    for (const lang of Object.keys(views)) {
      const download = read(join(lang, lang === 'sv' ? 'ladda-ner' : 'lataa', 'index.html'));
      for (const other of Object.keys(views)) {
        for (const [href, name] of [[pdfHref(views[other]!), pdfFileName(views[other]!)], [redlinePdfHref(views[other]!), redlinePdfFileName(views[other]!)]]) {
          expect(download).toContain(`href="${at(href!)}"`);
          expect(existsSync(join(outDir, 'pdf', name!))).toBe(true);
        }
      }
      // The changes page links its own language's redline.
      expect(read(join(lang, lang === 'sv' ? 'andringar' : 'muutokset', 'index.html'))).toContain(`href="${at(redlinePdfHref(views[lang]!))}"`);
    }
  });

  it('gives every page a CSP, hreflang alternates, a skip link and landmarks, and no inline script or style', () => {
    const pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(2 * views['sv']!.order.length);
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
      expect(html, page).toContain('<main id="main"');
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, page).not.toMatch(/<style[\s>]/);
      expect(html, page).not.toMatch(/\sstyle="/);
      expect(html, page).not.toContain('javascript:');
      if (page === '404.html') continue;
      expect(html, page).toContain('hreflang="x-default"');
      for (const lang of Object.keys(views)) expect(html, page).toContain(`rel="alternate" hreflang="${lang}"`);
      if (page !== 'index.html') {
        expect(html, page).toContain('class="skip-link" href="#main"');
        expect(html, page).toMatch(/<header class="site-header">[\s\S]*<nav class="lang-switch"/);
        expect(html, page).toContain('<footer class="site-footer">');
      }
    }
  });

  it('links the language switch of each item page to its twin', () => {
    for (const [lang, view] of Object.entries(views)) {
      for (const id of view.order) {
        const item = view.items[id]!;
        if (id === view.root.id) continue;
        const html = read(join(item.href, 'index.html').replace(/^\//, ''));
        for (const [other, href] of Object.entries(item.alternates)) {
          if (other !== lang) expect(html).toMatch(new RegExp(`<a href="${at(href)}" hreflang="${other}" lang="${other}">`));
        }
      }
    }
  });

  it('renders the council table of a section with a caption, column and row headers, and links to each goal', () => {
    const html = read('sv/section-older/index.html');
    const table = /<table class="council-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toMatch(/<caption id="[^"]+">3 Äldre: Mål<\/caption>/);
    expect(table).toContain('<th scope="col">Mål</th>');
    expect(table).toContain('<th scope="col">Åtgärder</th>');
    expect(table).toContain('<th scope="col">Mätare</th>');
    expect(table).toContain('<th scope="col">Koppling till strategin</th>');
    expect(table).toContain(`<th scope="row"><a href="${at('/sv/goal-older-home/')}">Allt fler äldre kan bo kvar hemma</a></th>`);
    expect(table).toContain(`href="${at('/sv/value-trust/')}"`);
  });

  it('shows a goal’s actions with localised status and its measures with targets by year', () => {
    const fi = read('fi/goal-older-home/index.html');
    expect(fi).toContain('Suunniteltu');
    expect(fi).toContain('Kotihoito');
    expect(fi).toContain('Tavoite 2029');
    expect(fi).toContain('2024: 92,1\u00a0%');
    expect(fi).toContain('Yhteys strategiaan');
    expect(read('sv/goal-older-home/index.html')).toContain('Planerad');
  });

  it('lists on a value’s page every goal that serves it', () => {
    for (const [lang, view] of Object.entries(views)) {
      for (const group of view.linkTargets) {
        for (const id of group.ids) {
          const html = read(`${lang}/${id}/index.html`);
          for (const goal of view.items[id]!.linkedFrom.flatMap((g) => g.ids)) expect(html).toContain(`href="${at(`/${lang}/${goal}/`)}"`);
        }
      }
    }
  });

  it('gives a measure with two data points an accessible chart and a data table, and names its Sotkanet indicator', () => {
    const sv = read('sv/measure-living-at-home/index.html');
    expect(sv).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="measure-chart-title measure-chart-desc"/);
    expect(sv).toMatch(/<title id="measure-chart-title">Diagram: Andelen 75 år fyllda som bor hemma<\/title>/);
    expect(sv).toMatch(/<desc id="measure-chart-desc">Linjediagram\. Utgångsläge 2024: 92,1.%\. Mål 2026: 93.%\. Mål 2029: 95.%\.<\/desc>/);
    expect(sv).toContain('<table class="data-table">');
    expect(sv).toContain('>Sotkanet, indikator 3261</a>');
    expect(read('fi/measure-living-at-home/index.html')).toContain('>Sotkanet, indikaattori 3261</a>');
    // One data point: a table, no chart.
    const single = read('fi/measure-medicine-robots/index.html');
    expect(single).not.toContain('role="img"');
    expect(single).toContain('<table class="data-table">');
  });

  it('renders a chapter’s Markdown with its GFM table', () => {
    const html = read('fi/chapter-finance/index.html');
    expect(html).toMatch(/<div class="prose">[\s\S]*<table>[\s\S]*<th>Vuosi<\/th>[\s\S]*<td>1 012,5<\/td>/);
    expect(html).toContain('<strong>Menot</strong>');
  });

  it('has a strategy map listing, for each value, promise and strategic goal, the goals that serve it', () => {
    for (const [lang, slug] of [['sv', 'strategikarta'], ['fi', 'strategiakartta']] as const) {
      const html = read(`${lang}/${slug}/index.html`);
      for (const group of views[lang]!.linkTargets) {
        expect(html).toContain(`<h2 id="map-${group.key}-heading">${group.label}</h2>`);
        for (const id of group.ids) expect(html).toContain(`href="${at(`/${lang}/${id}/`)}"`);
      }
      expect(html.match(/href="\/some\/path\/\w+\/goal-older-home\/"/g)?.length).toBe(4);
    }
  });

  it('has a changes page per language with exactly the known edits since the decision, linked from the front page and from each changed item', () => {
    const { reworded, target, cell, added, deleted, moved, svOnly } = knownEdits;
    for (const [lang, slug] of [['sv', 'andringar'], ['fi', 'muutokset']] as const) {
      const html = read(`${lang}/${slug}/index.html`);
      // What a sighted reader sees: the words, without the screen reader's labels of insertions and deletions.
      const text = (fragment: string) => decodeEntities(fragment.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
      expect(h1Of(html)).toBe(lang === 'sv' ? 'Ändringar jämfört med beslutet 16.06.2025 § 45' : 'Muutokset 16.06.2025 § 45 päätökseen verrattuna');
      // Exactly the changed items, in the document's order.
      const changed = [...html.matchAll(/<section class="change change-is-(\w+)" id="change-([^"]+)"/g)].map((m) => [m[1], m[2]]);
      expect(changed).toEqual([
        ['changed', svOnly.id],
        ['changed', cell.id],
        ['changed', reworded.id],
        ['changed', moved.id],
        // Where it stood in the decision: after the goal's other actions.
        ['removed', deleted.id],
        ['changed', target.id],
        ['added', added.id],
      ]);
      const section = (id: string) => text(/<section class="change[^"]*" id="change-([^"]+)"[\s\S]*?(?=<section class="change|<\/main>)/.exec(html.slice(html.indexOf(`id="change-${id}"`) - 60))![0]);
      // The reworded title word by word: the old words deleted, the new ones inserted, each announced.
      const [oldTitle, newTitle] = reworded[lang];
      expect(html).toMatch(/<del><span class="visually-hidden">\[(struket|poistettu): <\/span>/);
      expect(section(reworded.id)).toContain(newTitle.split(' ').slice(-2).join(' '));
      expect(oldTitle).not.toBe(newTitle);
      expect(section(target.id)).toContain(target.before);
      expect(section(target.id)).toContain(target.after);
      expect(section(cell.id)).toMatch(new RegExp(`${cell.before}.*${cell.after}`));
      expect(section(added.id)).toContain(added[lang]);
      expect(section(deleted.id)).toContain(deleted[lang]);
      expect(section(moved.id)).toContain(lang === 'sv' ? 'Ny plats under' : 'Uusi paikka kohdassa');
      expect(section(svOnly.id)).toContain(lang === 'sv' ? 'Endast den svenska versionen har ändrats.' : 'Vain ruotsinkielistä versiota on muutettu.');
      // Only the Swedish text has the added sentence.
      expect(section(svOnly.id).includes(svOnly.added)).toBe(lang === 'sv');
      // The summary counts, as a table with headers.
      const summary = /<table class="change-summary">[\s\S]*?<\/table>/.exec(html)![0];
      expect(summary).toContain('<th scope="col">');
      expect(text(/<tfoot>[\s\S]*?<\/tfoot>/.exec(summary)![0])).toBe(`${lang === 'sv' ? 'Totalt' : 'Yhteensä'} 1 1 4 1 0 0`);
      // Linked from the front page and from each changed item's page, to its place on the changes page.
      expect(read(`${lang}/index.html`)).toContain(`href="${at(`/${lang}/${slug}/`)}"`);
      expect(read(`${lang}/${reworded.id}/index.html`)).toContain(`<p class="changed-since"><a href="${at(`/${lang}/${slug}/#change-${reworded.id}`)}">${lang === 'sv' ? 'Ändrad sedan 16.06.2025' : 'Muutettu 16.06.2025 jälkeen'}</a></p>`);
      expect(read(`${lang}/value-trust/index.html`)).not.toContain('changed-since');
    }
  });

  it('says on exactly the pages whose text is a translation not yet reviewed that it is one, with a link to the original', () => {
    const notices = Object.keys(views).flatMap((lang) => views[lang]!.order.filter((id) => id !== views[lang]!.root.id && read(`${lang}/${id}/index.html`).includes('class="translation-notice"')).map((id) => `${lang}/${id}`));
    expect(notices).toEqual(knownEdits.translatedToFinnish.map((id) => `fi/${id}`));
    const page = read(`fi/${knownEdits.translatedToFinnish[0]}/index.html`);
    expect(page).toContain('Tämän sivun teksti on käännös, jota ei ole vielä tarkastettu.');
    expect(page).toMatch(new RegExp(`<a href="[^"]*/sv/${knownEdits.translatedToFinnish[0]}/" hreflang="sv" lang="sv">Läs originaltexten på svenska</a>`));
  });

  it('has an accessibility statement per language that names WCAG 2.1, the feedback channel and the supervising authority from project.json', () => {
    const sv = read('sv/tillganglighetsutlatande/index.html');
    expect(sv).toContain('WCAG 2.1');
    expect(sv).toContain('306/2019');
    expect(sv).toContain('Tillstånds- och tillsynsverket');
    expect(sv).toContain('href="https://osterbottensvalfard.fi/"');
    expect(sv).toContain('href="https://www.saavutettavuusvaatimukset.fi/sv/"');
    const fi = read('fi/saavutettavuusseloste/index.html');
    expect(fi).toContain('Lupa- ja valvontavirasto');
    expect(fi).toContain('href="https://pohjanmaanhyvinvointi.fi/"');
    expect(fi).toContain('href="https://www.saavutettavuusvaatimukset.fi/"');
  });

  it('says in the statement what the PDFs meet, criterion by criterion, and what they do not', () => {
    const rows = (html: string) =>
      [...html.matchAll(/<tr class="result-\w+"><th scope="row">([^<]+)<\/th> <td>([^<]+)<\/td>/g)].map((match) => `${match[1]}: ${match[2]}`);
    const sv = rows(read('sv/tillganglighetsutlatande/index.html'));
    expect(sv).toEqual(expect.arrayContaining(['1.3.1: Uppfylls', '1.3.2: Uppfylls', '3.1.1: Uppfylls', '3.1.2: Uppfylls delvis', '1.4.10: Uppfylls inte', '2.4.5: Gäller inte dokument']));
    expect(rows(read('fi/saavutettavuusseloste/index.html'))).toEqual(expect.arrayContaining(['1.3.1: Täyttyy', '3.1.2: Täyttyy osittain', '1.4.10: Ei täyty']));
    // Each criterion once.
    const numbers = sv.map((row) => row.split(':')[0]!);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(15);
  });

  it('indexes both languages for search, and not the search pages themselves', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['fi', 'sv']);
    // Items (less the root, which is the front page) + front + map + statement + download + open data; not the changes page,
    // whose deleted words would be found as if the strategy still said them.
    expect(entry.languages['fi']!.page_count).toBe(views['fi']!.order.length - 1 + 5);
    expect(read('fi/haku/index.html')).not.toContain('data-pagefind-body');
    // Pages share fragment files (at most searchFragmentFiles per language): the browser tests below search through them.
    const fragments = readdirSync(join(outDir, 'pagefind/fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(2 * searchFragmentFiles);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    // The search page loads Pagefind's API and the table of Finnish base forms from under the base path.
    const search = read('fi/haku/index.html');
    expect(search).toContain(`data-pagefind="${at('/pagefind/pagefind.js')}"`);
    expect(search).toContain(`data-base="${base}"`);
    expect(search).toContain(`data-forms="${at('/search-forms.fi.json')}"`);
    expect(read('sv/sok/index.html')).not.toContain('data-forms=');
    const forms = JSON.parse(read('search-forms.fi.json')) as { forms: Record<string, string[]> };
    expect(forms.forms['kotihoito']).toEqual(expect.arrayContaining(['kotihoidon', 'kotihoidossa']));
  });

  it('indexes neighbouring table cells and fact labels and values as words apart, so each can be found', () => {
    // Pagefind's fragment files: gzip, a signature, then JSON by page id with the page's indexed text.
    const indexed = new Map<string, string>();
    for (const file of readdirSync(join(outDir, 'pagefind/fragment'))) {
      const text = gunzipSync(readFileSync(join(outDir, 'pagefind/fragment', file))).toString('utf8');
      const fragments = JSON.parse(text.slice(text.indexOf('{'))) as Record<string, { url: string; content: string }>;
      for (const fragment of Object.values(fragments)) indexed.set(fragment.url, fragment.content);
    }
    const plain = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
    let pairs = 0;
    for (const page of ['measure-living-at-home', 'goal-older-home']) {
      for (const lang of ['sv', 'fi']) {
        const url = `/${lang}/${page}/`;
        const content = indexed.get(url) ?? '';
        expect(content.length, url).toBeGreaterThan(100);
        // Neighbours: the cells of a table row, and a fact's label and value.
        const groups = [...read(`${lang}/${page}/index.html`).matchAll(/<tr>([\s\S]*?)<\/tr>|<div class="fact[^"]*">([\s\S]*?)<\/div>/g)];
        for (const group of groups) {
          const cells = [...(group[1] ?? group[2]!).matchAll(/<(th|td|dt|dd)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => plain(m[2]!)).filter(Boolean);
          for (let i = 1; i < cells.length; i++) {
            expect(content, `${url}: "${cells[i - 1]}" and "${cells[i]}"`).not.toContain(`${cells[i - 1]}${cells[i]}`);
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });
});

describe('the built site for search engines and link previews', () => {
  const pages = () => listFiles(outDir).filter((file) => file.endsWith('.html') && file !== '404.html');
  const attribute = (html: string, pattern: RegExp) => decodeEntities(pattern.exec(html)?.[1] ?? '');

  it('gives every page an absolute canonical address of its own under the base path, a description and Open Graph tags', () => {
    const descriptions = new Map<string, string>();
    for (const page of pages()) {
      const html = read(page);
      const canonical = attribute(html, /<link rel="canonical" href="([^"]*)"/);
      const description = attribute(html, /<meta name="description" content="([^"]*)"/);
      // The root item's page is the front page's duplicate and names the front page as its canonical.
      const own = `${siteUrl}${page.replace(/index\.html$/, '')}`;
      expect(canonical, page).toBe(page.endsWith('/mini-strategy/index.html') ? own.replace(/mini-strategy\/$/, '') : own);
      expect(description.length, page).toBeGreaterThan(20);
      expect(description.length, page).toBeLessThanOrEqual(160 * 2 + 3);
      expect(attribute(html, /<meta property="og:url" content="([^"]*)"/), page).toBe(canonical);
      expect(attribute(html, /<meta property="og:title" content="([^"]*)"/), page).not.toBe('');
      expect(attribute(html, /<meta property="og:description" content="([^"]*)"/), page).toBe(description);
      for (const [, href] of html.matchAll(/<link rel="alternate" hreflang="[^"]+" href="([^"]*)"/g)) expect(href, page).toMatch(/^https:\/\/strategi\.example\.fi\/some\/path\//);
      if (!page.endsWith('/mini-strategy/index.html')) descriptions.set(page, description);
    }
    // An item with text is described by its own first paragraph; one without, by what and where it is.
    expect(descriptions.get('fi/chapter-finance/index.html')).toBe('Toiminnan kustannukset kasvavat rahoitusta nopeammin. Menot on sopeutettava.');
    expect(descriptions.get('sv/goal-older-home/index.html')).toMatch(/^Mål i .*: Allt fler äldre kan bo kvar hemma\. Del av 3 Äldre\.$/);
  });

  it('has a sitemap of every page a search engine should know, each with its twins, and a robots.txt that names it', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\nSitemap: ${siteUrl}sitemap.xml\n`);
    const sitemap = read('sitemap.xml');
    const urls = [...sitemap.matchAll(/<url><loc>([^<]*)<\/loc>((?:<xhtml:link [^>]*\/>)*)<\/url>/g)];
    const listed = new Set(urls.map((url) => decodeEntities(url[1]!)));
    for (const page of pages()) {
      const address = `${siteUrl}${page.replace(/index\.html$/, '')}`;
      const left = /\/(sok|haku)\/|\/mini-strategy\/|^index\.html$/.test(page);
      expect(listed.has(address), page).toBe(!left);
    }
    for (const [, , links] of urls) {
      const langs = [...links!.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1]);
      expect(langs).toEqual(['sv', 'fi', 'x-default']);
    }
  });
});

describe('the open data page', () => {
  it('describes each file, links it under the base path and names the licence, in both languages, linked from every footer', () => {
    for (const [lang, slug] of [['sv', 'oppna-data'], ['fi', 'avoin-data']] as const) {
      const html = read(`${lang}/${slug}/index.html`);
      for (const name of ['strategy.sv.json', 'strategy.fi.json', 'strategy.schema.json', 'measures.csv', 'measures-semicolon.csv', 'measures.schema.json', 'items.csv', 'items-semicolon.csv', 'datapackage.json']) {
        expect(html, name).toContain(`href="${at(`/data/${name}`)}"`);
        expect(existsSync(join(outDir, 'data', name)), name).toBe(true);
      }
      expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/" rel="license">Creative Commons Attribution 4.0 International</a>');
      // Every column of measures.csv, with its meaning.
      const header = read('data/measures.csv').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      for (const column of header) expect(html, column).toContain(`<code>${column}</code>`);
      expect(read(`${lang}/goal-older-home/index.html`)).toContain(`<footer class="site-footer">`);
      expect(read(`${lang}/goal-older-home/index.html`)).toMatch(new RegExp(`<footer[\\s\\S]*href="${at(`/${lang}/${slug}/`)}"`));
    }
  });
});

describe.skipIf(!hasChromium)('the site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(outDir, 0, base);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Records the page's CSP violations, script errors and failed requests, each under the path it is at. */
  function recordProblems(page: Page, pathOf: () => string): void {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${pathOf()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${pathOf()}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${pathOf()}: ${response.status()} ${response.url()}`);
    });
  }

  /** A page of its own, that records its problems. */
  async function open(path: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The browser may already be closing when the last page closes: a late context.close() must not reject unhandled.
    page.on('close', () => {
      context.close().catch(() => undefined);
    });
    recordProblems(page, () => path);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('leads a resident from the front page to a section, a goal and a measure by clicking links', async () => {
    const page = await open('/sv/');
    await page.getByRole('link', { name: '3 Äldre' }).click();
    await page.waitForURL('**/sv/section-older/');
    await page.getByRole('table').getByRole('link', { name: 'Allt fler äldre kan bo kvar hemma' }).click();
    await page.waitForURL('**/sv/goal-older-home/');
    await page.getByRole('link', { name: 'Andelen 75 år fyllda som bor hemma' }).click();
    await page.waitForURL('**/sv/measure-living-at-home/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Andelen 75 år fyllda som bor hemma');
    expect(await page.getByRole('img', { name: 'Diagram: Andelen 75 år fyllda som bor hemma' }).count()).toBe(1);
    await page.getByRole('navigation', { name: 'Du är här' }).getByRole('link', { name: 'Allt fler äldre kan bo kvar hemma' }).click();
    await page.waitForURL('**/sv/goal-older-home/');
    await page.close();
  });

  it('switches language on a goal page and lands on the twin', async () => {
    const page = await open('/sv/goal-older-home/');
    await page.getByRole('navigation', { name: 'Språk' }).getByRole('link', { name: 'Suomeksi' }).click();
    await page.waitForURL('**/fi/goal-older-home/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Yhä useampi ikääntynyt voi asua kotona');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.getByRole('navigation', { name: 'Kieli' }).getByRole('link', { name: 'På svenska' }).click();
    await page.waitForURL('**/sv/goal-older-home/');
    await page.close();
  });

  /** Searches on the open search page as a keyboard user does (type, Enter) and waits for the live region to say the result. */
  async function searchFor(page: Page, query: string): Promise<{ status: string; hrefs: string[] }> {
    const field = page.getByRole('searchbox', { name: /Hae strategiasta|Sök i strategin/ });
    await field.fill(query);
    await field.press('Enter');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(`”${query}”`);
    const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return { status: (await status.textContent()) ?? '', hrefs };
  }

  it('finds a page by a Finnish inflected form that is not on it verbatim, and says how many results there are', async () => {
    // "kotihoidolle" (allative) is on no page; the action's page says "kotihoidossa", others "kotihoito", "kotihoidon".
    const html = read('fi/action-medicine-robots/index.html');
    expect(html).toContain('kotihoidossa');
    expect(listFiles(outDir).filter((file) => file.endsWith('.html')).some((file) => read(file).includes('kotihoidolle'))).toBe(false);
    const page = await open('/fi/haku/');
    const { status, hrefs } = await searchFor(page, 'kotihoidolle');
    expect(hrefs).toContain(at('/fi/action-medicine-robots/'));
    expect(status).toBe(`${hrefs.length} osumaa haulle ”kotihoidolle”.`);
    // The results are links a keyboard reaches from the field, past the search button.
    await page.getByRole('searchbox').focus();
    const inResults = () => page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
    let presses = 0;
    while (presses < 3 && !(await inResults())) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await inResults(), `not in the results after ${presses} Tab presses`).toBe(true);
    await page.locator(`#search-results a[href="${at('/fi/action-medicine-robots/')}"]`).click();
    await page.waitForURL('**/some/path/fi/action-medicine-robots/');
    await page.close();
  });

  it('searches in Swedish from the front page form and finds the page', async () => {
    const page = await open('/sv/');
    await page.getByLabel('Sök i strategin').fill('läkemedelsrobot');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL('**/some/path/sv/sok/?q=*');
    await page.locator(`#search-results a[href="${at('/sv/action-medicine-robots/')}"]`).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^\d+ träff(ar)? för ”läkemedelsrobot”\.$/);
    await page.close();
  });

  it('works under the base path: menu to the map, a goal, the language switch, search and a result, with no request outside it', async () => {
    const page = await open('/fi/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Strategiakartta' }).click();
    await page.waitForURL('**/some/path/fi/strategiakartta/');
    await page.getByRole('link', { name: 'Yhä useampi ikääntynyt voi asua kotona' }).first().click();
    await page.waitForURL('**/some/path/fi/goal-older-home/');
    await page.getByRole('navigation', { name: 'Kieli' }).getByRole('link', { name: 'På svenska' }).click();
    await page.waitForURL('**/some/path/sv/goal-older-home/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök' }).click();
    await page.waitForURL('**/some/path/sv/sok/');
    const { hrefs } = await searchFor(page, 'mätare');
    expect(hrefs.length).toBeGreaterThan(0);
    await page.locator('#search-results a').first().click();
    await page.waitForURL(new RegExp(`${base}sv/[^/]+/$`));
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((path) => !path.startsWith(base))).toEqual([]);
    await page.close();
  });

  // Inflected forms of the fixture's Finnish words that no page holds as such, each with a page that has the word in
  // another form, and the word's stem, which the first result must hold: consonant gradation (kotihoidolle, kodeissa,
  // talouden), plurals, possessive-free cases, and -us/-ys nouns (luottamuksen, turvallisuuteen).
  const finnishQueries: [word: string, page: string, stem: RegExp][] = [
    ['kotihoidolle', '/fi/action-medicine-robots/', /kotihoi[dt]/i],
    ['kotihoitoon', '/fi/action-medicine-robots/', /kotihoi[dt]/i],
    ['kotihoidoissa', '/fi/measure-medicine-robots/', /kotihoi[dt]/i],
    ['lääkerobotilla', '/fi/measure-medicine-robots/', /lääkerobot/i],
    ['lääkerobottia', '/fi/action-medicine-robots/', /lääkerobot/i],
    ['ikääntyneille', '/fi/section-older/', /ikääntyn/i],
    ['ikääntyneiden', '/fi/goal-older-home/', /ikääntyn/i],
    ['arvolupauksia', '/fi/section-framing/', /arvolupau/i],
    ['luottamuksen', '/fi/value-trust/', /luottamu/i],
    ['luottamukseen', '/fi/value-trust/', /luottamu/i],
    ['turvallisuuden', '/fi/value-security/', /turvallisuu/i],
    ['turvallisuuteen', '/fi/value-security/', /turvallisuu/i],
    ['vaikuttavia', '/fi/promise-effective-services/', /vaikuttav/i],
    ['digitaalisille', '/fi/strategic-goal-digital/', /digitaali/i],
    ['kustannuksiin', '/fi/chapter-finance/', /kustannu/i],
    ['kustannuksista', '/fi/chapter-finance/', /kustannu/i],
    ['rahoituksen', '/fi/chapter-finance/', /rahoitu/i],
    ['ostopalveluihin', '/fi/chapter-finance/', /ostopalvelu/i],
    ['etäkäynneistä', '/fi/chapter-finance/', /etäkäyn/i],
    ['etäkäynnille', '/fi/measure-remote-visits/', /etäkäyn/i],
    ['henkilöstölle', '/fi/action-robot-training/', /henkilöst/i],
    ['henkilöstön', '/fi/action-robot-training/', /henkilöst/i],
    ['talouden', '/fi/chapter-finance/', /talou/i],
    ['taloudessa', '/fi/chapter-finance/', /talou/i],
    ['hyvinvointialueella', '/fi/', /hyvinvointialue/i],
    ['hyvinvointialueen', '/fi/', /hyvinvointialue/i],
    ['kulttuureille', '/fi/', /kulttuur/i],
    ['kieliin', '/fi/', /kiel/i],
    ['seurannassa', '/fi/measure-medicine-robots/', /seuran/i],
    ['seurannan', '/fi/measure-medicine-robots/', /seuran/i],
    ['kodeissa', '/fi/goal-older-home/', /\bkot[io]/i],
    ['menoihin', '/fi/chapter-finance/', /\bmeno/i],
    ['palvelustrategiassa', '/fi/', /palvelustrategi/i],
  ];

  it('finds the right Finnish page for at least 28 of 33 inflected forms that are on no page, never an unrelated page first', async () => {
    const text = new Map(listFiles(outDir).filter((file) => file.startsWith('fi/') && file.endsWith('.html')).map((file) => [at(`/${file.replace(/index\.html$/, '')}`), indexedText(read(file))]));
    const allText = [...text.values()].join(' ').toLocaleLowerCase('fi');
    const page = await open('/fi/haku/');
    const found: string[] = [];
    const firstUnrelated: string[] = [];
    for (const [word, expected, stem] of finnishQueries) {
      expect(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(allText), `${word} is on a page`).toBe(false);
      const { hrefs } = await searchFor(page, word);
      if (hrefs.includes(at(expected))) found.push(word);
      if (hrefs[0] && !stem.test(text.get(hrefs[0]) ?? '')) firstUnrelated.push(`${word}: ${hrefs[0]}`);
    }
    expect(firstUnrelated).toEqual([]);
    expect(found.length, `found: ${found.join(', ')}`).toBeGreaterThanOrEqual(28);
    await page.close();
  });

  it('scrolls no page sideways at 320 px: only tables and the menu scroll, in their own frames', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    let path = '';
    recordProblems(page, () => path);
    const paths = listFiles(outDir).filter((file) => file.endsWith('.html')).map((file) => `/${file.replace(/index\.html$/, '')}`);
    expect(paths.length).toBeGreaterThan(2 * views['sv']!.order.length);
    const overflowing: string[] = [];
    for (path of paths) {
      await page.goto(`${server.url}${path}`);
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return undefined;
        // The widest element that sticks out, outside a frame of its own that scrolls.
        const culprits = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap, .table-scroll, .main-nav ul'));
        const last = culprits.at(-1);
        return `${document.documentElement.scrollWidth} px: ${last ? `${last.tagName.toLowerCase()}.${last.className} “${(last.textContent ?? '').slice(0, 40)}”` : ''}`;
      });
      if (wide) overflowing.push(`${path} ${wide}`);
    }
    expect(overflowing).toEqual([]);
    // The finance chapter's table scrolls inside its frame, which a keyboard can reach.
    await page.goto(`${server.url}/fi/chapter-finance/`);
    const frame = page.getByRole('region', { name: 'Taulukko 1' });
    expect(await frame.getAttribute('tabindex')).toBe('0');
    await context.close();
  });

  it('has a compact header on a phone: the page title starts within the first 220 px at 375 px', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/fi/measure-living-at-home/`);
    const top = await page.getByRole('heading', { level: 1 }).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(220);
    // The way up is still there: the parent goal.
    await expect.poll(() => page.getByRole('navigation', { name: 'Olet tässä' }).getByRole('link', { name: 'Yhä useampi ikääntynyt voi asua kotona' }).isVisible()).toBe(true);
    await context.close();
  });

  it('draws the chart from zero, and in the system colours when forced colours are on', async () => {
    const context = await browser.newContext({ forcedColors: 'active', colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}/sv/measure-living-at-home/`);
    const chart = page.getByRole('img', { name: 'Diagram: Andelen 75 år fyllda som bor hemma' });
    const labels = await chart.locator('text').allTextContents();
    expect(labels).toContain('0');
    const colours = await chart.evaluate((svg) => {
      const canvasText = getComputedStyle(document.body).color;
      return { canvasText, texts: [...svg.querySelectorAll('text')].map((text) => getComputedStyle(text).fill) };
    });
    expect(new Set(colours.texts)).toEqual(new Set([colours.canvasText]));
    await context.close();
  });

  it('takes keyboard users past the menus with the skip link, with a visible focus ring', async () => {
    const page = await open('/fi/goal-older-home/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Siirry sisältöön' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).top);
    expect(outline).toMatch(/^solid /);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      return { inMain: el.closest('main') !== null, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(focused).toEqual({ inMain: true, outline: 'solid', width: '3px' });
    await page.close();
  });

  it('prints a goal page without menus, language switch or breadcrumbs, and with whole tables', async () => {
    const page = await open('/sv/goal-older-home/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.main-nav', '.lang-switch', '.breadcrumbs', '.skip-link', '.back-up']) {
      expect(await page.locator(selector).evaluate((el) => getComputedStyle(el).display), selector).toBe('none');
    }
    expect(await page.locator('.table-wrap').first().evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
    expect(await page.locator('tbody tr').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  // Every page type, each in one language, the languages taking turns (the two languages' pages of a type come from one
  // template and one style sheet); the front and search pages in both, as their words, lang attributes and search
  // interface differ by language.
  const pageTypes: Record<string, string[]> = {
    root: ['/'],
    front: ['/sv/', '/fi/'],
    section: ['/sv/section-older/'],
    goal: ['/fi/goal-older-home/'],
    action: ['/sv/action-medicine-robots/'],
    measure: ['/sv/measure-living-at-home/', '/fi/measure-medicine-robots/'],
    value: ['/fi/value-trust/'],
    framing: ['/sv/section-framing/'],
    chapter: ['/fi/chapter-finance/'],
    rootItem: ['/sv/mini-strategy/'],
    map: ['/fi/strategiakartta/'],
    search: ['/sv/sok/?q=hemvård', '/fi/haku/?q=kotihoito'],
    statement: ['/sv/tillganglighetsutlatande/'],
    download: ['/fi/lataa/'],
    data: ['/sv/oppna-data/'],
    changes: ['/sv/andringar/', '/fi/muutokset/'],
    notFound: ['/404.html'],
  };

  // One page for all the axe runs, each path loaded into it in turn (a fresh page per path costs more than axe).
  let axePage: Page | undefined;
  let axePath = '';
  afterAll(async () => {
    await axePage?.close();
  });
  async function visit(path: string): Promise<Page> {
    axePath = path;
    if (!axePage) {
      axePage = await (await browser.newContext()).newPage();
      recordProblems(axePage, () => axePath);
    }
    await axePage.goto(`${server.url}${path}`);
    return axePage;
  }

  for (const [type, paths] of Object.entries(pageTypes)) {
    it(`has no axe violations (WCAG 2.1 A/AA) on the ${type} page${paths.length > 1 ? 's' : ''}`, async () => {
      for (const path of paths) {
        const page = await visit(path);
        if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const violations = results.violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(violations).toEqual([]);
      }
    });
  }

  it('had no CSP violation, script error or failed request on any page it opened', () => {
    expect(problems.filter((p) => !p.includes('/404.html'))).toEqual([]);
  });
});
