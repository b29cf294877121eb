/**
 * The one module that reaches into pdfmake and pdfkit (src/render/pdf/adapter.ts) fails loudly when they are not what
 * it was written for: another version installed, a renderer of another shape, words that come out of pdfmake's
 * layout without the structure marks of the definition, a pdfkit document without the parts the PDF/A fix-ups use.
 * In each case the render is an error (PdfShapeError), never a PDF without its tags. That a render of the expected
 * shape is tagged, PDF/UA and PDF/A is tested in tagged.test.ts and pdfua.test.ts.
 */
import { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDocDefinition, renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { PINNED, PdfShapeError, beginTagging, checkVersions, endDocument, installedVersions, pdfmakeRenderer } from '../../src/render/pdf/adapter.ts';
import { fontDescriptors } from '../../src/render/pdf/fonts.ts';
import { TAG_KEY, tagDefinition } from '../../src/render/pdf/tags.ts';
import type { TDocumentDefinitions } from '../../src/render/pdf/types.ts';
import type { ViewModel } from '../../src/view/types.ts';
import { miniViews, miniWithStatus, pdfXmp, removeTempDirs, tempDir } from './helpers.ts';

let view: ViewModel;
beforeAll(() => {
  view = miniViews()['sv']!;
  pdfmake.setFonts(fontDescriptors());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
});
afterAll(removeTempDirs);

/** Renders `definition` as renderDefinition does, with `sabotage` done to it after it is tagged. */
async function renderSabotaged(definition: TDocumentDefinitions, sabotage: (runs: Record<string, unknown>[]) => void): Promise<Buffer> {
  const { tree } = tagDefinition(definition);
  const runs: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    if (TAG_KEY in node) runs.push(node);
    for (const key of ['text', 'stack', 'columns', 'ul', 'ol']) if (key in node) collect(node[key]);
    if (typeof node['table'] === 'object') collect((node['table'] as { body: unknown }).body);
  };
  collect(definition.content);
  sabotage(runs);
  const session = beginTagging(tree);
  return endDocument(await pdfmake.createPdf({ ...definition, tagged: true }).getStream(), definition.language, session);
}

describe('the pinned versions', () => {
  test('the installed pdfmake and the pdfkit it loads are the ones the adapter was written for', () => {
    expect(installedVersions()).toEqual(PINNED);
    expect(() => checkVersions()).not.toThrow();
  });

  test.each([
    ['pdfmake', { pdfmake: '0.3.12', pdfkit: PINNED.pdfkit }],
    ['pdfkit', { pdfmake: PINNED.pdfmake, pdfkit: '0.20.0' }],
  ])('another %s is refused, naming both versions', (_name, found) => {
    expect(() => checkVersions(found)).toThrow(PdfShapeError);
    expect(() => checkVersions(found)).toThrow(new RegExp(`written for pdfmake ${PINNED.pdfmake} and pdfkit ${PINNED.pdfkit}.*pdfmake ${found.pdfmake} with pdfkit ${found.pdfkit}`));
  });
});

describe("pdfmake's renderer and layout", () => {
  test('the renderer has every method the hook wraps', () => {
    const renderer = pdfmakeRenderer();
    for (const method of ['renderPages', 'renderLine', 'renderVector', 'renderImage', 'renderSVG', 'renderWatermark']) expect(typeof (renderer.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
  });

  test('words that all lost their marks in the layout fail the render instead of giving an untagged PDF', async () => {
    const definition = buildDocDefinition(view);
    const failure = renderSabotaged(definition, (runs) => {
      runs.forEach((run) => delete run[TAG_KEY]);
      // The running header and footer too, which are tagged as pdfmake asks for them page by page.
      for (const key of ['header', 'footer'] as const) {
        const dynamic = definition[key]!;
        definition[key] = (...args) => JSON.parse(JSON.stringify(dynamic(...args), (name, value: unknown) => (name === TAG_KEY ? undefined : value)));
      }
    });
    await expect(failure).rejects.toThrow(PdfShapeError);
    await expect(failure).rejects.toThrow(/without passing through the tagging hook/);
  });

  test('a single run of words without its mark fails the render, naming the words', async () => {
    const failure = renderSabotaged(buildDocDefinition(view), (runs) => {
      const run = runs.find((r) => r['text'] === view.items['goal-older-home']!.title)!;
      delete run[TAG_KEY];
    });
    await expect(failure).rejects.toThrow(/carry no structure mark: "Allt "/);
  });

  test('a renderer that draws the runs of a line some other way fails the render', async () => {
    const prototype = pdfmakeRenderer().prototype;
    const original = prototype.renderLine;
    // As if pdfmake drew each line as one run of text: the hook can no longer tell whose words are whose.
    prototype.renderLine = function (this: { pdfDocument: { text: (...args: unknown[]) => unknown } }, line: { inlines: { text: string }[] }, x: number, y: number) {
      this.pdfDocument.text(line.inlines.map((inline) => inline.text).join(''), x, y, { lineBreak: false });
    } as typeof original;
    try {
      await expect(renderPdfBuffer(view)).rejects.toThrow(/renderLine drew 1 text runs for a line of \d+/);
    } finally {
      prototype.renderLine = original;
    }
    // And rendering is whole again once the renderer is.
    expect((await renderPdfBuffer(view)).length).toBeGreaterThan(10_000);
  });
});

const page = { data: { MediaBox: [0, 0, 595.28, 841.89] } };

/** A stand-in for pdfkit's document with the parts the adapter uses; `end` calls _addInfo, as pdfkit's does. */
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
    on: (event: string, listener: (...args: unknown[]) => void) => {
      // As a Readable does: a 'data' listener makes it flow.
      if (event === 'data') doc['readableFlowing'] = true;
      return events.on(event, listener);
    },
    removeListener: (event: string, listener: (...args: unknown[]) => void) => events.removeListener(event, listener),
    read: () => null,
    end() {
      (doc['_addInfo'] as () => void)();
      events.emit('end');
    },
  };
  for (const method of ['ref', 'addPage', 'addContent', 'text', 'opacity', 'annotate', 'getStructTreeRoot', 'getStructParentTree', 'createStructParentTreeNextKey']) doc[method] = () => undefined;
  return doc;
}

describe('the PDF/A fix-ups on a document of the expected shape', () => {
  test('bookmarks point at the top-left corner, and the XMP metadata has dc:language', async () => {
    const doc = fakeDocument();
    await endDocument(doc, 'sv-FI');
    const child = (doc['outline'] as { children: { outlineData: Record<string, unknown> }[] }).children[0]!;
    expect(child.outlineData['Dest']).toEqual([page, 'XYZ', 0, 841.89, 0]);
    expect((doc['outline'] as { outlineData: Record<string, unknown> }).outlineData['Count']).toBe(1);
    expect((doc['xml'] as string[]).join('')).toContain('<rdf:li>sv-FI</rdf:li>');
  });

  test('on the document pdfmake hands over: bookmarks /XYZ 0 top, XMP with ModifyDate, language and PDF/UA-1', async () => {
    const path = join(tempDir(), 'approved-fi.pdf');
    writeFileSync(path, await renderPdfBuffer(miniWithStatus('approved').views['fi']!));
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
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // PDF/A-1 accepts another schema's property only with its description.
    expect(xmp).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
  });
});

describe('the PDF/A fix-ups fail loudly when pdfkit has changed', () => {
  type Bookmarks = { children: { outlineData: Record<string, unknown> }[] };
  const firstBookmark = (doc: Record<string, unknown>) => (doc['outline'] as Bookmarks).children[0]!.outlineData;
  /** What breaks, a change to the stand-in (it returns what is handed over), the error's message. */
  const broken: [string, (doc: Record<string, unknown>) => unknown, RegExp][] = [
    ['no document at all', () => undefined, /no document object/],
    ['no _addInfo', (doc) => (delete doc['_addInfo'], doc), /document\._addInfo is not a function/],
    ['no appendXML', (doc) => (delete doc['appendXML'], doc), /document\.appendXML is not a function/],
    ['no addContent', (doc) => (delete doc['addContent'], doc), /document\.addContent is not a function/],
    ['no info', (doc) => (delete doc['info'], doc), /document\.info is not an object/],
    ['no outline', (doc) => (delete doc['outline'], doc), /document\.outline is not a bookmark/],
    ['bookmarks kept elsewhere', (doc) => (delete (doc['outline'] as Record<string, unknown>)['children'], doc), /document\.outline is not a bookmark/],
    ['another kind of destination', (doc) => ((firstBookmark(doc)['Dest'] = [page, 'Fit']), doc), /children\[0\]\.outlineData\.Dest is not \[page, 'XYZ'/],
    ['a destination without its page box', (doc) => ((firstBookmark(doc)['Dest'] = [{}, 'XYZ', 0, 0, 0]), doc), /not a page with a \/MediaBox/],
    ['a document that is no flowing stream', (doc) => ((doc['on'] = () => undefined), doc), /did not start flowing when a 'data' listener was added/],
  ];

  test.each(broken)('%s', async (_name, breakIt, message) => {
    const failure = endDocument(breakIt(fakeDocument()), 'fi-FI');
    await expect(failure).rejects.toThrow(PdfShapeError);
    await expect(failure).rejects.toThrow(message);
  });

  test('the XMP metadata no longer written through _addInfo', async () => {
    const doc = fakeDocument();
    const events = new EventEmitter();
    doc['readableFlowing'] = true;
    doc['on'] = (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener);
    // The document ends without calling _addInfo: the replacement never ran.
    doc['end'] = () => events.emit('end');
    await expect(endDocument(doc, 'sv-FI')).rejects.toThrow(/document\._addInfo was not called/);
  });
});
