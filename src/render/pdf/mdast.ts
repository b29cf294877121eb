/**
 * Markdown (mdast, with GFM) to pdfmake content.
 * Raw HTML is dropped, never rendered; images are not fetched (their alt text stands in);
 * only http(s) and mailto links become PDF links. Over 300 lines because it is one visitor over every kind of
 * Markdown node (blocks, phrasing, tables, lists, footnotes), each small, which read best side by side.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent, List, ListItem, Table, Definition, FootnoteDefinition } from 'mdast';
import type { Content, Inline, TableCell, TableLayout, TableNode, TextNode, Alignment } from './types.ts';
import { estimateHeight, rowHeights } from './estimate.ts';
import { colours, contentHeight, contentWidth, styles } from './styles.ts';

export interface MdastOptions {
  /** Word for images, whose alt text is shown instead: "Bild" / "Kuva". */
  imageLabel?: string;
  /** The style of the paragraphs (a smaller one in table cells). */
  paragraphStyle?: string;
  /** The width the body is laid out in (portrait text width by default): decides what may be kept unbroken. */
  width?: number;
}

/** Blocks kept whole (a heading with its paragraph, a table row) must stay well below a page. */
const keepLimit = contentHeight.landscape * 0.5;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  decoration?: 'lineThrough' | 'underline';
  link?: string;
  color?: string;
}

interface Context {
  definitions: Map<string, Definition>;
  footnotes: FootnoteDefinition[];
  options: MdastOptions;
  /** The width the current block is laid out in (a table column, a nested list's text): decides where words break. */
  width: number;
}

/** Style names the converter uses; the document definition defines them. */
export const mdStyles = {
  paragraph: 'mdP',
  headings: ['mdH2', 'mdH2', 'mdH3', 'mdH4'] as const,
  tableHeader: 'mdTh',
  tableCell: 'mdTd',
  code: 'mdCode',
  footnote: 'mdFootnote',
  link: 'mdLink',
} as const;

const safeUrl = (url: string): string | undefined => (/^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : undefined);

/** Soft line breaks in Markdown are spaces on paper. */
const softText = (value: string): string => value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

/** The widest advance of a DejaVu Sans glyph, in ems (‰ is 1.34): a piece of n characters is at most n times this wide. */
const glyphEm = 1.35;

/** Cell padding (4 + 4) and the largest font size of body text: what a piece of a word must fit beside. */
const breakPadding = 8;
const breakFontSize = 10;

/**
 * Words longer than fits in `width` get a zero-width space (a break opportunity pdfmake's line breaker honours,
 * drawn as nothing and not extracted as text) every so many characters, so that they wrap instead of running off the page.
 */
export function breakLongWords(text: string, width: number): string {
  const piece = Math.max(1, Math.floor((width - breakPadding) / (breakFontSize * glyphEm)));
  return text.replace(/[^\s\u200B]+/gu, (word) => {
    const chars = [...word];
    if (chars.length <= piece) return word;
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += piece) pieces.push(chars.slice(i, i + piece).join(''));
    return pieces.join('\u200B');
  });
}

function run(text: string, marks: Marks): Inline {
  const keys = Object.keys(marks) as (keyof Marks)[];
  if (keys.length === 0) return text;
  const node: TextNode = { text };
  for (const key of keys) Object.assign(node, { [key]: marks[key] });
  return node;
}

function phrasing(nodes: readonly PhrasingContent[], marks: Marks, ctx: Context, out: Inline[] = []): Inline[] {
  // Inline <script>/<style> elements: their tags are html nodes, their content text nodes; skip both.
  let skipUntil: RegExp | undefined;
  for (const node of nodes) {
    if (skipUntil) {
      if (node.type === 'html' && skipUntil.test(node.value)) skipUntil = undefined;
      continue;
    }
    if (node.type === 'html') {
      const open = /^<(script|style)\b[^>]*>/i.exec(node.value);
      if (open && !new RegExp(`</${open[1]}\\s*>`, 'i').test(node.value)) skipUntil = new RegExp(`^</${open[1]}\\s*>`, 'i');
      continue;
    }
    switch (node.type) {
      case 'text':
        out.push(run(breakLongWords(softText(node.value), ctx.width), marks));
        break;
      case 'emphasis':
        phrasing(node.children, { ...marks, italics: true }, ctx, out);
        break;
      case 'strong':
        phrasing(node.children, { ...marks, bold: true }, ctx, out);
        break;
      case 'delete':
        phrasing(node.children, { ...marks, decoration: 'lineThrough' }, ctx, out);
        break;
      case 'inlineCode':
        out.push({ ...marks, text: breakLongCode(node.value, ctx.width), style: mdStyles.code, tag: { type: 'Code' } } as TextNode);
        break;
      case 'break':
        out.push('\n');
        break;
      case 'link': {
        const url = safeUrl(node.url);
        phrasing(node.children, url ? { ...marks, link: url, decoration: 'underline', color: colours.link } : marks, ctx, out);
        break;
      }
      case 'linkReference': {
        const definition = ctx.definitions.get(node.identifier.toLowerCase());
        const url = definition ? safeUrl(definition.url) : undefined;
        phrasing(node.children, url ? { ...marks, link: url, decoration: 'underline', color: colours.link } : marks, ctx, out);
        break;
      }
      case 'image':
      case 'imageReference':
        if (node.alt) out.push(run(`[${ctx.options.imageLabel ?? 'Image'}: ${node.alt}]`, { ...marks, italics: true }));
        break;
      case 'footnoteReference':
        out.push({ text: node.label ?? node.identifier, sup: true });
        break;
      default: {
        // Unknown phrasing (extensions): keep its text, if any.
        const other = node as unknown as { children?: unknown; value?: unknown };
        if (Array.isArray(other.children)) phrasing(other.children as PhrasingContent[], marks, ctx, out);
        else if (typeof other.value === 'string') out.push(run(breakLongWords(softText(other.value), ctx.width), marks));
      }
    }
  }
  return out;
}

const cellLayout: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#9aa5b1',
  vLineColor: () => '#9aa5b1',
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? '#e4e9f0' : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const quoteLayout: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 2 : 0),
  vLineColor: () => '#9aa5b1',
  paddingLeft: () => 8,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

const ruleLayout: TableLayout = {
  hLineWidth: (i) => (i === 0 ? 0.5 : 0),
  vLineWidth: () => 0,
  hLineColor: () => '#9aa5b1',
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** DejaVu Sans Mono's advance (0.602 em), and the size code is set in (styles.ts, mdCode). */
const monoEm = 0.61;
const codeFontSize = 8.5;

/**
 * Code, broken as breakLongWords breaks words: DejaVu Sans Mono has no zero-width space, so each break opportunity
 * is a zero-width space of its own in the text font, between the pieces of a run too long for `width`.
 */
function breakLongCode(text: string, width: number): string | (string | { text: string; font: string })[] {
  const piece = Math.max(1, Math.floor((width - breakPadding) / (codeFontSize * monoEm)));
  const parts = text.split(/(\s+)/u);
  if (!parts.some((part) => [...part].length > piece)) return text;
  const out: (string | { text: string; font: string })[] = [];
  for (const part of parts) {
    const chars = [...part];
    if (chars.length <= piece) {
      if (part !== '') out.push(part);
      continue;
    }
    for (let i = 0; i < chars.length; i += piece) {
      if (i > 0) out.push({ text: '\u200B', font: 'DejaVuSans' });
      out.push(chars.slice(i, i + piece).join(''));
    }
  }
  return out;
}

/** The narrowest a table column may be: its padding and two characters. */
const minColumnWidth = breakPadding + 2 * breakFontSize * glyphEm;

/**
 * A table too wide for its place (a council-table cell holds a few columns at most), as one block per row, each cell
 * after its column's heading: laid out within the width, where a grid would run into the next column.
 */
function tableByRows(node: Table, ctx: Context): Content {
  const [first, ...rest] = node.children;
  const headings = rest.length > 0 ? (first?.children ?? []).map((cell) => phrasing(cell.children, {}, ctx)) : [];
  const rows = rest.length > 0 ? rest : node.children;
  return {
    stack: rows.map((row) => ({
      stack: row.children.map((cell, index) => {
        const heading = headings[index];
        return { text: [...(heading && heading.length > 0 ? [{ text: heading, bold: true }, ': '] : []), ...phrasing(cell.children, {}, ctx)], style: mdStyles.tableCell };
      }),
      margin: [0, 0, 0, 4],
      tag: { type: 'Div' },
    })),
    margin: [0, 2, 0, 8],
    tag: { type: 'Div' },
  } as Content;
}

function table(node: Table, ctx: Context): Content {
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  if (columns * minColumnWidth > ctx.width) return tableByRows(node, ctx);
  const align = (index: number): Alignment => {
    const a = node.align?.[index];
    return a === 'right' || a === 'center' ? a : 'left';
  };
  // Each column gets at least its share of the width: words longer than that break.
  const cellCtx: Context = { ...ctx, width: (ctx.width - breakPadding) / columns };
  const body: TableCell[][] = node.children.map((row, rowIndex) => {
    const cells: TableCell[] = row.children.map((cell, index) => ({
      text: phrasing(cell.children, {}, cellCtx),
      style: rowIndex === 0 ? mdStyles.tableHeader : mdStyles.tableCell,
      alignment: align(index),
    }));
    while (cells.length < columns) cells.push({ text: '' });
    return cells;
  });
  const width = ctx.width;
  // A row taller than a page would vanish if kept whole (pdfmake drops it): keep rows whole only when all are short.
  const short = rowHeights(body, Array.from({ length: columns }, () => width / columns), styles, 9).every((h) => h < keepLimit);
  return {
    table: { headerRows: body.length > 1 ? 1 : 0, dontBreakRows: short, widths: Array.from({ length: columns }, () => 'auto'), body },
    layout: cellLayout,
    margin: [0, 2, 0, 8],
    tag: { type: 'Table' },
  };
}

function listItem(item: ListItem, ctx: Context): Content {
  const blocks = item.children.flatMap((child) => block(child, ctx));
  const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
  const [first, ...rest] = blocks;
  const head: Content = first && typeof first === 'object' && !Array.isArray(first) && 'text' in first
    ? { ...first, text: check ? [check, ...(Array.isArray(first.text) ? first.text : [first.text])] : first.text, margin: [0, 0, 0, 2] }
    : (first ?? { text: check });
  return rest.length === 0 ? head : { stack: [head, ...rest] };
}

/** What a list's marker and indent take from the width of its items' text. */
const listIndent = 10;

function list(node: List, ctx: Context): Content {
  const inner: Context = { ...ctx, width: Math.max(breakPadding + breakFontSize * glyphEm, ctx.width - listIndent) };
  const items = node.children.map((item) => listItem(item, inner));
  if (node.ordered) return { ol: items, ...(node.start != null && node.start !== 1 ? { start: node.start } : {}), margin: [0, 0, 0, 6] };
  return { ul: items, margin: [0, 0, 0, 6] };
}

function block(node: RootContent, ctx: Context): Content[] {
  const style = ctx.options.paragraphStyle ?? mdStyles.paragraph;
  switch (node.type) {
    case 'paragraph': {
      const text = phrasing(node.children, {}, ctx);
      return text.length > 0 ? [{ text, style }] : [];
    }
    case 'heading':
      // A subheading of the item's text: one level below the item's heading for ## (and #), further for deeper ones.
      return [{ text: phrasing(node.children, {}, ctx), style: mdStyles.headings[Math.min(node.depth, 4) - 1] ?? 'mdH4', tag: { type: 'H', below: Math.max(1, node.depth - 1) } }];
    case 'list':
      return [list(node, ctx)];
    case 'table':
      return [table(node, ctx)];
    case 'blockquote':
      return [{ table: { widths: ['*'], body: [[{ stack: node.children.flatMap((child) => block(child, { ...ctx, width: ctx.width - 10 })) }]] }, layout: quoteLayout, italics: true, margin: [0, 2, 0, 8], tag: { type: 'BlockQuote' } }];
    case 'thematicBreak':
      return [{ table: { widths: ['*'], body: [[{ text: '' }]] }, layout: ruleLayout, margin: [0, 6, 0, 6], tag: 'Artifact' }];
    case 'code':
      return [{ table: { widths: ['*'], body: [[{ text: breakLongCode(node.value, ctx.width - 8), style: mdStyles.code, preserveLeadingSpaces: true } as TextNode]] }, layout: { ...ruleLayout, hLineWidth: () => 0, fillColor: () => '#f1f3f6', paddingLeft: () => 4, paddingTop: () => 3, paddingBottom: () => 3 }, margin: [0, 2, 0, 8], tag: { type: 'Code' } }];
    case 'footnoteDefinition':
      ctx.footnotes.push(node);
      return [];
    case 'html':
    case 'definition':
    case 'yaml':
      return [];
    default: {
      // Phrasing at block level, or an extension node: keep what text it has.
      const unknown = node as Nodes;
      if ('children' in unknown && Array.isArray(unknown.children)) {
        const children = unknown.children as RootContent[];
        return children.every((child) => isPhrasing(child))
          ? [{ text: phrasing(children as PhrasingContent[], {}, ctx), style }]
          : children.flatMap((child) => block(child, ctx));
      }
      return 'value' in unknown && typeof unknown.value === 'string' ? [{ text: breakLongWords(softText(unknown.value), ctx.width), style }] : [];
    }
  }
}

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html']);
const isPhrasing = (node: RootContent): boolean => phrasingTypes.has(node.type);

function collectDefinitions(node: Parents, into: Map<string, Definition>): void {
  for (const child of node.children) {
    if (child.type === 'definition') into.set(child.identifier.toLowerCase(), child);
    else if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') collectDefinitions(child as Parents, into);
  }
}

const isHeading = (node: Content | undefined): boolean =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && 'style' in node && typeof node.style === 'string' && (mdStyles.headings as readonly string[]).includes(node.style);

/** Short blocks a heading may be glued to (a paragraph, a short list) without making a block too tall to move. */
const isShort = (node: Content | undefined): boolean => {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return typeof node === 'string';
  if ('text' in node) return true;
  const items = 'ul' in node ? node.ul : 'ol' in node ? node.ol : undefined;
  return items !== undefined && items.length <= 4;
};

/** Keeps each heading on the same page as the block after it (when the two are well short of a page). */
function glueHeadings(blocks: Content[], width: number): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]!;
    const next = blocks[i + 1];
    if (isHeading(node) && isShort(next) && !isHeading(next) && estimateHeight([node, next!], width, styles) < keepLimit) {
      out.push({ stack: [node, next!], unbreakable: true });
      i++;
    } else out.push(node);
  }
  return out;
}

/** Converts a Markdown body to pdfmake content blocks (empty for an empty body). */
export function mdastToPdf(root: Root, options: MdastOptions = {}): Content[] {
  const ctx: Context = { definitions: new Map(), footnotes: [], options, width: options.width ?? contentWidth.portrait };
  collectDefinitions(root, ctx.definitions);
  const out = glueHeadings(root.children.flatMap((child) => block(child, ctx)), options.width ?? contentWidth.portrait);
  if (ctx.footnotes.length > 0) {
    out.push({ table: { widths: ['*'], body: [[{ text: '' }]] }, layout: ruleLayout, margin: [0, 4, 0, 2], tag: 'Artifact' });
    for (const note of ctx.footnotes) {
      const blocks = note.children.flatMap((child) => block(child, { ...ctx, width: ctx.width - 16 }));
      out.push({ columns: [{ text: note.label ?? note.identifier, width: 14, style: mdStyles.footnote }, { stack: blocks, style: mdStyles.footnote }], columnGap: 2, tag: { type: 'Note' } });
    }
  }
  return out;
}

/** Whether a body has anything to show (raw HTML and link definitions alone do not count). */
export function hasContent(root: Root): boolean {
  return root.children.some((child) => child.type !== 'html' && child.type !== 'definition' && child.type !== 'yaml');
}
