/**
 * The council PDF as a screen reader gets it: tagged PDF/UA for every status, PDF/A-1b for every status (PDFBox
 * Preflight), a structure tree read back (qpdf, pdf.js) that is the view model's, its headings, list items, table
 * rows and cells in the document's order with their text, and a reading order that is the document's text with no
 * running header, footer or watermark inside it. apt: qpdf poppler-utils [libpdfbox2-java …]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDocDefinition, isCouncilRow, isMeasure, isSection, renderDefinition, renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { plainText } from '../../src/render/pdf/tags.ts';
import type { Content } from '../../src/render/pdf/types.ts';
import type { ItemView, ViewModel } from '../../src/view/types.ts';
import { dumpTree, elemText, matterhorn, readingText, readPdf, walk, type Elem, type ReadBack } from './pdfua.ts';
import { miniViews, miniWithStatus, withLongGoalRow, pdfOutline, preflight, preflightAvailable, removeTempDirs, tempDir, type OutlineEntry } from './helpers.ts';

let dir: string;
let views: Record<string, ViewModel>;
const files: Record<string, string> = {};
const backs: Record<string, ReadBack> = {};

beforeAll(async () => {
  dir = tempDir();
  views = miniViews();
  const proposal = miniWithStatus('proposal').views;
  const approved = miniWithStatus('approved').views;
  const render = async (name: string, view: ViewModel) => {
    files[name] = join(dir, `${name}.pdf`);
    writeFileSync(files[name], await renderPdfBuffer(view));
  };
  await render('draft-sv', views['sv']!);
  await render('draft-fi', views['fi']!);
  await render('proposal-fi', proposal['fi']!);
  await render('approved-sv', approved['sv']!);
  for (const name of Object.keys(files)) backs[name] = await readPdf(files[name]!);
});
afterAll(removeTempDirs);

const items = (view: ViewModel): ItemView[] => view.order.map((id) => view.items[id]!);
const elements = (back: ReadBack, role?: string): Elem[] => [...walk(back.root!)].filter((e) => e !== back.root && (role === undefined || e.role === role));
const kids = (element: Elem, role?: string): Elem[] => element.kids.filter((kid): kid is Elem => 'kids' in kid && (role === undefined || kid.role === role));
const text = (back: ReadBack, element: Elem) => elemText(back, element);
const squash = (value: string) => value.replace(/[\u2002\u00ad\u200b]/g, ' ').replace(/\s+/g, ' ').trim();

describe('every status', () => {
  test('draft, proposal and approved: every Matterhorn checkpoint passes, and the catalog says the language', () => {
    for (const [name, back] of Object.entries(backs)) {
      expect(matterhorn(back), name).toEqual([]);
      expect(back.catalog['/Lang'], name).toBe(name.endsWith('sv') ? 'u:sv-FI' : 'u:fi-FI');
    }
  });

  test.runIf(preflightAvailable())('drafts and proposals pass PDFBox Preflight as PDF/A-1b, as approved versions do (pdf.test.ts)', { timeout: 60_000 }, async () => {
    const results = await preflight(...['draft-sv', 'draft-fi', 'proposal-fi'].map((name) => files[name]!));
    expect(results).toHaveLength(3);
    for (const result of results) expect(result.valid, result.report).toBe(true);
  });
});

describe('the structure tree is the view model', () => {
  const lang = 'sv';
  const back = () => backs[`draft-${lang}`]!;
  const view = () => views[lang]!;

  test('the headings: the table of contents, then every section at its depth, in the document’s order, never a level skipped', () => {
    const headings = elements(back()).filter((e) => /^H[1-6]$/.test(e.role));
    expect(headings[0]!.role).toBe('H1');
    expect(text(back(), headings[0]!)).toBe('Innehåll');
    const sections = items(view())
      .filter(isSection)
      .map((item) => ({ role: `H${item.ancestors.length}`, text: `${item.number} ${item.title}` }));
    const found = headings.map((e) => ({ role: e.role, text: squash(text(back(), e)) })).filter((h) => sections.some((s) => s.text === h.text));
    expect(found).toEqual(sections);
    // The appendices are top-level parts.
    for (const title of ['Bilaga 1 Mätare', 'Bilaga 2 Koppling till strategin']) expect(headings.find((e) => squash(text(back(), e)) === title)?.role).toBe('H1');
  });

  test('the table of contents: one entry per heading, each a link, nested as the sections are', () => {
    const toc = elements(back(), 'TOC')[0]!;
    const entries = [...walk(toc)].filter((e) => e.role === 'TOCI');
    const bookmarks = (entries: OutlineEntry[]): OutlineEntry[] => entries.flatMap((entry) => [entry, ...bookmarks(entry.kids.filter((kid) => !isCouncilRow(Object.values(view().items).find((item) => item.title === kid.title) ?? ({} as ItemView))))]);
    const expected = bookmarks(pdfOutline(files[`draft-${lang}`]!)).map((entry) => `${entry.title} ${entry.page}`);
    expect(entries.map((entry) => squash(text(back(), kids(entry, 'Reference')[0]!)))).toEqual(expected);
    for (const entry of entries) expect(kids(kids(entry, 'Reference')[0]!, 'Link')).toHaveLength(1);
    // 1.1 Ekonomi sits in a TOC of its own under 1 Allmän del.
    const general = entries.find((entry) => text(back(), kids(entry, 'Reference')[0]!).startsWith('1 Allmän del'))!;
    expect(kids(kids(general, 'TOC')[0]!, 'TOCI').map((entry) => squash(text(back(), entry)))).toEqual([expect.stringMatching(/^1\.1 Ekonomi \d+$/)]);
  });

  test('the council table: its header row heads the columns, each goal’s row has the goal, its actions and measures as list items, and its links', () => {
    const goals = items(view()).filter(isCouncilRow);
    const table = elements(back(), 'Table').find((t) => kids(kids(kids(t, 'THead')[0] ?? t, 'TR')[0] ?? t).some((cell) => text(back(), cell) === goals[0]!.kindLabel))!;
    const [head] = kids(kids(table, 'THead')[0]!, 'TR');
    expect(kids(head!).map((cell) => [cell.role, text(back(), cell)])).toEqual([
      ['TH', 'Mål'],
      ['TH', 'Åtgärder'],
      ['TH', 'Mätare'],
      ['TH', 'Koppling till strategin'],
    ]);
    for (const cell of kids(head!)) expect(cell.attributes['/Scope']).toBe('/Column');
    const rows = kids(kids(table, 'TBody')[0]!, 'TR');
    expect(rows).toHaveLength(goals.length);
    rows.forEach((row, index) => {
      const goal = goals[index]!;
      const [title, ...cells] = kids(row);
      expect([title!.role, title!.attributes['/Scope'], text(back(), title!)]).toEqual(['TH', '/Row', goal.title]);
      goal.childGroups.forEach((group, column) => {
        const listItems = [...walk(cells[column]!)].filter((e) => e.role === 'LI');
        expect(listItems.map((li) => text(back(), kids(li, 'LBody')[0]!))).toEqual(group.ids.map((id) => expect.stringContaining(view().items[id]!.title)));
      });
      const links = [...walk(cells.at(-1)!)].filter((e) => e.role === 'LI');
      expect(links.map((li) => `${text(back(), kids(li, 'Lbl')[0]!)} ${text(back(), kids(li, 'LBody')[0]!)}`)).toEqual(goal.councilLinks.flatMap((g) => g.ids).map((id) => expect.stringContaining(view().items[id]!.title)));
    });
  });

  test('the measures appendix: a row per measure in the document’s order, under the row of its section and goal', () => {
    const measures = items(view()).filter(isMeasure);
    const table = elements(back(), 'Table').find((t) => text(back(), kids(kids(kids(t, 'THead')[0] ?? t, 'TR')[0] ?? t)[0] ?? t) === measures[0]!.kindLabel)!;
    const rows = kids(kids(table, 'TBody')[0]!, 'TR').map((row) => kids(row));
    const measureRows = rows.filter((cells) => cells.length > 1);
    expect(measureRows.map((cells) => text(back(), cells[0]!))).toEqual(measures.map((m) => expect.stringMatching(new RegExp(`^${m.title}`))));
    for (const cells of measureRows) expect([cells[0]!.role, cells[0]!.attributes['/Scope']]).toEqual(['TH', '/Row']);
    const groups = rows.filter((cells) => cells.length === 1).map(([cell]) => [cell!.role, cell!.attributes['/ColSpan'], text(back(), cell!)]);
    expect(groups).toEqual([
      ['TH', 5, '3 Äldre'],
      ['TH', 5, 'Allt fler äldre bor hemma'],
    ]);
  });

  test('the matrix: the kinds and codes head the columns, each goal its row, a mark where it links', () => {
    const matrix = view().matrix!;
    const table = elements(back(), 'Table').find((t) => kids(t, 'THead').length === 1 && kids(kids(t, 'THead')[0]!, 'TR').length === 2)!;
    const [kindsRow, codesRow] = kids(kids(table, 'THead')[0]!, 'TR');
    expect(kids(kindsRow!).map((cell) => [cell.role, text(back(), cell), cell.attributes['/ColSpan'] ?? 1])).toEqual([['TD', '', 1], ...matrix.columns.map((group) => ['TH', squash(group.label), group.ids.length])]);
    expect(kids(codesRow!).map((cell) => text(back(), cell))).toEqual(['Mål', 'V1', 'V2', 'VL1', 'S1']);
    const goalRows = kids(kids(table, 'TBody')[0]!, 'TR').filter((row) => kids(row).length > 1);
    expect(goalRows.map((row) => text(back(), kids(row)[0]!))).toEqual(matrix.rows.map((id) => view().items[id]!.title));
    const goal = view().items[matrix.rows[0]!]!;
    const linked = new Set(goal.links.flatMap((group) => group.ids));
    expect(kids(goalRows[0]!).slice(1).map((cell) => text(back(), cell))).toEqual(matrix.columns.flatMap((group) => group.ids).map((id) => (linked.has(id) ? '●' : '')));
  });

  test('the values, promises and strategic goals: lists whose labels are their codes', () => {
    const lists = elements(back(), 'L').filter((list) => kids(list, 'LI').every((li) => kids(li, 'Lbl').length === 1));
    const entries = lists.flatMap((list) => kids(list, 'LI').map((li) => `${text(back(), kids(li, 'Lbl')[0]!)} ${text(back(), kids(li, 'LBody')[0]!)}`));
    for (const group of view().linkTargets) for (const id of group.ids) expect(entries).toContain(`${['V1', 'V2', 'VL1', 'S1'][view().linkTargets.flatMap((g) => g.ids).indexOf(id)]} ${view().items[id]!.title}`);
  });
});

/** The document's text from its definition, in order: what a reader should hear (page numbers from the bookmarks). */
function definitionText(content: Content, pageOf: (id: string) => number | undefined): string {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') return void out.push(value);
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    if (node['tag'] === 'Artifact') return;
    if (node['pageReference'] !== undefined) return void out.push(` ${pageOf(node['pageReference'] as string) ?? '?'}`);
    if ('text' in node) return void out.push(plainText(node['text']), ' ');
    for (const key of ['stack', 'columns', 'ul', 'ol', 'section']) if (key in node) visit(node[key]);
    if (typeof node['table'] === 'object') {
      for (const row of (node['table'] as { body: unknown[][] }).body) {
        for (let i = 0; i < row.length; ) {
          const cell = row[i] as Record<string, unknown>;
          visit(cell);
          out.push(' ');
          i += typeof cell?.['colSpan'] === 'number' ? cell['colSpan'] : 1;
        }
      }
    }
  };
  visit(content);
  return squash(out.join(''));
}

describe('the reading order', () => {
  test.each(['draft-sv', 'draft-fi'])('%s: the structure tree’s text is the document’s, in its order, and nothing of the running header, footer or watermark', (name) => {
    const view = views[name.slice(-2)]!;
    const back = backs[name]!;
    const pages = new Map(pdfOutline(files[name]!).flatMap(function flat(entry: OutlineEntry): [string, number][] {
      return [[entry.title, entry.page], ...entry.kids.flatMap(flat)];
    }));
    const definition = buildDocDefinition(view);
    const headings = new Map<string, string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (typeof value !== 'object' || value === null) return;
      const node = value as Record<string, unknown>;
      if (typeof node['id'] === 'string' && typeof node['outlineText'] === 'string') headings.set(node['id'], node['outlineText']);
      for (const key of ['stack', 'columns', 'ul', 'ol', 'text']) if (key in node) visit(node[key]);
      if (typeof node['table'] === 'object') visit((node['table'] as { body: unknown }).body);
    };
    visit(definition.content);
    const expected = definitionText(definition.content, (id) => pages.get(headings.get(id) ?? ''));
    expect(squash(readingText(back))).toBe(expected);
    // What is outside the structure: on every page but the cover the running header, and the page number; the watermark on every page.
    const count = back.pages.length;
    back.pages.forEach((page, index) => {
      const artifacts = squash(page.artifactText.join(' '));
      expect(artifacts, `page ${index + 1}`).toContain(view.document.status!.label.toLocaleUpperCase(name.endsWith('sv') ? 'sv-FI' : 'fi-FI'));
      if (index > 0) expect(artifacts).toContain(name.endsWith('sv') ? `Sida ${index + 1} av ${count}` : `Sivu ${index + 1} / ${count}`);
      expect(page.untaggedText.join('').trim()).toBe('');
    });
    expect(readingText(back)).not.toMatch(/Sida \d+ av|Sivu \d+ \/|UTKAST|LUONNOS/);
  });
});

describe('what else a reader meets', () => {
  test('a term of the other language in the text is a span with its language; a word broken across lines is read whole', async () => {
    const view = structuredClone(views['sv']!);
    view.glossary = [{ id: 'organisation-name', terms: { sv: ['Österbottens välfärdsområde'], fi: ['Pohjanmaan hyvinvointialue'] } }];
    const chapter = view.items['chapter-finance']!;
    chapter.body = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'På finska heter välfärdsområdet Pohjanmaan hyvinvointialue.' }] }],
    };
    // A goal whose title has a word longer than its column: pdfmake breaks it.
    view.items['goal-older-home']!.title = 'Hemvårdsutvecklingsprogramsuppföljningsrapporteringen';
    const path = join(dir, 'parts.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const back = await readPdf(path);
    expect(matterhorn(back)).toEqual([]);
    const spans = elements(back, 'Span').filter((span) => span.lang !== undefined);
    expect(spans.map((span) => [span.lang, text(back, span)])).toEqual([['fi-FI', 'Pohjanmaan hyvinvointialue']]);
    expect(text(back, spans[0]!.parent!)).toBe('På finska heter välfärdsområdet Pohjanmaan hyvinvointialue.');
    const goal = elements(back, 'TH').find((th) => th.actualText !== undefined)!;
    expect(goal.actualText).toBe('Hemvårdsutvecklingsprogramsuppföljningsrapporteringen');
  });

  test('a council table over several pages: its header row is tagged once, and where it is repeated an artifact', async () => {
    const { view, ids } = withLongGoalRow(views['sv']!);
    const path = join(dir, 'long-table.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const back = await readPdf(path);
    expect(matterhorn(back)).toEqual([]);
    const header = elements(back, 'THead').map((head) => squash(text(back, head)));
    expect(header.filter((h) => h === 'Mål Åtgärder Mätare Koppling till strategin')).toHaveLength(1);
    const withTable = back.pages.filter((page) => [...page.text.values()].some((t) => t.includes('Extra åtgärd')));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable.slice(1)) expect(squash(page.artifactText.join(' '))).toContain('Mål Åtgärder Mätare Koppling till strategin');
    const items = elements(back, 'LI').filter((li) => text(back, li).startsWith('Extra åtgärd'));
    expect(items.map((li) => text(back, li).split(' med ')[0])).toEqual(ids.map((_, i) => `Extra åtgärd ${i}`));
  });

  test('a chart drawn as an image is a Figure with its alternative text', async () => {
    const definition = buildDocDefinition(views['sv']!);
    const alt = 'Stapeldiagram: andelen 75 år fyllda som bor hemma, 92,1 % år 2024 och målet 94 % år 2029';
    (definition.content as Content[]).push({ svg: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect x="0" y="10" width="92" height="20" fill="#1f3a5f"/><rect x="0" y="35" width="94" height="20" fill="#5b6470"/></svg>', tag: { type: 'Figure', alt } } as unknown as Content);
    const path = join(dir, 'figure.pdf');
    writeFileSync(path, await renderDefinition(definition));
    const back = await readPdf(path);
    expect(matterhorn(back)).toEqual([]);
    const figures = elements(back, 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([alt]);
    expect(figures[0]!.kids.some((kid) => 'mcid' in kid)).toBe(true);
  });

  test('pdf.js, reading as a viewer does, finds the goal table on its page: header cells, the goal’s row header, its list items', async () => {
    const back = backs['draft-sv']!;
    const page = back.pages.find((p) => [...p.text.values()].some((t) => t.includes('Allt fler äldre bor hemma')) && [...p.text.values()].some((t) => t.includes('Åtgärder')))!;
    const roles: string[] = [];
    const visit = (node: { role?: string; children?: unknown[] }): void => {
      if (node.role) roles.push(node.role);
      for (const child of node.children ?? []) visit(child as { role?: string; children?: unknown[] });
    };
    visit(page.structTree as { children?: unknown[] });
    for (const role of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody', 'Lbl']) expect(roles).toContain(role);
    // The council table's outline, as dumpTree gives it, reads from the column heads to the goal, its actions and measures, and its links.
    const table = elements(back, 'Table').find((t) => text(back, t).startsWith('Mål Åtgärder'))!;
    const dump = dumpTree(back, table).join('\n');
    const order = ['TH [Scope=Column]: Mål', 'TH [Scope=Row]: Allt fler äldre bor hemma', 'P: Läkemedelsrobotar tas i bruk i hemvården', 'P: Andelen 75 år fyllda som bor hemma', 'Lbl: VL1', 'LBody: Verkningsfull service'].map((line) => dump.indexOf(line));
    expect(order.every((at) => at >= 0), dump).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
