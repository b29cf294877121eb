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
import { pdfFileName, pdfHref, redlinePdfFileName, redlinePdfHref } from '../../src/render/site/paths.ts';
import { brokenLinks, buildFixtureSite, chromiumArgs, chromiumPath, decodeEntities, hasChromium, linksIn, listFiles, repoRoot, schemaDir, searchFragmentFiles } from './helpers.ts';
import { changedMini, knownEdits } from '../helpers/changed-mini.ts';

let tempDir = '';
let outDir = '';
let views: Record<string, ViewModel>;

const project = join(repoRoot, 'site/.astro', `changed-${process.pid}`);

beforeAll(async () => {
  const strategyDir = await changedMini(project);
  views = loadViewModels(strategyDir, { schemaDir }).views;
  const pdfDir = join(repoRoot, 'site/.astro', `pdf-${process.pid}`);
  mkdirSync(pdfDir, { recursive: true });
  for (const view of Object.values(views)) for (const name of [pdfFileName(view), redlinePdfFileName(view)]) writeFileSync(join(pdfDir, name), '%PDF-1.7\n%%EOF\n');
  try {
    ({ tempDir, outDir } = buildFixtureSite({ pdfDir, strategyDir }));
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
      expect(root).toContain(`href="/${lang}/"`);
      expect(root).toContain(view.languageNames[lang]!);
    }
  });

  it('leaves no internal link or fragment broken', () => {
    expect(brokenLinks(outDir)).toEqual([]);
  });

  it('links the council PDFs and their redlines from the download page, by the names in paths.ts', () => {
    for (const lang of Object.keys(views)) {
      const download = read(join(lang, lang === 'sv' ? 'ladda-ner' : 'lataa', 'index.html'));
      for (const other of Object.keys(views)) {
        for (const [href, name] of [[pdfHref(views[other]!), pdfFileName(views[other]!)], [redlinePdfHref(views[other]!), redlinePdfFileName(views[other]!)]]) {
          expect(download).toContain(`href="${href}"`);
          expect(existsSync(join(outDir, 'pdf', name!))).toBe(true);
        }
      }
      // The changes page links its own language's redline.
      expect(read(join(lang, lang === 'sv' ? 'andringar' : 'muutokset', 'index.html'))).toContain(`href="${redlinePdfHref(views[lang]!)}"`);
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
          if (other !== lang) expect(html).toMatch(new RegExp(`<a href="${href}" hreflang="${other}" lang="${other}">`));
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
    expect(table).toContain('<th scope="row"><a href="/sv/goal-older-home/">Allt fler äldre kan bo kvar hemma</a></th>');
    expect(table).toContain('href="/sv/value-trust/"');
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
          for (const goal of view.items[id]!.linkedFrom.flatMap((g) => g.ids)) expect(html).toContain(`href="/${lang}/${goal}/"`);
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
        for (const id of group.ids) expect(html).toContain(`href="/${lang}/${id}/"`);
      }
      expect(html.match(/href="\/\w+\/goal-older-home\/"/g)?.length).toBe(4);
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
      expect(read(`${lang}/index.html`)).toContain(`href="/${lang}/${slug}/"`);
      expect(read(`${lang}/${reworded.id}/index.html`)).toContain(`<p class="changed-since"><a href="/${lang}/${slug}/#change-${reworded.id}">${lang === 'sv' ? 'Ändrad sedan 16.06.2025' : 'Muutettu 16.06.2025 jälkeen'}</a></p>`);
      expect(read(`${lang}/value-trust/index.html`)).not.toContain('changed-since');
    }
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

  it('indexes both languages for search, and not the search pages themselves', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['fi', 'sv']);
    // Items (less the root, which is the front page) + front + map + statement + download; not the changes page,
    // whose deleted words would be found as if the strategy still said them.
    expect(entry.languages['fi']!.page_count).toBe(views['fi']!.order.length - 1 + 4);
    expect(read('fi/haku/index.html')).not.toContain('data-pagefind-body');
    // Pages share fragment files (at most searchFragmentFiles per language): the browser tests below search through them.
    const fragments = readdirSync(join(outDir, 'pagefind/fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(2 * searchFragmentFiles);
    expect(existsSync(join(outDir, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(linksIn(read('sv/sok/index.html'))).toEqual(expect.arrayContaining(['/pagefind/pagefind-ui.css', '/pagefind/pagefind-ui.js', '/search.js']));
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

describe.skipIf(!hasChromium)('the site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(outDir);
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

  it('finds a page by a Finnish inflected form that is not on it verbatim (Finnish stemming)', async () => {
    // "kotihoidon" (genitive) is not on the action's page, which says "kotihoidossa" (inessive).
    const html = read('fi/action-medicine-robots/index.html');
    expect(html).toContain('kotihoidossa');
    expect(html).not.toContain('kotihoidon');
    const page = await open('/fi/haku/');
    const input = page.getByRole('searchbox').or(page.locator('.pagefind-ui__search-input')).first();
    await input.fill('kotihoidon');
    const result = page.locator('.pagefind-ui__result-link[href="/fi/action-medicine-robots/"]');
    await result.first().waitFor({ timeout: 15_000 });
    await result.first().click();
    await page.waitForURL('**/fi/action-medicine-robots/');
    await page.close();
  });

  it('searches in Swedish from the front page form and finds the page', async () => {
    const page = await open('/sv/');
    await page.getByLabel('Sök i strategin').fill('läkemedelsrobot');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL('**/sv/sok/?q=*');
    await page.locator('.pagefind-ui__result-link[href="/sv/action-medicine-robots/"]').first().waitFor({ timeout: 15_000 });
    await page.close();
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
        if (path.includes('?q=')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
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
