/**
 * The rendered PDFs, read back with poppler-utils (pdftotext, pdfinfo, pdffonts), qpdf (bookmarks, catalog)
 * and, where installed, PDFBox Preflight (PDF/A-1b). apt: poppler-utils qpdf [libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless]
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf, renderPdfBuffer, renderDefinition, buildDocDefinition, isCouncilRow, isSection } from '../../src/render/pdf/index.ts';
import { renderPdfFiles } from '../../src/render/pdf/files.ts';
import { fontDir, localAccessPolicy } from '../../src/render/pdf/fonts.ts';
import type { ItemView, ViewModel } from '../../src/view/types.ts';
import { miniViews, miniWithStatus, withLongGoalRow, pageSizes, pdfCatalog, pdfFonts, pdfInfo, pdfOutline, pdfText, pdfXmp, preflight, preflightAvailable, tempDir, type OutlineEntry, removeTempDirs } from './helpers.ts';

const languages = ['sv', 'fi'] as const;
type Lang = (typeof languages)[number];

let dir: string;
let views: Record<string, ViewModel>;
let approved: Record<string, ViewModel>;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = tempDir();
  views = miniViews();
  approved = miniWithStatus('approved').views;
  for (const lang of languages) {
    await renderPdf(views[lang]!, file(`draft-${lang}.pdf`));
    await renderPdf(approved[lang]!, file(`approved-${lang}.pdf`));
  }
});

const items = (view: ViewModel): ItemView[] => view.order.map((id) => view.items[id]!);
const flat = (entries: OutlineEntry[]): OutlineEntry[] => entries.flatMap((e) => [e, ...flat(e.kids)]);

afterAll(removeTempDirs);

describe('content', () => {
  test.each(languages)('every goal title appears in the %s PDF, and no goal title of the other language', (lang) => {
    const other: Lang = lang === 'sv' ? 'fi' : 'sv';
    const text = pdfText(file(`draft-${lang}.pdf`));
    const goals = items(views[lang]!).filter(isCouncilRow);
    expect(goals.length).toBeGreaterThan(0);
    for (const goal of goals) {
      expect(text).toContain(goal.title);
      const twin = views[other]!.items[goal.id]!.title;
      if (twin !== goal.title) expect(text).not.toContain(twin);
    }
  });

  test.each(languages)('%s: sections, chapters, measures and link targets are all there', (lang) => {
    const text = pdfText(file(`draft-${lang}.pdf`));
    for (const item of items(views[lang]!).slice(1)) expect(text, item.id).toContain(item.title);
    expect(text).toContain(views[lang]!.document.statements.find((statement) => statement.field === 'vision')!.text);
    expect(text).toContain('92,1 (2024)');
  });

  test('the cover: organisation, title, meeting with § the local way, version, status', () => {
    const sv = pdfText(file('draft-sv.pdf'), 1, 1);
    expect(sv).toContain('Österbottens välfärdsområde');
    expect(sv).toContain('Servicestrategi 2025–2029');
    expect(sv).toContain('16 juni 2025, § 45');
    expect(sv).toMatch(/Version 0\.9/);
    expect(sv).toMatch(/Status Utkast/);
    const fi = pdfText(file('draft-fi.pdf'), 1, 1);
    expect(fi).toContain('16. kesäkuuta 2025, 45 §');
    expect(fi).toMatch(/Tila Luonnos/);
  });

  test('DejaVu covers åäöÅÄÖšž€ and typographic quotes (no missing glyphs)', async () => {
    const view = structuredClone(views['sv']!);
    view.items['goal-older-home']!.title = 'ÅÄÖ åäö šž € “citat” ‘enkla’ – —';
    view.order = [...view.order];
    const path = file('glyphs.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    expect(pdfText(path)).toContain('ÅÄÖ åäö šž € “citat” ‘enkla’ – —');
  });
});

describe('structure', () => {
  test.each(languages)('%s: the bookmarks mirror the sections, with goals under their section', (lang) => {
    const view = views[lang]!;
    const outline = pdfOutline(file(`draft-${lang}.pdf`));
    const all = flat(outline);
    const label = (item: ItemView) => `${item.number} ${item.title}`;
    const numbered = items(view).filter(isSection);
    // Top level: the intro, the top-level sections in document order, the appendices.
    const topSections = numbered.filter((item) => item.parent === view.root.id).map(label);
    expect(outline.map((e) => e.title).filter((t) => topSections.includes(t))).toEqual(topSections);
    for (const item of numbered) {
      const entry = all.find((e) => e.title === label(item));
      expect(entry, label(item)).toBeDefined();
      const children = view.items[item.id]!.children.map((id) => view.items[id]!).filter((c) => isSection(c) || isCouncilRow(c));
      expect(entry!.kids.map((k) => k.title)).toEqual(children.map((c) => (isSection(c) ? label(c) : c.title)));
    }
  });

  test.each(languages)('%s: cover and text pages are portrait A4, goal-table pages landscape A4', (lang) => {
    const path = file(`draft-${lang}.pdf`);
    const sizes = pageSizes(path);
    expect(sizes[0]).toMatchObject({ orientation: 'portrait', width: 595.28, height: 841.89 });
    for (const size of sizes) expect([size.width, size.height].sort()).toEqual([595.28, 841.89]);
    const goals = items(views[lang]!).filter(isCouncilRow);
    const all = flat(pdfOutline(path));
    for (const goal of goals) {
      const page = all.find((e) => e.title === goal.title)!.page;
      expect(sizes[page - 1]!.orientation, goal.title).toBe('landscape');
      expect(pdfText(path, page, page)).toContain(goal.title);
    }
    // The table of contents (page 2) and the chapters are portrait.
    expect(sizes[1]!.orientation).toBe('portrait');
    expect(sizes.some((s) => s.orientation === 'portrait' && s.page > 2)).toBe(true);
  });

  test.each(languages)('%s: table of contents with page numbers', (lang) => {
    const path = file(`draft-${lang}.pdf`);
    const toc = pdfText(path, 2, 2);
    expect(toc).toContain(lang === 'sv' ? 'Innehåll' : 'Sisällys');
    const all = flat(pdfOutline(path));
    for (const item of items(views[lang]!).filter(isSection)) {
      const page = all.find((e) => e.title === `${item.number} ${item.title}`)!.page;
      expect(toc).toMatch(new RegExp(`${item.number}\\s+${item.title}\\s+${page}\\b`));
    }
  });

  test.each(languages)('%s: running header and "page X of Y" footer on every page but the cover', (lang) => {
    const path = file(`draft-${lang}.pdf`);
    const pages = Number(pdfInfo(path)['Pages']);
    expect(pdfText(path, 1, 1)).not.toMatch(/Sida 1|Sivu 1/);
    for (let page = 2; page <= pages; page++) {
      const text = pdfText(path, page, page);
      expect(text).toContain(views[lang]!.root.title);
      expect(text).toContain(lang === 'sv' ? `Sida ${page} av ${pages}` : `Sivu ${page} / ${pages}`);
    }
  });
});

describe('file properties', () => {
  test.each(languages)('%s: every font is embedded, and all are DejaVu', (lang) => {
    for (const name of [`draft-${lang}.pdf`, `approved-${lang}.pdf`]) {
      const fonts = pdfFonts(file(name));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      }
    }
  });

  test.each([['sv', 'sv-FI'], ['fi', 'fi-FI']] as const)('%s: /Lang %s in the catalog, title, author and dates in the metadata', (lang, tag) => {
    const path = file(`draft-${lang}.pdf`);
    expect(pdfCatalog(path)['/Lang']).toBe(`u:${tag}`);
    const info = pdfInfo(path);
    expect(info['Title']).toBe(views[lang]!.root.title);
    expect(info['Author']).toBe(views[lang]!.document.organisation);
    expect(info['Creator']).toBe('strategy-as-code');
    expect(new Date(info['CreationDate']!).toISOString()).toBe(views[lang]!.sourceDate);
    expect(new Date(info['ModDate']!).toISOString()).toBe(views[lang]!.sourceDate);
    expect(pdfXmp(path)).toContain(`<rdf:li>${tag}</rdf:li>`);
  });

  test('two builds are byte-identical', async () => {
    for (const lang of languages) {
      const again = await renderPdfBuffer(views[lang]!);
      expect(again.equals(readFileSync(file(`draft-${lang}.pdf`))), lang).toBe(true);
      const fresh = await renderPdfBuffer(miniViews()[lang]!);
      expect(fresh.equals(again), lang).toBe(true);
    }
  });
});

describe('status', () => {
  // The diagonal watermark comes out of pdftotext a letter a line: compare without whitespace.
  const letters = (path: string, first?: number, last?: number) => pdfText(path, first, last).replace(/\s+/g, '');

  test('a draft carries the watermark on the cover (and every page)', () => {
    expect(letters(file('draft-sv.pdf'), 1, 1)).toContain('UTKAST');
    expect(letters(file('draft-fi.pdf'), 1, 1)).toContain('LUONNOS');
    expect(letters(file('draft-sv.pdf'), 3, 3)).toContain('UTKAST');
  });

  test('a proposal says so', async () => {
    const proposal = miniWithStatus('proposal').views;
    const path = file('proposal-fi.pdf');
    await renderPdf(proposal['fi']!, path);
    expect(letters(path, 1, 1)).toContain('EHDOTUS');
  });

  test.each(languages)('an approved %s document has no watermark and declares PDF/A-1b', (lang) => {
    const path = file(`approved-${lang}.pdf`);
    expect(letters(path)).not.toMatch(/UTKAST|LUONNOS|FÖRSLAG|EHDOTUS/);
    expect(pdfInfo(path)['PDF version']).toBe('1.4');
    const xmp = pdfXmp(path);
    expect(xmp).toContain('<pdfaid:part>1</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toMatch(/<xmp:ModifyDate>[^<]+<\/xmp:ModifyDate>/);
  });

  test.runIf(preflightAvailable())('an approved document passes PDFBox Preflight as PDF/A-1b, in each language', async () => {
    // With a file that is no PDF/A at all beside them: each file gets its own verdict.
    const broken = file('not-pdfa.pdf');
    writeFileSync(broken, '%PDF-1.4\n%%EOF\n');
    const results = await preflight(...languages.map((lang) => file(`approved-${lang}.pdf`)), broken);
    expect(results).toHaveLength(languages.length + 1);
    for (const result of results.slice(0, -1)) expect(result.valid, result.report).toBe(true);
    expect(results.at(-1)!.valid).toBe(false);
  });

  test.runIf(preflightAvailable())('XML special characters in the metadata, web links and code stay valid PDF/A', async () => {
    const view = structuredClone(approved['sv']!);
    view.root = { ...view.root, title: 'Vård & omsorg <2025> "citat"' };
    view.document = { ...view.document, organisation: 'A & B' };
    view.items['chapter-finance']!.body = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'link', url: 'https://thl.fi/', children: [{ type: 'text', value: 'THL' }] }, { type: 'inlineCode', value: 'kod' }] },
        { type: 'code', value: 'x = 1' },
      ],
    };
    const path = file('approved-special.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const [result] = await preflight(path);
    expect(result!.valid, result!.report).toBe(true);
    expect(pdfInfo(path)['Title']).toBe('Vård & omsorg <2025> "citat"');
  });
});

describe('nothing is lost on page breaks', () => {
  // pdfmake silently drops a block kept whole that is taller than a page: such blocks must be left breakable.
  test('a goal row taller than a page and a long paragraph under a heading come out whole', async () => {
    const { view } = withLongGoalRow(views['sv']!);
    const chapter = view.items['chapter-finance']!;
    const words = Array.from({ length: 2500 }, (_, i) => `ord${i}`).join(' ');
    chapter.body = { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Lång rubrik' }] }, { type: 'paragraph', children: [{ type: 'text', value: `${words} SLUTORD` }] }] };
    const path = file('tall.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const text = pdfText(path);
    for (let i = 0; i < 45; i++) expect(text).toContain(`Extra åtgärd ${i} med`);
    expect(text).toContain('Lång rubrik');
    expect(text).toContain('ord2499 SLUTORD');
  });
});

describe('no outside access, atomic writes', () => {
  test('URLs are refused (fonts and images are never downloaded)', async () => {
    const definition = buildDocDefinition(views['sv']!);
    const withImage = { ...definition, images: { logo: 'https://example.com/logo.png' }, content: [{ image: 'logo', tag: { type: 'Figure', alt: 'Logo' } }] };
    await expect(renderDefinition(withImage as unknown as typeof definition)).rejects.toThrow(/Access to URL denied by resource access policy/);
  });

  test('local files: only the DejaVu fonts, assets/fonts and the strategy folder', async () => {
    const policy = localAccessPolicy('/srv/strategy');
    expect(policy(join(fontDir, 'DejaVuSans.ttf'))).toBe(true);
    expect(policy('/srv/strategy/images/map.png')).toBe(true);
    expect(policy('/srv/strategy/../secrets.txt')).toBe(false);
    expect(policy('/etc/passwd')).toBe(false);
    const definition = buildDocDefinition(views['sv']!);
    const withImage = { ...definition, content: [{ image: '/etc/hostname', tag: { type: 'Figure', alt: 'Värdnamn' } }] };
    await expect(renderDefinition(withImage as unknown as typeof definition)).rejects.toThrow(/Access to local file denied by resource access policy/);
  });

  test('renderPdfFiles renders in a child process: the same bytes as in this process, errors passed on', async () => {
    const out = join(tempDir(), 'child');
    const paths = await renderPdfFiles(views, out);
    expect(paths).toEqual(languages.map((lang) => join(out, `mini-strategy-${lang}.pdf`)));
    for (const [index, lang] of languages.entries()) expect(readFileSync(paths[index]!).equals(await renderPdfBuffer(views[lang]!))).toBe(true);
    const inProcess = await renderPdfFiles({ sv: views['sv']! }, join(tempDir(), 'here'), { inProcess: true });
    expect(readFileSync(inProcess[0]!).equals(readFileSync(paths[0]!))).toBe(true);
    const broken: ViewModel = { ...views['sv']!, root: { ...views['sv']!.root, children: ['no-such-item'] } };
    await expect(renderPdfFiles({ sv: broken }, join(tempDir(), 'broken'))).rejects.toThrow(/no-such-item/);
  });

  test('a failed render leaves the previous PDF untouched and no temporary files', async () => {
    const out = join(tempDir(), 'out');
    const [path] = await renderPdfFiles({ sv: views['sv']! }, out);
    expect(path).toBe(join(out, 'mini-strategy-sv.pdf'));
    const before = readFileSync(path!);
    const broken: ViewModel = { ...views['sv']!, root: { ...views['sv']!.root, children: ['no-such-item'] } };
    await expect(renderPdf(broken, path!)).rejects.toThrow();
    expect(readFileSync(path!).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual(['mini-strategy-sv.pdf']);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});
