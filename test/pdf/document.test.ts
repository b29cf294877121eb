import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocDefinition, linkTargetCodes } from '../../src/render/pdf/document.ts';
import { inlineStyles } from '../../src/render/pdf/frame.ts';
import { formatDate, yearsText } from '../../src/view/format.ts';
import type { Content, TableNode, TDocumentDefinitions } from '../../src/render/pdf/types.ts';
import { miniViews, miniWithStatus, removeTempDirs } from './helpers.ts';

type Node = Record<string, unknown>;

/** Every object node of the content tree, with the orientation of the page it starts on. */
function nodes(content: Content): { node: Node; orientation: string }[] {
  const out: { node: Node; orientation: string }[] = [];
  let orientation = 'portrait';
  const visit = (value: unknown, top: boolean): void => {
    if (Array.isArray(value)) return value.forEach((child) => visit(child, top));
    if (typeof value !== 'object' || value === null) return;
    const node = value as Node;
    if (typeof node['pageOrientation'] === 'string') orientation = node['pageOrientation'];
    out.push({ node, orientation });
    for (const key of ['stack', 'columns', 'ul', 'ol', 'text', 'section']) if (key in node) visit(node[key], false);
    if (typeof node['table'] === 'object') visit((node['table'] as { body: unknown }).body, false);
  };
  visit(content, true);
  return out;
}

const textOf = (cell: unknown): string =>
  typeof cell === 'string' ? cell : Array.isArray(cell) ? cell.map(textOf).join('') : typeof cell === 'object' && cell !== null ? textOf((cell as Node)['text'] ?? (cell as Node)['stack'] ?? '') : '';

const tables = (definition: TDocumentDefinitions) =>
  nodes(definition.content).filter((entry): entry is { node: Node & TableNode; orientation: string } => 'table' in entry.node);

afterAll(removeTempDirs);

describe('buildDocDefinition', () => {
  const views = miniViews();

  test('goal tables: column labels come from the view, on landscape pages, header repeated, rows kept whole', () => {
    const expected = { sv: ['Mål', 'Åtgärder', 'Mätare', 'Koppling till strategin'], fi: ['Tavoite', 'Toimenpiteet', 'Mittarit', 'Yhteys strategiaan'] };
    for (const [lang, header] of Object.entries(expected)) {
      const view = views[lang]!;
      const council = tables(buildDocDefinition(view)).filter(({ node }) => textOf(node.table.body[0]![0]) === header[0] && node.table.body[0]!.length === header.length);
      expect(council, lang).toHaveLength(1);
      const [{ node, orientation }] = council as [(typeof council)[number]];
      expect(node.table.body[0]!.map(textOf)).toEqual(header);
      expect(header[1]).toBe(view.items['goal-older-home']!.childGroups[0]!.label);
      expect(header[3]).toBe(view.labels['links']);
      expect(orientation).toBe('landscape');
      expect(node.table).toMatchObject({ headerRows: 1, dontBreakRows: true });
      expect(textOf(node.table.body[1]![0])).toBe(view.items['goal-older-home']!.title);
    }
  });

  test('the document starts portrait and every orientation change starts a new page', () => {
    const definition = buildDocDefinition(views['sv']!);
    expect(definition.pageSize).toBe('A4');
    expect(definition.pageOrientation).toBe('portrait');
    const changes = nodes(definition.content).filter(({ node }) => 'pageOrientation' in node);
    expect(changes.length).toBeGreaterThan(2);
    for (const { node } of changes) expect(node['pageBreak']).toBe('before');
    expect(changes.map(({ node }) => node['pageOrientation'])).toContain('landscape');
  });

  test('the watermark follows the status: draft, proposal, approved (none); opaque, and PDF/A-1b whatever the status', () => {
    expect(buildDocDefinition(views['sv']!).watermark?.text).toBe('UTKAST');
    expect(buildDocDefinition(views['fi']!).watermark?.text).toBe('LUONNOS');
    const proposal = miniWithStatus('proposal').views;
    expect(buildDocDefinition(proposal['sv']!).watermark?.text).toBe('FÖRSLAG');
    expect(buildDocDefinition(proposal['fi']!).watermark?.text).toBe('EHDOTUS');
    const approved = miniWithStatus('approved').views;
    for (const view of Object.values(approved)) expect(buildDocDefinition(view).watermark).toBeUndefined();
    for (const view of [views['sv']!, views['fi']!, proposal['sv']!, approved['fi']!]) {
      const definition = buildDocDefinition(view);
      // PDF/A-1 allows no transparency: the watermark is a light tint, drawn opaque behind the content.
      if (definition.watermark) expect(definition.watermark.opacity).toBe(1);
      expect(definition.subset).toBe('PDF/A-1b');
      expect(definition.version).toBe('1.4');
      expect(definition.tagged).toBe(true);
    }
  });

  test('cover: meeting date and § in each language; left out without a meeting', () => {
    const cover = (definition: TDocumentDefinitions) => JSON.stringify((definition.content as Content[])[0]);
    expect(cover(buildDocDefinition(views['sv']!))).toContain('16 juni 2025, § 45');
    expect(cover(buildDocDefinition(views['fi']!))).toContain('16. kesäkuuta 2025, 45 §');
    const noMeeting = miniWithStatus('draft', (text) => text.replace(/^meeting:.*\n/m, '')).views;
    expect(cover(buildDocDefinition(noMeeting['sv']!))).not.toContain('Sammanträde');
    expect(cover(buildDocDefinition(noMeeting['fi']!))).not.toContain('Kokous');
  });

  test('metadata: title, author, language and dates from the source', () => {
    for (const [lang, tag] of [['sv', 'sv-FI'], ['fi', 'fi-FI']] as const) {
      const view = views[lang]!;
      const definition = buildDocDefinition(view);
      expect(definition.language).toBe(tag);
      expect(definition.info).toMatchObject({ title: view.root.title, author: view.document.organisation, creator: 'strategy-as-code' });
      expect(definition.info?.creationDate?.toISOString()).toBe(view.sourceDate);
      expect(definition.info?.modDate?.toISOString()).toBe(view.sourceDate);
    }
  });

  test('pure: the same view gives the same definition', () => {
    const a = buildDocDefinition(views['sv']!);
    const b = buildDocDefinition(views['sv']!);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('table of contents and bookmarks: numbered parts, goals under their section', () => {
    const definition = buildDocDefinition(views['sv']!);
    const all = nodes(definition.content).map(({ node }) => node);
    // The table of contents: each heading's title and its page number, both linking to the heading.
    const toc = tables(definition).find(({ node }) => (node as { tag?: { type?: string } }).tag?.type === 'TOC')!.node;
    expect(toc.table.body.map(([title]) => textOf(title))).toEqual(['Inledning', '1\u2002Allmän del', '1.1\u2002Ekonomi', '2\u2002Värderingar, värdelöften och strategiska mål', '3\u2002Äldre', 'Bilaga 1\u2002Mätare', 'Bilaga 2\u2002Koppling till strategin']);
    for (const [title, page] of toc.table.body as Node[][]) {
      expect(all.find((node) => node['id'] === title!['linkToDestination'] && node['outline'] === true), String(title!['text'])).toBeDefined();
      expect(page).toMatchObject({ pageReference: title!['linkToDestination'], linkToDestination: title!['linkToDestination'] });
    }
    expect((toc as { tag?: { depths?: number[] } }).tag?.depths).toEqual([1, 1, 2, 1, 1, 1, 1]);
    const goal = all.find((node) => node['outlineText'] === 'Allt fler äldre bor hemma');
    expect(goal).toMatchObject({ outline: true, outlineParentId: 'dest-section-older' });
    expect(all.find((node) => node['id'] === 'dest-section-older')).toMatchObject({ outline: true });
  });

  test('the traceability matrix marks each link and explains the codes', () => {
    const view = views['sv']!;
    const matrix = tables(buildDocDefinition(view)).find(({ node }) => node.table.headerRows === 2)!;
    expect(matrix.orientation).toBe('landscape');
    const [groups, codes, section, row] = matrix.node.table.body;
    expect(groups!.map(textOf).filter(Boolean)).toEqual(['Värderingar', 'Värdelöften', 'Strategiska mål']);
    expect(codes!.map(textOf)).toEqual(['Mål', 'V1', 'V2', 'VL1', 'S1']);
    expect(textOf(section![0])).toContain('Äldre');
    expect(row!.map(textOf)).toEqual(['Allt fler äldre bor hemma', '●', '●', '●', '●']);
  });

  test('the measures appendix: unit, baseline, targets by year and source as the site words it, numbers written the local way', () => {
    for (const lang of ['sv', 'fi']) {
      // The title cell: the measure's title, then its type and direction.
      const item = views[lang]!.items['measure-living-at-home']!;
      const isRow = (row: unknown[]) => textOf(row[0]).startsWith(item.title);
      const appendix = tables(buildDocDefinition(views[lang]!)).find(({ node }) => node.table.body.some(isRow))!;
      const row = appendix.node.table.body.find(isRow)!;
      expect(textOf(row[0])).toBe(`${item.title}${item.measure!.type!.label} · ${item.measure!.direction!.label}`);
      expect(row.slice(1).map(textOf)).toEqual(['%', '92,1 (2024)', '2026: 93\n2029: 94', lang === 'sv' ? 'Sotkanet, indikator 3261\nSotkanet, THL' : 'Sotkanet, indikaattori 3261\nSotkanet, THL']);
    }
  });
});

describe('helpers', () => {
  test('link target codes: first letter of the kind, told apart where two kinds share it', () => {
    const [sv, fi] = [miniViews()['sv']!, miniViews()['fi']!];
    expect([...linkTargetCodes(sv).codes.values()]).toEqual(['V1', 'V2', 'VL1', 'S1']);
    expect([...linkTargetCodes(fi).codes.values()]).toEqual(['A1', 'A2', 'AL1', 'S1']);
  });

  test('years as ranges, dates the Finnish way', () => {
    expect(yearsText([2027, 2025, 2026, 2029])).toBe('2025–2027, 2029');
    expect(yearsText([2026])).toBe('2026');
    expect(formatDate('2025-06-16', 'sv')).toBe('16 juni 2025');
    expect(formatDate('2025-06-16', 'fi')).toBe('16. kesäkuuta 2025');
  });

  test('inlineStyles copies named styles onto nodes; a node keeps its own properties, the last style named wins', () => {
    const content = [
      { text: 'a', style: 'x', bold: false },
      { stack: [{ text: 'b', style: ['x', 'y'] }] },
      { text: 'c', style: 'unknown' },
      { text: 'd', style: ['y', 'x'], color: null },
    ];
    inlineStyles(content, { x: { bold: true, fontSize: 9, color: 'blue' }, y: { color: 'red' } });
    expect(content).toEqual([
      { text: 'a', bold: false, fontSize: 9, color: 'blue' },
      { stack: [{ text: 'b', bold: true, fontSize: 9, color: 'red' }] },
      { text: 'c', style: 'unknown' },
      { text: 'd', bold: true, fontSize: 9, color: 'blue' },
    ]);
  });

  test('generic: the PDF renderer names no kinds (they come from schema/ through the view model)', () => {
    const dir = 'src/render/pdf';
    // 'document', 'section' and 'value' are also words of pdfmake and of fields (meeting.section, baseline.value): not checked.
    const kinds = readdirSync('schema/kinds').map((name) => name.replace('.schema.json', '')).filter((kind) => !['document', 'section', 'value'].includes(kind));
    expect(kinds).toEqual(expect.arrayContaining(['goal', 'measure', 'action']));
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const kind of kinds) expect(source, `${file} mentions '${kind}'`).not.toMatch(new RegExp(`['"\`]${kind}['"\`]`));
    }
  });
});
