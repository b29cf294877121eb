/**
 * The one module that reaches into pdfmake's and pdfkit's internals, written for pdfmake 0.3.11 and pdfkit 0.19.1
 * (PINNED; checked against the installed packages before every render). Everything else in src/render/pdf uses
 * pdfmake's document definition only. It stays one file, over 300 lines, so that everything pinned to those two
 * versions is in one place, to check and to replace when either changes.
 *
 * Why: pdfmake lays the document out and draws it in one call, with no hook between the layout and the drawing, and
 * tags nothing (its `tagged` option only marks the catalog). Its layout keeps the definition's own properties on the
 * words it lays out, so the structure marks tags.ts writes on the definition's text come out of the layout on each
 * word. This module wraps pdfmake's renderer (`Renderer.prototype.renderPages`, and for that one document its
 * `renderLine`, `renderVector`, `renderImage`, `renderSVG`, `renderWatermark`) and pdfkit's `text`, `opacity` and
 * `annotate` on that document, and with pdfkit's marked-content API (`markStructureContent`, `markContent`,
 * `endMarkedContent`) puts each run of words in the marked content of its structure element, and everything else
 * (rules, fills, list bullets, the running header and footer, the watermark, a table's header row where pdfmake
 * repeats it) in an artifact. It then writes the structure tree itself (StructElem objects with their /K, /Pg, /A,
 * /Lang, /Alt; the parent tree; OBJR entries for link annotations), because pdfkit's own structure elements put a
 * link annotation's /Pg on whatever page is current when they are written.
 *
 * It also fixes what PDF/A-1 needs and pdfkit leaves out (bookmarks to the top-left corner with /Count, XMP metadata
 * matching the info dictionary, with the PDF/UA identification and its extension schema), and draws the watermark
 * first on each page instead of last (opaque, behind the content: PDF/A-1 forbids transparency).
 *
 * Every part of pdfmake and pdfkit used is checked first; anything of another shape, text that comes out of the
 * layout without its mark, or a render that never passed through the hook is a PdfShapeError: a pdfmake or pdfkit
 * release that changes them fails the build and test/pdf/adapter.test.ts instead of producing untagged PDFs.
 */
import { createRequire } from 'node:module';
import { TAG_KEY, isArtifact, leafText, type ArtifactMark, type Mark, type StructNode, type StructTree } from './tags.ts';

export const PINNED = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

/** pdfmake or pdfkit is not the shape (or version) this module was written for. */
export class PdfShapeError extends Error {
  override name = 'PdfShapeError';
}

function unexpected(what: string): never {
  throw new PdfShapeError(`pdfmake ${PINNED.pdfmake} / pdfkit ${PINNED.pdfkit} are what src/render/pdf/adapter.ts was written for, and this is not their shape: ${what}`);
}

const require = createRequire(import.meta.url);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

/** The versions of pdfmake and of the pdfkit that pdfmake itself loads. */
export function installedVersions(): { pdfmake: string; pdfkit: string } {
  const fromPdfmake = createRequire(require.resolve('pdfmake'));
  return { pdfmake: String((require('pdfmake/package.json') as { version: unknown }).version), pdfkit: String((fromPdfmake('pdfkit/package.json') as { version: unknown }).version) };
}

/** Throws unless the installed pdfmake and pdfkit are the pinned ones. */
export function checkVersions(found: { pdfmake: string; pdfkit: string } = installedVersions()): void {
  if (found.pdfmake !== PINNED.pdfmake || found.pdfkit !== PINNED.pdfkit) {
    throw new PdfShapeError(
      `src/render/pdf/adapter.ts is written for pdfmake ${PINNED.pdfmake} and pdfkit ${PINNED.pdfkit}, and pdfmake ${found.pdfmake} with pdfkit ${found.pdfkit} is installed: run test/pdf/adapter.test.ts and the PDF/UA checks against the new versions, then update PINNED`,
    );
  }
}

// ---------------------------------------------------------------- the parts of pdfkit used

interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

interface PdfPage {
  dictionary: PdfRef;
  annotations: PdfRef[];
  /** The page's key in the parent tree (a getter that makes one the first time). */
  readonly structParentTreeKey: unknown;
}

interface PdfNumberTree {
  add(key: number, value: unknown): unknown;
  get(key: number): unknown;
}

interface PdfKitDocument {
  page: PdfPage;
  outline: PdfKitOutline;
  info: Record<string, unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
  read(size?: number): Buffer | null;
  readonly readableFlowing?: boolean | null;
  end(): void;
  ref(data?: Record<string, unknown>): PdfRef;
  text(...args: unknown[]): unknown;
  opacity(...args: unknown[]): unknown;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  addPage(...args: unknown[]): unknown;
  addContent(operators: string): unknown;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): PdfNumberTree;
  createStructParentTreeNextKey(): number;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/** A bookmark as pdfkit keeps it (PDFOutline). */
interface PdfKitOutline {
  outlineData: Record<string, unknown>;
  options: { expanded?: boolean };
  children: PdfKitOutline[];
}

const documentMethods = ['on', 'removeListener', 'read', 'end', 'ref', 'addPage', 'addContent', 'text', 'opacity', 'annotate', 'getStructTreeRoot', 'getStructParentTree', 'createStructParentTreeNextKey', 'appendXML', '_addInfo'];

function pdfKitDocument(value: unknown): PdfKitDocument {
  if (!isRecord(value)) unexpected('pdfmake handed over no document object');
  for (const method of documentMethods) if (!isFunction(value[method])) unexpected(`document.${method} is not a function`);
  if (!isRecord(value['info'])) unexpected('document.info is not an object');
  checkOutline(value['outline'], 'document.outline');
  return value as unknown as PdfKitDocument;
}

function checkPage(doc: PdfKitDocument): void {
  const page = doc.page as unknown;
  if (!isRecord(page) || !isRecord(page['dictionary']) || !isRecord((page['dictionary'] as Record<string, unknown>)['data']) || !Array.isArray(page['annotations'])) unexpected('document.page is not a page { dictionary: { data }, annotations: [] }');
}

// ---------------------------------------------------------------- the parts of pdfmake used

interface PdfmakeInline {
  text: string;
  background?: unknown;
  decoration?: unknown;
  [TAG_KEY]?: Mark;
}

interface PdfmakeLine {
  inlines: PdfmakeInline[];
}

interface PdfmakePage {
  items: { type: string; item: Record<string, unknown> }[];
  watermark?: unknown;
}

interface PdfmakeRenderer {
  pdfDocument: unknown;
  renderPages(pages: PdfmakePage[]): void;
  renderLine(line: PdfmakeLine, x: number, y: number): void;
  renderVector(vector: unknown): void;
  renderImage(image: Record<string, unknown>): void;
  renderSVG(svg: Record<string, unknown>): void;
  renderWatermark(page: PdfmakePage): void;
}

const rendererMethods = ['renderPages', 'renderLine', 'renderVector', 'renderImage', 'renderSVG', 'renderWatermark'] as const;

/** pdfmake's renderer class (js/Renderer.js, which its printer requires): the module the hook is installed in. */
export function pdfmakeRenderer(): { prototype: PdfmakeRenderer } {
  const fromPdfmake = createRequire(require.resolve('pdfmake'));
  let module: unknown;
  try {
    module = fromPdfmake('./Renderer');
  } catch (error) {
    unexpected(`pdfmake has no js/Renderer.js (${(error as Error).message})`);
  }
  const Renderer = isRecord(module) ? module['default'] : undefined;
  if (!isFunction(Renderer) || !isRecord(Renderer.prototype)) unexpected('js/Renderer.js exports no default class');
  for (const method of rendererMethods) if (!isFunction((Renderer.prototype as Record<string, unknown>)[method])) unexpected(`Renderer.prototype.${method} is not a function`);
  return Renderer as unknown as { prototype: PdfmakeRenderer };
}

// ---------------------------------------------------------------- tagging one render

/** What a leaf's content is, in drawing order: marked content, inline elements, link annotations. */
type Kid = { mcid: number; page: PdfRef } | { annotation: PdfRef; page: PdfRef } | StructNode;

const sessions = new WeakMap<StructTree, TaggingSession>();

/** The tagging of one document: from the definition's structure tree to the PDF's. */
export class TaggingSession {
  readonly tree: StructTree;
  /** Whether pdfmake's rendering of the document went through the hook. */
  ran = false;
  /** The PDF's bytes, copied out of pdfkit's stream as it writes them (see OutputBytes). */
  readonly output: OutputBytes;
  private doc: PdfKitDocument | undefined;
  private current: Mark | undefined;
  /** The lines of table header rows already drawn: pdfmake draws them again on each page with the same words. */
  private readonly drawnHeaders = new WeakSet<object>();
  private readonly annotations: [number, StructNode][] = [];
  private readonly layout: ArtifactMark;
  private readonly repeated: ArtifactMark;
  private readonly watermark: ArtifactMark;
  private line: { inlines: PdfmakeInline[]; marks: Mark[]; index: number; decorated: boolean } | undefined;
  /** The marks of the line drawn just before, while nothing else has been drawn since (an ordered list's number follows it). */
  private previousLine: Mark[] | undefined;

  constructor(tree: StructTree, sink?: BlockSink) {
    this.tree = tree;
    this.output = new OutputBytes(sink);
    this.layout = { artifact: 'Layout', tree };
    this.repeated = { artifact: 'Pagination', tree };
    this.watermark = { artifact: 'Pagination', subtype: 'Watermark', tree };
  }

  /** Adds to the content of `node` (kept on the element: lists of their exact size at first, most get one item). */
  private addKid(node: StructNode, kid: Kid): void {
    const kids = node.drawn;
    if (kids) {
      kids.push(kid);
      return;
    }
    node.drawn = [kid];
    // An inline element takes its place in its leaf where its first words are drawn.
    if (node.inline) this.addKid(node.parent!, node);
  }

  /**
   * Ends the current marked content and begins the one of `mark` (consecutive equal artifacts stay one), in one
   * write of the operators: what pdfkit's markStructureContent and endMarkedContent write, without the bookkeeping
   * objects they make for each of the 40,000 sequences of a 300-page document. The MCID is the next of the page's
   * entries in the parent tree, as markStructureContent takes it.
   */
  private switchTo(mark: Mark): void {
    const current = this.current;
    if (mark === current) return;
    if (current && isArtifact(current) && isArtifact(mark) && current.artifact === mark.artifact && current.subtype === mark.subtype && current.attached === mark.attached) return;
    const doc = this.doc!;
    let operators = current ? 'EMC\n' : '';
    if (isArtifact(mark)) {
      operators += `/Artifact <</Type /${mark.artifact}${mark.subtype ? ` /Subtype /${mark.subtype}` : ''}${mark.attached ? ` /Attached [/${mark.attached}]` : ''}>> BDC`;
    } else {
      const page = doc.page;
      const key = page.structParentTreeKey;
      const entries = typeof key === 'number' ? doc.getStructParentTree().get(key) : undefined;
      if (!Array.isArray(entries)) unexpected("page.structParentTreeKey does not name the page's entry in the parent tree");
      const mcid = entries.length;
      entries.push(null);
      operators += `/${mark.type} <</MCID ${mcid}>> BDC`;
      this.addKid(mark, { mcid, page: page.dictionary });
    }
    doc.addContent(operators);
    this.current = mark;
  }

  private endMarking(): void {
    if (this.current) this.doc!.addContent('EMC');
    this.current = undefined;
  }

  /** The element a run of words belongs to. */
  private markOf(inline: PdfmakeInline): Mark {
    const mark = inline[TAG_KEY];
    if (mark === undefined) {
      const label = this.pendingLabel();
      if (!label) unexpected(`pdfmake drew words that carry no structure mark: "${String(inline.text)}" (tags.ts marks every run of the definition's text; pdfmake no longer carries them onto its words, or draws text of its own)`);
      return label;
    }
    if (mark.tree !== this.tree) unexpected('a run of words carries the mark of another document');
    return mark;
  }

  /** pdfmake draws an ordered list item's number right after the item's first line: the label of that line's item. */
  private pendingLabel(): StructNode | undefined {
    for (const mark of this.previousLine ?? []) {
      if (isArtifact(mark)) continue;
      for (let node: StructNode | undefined = mark; node; node = node.parent) {
        if (node.type === 'LI' && node.label && !node.label.drawn) return node.label;
      }
    }
    return undefined;
  }

  /** Renders pdfmake's pages through the original renderPages, tagging what it draws. */
  render(renderer: PdfmakeRenderer, pages: PdfmakePage[], renderPages: (this: PdfmakeRenderer, pages: PdfmakePage[]) => void): void {
    const doc = pdfKitDocument(renderer.pdfDocument);
    this.doc = doc;
    this.output.follow(doc);
    const proto = Object.getPrototypeOf(renderer) as PdfmakeRenderer;
    const text = doc.text;
    const opacity = doc.opacity;
    const annotate = doc.annotate;
    const addPage = doc.addPage;
    let pageIndex = -1;
    const onPage = (): void => {
      checkPage(doc);
      // The page just drawn is never read again: its laid-out lines can go (most of the layout's memory).
      const done = pages[pageIndex];
      if (done) done.items = [];
      // pdfkit ended the previous page's marked content with the page.
      this.current = undefined;
      this.previousLine = undefined;
      const page = pages[++pageIndex];
      // The watermark first, behind everything else: opaque, as PDF/A-1 wants it.
      if (page?.watermark) {
        this.switchTo(this.watermark);
        proto.renderWatermark.call(renderer, page);
      }
    };
    const self = this;
    const overrides: Partial<PdfmakeRenderer> = {
      renderLine(line, x, y) {
        self.drawLine(line, renderer, x, y, proto.renderLine);
      },
      renderVector(vector) {
        self.previousLine = undefined;
        self.switchTo(self.layout);
        proto.renderVector.call(renderer, vector);
      },
      renderImage(image) {
        self.previousLine = undefined;
        self.switchTo(self.figure(image));
        proto.renderImage.call(renderer, image);
      },
      renderSVG(svg) {
        self.previousLine = undefined;
        self.switchTo(self.figure(svg));
        proto.renderSVG.call(renderer, svg);
      },
      renderWatermark() {
        // Drawn at the start of the page (onPage).
      },
    };
    const documentOverrides = {
      addPage(...args: unknown[]) {
        // The page's marked content ends with it (pdfkit ends the page as the next one is added).
        self.endMarking();
        return addPage.apply(doc, args);
      },
      text(...args: unknown[]) {
        self.beforeText();
        const result = text.apply(doc, args);
        self.afterText();
        return result;
      },
      opacity(...args: unknown[]) {
        // pdfmake sets each run's opacity and colour before its words: they belong in the run's marked content.
        const line = self.line;
        if (line && line.index + 1 < line.marks.length) self.switchTo(line.marks[line.index + 1]!);
        return opacity.apply(doc, args);
      },
      annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>) {
        if (!isRecord(options) || options['Subtype'] !== 'Link') return annotate.call(doc, x, y, w, h, options);
        const link = self.current;
        if (!link || isArtifact(link) || link.type !== 'Link') unexpected(`a link annotation drawn outside a Link element (in ${link ? (isArtifact(link) ? 'an artifact' : link.type) : 'no marked content'})`);
        const key = doc.createStructParentTreeNextKey();
        options['StructParent'] = key;
        // The link's alternate description (PDF/UA 7.18.5): its words, or where it has none its address.
        const action = isRecord(options['A']) && isRecord(options['A']['data']) ? (options['A']['data']['URI'] ?? options['A']['data']['D']) : undefined;
        options['Contents'] = new String(leafText(link).trim() || String(action ?? ''));
        const result = annotate.call(doc, x, y, w, h, options);
        const annotation = doc.page.annotations.at(-1);
        if (!annotation || annotation.data['StructParent'] !== key) unexpected('annotate did not add the annotation to page.annotations');
        self.addKid(link, { annotation, page: doc.page.dictionary });
        self.annotations.push([key, link]);
        return result;
      },
    };
    Object.assign(renderer, overrides);
    Object.assign(doc, documentOverrides);
    doc.on('pageAdded', onPage);
    try {
      renderPages.call(renderer, pages);
      this.endMarking();
    } finally {
      doc.removeListener('pageAdded', onPage);
      for (const key of Object.keys(overrides)) delete (renderer as unknown as Record<string, unknown>)[key];
      for (const key of Object.keys(documentOverrides)) delete (doc as unknown as Record<string, unknown>)[key];
    }
    if (pageIndex + 1 !== pages.length) unexpected(`pdfkit announced ${pageIndex + 1} of ${pages.length} pages (its pageAdded event)`);
    this.writeTree();
    this.ran = true;
  }

  private figure(node: Record<string, unknown>): Mark {
    const mark = node[TAG_KEY] as Mark | undefined;
    if (!mark || isArtifact(mark) || mark.type !== 'Figure') unexpected('an image or drawing without its Figure element (tags.ts gives every image one, with its alternative text)');
    return mark;
  }

  /** Draws one line with pdfmake's renderLine (about 30,000 of them in a 300-page document: nothing is allocated but its marks). */
  private drawLine(line: PdfmakeLine, renderer: PdfmakeRenderer, x: number, y: number, renderLine: PdfmakeRenderer['renderLine']): void {
    const inlines = line.inlines;
    if (!Array.isArray(inlines)) unexpected('a line without inlines');
    // A line drawn a second time (pdfmake repeats a table's header rows on each page with copies of their lines,
    // which share the words) is an artifact: the header is tagged where it is first drawn.
    const first = inlines[0]?.[TAG_KEY];
    const header = first !== undefined && inHeaderRow(first);
    const repeated = header && this.drawnHeaders.has(inlines);
    if (header && !repeated) this.drawnHeaders.add(inlines);
    const marks: Mark[] = [];
    let background = false;
    let decorated = false;
    for (const inline of inlines) {
      marks.push(repeated ? this.repeated : this.markOf(inline));
      background ||= Boolean(inline.background);
      decorated ||= Boolean(inline.decoration);
    }
    // pdfmake draws a line's backgrounds, then its runs one text() each, then its underlines and strike-throughs.
    if (background) this.switchTo(this.layout);
    else if (marks[0]) this.switchTo(marks[0]);
    this.line = { inlines, marks, index: -1, decorated };
    try {
      renderLine.call(renderer, line, x, y);
    } finally {
      const drawnRuns = this.line.index + 1;
      this.line = undefined;
      if (drawnRuns !== inlines.length) unexpected(`renderLine drew ${drawnRuns} text runs for a line of ${inlines.length}`);
    }
    this.previousLine = marks;
    // A word pdfmake broke across lines (too long for its column, or at the zero-width space a long word gets): the
    // element's ActualText gives it whole, so that it is not read as two words.
    const opening = marks[0];
    if (opening && !isArtifact(opening) && /[^\s-]$/u.test(opening.lastWords ?? ' ')) opening.brokenWord = true;
    const last = marks.at(-1);
    if (last && !isArtifact(last)) last.lastWords = String(inlines.at(-1)!.text);
  }

  private beforeText(): void {
    const line = this.line;
    if (!line) {
      // Outside a line: the watermark, or text inside a drawing; both are in marked content already.
      if (!this.current) unexpected('text drawn outside a line and outside any marked content');
      return;
    }
    line.index++;
    const mark = line.marks[line.index];
    if (!mark) unexpected(`renderLine drew more text runs than its line has (${line.marks.length})`);
    this.switchTo(mark);
  }

  private afterText(): void {
    const line = this.line;
    if (line && line.decorated && line.index === line.marks.length - 1) this.switchTo(this.layout);
  }

  /**
   * Writes the structure tree (ISO 32000-1, 14.7): one StructElem per element with its content, and the parent tree.
   * Each element is written as soon as its children are, and pdfkit never reads a written object's data again, so
   * that is dropped as it goes: a 300-page document has some 30,000 elements.
   */
  private writeTree(): void {
    const doc = this.doc!;
    const root = doc.getStructTreeRoot();
    const parentTree = doc.getStructParentTree();
    if (!isRecord(root?.data) || !isFunction(parentTree?.add) || !isFunction(parentTree?.get)) unexpected('getStructTreeRoot/getStructParentTree do not give the StructTreeRoot and its ParentTree');
    // Leaves that got no content (an empty paragraph) are left out; table cells stay, so that rows stay regular.
    const kept = (node: StructNode): boolean => !node.leaf || node.drawn !== undefined || node.type === 'TD' || node.type === 'TH';
    const ids: [string, PdfRef][] = [];
    const links = new Map<StructNode, PdfRef>();
    const write = (node: StructNode, parent: PdfRef): PdfRef => {
      if (node.label && !node.label.drawn) unexpected('an ordered list item whose number pdfmake did not draw right after its first line');
      const kids = node.drawn as Kid[] | undefined;
      if (node.leaf && !kids && node.hasText && node.type !== 'Figure') {
        throw new PdfShapeError(`text of the document was not drawn (pdfmake left it out of the layout): "${leafText(node).slice(0, 80)}"`);
      }
      // /Type StructElem is optional (ISO 32000-1, Table 323) and left out.
      const ref = doc.ref({ S: node.type, P: parent });
      const data = ref.data;
      const k: unknown[] = [];
      let page: PdfRef | undefined;
      let inline = false;
      for (const kid of node.leaf ? (kids ?? []) : node.children) {
        if ('type' in kid) {
          inline ||= node.leaf;
          if (kept(kid)) k.push(write(kid, ref));
        } else if ('mcid' in kid) {
          page ??= kid.page;
          k.push(kid.page === page ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
          const key = kid.page.data['StructParents'];
          const entries = typeof key === 'number' ? parentTree.get(key) : undefined;
          if (!Array.isArray(entries)) unexpected("a page's StructParents entry is not in the parent tree");
          entries[kid.mcid] = ref;
        } else {
          k.push({ Type: 'OBJR', Obj: kid.annotation, Pg: kid.page });
        }
      }
      if (page) data['Pg'] = page;
      data['K'] = k.length === 1 && typeof k[0] === 'number' ? k[0] : k;
      // A word broken across two lines: the element's text whole (where it has no inline elements of its own).
      if (node.brokenWord && node.type !== 'Link' && !inline) data['ActualText'] = new String(leafText(node).replace(/\u200b/g, ''));
      if (node.lang) data['Lang'] = new String(node.lang);
      if (node.alt) data['Alt'] = new String(node.alt);
      if (node.id) {
        data['ID'] = new String(node.id);
        ids.push([node.id, ref]);
      }
      if (node.scope || node.colSpan || node.rowSpan) {
        data['A'] = { O: 'Table', ...(node.scope ? { Scope: node.scope } : {}), ...(node.colSpan ? { ColSpan: node.colSpan } : {}), ...(node.rowSpan ? { RowSpan: node.rowSpan } : {}) };
      }
      if (node.numbering) data['A'] = { O: 'List', ListNumbering: node.numbering };
      if (node.type === 'Link') links.set(node, ref);
      ref.end();
      ref.data = {};
      node.drawn = undefined;
      return ref;
    };
    root.data['K'] = [write(this.tree.root, root)];
    for (const [key, link] of this.annotations) {
      const ref = links.get(link);
      if (!ref) unexpected('a link annotation whose Link element is not in the tree');
      parentTree.add(key, ref);
    }
    if (ids.length > 0) {
      const names = ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([id, ref]) => [new String(id), ref]);
      const idTree = doc.ref({ Names: names });
      idTree.end();
      root.data['IDTree'] = idTree;
    }
  }

}

/** Whether a mark is inside a table's header rows, the lines pdfmake repeats on each page of the table. */
function inHeaderRow(mark: Mark): boolean {
  if (isArtifact(mark)) return false;
  for (let node: StructNode | undefined = mark; node; node = node.parent) if (node.type === 'THead') return true;
  return false;
}

/** The document's tree, from the marks on what pdfmake is about to draw (none: a document tags.ts did not tag). */
function treeOf(pages: PdfmakePage[]): StructTree | undefined {
  for (const page of pages) {
    for (const { type, item } of page.items ?? []) {
      if (type === 'line') for (const inline of (item['inlines'] as PdfmakeInline[] | undefined) ?? []) if (inline[TAG_KEY]) return inline[TAG_KEY].tree;
      if ((type === 'image' || type === 'svg') && item[TAG_KEY]) return (item[TAG_KEY] as Mark).tree;
    }
  }
  return undefined;
}

let installed = false;

/** Puts the hook into pdfmake's renderer, once per process; documents without marks render as before. */
function install(): void {
  if (installed) return;
  const Renderer = pdfmakeRenderer();
  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function (this: PdfmakeRenderer, pages: PdfmakePage[]): void {
    if (!Array.isArray(pages)) unexpected('renderPages was not given the laid-out pages');
    const tree = treeOf(pages);
    const session = tree ? sessions.get(tree) : undefined;
    if (!session) return renderPages.call(this, pages);
    session.render(this, pages, renderPages);
  };
  installed = true;
}

/** Starts tagging the document of `tree`: call before pdfmake's createPdf, end with endDocument. */
export function beginTagging(tree: StructTree, sink?: BlockSink): TaggingSession {
  checkVersions();
  install();
  const session = new TaggingSession(tree, sink);
  sessions.set(tree, session);
  return session;
}

// ---------------------------------------------------------------- PDF/A fix-ups: bookmarks and XMP metadata

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

/**
 * Bookmarks: point each at the top-left corner of its page, keeping the zoom, and count the visible descendants
 * (negative for closed items), as PDF/A-1 requires; pdfkit points them at the page's right edge without /Count.
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

/** PDF/A-1 accepts only the XMP schemas it predefines, and others it finds described in the packet: PDF/UA's. */
const pdfuaSchema = `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`;

/**
 * XMP metadata that matches the info dictionary: pdfkit's own structure, plus xmp:ModifyDate and dc:language, XML
 * escaped, and the PDF/UA-1 identification. Replaces the document's _addInfo, which pdfkit calls once as the
 * document ends; returns whether it ran.
 */
function xmpInfo(doc: PdfKitDocument, language: string | undefined, tagged: boolean): () => boolean {
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
    if (tagged) append(pdfuaSchema);
  };
  return () => written;
}

/** Takes each block of a PDF's bytes as it is complete, in order: the renderer writes them to the file as it draws. */
export type BlockSink = (block: Buffer) => void;

/**
 * A PDF's bytes, copied out of pdfkit's stream into blocks of their own as pdfkit writes them (the document is a
 * Readable: in flowing mode each write is a 'data' event as it happens). pdfkit writes every token of an object as a
 * buffer of its own, and those are views of larger ones (a page's compressed content is a few kilobytes of zlib's
 * 64 KB output buffer, a short string a slice of Node's 64 KB pool): left in the stream's buffer until it is read,
 * they outlive the young generation and stay until the next full collection, many times the bytes they hold
 * (bench/RESULTS.md, (f) and tagging); the cross-reference table is written in one go as the document ends.
 */
class OutputBytes {
  private static readonly blockSize = 256 * 1024;
  private readonly blocks: Buffer[] = [];
  private block: Buffer = Buffer.allocUnsafeSlow(0);
  private used = 0;
  private followed: PdfKitDocument | undefined;
  /** Where each full block goes as soon as it is full (the file being written), instead of being kept. */
  private readonly sink: BlockSink | undefined;

  constructor(sink?: BlockSink) {
    this.sink = sink;
  }

  /** Takes what the document has written so far, and from now on each write as it happens. */
  follow(doc: PdfKitDocument): void {
    if (this.followed === doc) return;
    this.followed = doc;
    let chunk: Buffer | null;
    while ((chunk = doc.read()) !== null) this.add(chunk);
    doc.on('data', (data) => this.add(data as Uint8Array));
    // Else its writes would wait in its buffer, and the document would never end.
    if (doc.readableFlowing !== true) unexpected("pdfkit's document did not start flowing when a 'data' listener was added");
  }

  add(chunk: Uint8Array): void {
    if (chunk.length <= this.block.length - this.used) {
      this.block.set(chunk, this.used);
      this.used += chunk.length;
      return;
    }
    for (let at = 0; at < chunk.length; ) {
      if (this.used === this.block.length) {
        if (this.block.length > 0) {
          if (this.sink) this.sink(this.block);
          else this.blocks.push(this.block);
        }
        this.block = Buffer.allocUnsafeSlow(OutputBytes.blockSize);
        this.used = 0;
      }
      const copied = Math.min(chunk.length - at, this.block.length - this.used);
      this.block.set(chunk.subarray(at, at + copied), this.used);
      this.used += copied;
      at += copied;
    }
  }

  /** The bytes not yet handed to the sink (all of them, without one), in the blocks they were copied into. */
  parts(): Buffer[] {
    return [...this.blocks, this.block.subarray(0, this.used)];
  }
}

/** Ends the pdfkit document and collects its bytes (after those already taken out). */
function collect(doc: PdfKitDocument, output = new OutputBytes()): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    output.follow(doc);
    doc.on('end', () => resolve(output.parts()));
    doc.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
    doc.end();
  });
}

/**
 * Finishes the document pdfmake handed over (OutputDocument.getStream): checks that it was tagged (when a session
 * is given), fixes its bookmarks and metadata, ends it and returns its bytes. Throws PdfShapeError when the document
 * is not the shape this module expects.
 */
export async function endDocument(handedOver: unknown, language: string | undefined, session?: TaggingSession): Promise<Buffer> {
  return Buffer.concat(await endDocumentParts(handedOver, language, session));
}

/** endDocument, its bytes in the blocks they were collected in: written to a file, the PDF is never copied whole. */
export async function endDocumentParts(handedOver: unknown, language: string | undefined, session?: TaggingSession): Promise<Buffer[]> {
  const doc = pdfKitDocument(handedOver);
  if (session && !session.ran) {
    unexpected('pdfmake rendered the document without passing through the tagging hook (Renderer.prototype.renderPages), or its words no longer carry the marks of the definition');
  }
  fixOutline(doc.outline);
  const xmpWritten = xmpInfo(doc, language, session !== undefined);
  const bytes = await collect(doc, session?.output);
  if (!xmpWritten()) unexpected('document._addInfo was not called as the document ended, so the XMP metadata is written some other way now');
  return bytes;
}
