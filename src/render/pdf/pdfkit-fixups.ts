/**
 * The pdfkit fix-ups PDF/A needs: the one place that reaches into pdfkit's document object (pdfkit 0.19; `outline`,
 * `_addInfo` and `appendXML` are not public API). pdfmake hands over the pdfkit document laid out and drawn but not
 * yet ended (its OutputDocument.getStream); endDocument fixes it up, ends it and collects the bytes.
 *
 * - Bookmarks: pdfkit points them at the page's right edge (left = page width) and leaves out /Count, which PDF/A-1
 *   requires.
 * - XMP metadata: PDF/A wants it to match the info dictionary; pdfkit leaves out xmp:ModifyDate and does not escape
 *   XML.
 *
 * Every part of pdfkit's document these use is checked first, and a document of another shape is an error
 * (PdfKitShapeError): a pdfkit release that moves them fails the render and the tests, instead of quietly giving
 * PDFs that are no longer PDF/A.
 */

/** pdfkit's document is not the shape the fix-ups were written for. */
export class PdfKitShapeError extends Error {
  override name = 'PdfKitShapeError';
}

function unexpected(what: string): never {
  throw new PdfKitShapeError(`pdfkit's document is not what the PDF/A fix-ups in src/render/pdf/pdfkit-fixups.ts expect (written for pdfkit 0.19): ${what}`);
}

/** A bookmark as pdfkit keeps it (PDFOutline). */
interface PdfKitOutline {
  outlineData: Record<string, unknown>;
  options: { expanded?: boolean };
  children: PdfKitOutline[];
}

/** The parts of pdfkit's document that endDocument uses. */
interface PdfKitDocument {
  outline: PdfKitOutline;
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  read(size?: number): Buffer | null;
  end(): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A bookmark's destination: [page, 'XYZ', left, top, zoom], the page with its /MediaBox. */
function checkDestination(dest: unknown, path: string): void {
  if (!Array.isArray(dest) || dest.length !== 5 || dest[1] !== 'XYZ') unexpected(`${path}.outlineData.Dest is not [page, 'XYZ', left, top, zoom]`);
  const page = dest[0] as { data?: { MediaBox?: unknown } } | undefined;
  const box = page?.data?.MediaBox;
  if (!Array.isArray(box) || typeof box[3] !== 'number') unexpected(`${path}.outlineData.Dest[0] is not a page with a /MediaBox`);
}

function checkOutline(node: unknown, path: string): asserts node is PdfKitOutline {
  if (!isRecord(node) || !isRecord(node['outlineData']) || !isRecord(node['options']) || !Array.isArray(node['children'])) {
    unexpected(`${path} is not a bookmark { outlineData, options, children }`);
  }
  node['children'].forEach((child: unknown, index: number) => {
    const childPath = `${path}.children[${index}]`;
    checkOutline(child, childPath);
    checkDestination(child.outlineData['Dest'], childPath);
  });
}

/** Checks the shape of what pdfmake handed over; returns it typed. */
function pdfKitDocument(value: unknown): PdfKitDocument {
  if (!isRecord(value)) unexpected('pdfmake handed over no document object');
  for (const method of ['on', 'read', 'end', 'appendXML', '_addInfo']) {
    if (typeof value[method] !== 'function') unexpected(`document.${method} is not a function`);
  }
  if (!isRecord(value['info'])) unexpected('document.info is not an object');
  checkOutline(value['outline'], 'document.outline');
  return value as unknown as PdfKitDocument;
}

/**
 * Bookmarks: point each at the top-left corner of its page, keeping the zoom, and count the visible descendants
 * (negative for closed items), as PDF/A-1 requires.
 */
function fixOutline(root: PdfKitOutline): void {
  const visit = (node: PdfKitOutline): number => {
    let visible = 0;
    for (const child of node.children) {
      const dest = child.outlineData['Dest'] as [{ data: { MediaBox: number[] } }, 'XYZ', number, number, number];
      child.outlineData['Dest'] = [dest[0], 'XYZ', 0, dest[0].data.MediaBox[3], 0];
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
 * XMP metadata that matches the info dictionary: pdfkit's own structure, plus xmp:ModifyDate and dc:language, XML
 * escaped. Replaces the document's _addInfo, which pdfkit calls once as the document ends; returns whether it ran.
 */
function xmpInfo(doc: PdfKitDocument, language: string | undefined): () => boolean {
  const append = doc.appendXML.bind(doc);
  let written = false;
  doc._addInfo = () => {
    written = true;
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
  return () => written;
}

/** Ends the pdfkit document and collects its bytes. */
function collect(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('readable', () => {
      let chunk: Buffer | null;
      while ((chunk = doc.read()) !== null) chunks.push(chunk);
    });
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
    doc.end();
  });
}

/**
 * Applies the fix-ups to the document pdfmake handed over (OutputDocument.getStream), ends it and returns its bytes.
 * Throws PdfKitShapeError when the document is not the shape the fix-ups expect.
 */
export async function endDocument(handedOver: unknown, language: string | undefined): Promise<Buffer> {
  const doc = pdfKitDocument(handedOver);
  fixOutline(doc.outline);
  const xmpWritten = xmpInfo(doc, language);
  const bytes = await collect(doc);
  if (!xmpWritten()) unexpected('document._addInfo was not called as the document ended, so the XMP metadata is written some other way now');
  return bytes;
}
