/**
 * The PDF/A fix-ups that reach into pdfkit's document (src/render/pdf/pdfkit-fixups.ts): on the document pdfmake
 * hands over they fix the bookmarks and the XMP metadata, and on a document of any other shape they fail loudly
 * instead of doing nothing. That the fixed-up output is valid PDF/A-1b is checked with PDFBox Preflight here and in
 * pdf.test.ts.
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { endDocument, PdfKitShapeError } from '../../src/render/pdf/pdfkit-fixups.ts';
import { miniWithStatus, pdfXmp, preflight, preflightAvailable, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const page = { data: { MediaBox: [0, 0, 595.28, 841.89] } };

/** A stand-in for pdfkit's document with the parts the fix-ups use; `end` calls _addInfo, as pdfkit's does. */
function fakeDocument(): Record<string, unknown> {
  const events = new EventEmitter();
  const doc: Record<string, unknown> = {
    info: { Title: 'T', CreationDate: new Date(0), ModDate: new Date(0) },
    outline: { outlineData: {}, options: {}, children: [{ outlineData: { Dest: [page, 'XYZ', 595.28, 841.89, 0] }, options: {}, children: [] }] },
    xml: [] as string[],
    appendXML(xml: string) {
      (doc['xml'] as string[]).push(xml);
    },
    _addInfo() {},
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    read: () => null,
    end() {
      (doc['_addInfo'] as () => void)();
      events.emit('end');
    },
  };
  return doc;
}

describe('endDocument on a document of the expected shape', () => {
  test('points bookmarks at the top-left corner and writes the XMP metadata with dc:language', async () => {
    const doc = fakeDocument();
    await endDocument(doc, 'sv-FI');
    const child = (doc['outline'] as { children: { outlineData: Record<string, unknown> }[] }).children[0]!;
    expect(child.outlineData['Dest']).toEqual([page, 'XYZ', 0, 841.89, 0]);
    expect((doc['outline'] as { outlineData: Record<string, unknown> }).outlineData['Count']).toBe(1);
    expect((doc['xml'] as string[]).join('')).toContain('<rdf:li>sv-FI</rdf:li>');
  });
});

describe('endDocument fails loudly when pdfkit has changed', () => {
  type Bookmarks = { children: { outlineData: Record<string, unknown> }[] };
  const firstBookmark = (doc: Record<string, unknown>) => (doc['outline'] as Bookmarks).children[0]!.outlineData;
  /** What breaks, a change to the stand-in (it returns what is handed over), the error's message. */
  const broken: [string, (doc: Record<string, unknown>) => unknown, RegExp][] = [
    ['no document at all', () => undefined, /no document object/],
    ['no _addInfo', (doc) => (delete doc['_addInfo'], doc), /document\._addInfo is not a function/],
    ['no appendXML', (doc) => (delete doc['appendXML'], doc), /document\.appendXML is not a function/],
    ['no info', (doc) => (delete doc['info'], doc), /document\.info is not an object/],
    ['no outline', (doc) => (delete doc['outline'], doc), /document\.outline is not a bookmark/],
    ['bookmarks kept elsewhere', (doc) => (delete (doc['outline'] as Record<string, unknown>)['children'], doc), /document\.outline is not a bookmark/],
    ['another kind of destination', (doc) => ((firstBookmark(doc)['Dest'] = [page, 'Fit']), doc), /children\[0\]\.outlineData\.Dest is not \[page, 'XYZ'/],
    ['a destination without its page box', (doc) => ((firstBookmark(doc)['Dest'] = [{}, 'XYZ', 0, 0, 0]), doc), /not a page with a \/MediaBox/],
  ];

  test.each(broken)('%s', async (_name, breakIt, message) => {
    const failure = endDocument(breakIt(fakeDocument()), 'fi-FI');
    await expect(failure).rejects.toThrow(PdfKitShapeError);
    await expect(failure).rejects.toThrow(message);
  });

  test('the XMP metadata no longer written through _addInfo', async () => {
    const doc = fakeDocument();
    const events = new EventEmitter();
    doc['on'] = (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener);
    // The document ends without calling _addInfo: the replacement never ran.
    doc['end'] = () => events.emit('end');
    await expect(endDocument(doc, 'sv-FI')).rejects.toThrow(/document\._addInfo was not called/);
  });
});

describe('on the document pdfmake hands over', () => {
  test('an approved PDF has the fixed bookmarks and XMP metadata, and passes PDF/A-1b preflight where installed', async () => {
    const view = miniWithStatus('approved').views['fi']!;
    const path = join(tempDir(), 'approved-fi.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const outlines = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', path], { encoding: 'utf8' })) as { outlines: { dest: unknown[] }[] };
    expect(outlines.outlines.length).toBeGreaterThan(0);
    for (const entry of outlines.outlines) {
      expect(entry.dest[1]).toBe('/XYZ');
      expect(entry.dest[2]).toBe(0);
      expect([595.28, 841.89]).toContain(entry.dest[3]);
    }
    const xmp = pdfXmp(path);
    expect(xmp).toMatch(/<xmp:ModifyDate>[^<]+<\/xmp:ModifyDate>/);
    expect(xmp).toContain('<rdf:li>fi-FI</rdf:li>');
    if (preflightAvailable()) {
      const result = preflight(path);
      expect(result.valid, result.report).toBe(true);
    }
  });
});
