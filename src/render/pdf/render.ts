import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { ViewModel } from '../../view/types.ts';
import { buildDocDefinition } from './document.ts';
import { fontDescriptors, localAccessPolicy } from './fonts.ts';
import { installRunMerging } from './runs.ts';
import { installStyleLookup } from './style-lookup.ts';
import type { TDocumentDefinitions } from './types.ts';

export interface RenderOptions {
  /** The strategy folder: the only place besides the fonts the renderer may read local files from. */
  strategyDir?: string;
}

// ---------------------------------------------------------------- pdfkit fix-ups before the document ends

/** The parts of pdfkit's document object the fix-ups touch (pdfkit 0.19; private API, guarded). */
interface PdfKitOutline {
  outlineData: Record<string, unknown>;
  options: { expanded?: boolean };
  children: PdfKitOutline[];
}

interface PdfKitDocument {
  outline?: PdfKitOutline;
  info: Record<string, unknown>;
  _root?: { data: { Lang?: unknown } };
  appendXML?: (xml: string, newline?: boolean) => void;
  _addInfo?: () => void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  read(size?: number): Buffer | null;
  end(): void;
}

/**
 * Bookmarks: pdfkit points them at the page's right edge (left = page width) and leaves out /Count,
 * which PDF/A-1 requires. Point each at the page's top-left corner, keeping the zoom, and count
 * the visible descendants (negative for closed items).
 */
function fixOutline(root: PdfKitOutline): void {
  const visit = (node: PdfKitOutline): number => {
    let visible = 0;
    for (const child of node.children) {
      const dest = child.outlineData['Dest'];
      if (Array.isArray(dest) && dest[1] === 'XYZ') {
        const page = dest[0] as { data?: { MediaBox?: number[] } };
        const height = page.data?.MediaBox?.[3];
        child.outlineData['Dest'] = [dest[0], 'XYZ', 0, typeof height === 'number' ? height : dest[3], 0];
      }
      const below = visit(child);
      const open = child.options.expanded === true;
      if (child.children.length > 0) child.outlineData['Count'] = open ? below : -below;
      // pdfkit would overwrite /Count for expanded items with the number of direct children only.
      child.options = { ...child.options, expanded: false };
      visible += 1 + (open ? below : 0);
    }
    return visible;
  };
  const total = visit(root);
  if (root.children.length > 0) root.outlineData['Count'] = total;
}

const xml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const xmpDate = (value: unknown): string | undefined => (value instanceof Date ? `${value.toISOString().split('.')[0]}Z` : undefined);

/**
 * XMP metadata that matches the info dictionary, as PDF/A requires: pdfkit leaves out xmp:ModifyDate
 * and does not escape XML. Same structure as pdfkit's own, plus ModifyDate and dc:language.
 */
function xmpInfo(doc: PdfKitDocument, language: string | undefined): void {
  if (typeof doc._addInfo !== 'function' || typeof doc.appendXML !== 'function') return;
  const append = doc.appendXML.bind(doc);
  doc._addInfo = () => {
    const info = doc.info;
    const created = xmpDate(info['CreationDate']);
    const modified = xmpDate(info['ModDate']);
    append(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            ${created ? `<xmp:CreateDate>${created}</xmp:CreateDate>` : ''}
            ${modified ? `<xmp:ModifyDate>${modified}</xmp:ModifyDate>` : ''}
            <xmp:CreatorTool>${xml(info['Creator'])}</xmp:CreatorTool>
        </rdf:Description>`);
    const dc: string[] = [];
    if (info['Title']) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info['Title'])}</rdf:li></rdf:Alt></dc:title>`);
    if (info['Author']) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xml(info['Author'])}</rdf:li></rdf:Seq></dc:creator>`);
    if (info['Subject']) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info['Subject'])}</rdf:li></rdf:Alt></dc:description>`);
    if (language) dc.push(`<dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`);
    if (dc.length > 0) append(`
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            ${dc.join('\n            ')}
        </rdf:Description>`);
    append(`
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(info['Producer'])}</pdf:Producer>${info['Keywords'] ? `
            <pdf:Keywords>${xml(info['Keywords'])}</pdf:Keywords>` : ''}
        </rdf:Description>`);
  };
}

/** Ends the pdfkit document and collects its bytes. */
function collect(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    doc.on('readable', () => {
      let chunk: Buffer | null;
      while ((chunk = doc.read()) !== null) chunks.push(chunk);
    });
    doc.on('end', () => resolvePromise(Buffer.concat(chunks)));
    doc.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
    doc.end();
  });
}

// ---------------------------------------------------------------- public API

/** Renders a document definition (see buildDocDefinition) with no network and no file access beyond fonts and the strategy. */
export async function renderDefinition(definition: TDocumentDefinitions, options: RenderOptions = {}): Promise<Buffer> {
  installRunMerging();
  installStyleLookup();
  pdfmake.setFonts(fontDescriptors());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(localAccessPolicy(options.strategyDir ? resolve(options.strategyDir) : undefined));
  const doc = (await pdfmake.createPdf(definition).getStream()) as PdfKitDocument;
  if (doc.outline) fixOutline(doc.outline);
  xmpInfo(doc, definition.language);
  return collect(doc);
}

/** The council PDF of one language as bytes. */
export function renderPdfBuffer(view: ViewModel, options: RenderOptions = {}): Promise<Buffer> {
  return renderDefinition(buildDocDefinition(view), options);
}

/** How one render went: its time, and the rendering process's peak resident memory so far. */
export interface RenderStats {
  path: string;
  ms: number;
  peakRssMB: number;
}

/** renderPdf, timed, with the peak memory of the process that rendered. */
export async function renderPdfWithStats(view: ViewModel, outFile: string, options: RenderOptions = {}): Promise<RenderStats> {
  const started = performance.now();
  await renderPdf(view, outFile, options);
  return { path: outFile, ms: performance.now() - started, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

let temporaryCounter = 0;

/**
 * Writes the PDF atomically: rendered in memory, written to a temporary file beside the target, then renamed.
 * A failed render or write leaves the previous PDF untouched.
 */
export async function renderPdf(view: ViewModel, outFile: string, options: RenderOptions = {}): Promise<void> {
  const bytes = await renderPdfBuffer(view, options);
  const target = resolve(outFile);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${++temporaryCounter}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
