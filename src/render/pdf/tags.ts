/**
 * The PDF's logical structure (PDF/UA-1, ISO 32000-1 14.8), derived from the pdfmake document definition before it
 * is laid out. Pure data, no pdfmake or pdfkit: the builders (document.ts, mdast.ts, redline.ts) say what a node is
 * with a `tag` (a heading and its level, a data table and its row headers, a list laid out as a table, a table of
 * contents, a span in another language ...); lists, table cells, links and the rest follow from the definition
 * itself. tagDefinition walks the content in reading order and
 *
 * - builds the structure tree (Document, H1–H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, TOC/TOCI/Reference/
 *   Link, Span, Figure ...), with the attributes screen readers use (Scope, ColSpan, ListNumbering, Lang, Alt);
 * - writes on every run of text the element it belongs to (`TAG_KEY`), or the artifact it is (running header and
 *   footer, which pdfmake asks for page by page, are wrapped here).
 *
 * What is drawn where is known only after layout: the adapter (adapter.ts) reads the marks off what pdfmake draws,
 * tags it as it is drawn and writes the tree. A node the walk cannot place (a table without a tag, an image without
 * alternative text, pdfmake's own table of contents) is an error here, never untagged output.
 *
 * Over 300 lines because the structure is one walk over the definition in reading order, whose node kinds share
 * the tree being built.
 */
import type { Content, DynamicContent, ListNumbering, TagSpec, TDocumentDefinitions } from './types.ts';

export type { ListNumbering, TagSpec };

/** The standard structure types the PDFs use (ISO 32000-1, 14.8.4). */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'BlockQuote'
  | 'Note'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link'
  | 'Span'
  | 'Code'
  | 'Figure'
  | 'Caption';

/** One element of the structure tree. */
export interface StructNode {
  type: StructType;
  parent: StructNode | undefined;
  /** Structure children in reading order; a leaf's content (and its inline elements) is added as it is drawn. */
  children: StructNode[];
  /** Holds text itself: its marked content is attached when drawn. */
  leaf: boolean;
  /** An inline element (a link, a span) inside a leaf: it takes its place among the leaf's content when first drawn. */
  inline: boolean;
  /** The definition's runs of text that hold the element's words (shared with its leaf); see leafText. */
  runs: Node[][] | undefined;
  /** Whether the element holds words (not only spaces): those must be drawn. */
  hasText: boolean;
  lang: string | undefined;
  alt: string | undefined;
  scope: 'Row' | 'Column' | undefined;
  colSpan: number | undefined;
  rowSpan: number | undefined;
  numbering: ListNumbering | undefined;
  /** A note's identifier (ID), unique in the document. */
  id: string | undefined;
  /** An ordered list item's label, which pdfmake draws from its counter (no text of ours to mark). */
  label: StructNode | undefined;
  /** The tree this element belongs to. */
  tree: StructTree;
  /** Set as the document is drawn (adapter.ts): the element's content in drawing order (marked content, inline
   * elements, link annotations), undefined while it has none. */
  drawn: unknown[] | undefined;
  /** Set as the document is drawn: the words its last line so far ended with, and whether a word broke across lines. */
  lastWords: string | undefined;
  brokenWord: boolean;
}

/** Content that is not part of the document's text (ISO 32000-1, 14.8.2.2). */
export interface ArtifactMark {
  artifact: 'Pagination' | 'Layout';
  /** What kind of pagination artifact (ISO 32000-1, Table 330): the running header, the footer, the watermark. */
  subtype?: 'Header' | 'Footer' | 'Watermark';
  attached?: 'Top' | 'Bottom';
  tree: StructTree;
}

export type Mark = StructNode | ArtifactMark;

export interface StructTree {
  root: StructNode;
  /** The running header's and footer's artifacts. */
  header: ArtifactMark;
  footer: ArtifactMark;
}

/** The property of a run of text (and of an image) that names its element; pdfmake carries it onto the words it lays out. */
export const TAG_KEY = '_structMark';

export class TaggingError extends Error {
  override name = 'TaggingError';
}

export const isArtifact = (mark: Mark): mark is ArtifactMark => 'artifact' in mark;

type Node = Record<string, unknown>;

/** The words of an element as the definition gives them (a page number pdfmake fills in left out). */
export function leafText(node: StructNode): string {
  const owns = (mark: unknown): boolean => {
    for (let n = mark as StructNode | undefined; n; n = n.parent) if (n === node) return true;
    return false;
  };
  return (node.runs ?? [])
    .flat()
    .filter((run) => run['pageReference'] === undefined && owns(run[TAG_KEY]))
    .map((run) => String(run['text'] ?? ''))
    .join('');
}
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (node: Node): TagSpec | 'Artifact' | undefined => node['tag'] as TagSpec | 'Artifact' | undefined;
/** A node's tag where it is not an artifact's. */
const structSpec = (node: Node): TagSpec | undefined => {
  const spec = specOf(node);
  return spec === 'Artifact' ? undefined : spec;
};

/** The text of a definition's text value, as pdfmake flattens it. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(plainText).join('');
  if (isNode(value)) return plainText(value['text'] ?? '');
  return '';
}

/** A text in another language than the document's: every occurrence of these terms is a Span with its Lang. */
export interface LanguagePart {
  lang: string;
  terms: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A StructNode of one shape (a 300-page document has some 30,000). */
class Element implements StructNode {
  type: StructType;
  parent: StructNode | undefined;
  children: StructNode[] = [];
  leaf = false;
  inline = false;
  runs: Node[][] | undefined = undefined;
  hasText = false;
  lang: string | undefined = undefined;
  alt: string | undefined = undefined;
  scope: 'Row' | 'Column' | undefined = undefined;
  colSpan: number | undefined = undefined;
  rowSpan: number | undefined = undefined;
  numbering: ListNumbering | undefined = undefined;
  id: string | undefined = undefined;
  label: StructNode | undefined = undefined;
  tree: StructTree;
  drawn: unknown[] | undefined = undefined;
  lastWords: string | undefined = undefined;
  brokenWord = false;
  constructor(type: StructType, parent: StructNode | undefined, tree: StructTree) {
    this.type = type;
    this.parent = parent;
    this.tree = tree;
  }
}

interface Context {
  /** Inside a data table: Markdown headings there are paragraphs (a heading inside a table row reads wrongly). */
  inTable: boolean;
}

class Tagger {
  readonly tree: StructTree;
  private sectionLevel = 1;
  private notes = 0;
  private lastLevel = 0;
  private readonly parts: { lang: string; pattern: RegExp }[];

  constructor(parts: readonly LanguagePart[]) {
    this.tree = { root: undefined as unknown as StructNode, header: undefined as unknown as ArtifactMark, footer: undefined as unknown as ArtifactMark };
    this.tree.root = new Element('Document', undefined, this.tree);
    this.tree.header = { artifact: 'Pagination', subtype: 'Header', attached: 'Top', tree: this.tree };
    this.tree.footer = { artifact: 'Pagination', subtype: 'Footer', attached: 'Bottom', tree: this.tree };
    this.parts = parts
      .filter((part) => part.terms.length > 0)
      .map((part) => ({
        lang: part.lang,
        // Whole words only, longest first: "Pohjanmaan hyvinvointialue" before "hyvinvointialue".
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...part.terms].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
      }));
  }

  element(type: StructType, parent: StructNode, options: Partial<StructNode> = {}): StructNode {
    const node = Object.assign(new Element(type, parent, this.tree), options);
    if (!node.inline) parent.children.push(node);
    return node;
  }

  // ---------------------------------------------------------------- headings

  /** H1–H6: a section heading's level is its depth; a subheading is one or more below the section it is in, never skipping one. */
  headingType(spec: TagSpec): StructType {
    let level: number;
    if (spec.level !== undefined) {
      level = Math.max(1, spec.level);
      this.sectionLevel = level;
    } else level = Math.min(this.sectionLevel + Math.max(1, spec.below ?? 1), this.lastLevel + 1);
    level = Math.min(6, Math.max(1, level));
    this.lastLevel = level;
    return `H${level}` as StructType;
  }

  // ---------------------------------------------------------------- text

  /** The runs of a text value as pdfmake lays them out (nested arrays flattened, as pdfmake does), each marked. */
  private runs(value: unknown): Node[] {
    const out: Node[] = [];
    const visit = (item: unknown): void => {
      if (Array.isArray(item)) return item.forEach(visit);
      if (isNode(item)) {
        if (Array.isArray(item['text'])) return visit(item['text']);
        out.push({ ...item, text: plainText(item['text'] ?? '') });
        return;
      }
      if (typeof item === 'string' || typeof item === 'number') out.push({ text: String(item) });
    };
    visit(value);
    if (this.parts.length === 0) return out.slice();
    // Terms in another language: split out as spans of their own (at word boundaries, so lines break as before).
    let split: Node[] | undefined;
    for (let i = 0; i < out.length; i++) {
      const pieces = this.splitLanguages(out[i]!);
      if (pieces) (split ??= out.slice(0, i)).push(...pieces);
      else split?.push(out[i]!);
    }
    return split ?? out.slice();
  }

  /** The run split at the terms in another language, or undefined where it has none. */
  private splitLanguages(run: Node): Node[] | undefined {
    const text = run['text'] as string;
    if (specOf(run) !== undefined || run['pageReference'] !== undefined || text === '') return undefined;
    let hits: { start: number; end: number; lang: string }[] | undefined;
    for (const part of this.parts) {
      const pattern = part.pattern;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const start = match.index;
        const end = start + match[0].length;
        if (end === start) pattern.lastIndex++;
        else if (!hits?.some((hit) => start < hit.end && end > hit.start)) (hits ??= []).push({ start, end, lang: part.lang });
      }
    }
    if (!hits) return undefined;
    hits.sort((a, b) => a.start - b.start);
    const pieces: Node[] = [];
    let at = 0;
    for (const hit of hits) {
      if (hit.start > at) pieces.push({ ...run, text: text.slice(at, hit.start) });
      pieces.push({ ...run, text: text.slice(hit.start, hit.end), tag: { type: 'Span', lang: hit.lang } satisfies TagSpec });
      at = hit.end;
    }
    if (at < text.length) pieces.push({ ...run, text: text.slice(at) });
    return pieces;
  }

  /**
   * Marks every run of a text node as the leaf's (or an inline element's inside it: a link, a span), and returns the
   * runs that replace the node's text. `labelOf` gives runs tagged Lbl to the list item's label.
   */
  markText(value: unknown, leaf: StructNode, options: { labelOf?: { label: StructNode; body: StructNode }; link?: unknown; whole?: boolean } = {}): Node[] {
    const runs = this.runs(value);
    const { labelOf } = options;
    let link: { target: unknown; node: StructNode } | undefined;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      const spec = structSpec(run);
      let owner = labelOf ? (spec?.type === 'Lbl' ? labelOf.label : labelOf.body) : leaf;
      // A link of the whole text node (its `link` or `linkToDestination`), or of this run.
      const target = options.whole ? undefined : (run['link'] ?? run['linkToDestination'] ?? run['pageReference'] ?? options.link);
      if (target !== undefined && target !== null) {
        // Consecutive runs to the same target are one link.
        if (!link || link.target !== target || link.node.parent !== owner) {
          link = { target, node: this.element('Link', owner, { inline: true, leaf: true }) };
        }
        owner = link.node;
      } else {
        link = undefined;
        if (spec && (spec.type === 'Span' || spec.type === 'Code')) {
          owner = this.element(spec.type, owner, { inline: true, leaf: true, ...(spec.lang ? { lang: spec.lang } : {}), ...(spec.alt ? { alt: spec.alt } : {}) });
        }
      }
      run[TAG_KEY] = owner;
      if (/\S/.test(run['text'] as string)) for (let node: StructNode | undefined = owner; node && node !== leaf.parent; node = node.parent) {
        node.hasText = true;
        if (node === leaf) break;
      }
    }
    // Every element these runs reach can find its words in them (arrays of their exact size: there are thousands).
    const reached: StructNode[] = labelOf ? [labelOf.label, labelOf.body, leaf] : [leaf];
    for (let i = 0; i < runs.length; i++) {
      const owner = runs[i]![TAG_KEY] as StructNode;
      if (!reached.includes(owner)) reached.push(owner);
    }
    for (const node of reached) node.runs = node.runs ? [...node.runs, runs] : [runs];
    return runs;
  }

  /** A text node as the element `type` (or, with `host`, as the content of that element itself). */
  textNode(node: Node, parent: StructNode, ctx: Context, host?: StructNode): void {
    const spec = structSpec(node);
    if (spec?.type === 'LI') {
      const item = host ?? this.element('LI', parent);
      const label = this.element('Lbl', item, { leaf: true });
      const body = this.element('LBody', item, { leaf: true });
      node['text'] = this.markText(node['text'], body, { labelOf: { label, body }, link: node['link'] ?? node['linkToDestination'] });
      if (!runsOf(label)) item.children.splice(item.children.indexOf(label), 1);
      return;
    }
    let leaf: StructNode;
    if (host) {
      host.leaf = true;
      leaf = host;
    } else {
      let type: StructType = 'P';
      if (spec?.type === 'H') type = ctx.inTable ? 'P' : this.headingType(spec);
      else if (spec) type = spec.type as StructType;
      leaf = this.element(type, parent, { leaf: true, ...(spec?.lang ? { lang: spec.lang } : {}), ...(spec?.alt ? { alt: spec.alt } : {}), ...(type === 'Note' ? { id: `note-${++this.notes}` } : {}) });
    }
    node['text'] = this.markText(textOf(node), leaf, { link: node['link'] ?? node['linkToDestination'] });
    delete node['pageReference'];
  }

  // ---------------------------------------------------------------- blocks

  /** The node's only content, where it is a single text node (through stacks without a tag of their own). */
  private soleText(value: unknown): Node | undefined {
    if (Array.isArray(value)) return value.length === 1 ? this.soleText(value[0]) : undefined;
    if (typeof value === 'string') return undefined;
    if (!isNode(value)) return undefined;
    if ('text' in value || value['pageReference'] !== undefined) {
      // A cell's own kind (TH, TD) is the host's, not its text's.
      const spec = specOf(value);
      return spec === undefined || (spec !== 'Artifact' && (spec.type === 'P' || spec.type === 'TH' || spec.type === 'TD')) ? value : undefined;
    }
    if (specOf(value) === undefined && Array.isArray(value['stack'])) return this.soleText(value['stack']);
    return undefined;
  }

  /** Content inside `host` (a cell, a list item's body): text alone becomes the host's own content, anything else its children. */
  hosted(value: Content, host: StructNode, ctx: Context): Content {
    const sole = this.soleText(value);
    if (sole) {
      this.textNode(sole, host.parent!, ctx, host);
      return value;
    }
    return this.walk(value, host, ctx);
  }

  walk(value: Content, parent: StructNode, ctx: Context): Content {
    if (typeof value === 'string' || typeof value === 'number') {
      const node: Node = { text: String(value) };
      this.textNode(node, parent, ctx);
      return node as Content;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.walk(value[i]!, parent, ctx);
      return value;
    }
    if (!isNode(value)) return value;
    const node = value;
    const spec = specOf(node);
    if (spec === 'Artifact') {
      markArtifact(node, { artifact: 'Layout', tree: this.tree });
      return value;
    }
    if (node['section'] !== undefined) {
      node['section'] = this.walk(node['section'] as Content, parent, ctx);
      return value;
    }
    if ('text' in node || node['pageReference'] !== undefined) {
      this.textNode(node, parent, ctx);
      return value;
    }
    if (Array.isArray(node['stack']) || Array.isArray(node['columns'])) {
      const key = Array.isArray(node['stack']) ? 'stack' : 'columns';
      if (spec?.type === 'L') {
        const list = this.element('L', parent, { numbering: spec.numbering ?? 'None' });
        for (const item of node[key] as Content[]) {
          if (!isNode(item) || !('text' in item) || structSpec(item)?.type !== 'LI') throw new TaggingError(`a list laid out as a ${key} holds a node that is not a list item (tag LI): ${JSON.stringify(item).slice(0, 120)}`);
          this.textNode(item, list, ctx);
        }
        return value;
      }
      const element = spec ? this.element(spec.type as StructType, parent, { ...(spec.lang ? { lang: spec.lang } : {}), ...(spec.type === 'Note' ? { id: `note-${++this.notes}` } : {}) }) : parent;
      this.walk(node[key] as Content[], element, ctx);
      return value;
    }
    if (Array.isArray(node['ul']) || Array.isArray(node['ol'])) {
      this.list(node, parent, ctx);
      return value;
    }
    if (isNode(node['table'])) {
      this.table(node, parent, ctx);
      return value;
    }
    if (node['image'] !== undefined || node['svg'] !== undefined) {
      if (spec === undefined || spec.type !== 'Figure' || !spec.alt) throw new TaggingError('an image or drawing in the PDF needs a Figure tag with its alternative text (tag: { type: "Figure", alt })');
      node[TAG_KEY] = this.element('Figure', parent, { leaf: true, alt: spec.alt });
      return value;
    }
    if (node['canvas'] !== undefined) return value; // lines and shapes: drawn as layout artifacts
    if (node['toc'] !== undefined) throw new TaggingError("pdfmake's own table of contents cannot be tagged: build it with a TOC tag (document.ts tableOfContents)");
    throw new TaggingError(`a node the PDF's structure has no place for: ${JSON.stringify(node).slice(0, 160)}`);
  }

  list(node: Node, parent: StructNode, ctx: Context): void {
    const ordered = Array.isArray(node['ol']);
    const items = (ordered ? node['ol'] : node['ul']) as Content[];
    const type = typeof node['type'] === 'string' ? node['type'] : ordered ? 'decimal' : 'disc';
    const numberings: Record<string, ListNumbering> = { disc: 'Disc', circle: 'Circle', square: 'Square', decimal: 'Decimal', 'upper-roman': 'UpperRoman', 'lower-roman': 'LowerRoman', 'upper-alpha': 'UpperAlpha', 'lower-alpha': 'LowerAlpha', none: 'None' };
    const numbering: ListNumbering = numberings[type] ?? 'None';
    const list = this.element('L', parent, { numbering });
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const entry = this.element('LI', list);
      const nested = isNode(item) && (Array.isArray(item['ul']) || Array.isArray(item['ol']));
      // pdfmake draws an ordered item's number itself: its label is filled in as it is drawn (adapter.ts).
      if (ordered && !nested && numbering !== 'None') entry.label = this.element('Lbl', entry, { leaf: true });
      const body = this.element('LBody', entry);
      items[i] = this.hosted(item, body, ctx);
    }
  }

  table(node: Node, parent: StructNode, ctx: Context): void {
    const spec = structSpec(node);
    const table = node['table'] as { body: Content[][]; headerRows?: number };
    if (spec === undefined) throw new TaggingError(`a table without a tag: say whether it is a data table (Table), a list (L), a table of contents (TOC) or a frame (Div, BlockQuote ...): ${JSON.stringify(table.body[0] ?? []).slice(0, 160)}`);
    const cells = (row: Content[]): { cell: Content; index: number; colSpan: number; rowSpan: number }[] => {
      const out: { cell: Content; index: number; colSpan: number; rowSpan: number }[] = [];
      for (let i = 0; i < row.length; ) {
        const cell = row[i]!;
        const colSpan = isNode(cell) && typeof cell['colSpan'] === 'number' ? Math.max(1, cell['colSpan']) : 1;
        const rowSpan = isNode(cell) && typeof cell['rowSpan'] === 'number' ? Math.max(1, cell['rowSpan']) : 1;
        out.push({ cell, index: i, colSpan, rowSpan });
        i += colSpan; // the cells a span covers are pdfmake's placeholders, never drawn
      }
      return out;
    };
    if (spec.type === 'Table') {
      const element = this.element('Table', parent);
      const headerRows = table.headerRows ?? 0;
      const inner: Context = { ...ctx, inTable: true };
      let head: StructNode | undefined;
      let body: StructNode | undefined;
      const covered = new Set<string>();
      table.body.forEach((row, r) => {
        const group = r < headerRows ? (head ??= this.element('THead', element)) : (body ??= this.element('TBody', element));
        const tr = this.element('TR', group);
        for (const { cell, index, colSpan, rowSpan } of cells(row)) {
          if (covered.size > 0 && covered.has(`${r}:${index}`)) continue;
          for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr > 0) covered.add(`${r + dr}:${index + dc}`);
          const own = isNode(cell) ? structSpec(cell) : undefined;
          const empty = plainText(isNode(cell) ? cell['text'] ?? '' : cell) === '' && !(isNode(cell) && (cell['stack'] || cell['ul'] || cell['ol']));
          let type: 'TH' | 'TD' = 'TD';
          let scope: 'Row' | 'Column' | undefined;
          if (own?.type === 'TH' || own?.type === 'TD') {
            type = own.type;
            scope = own.scope;
          } else if (r < headerRows && !empty) [type, scope] = ['TH', 'Column'];
          else if (r >= headerRows && index === 0 && spec.rowHeaders && !empty) [type, scope] = ['TH', 'Row'];
          if (type === 'TH' && !scope) scope = r < headerRows ? 'Column' : 'Row';
          const element = this.element(type, tr, { ...(scope ? { scope } : {}), ...(colSpan > 1 ? { colSpan } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });
          row[index] = this.hosted(cell, element, inner) as Content;
        }
      });
      return;
    }
    if (spec.type === 'L') {
      // A list laid out as a table: each row an item, its first cell the label, the rest its body.
      const list = this.element('L', parent, { numbering: spec.numbering ?? 'None' });
      for (const row of table.body) {
        const item = this.element('LI', list);
        const [first, ...rest] = cells(row);
        if (first) row[first.index] = this.hosted(first.cell, this.element('Lbl', item), ctx) as Content;
        const body = this.element('LBody', item);
        if (rest.length === 1) row[rest[0]!.index] = this.hosted(rest[0]!.cell, body, ctx) as Content;
        else for (const { cell, index } of rest) row[index] = this.walk(cell, body, ctx);
      }
      return;
    }
    if (spec.type === 'TOC') {
      // One row per entry, nested by depth: TOC > TOCI > Reference > Link (the title and the page number).
      const depths = spec.depths ?? [];
      const stack: { depth: number; toc: StructNode; item?: StructNode }[] = [{ depth: 1, toc: this.element('TOC', parent) }];
      table.body.forEach((row, r) => {
        const depth = Math.max(1, depths[r] ?? 1);
        while (stack.length > 1 && stack.at(-1)!.depth > depth) stack.pop();
        while (stack.at(-1)!.depth < depth) {
          const top = stack.at(-1)!;
          const host = top.item ?? this.element('TOCI', top.toc);
          top.item = host;
          stack.push({ depth: top.depth + 1, toc: this.element('TOC', host) });
        }
        const level = stack.at(-1)!;
        level.item = this.element('TOCI', level.toc);
        const reference = this.element('Reference', level.item);
        const link = this.element('Link', reference, { leaf: true });
        for (const { cell, index } of cells(row)) {
          if (!isNode(cell) || !('text' in cell || cell['pageReference'] !== undefined)) throw new TaggingError('a table of contents holds text cells only');
          // The whole entry (its title and its page number) is one link.
          cell['text'] = this.markText(textOf(cell), link, { whole: true });
          delete cell['pageReference'];
          row[index] = cell as Content;
        }
      });
      return;
    }
    // A frame around blocks (a quotation, code, a block of changes): an element of that type, or none (Div).
    const element = spec.type === 'Div' ? this.element('Div', parent) : this.element(spec.type as StructType, parent, { ...(spec.lang ? { lang: spec.lang } : {}) });
    for (const row of table.body) for (const { cell, index } of cells(row)) row[index] = element.type === 'Code' ? this.hosted(cell, element, ctx) as Content : this.walk(cell, element, ctx);
  }
}

/** Whether any run of text is the label's. */
const runsOf = (label: StructNode): boolean => (label.runs ?? []).some((runs) => runs.some((run) => run[TAG_KEY] === label));

/** A text node's text; a page reference (the number of the page another node is on) as the run pdfmake fills in. */
const textOf = (node: Node): unknown => (node['pageReference'] !== undefined ? [{ pageReference: node['pageReference'] }] : (node['text'] ?? ''));

/** Marks every run of text under `value` as the artifact `mark` (a running header, a rule). */
export function markArtifact(value: unknown, mark: ArtifactMark): void {
  const visit = (item: unknown, container?: unknown[], index?: number): void => {
    if (typeof item === 'string' && container) {
      container[index!] = { text: [{ text: item, [TAG_KEY]: mark }] };
      return;
    }
    if (Array.isArray(item)) return item.forEach((child, i) => visit(child, item, i));
    if (!isNode(item)) return;
    if ('text' in item) {
      const runs: Node[] = [];
      const collect = (text: unknown): void => {
        if (Array.isArray(text)) return text.forEach(collect);
        if (isNode(text)) return Array.isArray(text['text']) ? collect(text['text']) : void runs.push({ ...text, text: plainText(text['text']), [TAG_KEY]: mark });
        runs.push({ text: plainText(text), [TAG_KEY]: mark });
      };
      collect(item['text']);
      item['text'] = runs;
      return;
    }
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(item[key])) visit(item[key]);
    if (isNode(item['table'])) for (const row of (item['table'] as { body: unknown[][] }).body) visit(row);
  };
  visit(value);
}

/** The running header or footer, its text marked as a pagination artifact page by page. */
function artifactFunction(dynamic: DynamicContent | undefined, mark: ArtifactMark): DynamicContent | undefined {
  if (!dynamic) return undefined;
  return (page, pages, size) => {
    const content = dynamic(page, pages, size);
    if (content !== null && content !== undefined) markArtifact([content], mark);
    return content;
  };
}

/** The definition, tagged (its content and its running header and footer), and its structure tree. */
export interface TaggedDefinition {
  definition: TDocumentDefinitions;
  tree: StructTree;
}

/**
 * Builds the structure tree of `definition` and marks its text. Changes the definition in place (it is meant to be
 * rendered once, right after); the layout is the same as without the marks: runs are split only where pdfmake
 * splits them anyway, and at the word boundaries of a term in another language.
 */
export function tagDefinition(definition: TDocumentDefinitions): TaggedDefinition {
  const tagger = new Tagger(definition.languageParts ?? []);
  definition.content = tagger.walk(definition.content, tagger.tree.root, { inTable: false });
  // The children lists at their exact size.
  const trim = (node: StructNode): void => {
    if (node.children.length === 0) return;
    node.children = node.children.slice();
    for (let i = 0; i < node.children.length; i++) trim(node.children[i]!);
  };
  trim(tagger.tree.root);
  const header = artifactFunction(definition.header, tagger.tree.header);
  const footer = artifactFunction(definition.footer, tagger.tree.footer);
  if (header) definition.header = header;
  if (footer) definition.footer = footer;
  return { definition, tree: tagger.tree };
}
