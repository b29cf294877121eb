/**
 * What the council PDF and the redline share: the page frame (A4 and its margins, the fonts and styles, the running
 * header and footer, the watermark and the metadata), headings that make bookmarks and table-of-contents entries,
 * a heading glued to what follows it, links to the site, and the styles inlined into a definition.
 */
import type { ViewModel } from '../../view/types.ts';
import { fill, pdfStrings } from './locale.ts';
import { colours, contentHeight, contentWidth, defaultStyle, pageMargins, styles, watermarkTint } from './styles.ts';
import { estimateHeight } from './estimate.ts';
import type { Content, Style, TDocumentDefinitions, TextNode } from './types.ts';

/** What a PDF needs besides the view model. */
export interface DefinitionOptions {
  /** The site's public address with a slash at the end (SITE_URL: https://strategi.example.fi/): the PDF links to its pages there. */
  site?: string | undefined;
}

/** An address on the web written out as a link (tagged as one: tags.ts). */
export function webLink(address: string): TextNode {
  return { text: address, link: address, decoration: 'underline', color: colours.link };
}

/** The named destination of a heading: what bookmarks and links point to. */
export const dest = (id: string): string => `dest-${id}`;

/**
 * pdfmake drops a block kept whole (unbreakable, or a row under dontBreakRows) that is taller than a page, with
 * everything in it; blocks are kept whole only when their (high) estimate stays below this.
 */
export const keepLimit = contentHeight.landscape * 0.75;

export const NUMBER_GAP = '\u2002';

/**
 * A heading that makes a bookmark (under `parent`, the destination of another heading) and, in the council PDF, a
 * table-of-contents entry: the council PDF's sections and the redline's changed items. Tagged H1–H6 by its depth;
 * drawn in the style of its depth down to the third.
 */
export function sectionHeading(options: { id: string; label: string; depth: number; parent?: string | undefined; expanded?: boolean }): TextNode {
  const depth = Math.min(Math.max(options.depth, 1), 3);
  return {
    text: options.label,
    style: `h${depth}`,
    id: options.id,
    tag: { type: 'H', level: Math.max(options.depth, 1) },
    outline: true,
    outlineText: options.label.replace(NUMBER_GAP, ' '),
    ...(options.parent ? { outlineParentId: options.parent } : {}),
    ...(options.expanded ? { outlineExpanded: true } : {}),
    headlineLevel: depth,
  };
}

/** A heading glued to the first block after it, so it is never left alone at the foot of a page. */
export function withHeading(heading: Content, blocks: Content[], width: number = contentWidth.portrait): Content[] {
  const [first, ...rest] = blocks;
  const small =
    first !== undefined &&
    typeof first === 'object' &&
    !Array.isArray(first) &&
    ('text' in first || 'table' in first || 'ul' in first || 'ol' in first || 'stack' in first) &&
    estimateHeight([heading, first], width, styles) < keepLimit * 0.7;
  return small ? [{ stack: [heading, first], unbreakable: true }, ...rest] : [heading, ...blocks];
}

/**
 * Everything of a PDF of `view` but its content: A4 with the margins, fonts and styles, the running header (`title`,
 * and the status where schema/ marks it with a watermark) and the page numbers, the watermark, and the metadata
 * (title, author, subject, keywords, dates, language, PDF/A). The council PDF and the redline share it; with a cover,
 * page 1 has no header and no footer.
 */
export function pageFrame(view: ViewModel, content: Content[], options: { title: string; cover: boolean }): TDocumentDefinitions {
  const s = pdfStrings(view.lang);
  const { status, organisation } = view.document;
  const date = new Date(view.sourceDate);
  const period = view.document.period?.text ?? '';
  const bare = (page: number) => options.cover && page === 1;

  // A watermark and a note in the running header only for the statuses schema/ marks (`x-watermark`); none when the
  // document states no status.
  const marked = status?.watermark === true ? status : undefined;
  // Opaque and behind the content (adapter.ts draws it first on each page): PDF/A-1 allows no transparency.
  const watermark = marked ? { text: marked.label.toLocaleUpperCase(s.languageTag), color: watermarkTint, opacity: 1, bold: true } : undefined;
  const statusNote = marked?.label ?? '';

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins,
    content,
    header: (page) =>
      bare(page)
        ? null
        : {
            columns: [
              { text: options.title, style: 'runningHeader', width: '*' },
              { text: statusNote, style: 'runningHeader', alignment: 'right', width: 'auto' },
            ],
            margin: [pageMargins[0], 30, pageMargins[2], 0],
          },
    footer: (page, count) => (bare(page) ? null : { text: fill(s.pageOf, { page, pages: count }), style: 'runningFooter', alignment: 'right', margin: [pageMargins[0], 20, pageMargins[2], 0] }),
    ...(watermark ? { watermark } : {}),
    styles,
    defaultStyle,
    info: {
      title: options.title,
      ...(organisation ? { author: organisation } : {}),
      subject: [view.root.kindLabel, period, organisation].filter(Boolean).join(' · '),
      keywords: [view.root.kindLabel, ...view.linkTargets.map((g) => g.label)].join(', '),
      creator: 'strategy-as-code',
      producer: 'pdfmake (PDFKit)',
      creationDate: date,
      modDate: date,
    },
    language: s.languageTag,
    version: '1.4',
    // PDF/A-1b whatever the status (PDFBox Preflight validates it), and tagged as PDF/UA-1 (tags.ts, adapter.ts).
    subset: 'PDF/A-1b',
    compress: true,
    displayTitle: true,
    tagged: true,
  };
}

/**
 * Replaces named styles on nodes by the style's properties, with pdfmake's precedence (the node's own properties
 * win, then the last style named). pdfmake resolves some twenty properties for every word by walking the style
 * stack, and each lookup of a named style allocates a Set; with plain properties the document renders to the same
 * bytes with less work (bench/RESULTS.md, item 8).
 */
export function inlineStyles<T>(content: T, dictionary: Readonly<Record<string, Style>>): T {
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    const style = record['style'];
    if (typeof style === 'string' || Array.isArray(style)) {
      const names = (Array.isArray(style) ? style : [style]).filter((name): name is string => typeof name === 'string');
      if (names.every((name) => name in dictionary)) {
        delete record['style'];
        // pdfmake reads a node's own value first (null and undefined count as unset), then its styles last first.
        for (let i = names.length - 1; i >= 0; i--) {
          for (const [key, value] of Object.entries(dictionary[names[i]!]!)) if (record[key] === undefined || record[key] === null) record[key] = value;
        }
      }
    }
    for (const key of ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body', 'section'] as const) if (key in record) visit(record[key]);
  };
  visit(content);
  return content;
}
