/**
 * The PDF/UA checker (test/pdf/pdfua.ts) on a council PDF as build renders it, and on copies of it broken in one
 * respect each (with qpdf's JSON, which writes a PDF back from an edited object list): every checkpoint passes the
 * PDF as rendered, and fails each copy broken in its respect with the Matterhorn failure condition it names. apt: qpdf
 */
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { checkpoints, matterhorn, readPdf, type ReadBack } from './pdfua.ts';
import { miniViews, removeTempDirs, tempDir } from './helpers.ts';

type Json = { qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>] };
type Dict = Record<string, unknown>;

let dir: string;
let good: string;
let back: ReadBack;
let json: string;

beforeAll(async () => {
  dir = tempDir();
  good = join(dir, 'good.pdf');
  writeFileSync(good, await renderPdfBuffer(miniViews()['sv']!));
  back = await readPdf(good);
  json = execFileSync('qpdf', ['--json-output', '--json-stream-data=inline', '--decode-level=generalized', good, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
});
afterAll(removeTempDirs);

/** The objects of the good PDF, to edit: a fresh copy each time. */
class Objects {
  readonly json = JSON.parse(json) as Json;
  readonly all = this.json.qpdf[1];
  value(ref: string): Dict {
    const object = this.all[`obj:${ref}`]!;
    return (object.stream?.dict ?? object.value) as Dict;
  }
  get catalog(): Dict {
    return this.value((this.all['trailer']!.value as Dict)['/Root'] as string);
  }
  /** Structure elements of type `type`, in file order. */
  elements(type: string): Dict[] {
    return Object.values(this.all)
      .map((object) => object.value as Dict | undefined)
      .filter((value): value is Dict => typeof value === 'object' && value !== null && value['/S'] === `/${type}` && '/P' in value);
  }
  /** The objects of type `type` (fonts, annotations ...). */
  typed(type: string, subtype?: string): Dict[] {
    return Object.values(this.all)
      .map((object) => (object.stream?.dict ?? object.value) as Dict | undefined)
      .filter((value): value is Dict => typeof value === 'object' && value !== null && value['/Type'] === `/${type}` && (subtype === undefined || value['/Subtype'] === `/${subtype}`));
  }
  pages(): Dict[] {
    return this.typed('Page');
  }
  /** The decoded content of the page (1-based), to rewrite. */
  content(page: number, edit: (content: string) => string): void {
    const object = this.all[`obj:${this.pages()[page - 1]!['/Contents'] as string}`]!;
    const before = Buffer.from(object.stream!.data!, 'base64').toString('latin1');
    const after = edit(before);
    if (after === before) throw new Error('the edit changed nothing');
    object.stream!.data = Buffer.from(after, 'latin1').toString('base64');
  }
  stream(ref: string, edit: (data: string) => string): void {
    const object = this.all[`obj:${ref}`]!;
    object.stream!.data = Buffer.from(edit(Buffer.from(object.stream!.data!, 'base64').toString('utf8')), 'utf8').toString('base64');
  }
  add(ref: string, dict: Dict, data: string): void {
    this.all[`obj:${ref}`] = { stream: { dict, data: Buffer.from(data, 'latin1').toString('base64') } };
  }
}

let copies = 0;
/** The good PDF with `edit` done to its objects, read back (with pdf.js only where the check needs the text). */
async function broken(edit: (objects: Objects) => void, text = false): Promise<ReadBack> {
  const objects = new Objects();
  edit(objects);
  const base = join(dir, `broken-${++copies}`);
  writeFileSync(`${base}.json`, JSON.stringify(objects.json));
  await promisify(execFile)('qpdf', ['--json-input', `${base}.json`, `${base}.pdf`]);
  return readPdf(`${base}.pdf`, { text });
}

/** A form XObject on page 3, drawn `times` inside an artifact, with `content` and `extra` in its dictionary. */
function formXObject(objects: Objects, content: string, extra: Dict, times: number): void {
  objects.add('9999 0 R', { '/Type': '/XObject', '/Subtype': '/Form', '/BBox': [0, 0, 10, 10], ...extra }, content);
  const page = objects.pages()[2]!;
  const resources = typeof page['/Resources'] === 'string' ? objects.value(page['/Resources']) : (page['/Resources'] as Dict);
  resources['/XObject'] = { ...((resources['/XObject'] as Dict | undefined) ?? {}), '/Fx9': '9999 0 R' };
  objects.content(3, (c) => `${c}\n/Artifact BMC\n${'q /Fx9 Do Q\n'.repeat(times)}EMC\n`);
}

test('the council PDF as rendered passes every checkpoint', () => {
  expect(matterhorn(back)).toEqual([]);
  // What the checks stand on: a tree of some size, text in marked content on every page.
  expect(back.root?.kids.length).toBe(1);
  expect(back.pages.every((page) => page.text.size > 0)).toBe(true);
});

/** Checkpoint, what is broken, the edit, the failure condition expected, whether the check reads text. */
const cases: [string, string, (objects: Objects) => void, string, boolean?][] = [
  ['01', 'a paragraph drawn outside any marked content', (o) => o.content(3, (c) => c.replace(/\/P <<\/MCID (\d+)>> BDC/, '/Span BMC')), '01-005', true],
  ['01', 'an artifact inside tagged content', (o) => o.content(3, (c) => c.replace(/(\/P <<\/MCID \d+>> BDC)/, '$1\n/Artifact BMC\nEMC')), '01-003'],
  ['01', 'tagged content inside an artifact', (o) => o.content(3, (c) => c.replace(/(\/Artifact <<[^>]*>> BDC)/, '$1\n/P <</MCID 99>> BDC\nEMC')), '01-004'],
  ['01', 'Suspects true', (o) => ((o.value(o.catalog['/MarkInfo'] as string)['/Suspects'] = true), undefined), '01-007'],
  ['02', 'a structure type that is not standard, with no role map', (o) => (o.elements('P')[0]!['/S'] = '/Paragraph'), '02-001'],
  ['06', 'no XMP metadata', (o) => delete o.catalog['/Metadata'], '06-001'],
  ['06', 'no PDF/UA identification', (o) => o.stream(o.catalog['/Metadata'] as string, (xmp) => xmp.replace(/<pdfuaid:part>1<\/pdfuaid:part>/, '')), '06-002'],
  ['06', 'no dc:title', (o) => o.stream(o.catalog['/Metadata'] as string, (xmp) => xmp.replace(/<dc:title>[\s\S]*?<\/dc:title>/, '')), '06-003'],
  ['07', 'no DisplayDocTitle', (o) => delete o.value(o.catalog['/ViewerPreferences'] as string)['/DisplayDocTitle'], '07-001'],
  ['07', 'DisplayDocTitle false', (o) => (o.value(o.catalog['/ViewerPreferences'] as string)['/DisplayDocTitle'] = false), '07-002'],
  ['09', 'a table row that is a paragraph', (o) => (o.elements('TR')[0]!['/S'] = '/P'), '09-004'],
  ['09', 'a list item body that is a paragraph', (o) => (o.elements('LBody')[0]!['/S'] = '/P'), '09-005'],
  ['09', 'an entry of the table of contents that is a list item', (o) => (o.elements('TOCI')[0]!['/S'] = '/LI'), '09-006'],
  ['11', 'no /Lang in the catalog', (o) => delete o.catalog['/Lang'], '11-001'],
  ['11', 'a /Lang that is no language tag', (o) => (o.elements('P')[1]!['/Lang'] = 'u:sv_FI!'), '11-001'],
  ['11', 'no language for a link annotation\u2019s Contents', (o) => delete o.catalog['/Lang'], '11-004'],
  ['11', 'no language for the bookmarks', (o) => delete o.catalog['/Lang'], '11-003'],
  ['13', 'a Figure without alternative text', (o) => (o.elements('P')[0]!['/S'] = '/Figure'), '13-004'],
  ['14', 'a first heading that is not H1', (o) => (o.elements('H1')[0]!['/S'] = '/H2'), '14-002'],
  ['14', 'a heading level skipped', (o) => (o.elements('H2')[0]!['/S'] = '/H4'), '14-003'],
  ['14', 'H and H1–H6 both', (o) => (o.elements('H2')[0]!['/S'] = '/H'), '14-007'],
  ['15', 'a header cell without Scope', (o) => delete o.elements('TH')[0]!['/A'], '15-003'],
  ['15', 'a row shorter than the others', (o) => (o.elements('TD').find((td) => (td['/A'] as Dict | undefined)?.['/ColSpan'] === undefined)!['/S'] = '/Span'), '15 (7.5)'],
  ['16', 'a list item without a body', (o) => (o.elements('LBody')[0]!['/S'] = '/Lbl'), '16 (7.6)'],
  ['28', 'a link annotation that no Link element holds', (o) => o.typed('Annot', 'Link').forEach((annot) => delete annot['/StructParent']), '28-011'],
  ['28', 'a link annotation without Contents', (o) => delete o.typed('Annot', 'Link')[0]!['/Contents'], '28-012'],
  ['28', 'a page with annotations without /Tabs', (o) => o.pages().forEach((page) => delete page['/Tabs']), '28-008'],
  ['28', 'a page with annotations and /Tabs other than /S', (o) => o.pages().forEach((page) => (page['/Tabs'] = '/R')), '28-009'],
  ['28', 'an annotation other than a link outside an Annot element', (o) => (o.typed('Annot', 'Link')[0]!['/Subtype'] = '/Text'), '28-002'],
  ['30', 'a reference XObject', (o) => formXObject(o, '', { '/Ref': { '/F': 'u:other.pdf', '/Page': 0 } }, 1), '30-001'],
  ['30', 'a form XObject with marked content drawn twice', (o) => formXObject(o, '/P <</MCID 0>> BDC EMC', {}, 2), '30-002'],
  ['31', 'a font without its ToUnicode map', (o) => delete o.typed('Font', 'Type0')[0]!['/ToUnicode'], '31 (7.21.7)'],
  ['31', 'a font whose ToUnicode map lacks a code drawn', (o) => o.stream(o.typed('Font', 'Type0')[0]!['/ToUnicode'] as string, (cmap) => cmap.replace(/<0000> <([0-9a-f]{4})> \[<0000> <([0-9a-f]{4})>/i, '<0000> <$1> [<0000> <0000>')), '31 (7.21.7)'],
  ['31', 'a font not embedded', (o) => delete o.typed('FontDescriptor')[0]!['/FontFile2'], '31 (7.21.4.1)'],
  ['31', 'a CIDFontType2 without CIDToGIDMap', (o) => delete o.typed('Font', 'CIDFontType2')[0]!['/CIDToGIDMap'], '31 (7.21.3.2)'],
];

describe('each checkpoint fails a copy broken in its respect', () => {
  // The broken copies are written and read back two at a time (qpdf runs beside the parsing).
  const copies = new Map<string, ReadBack>();
  beforeAll(async () => {
    const queue = [...cases];
    const work = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) copies.set(next[1], await broken(next[2], next[4]));
    };
    await Promise.all([work(), work()]);
  });

  test.each(cases)('%s: %s', (checkpoint, what, _edit, condition) => {
    const check = checkpoints[checkpoint]!;
    expect(check(back)).toEqual([]);
    expect(check(copies.get(what)!).map((failure) => failure.condition)).toContain(condition);
  });

  test('every checkpoint the issue names is implemented, and each is broken above', () => {
    expect(Object.keys(checkpoints)).toEqual(expect.arrayContaining(['01', '06', '07', '09', '11', '13', '14', '15', '16', '28', '30', '31']));
    expect(new Set(cases.map(([checkpoint]) => checkpoint))).toEqual(new Set(Object.keys(checkpoints)));
  });
});
