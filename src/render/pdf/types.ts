/**
 * The part of pdfmake 0.3's document definition this renderer uses, typed here because
 * pdfmake ships no TypeScript declarations (and @types/pdfmake describes 0.2).
 * Names follow @types/pdfmake so the code reads like pdfmake's documentation.
 */

export type Margins = number | [number, number] | [number, number, number, number];
export type Alignment = 'left' | 'right' | 'center' | 'justify';
export type PageOrientation = 'portrait' | 'landscape';
export type PageBreak = 'before' | 'after';
export type Size = number | 'auto' | '*' | `${number}%`;

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  background?: string;
  alignment?: Alignment;
  margin?: Margins;
  lineHeight?: number;
  characterSpacing?: number;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  decorationColor?: string;
  decorationStyle?: 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy';
  /** The line's width in points (pdfmake's default grows with the font size: 0.5 at 10 pt). */
  decorationThickness?: number;
  preserveLeadingSpaces?: boolean;
  noWrap?: boolean;
}

/** ListNumbering (ISO 32000-1, Table 347): what marks a list's items. */
export type ListNumbering = 'None' | 'Disc' | 'Circle' | 'Square' | 'Decimal' | 'UpperRoman' | 'LowerRoman' | 'UpperAlpha' | 'LowerAlpha';

/**
 * What a node is in the PDF's logical structure (not pdfmake's: tags.ts reads it before layout, pdfmake ignores it).
 * Lists, table cells and links need none; tables always do. See tags.ts.
 */
export interface TagSpec {
  /**
   * H: a heading (`level`, or `below` the current section's); P, Span, Code, Lbl (a list item's label run), LI (a
   * text node that is a list item: its Lbl run, then its body), Caption: text; L (a stack of LI texts, or a table of
   * label | body rows), Table (a data table), TOC (a table of contents table, one row per entry at `depths`), Div,
   * BlockQuote, Note, Sect: containers; TH, TD: a cell's own kind; Figure: an image with its `alt`.
   */
  type: 'H' | 'P' | 'Span' | 'Code' | 'Lbl' | 'LI' | 'Caption' | 'L' | 'Table' | 'TOC' | 'Div' | 'BlockQuote' | 'Note' | 'Sect' | 'TH' | 'TD' | 'Figure';
  level?: number;
  below?: number;
  /** A data table whose first column heads its rows (TH, Scope Row). */
  rowHeaders?: boolean;
  scope?: 'Row' | 'Column';
  numbering?: ListNumbering;
  /** A table of contents: each row's depth. */
  depths?: number[];
  /** The element's language where it is not the document's (a BCP 47 tag). */
  lang?: string;
  /** An alternate description a screen reader reads instead of the element's content. */
  alt?: string;
}

/** Properties every node may carry. */
export interface NodeProps extends Style {
  style?: string | string[];
  /** The node's place in the PDF's logical structure (tags.ts); 'Artifact' for what only decorates. */
  tag?: TagSpec | 'Artifact';
  id?: string;
  pageBreak?: PageBreak;
  pageOrientation?: PageOrientation;
  unbreakable?: boolean;
  headlineLevel?: number;
  width?: Size;
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  absolutePosition?: { x: number; y: number };
}

export interface TextNode extends NodeProps {
  text: string | Inline[];
  /** The number of the page the node with this id is on (pdfmake fills it in). */
  pageReference?: string;
  link?: string;
  linkToDestination?: string;
  sup?: boolean;
  /** Table of contents entry. */
  tocItem?: boolean | string | string[];
  tocStyle?: string | Style;
  tocMargin?: Margins;
  tocNumberStyle?: string | Style;
  /** PDF bookmark (pdfmake ≥ 0.3.5). */
  outline?: boolean;
  outlineText?: string;
  outlineParentId?: string;
  outlineExpanded?: boolean;
}

/** A run of text inside a paragraph. */
export type Inline = string | TextNode;

export interface StackNode extends NodeProps {
  stack: Content[];
}

export interface ColumnsNode extends NodeProps {
  columns: Content[];
  columnGap?: number;
}

export interface ListNode extends NodeProps {
  ul?: Content[];
  ol?: Content[];
  start?: number;
  type?: string;
  separator?: string | [string, string];
  markerColor?: string;
}

export type TableCell = Content & NodeProps;

export interface Table {
  body: TableCell[][];
  widths?: Size[];
  heights?: number | number[];
  headerRows?: number;
  keepWithHeaderRows?: number;
  dontBreakRows?: boolean;
}

export interface TableLayout {
  hLineWidth?: (i: number, node: TableNode) => number;
  vLineWidth?: (i: number, node: TableNode) => number;
  hLineColor?: string | ((i: number, node: TableNode) => string);
  vLineColor?: string | ((i: number, node: TableNode) => string);
  fillColor?: (rowIndex: number, node: TableNode, columnIndex: number) => string | null;
  paddingLeft?: (i: number, node: TableNode) => number;
  paddingRight?: (i: number, node: TableNode) => number;
  paddingTop?: (i: number, node: TableNode) => number;
  paddingBottom?: (i: number, node: TableNode) => number;
}

export interface TableNode extends NodeProps {
  table: Table;
  layout?: string | TableLayout;
}

export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface CanvasNode extends NodeProps {
  canvas: CanvasLine[];
}

/** A node that starts on a new page with its own page settings (pdfmake ≥ 0.3). */
export interface SectionNode extends NodeProps {
  section: Content;
}

export type ContentNode = TextNode | StackNode | ColumnsNode | ListNode | TableNode | CanvasNode | SectionNode;
export type Content = string | ContentNode | Content[];

export interface Watermark {
  text: string;
  color?: string;
  opacity?: number;
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  angle?: number;
  font?: string;
}

export interface PageSize {
  width: number;
  height: number;
  orientation: PageOrientation;
}

export type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => Content | null;

export interface DocumentInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modDate?: Date;
}

export interface TDocumentDefinitions {
  content: Content;
  pageSize?: 'A4';
  pageOrientation?: PageOrientation;
  pageMargins?: Margins;
  header?: DynamicContent;
  footer?: DynamicContent;
  watermark?: Watermark;
  styles?: Record<string, Style>;
  defaultStyle?: Style;
  info?: DocumentInfo;
  /** Written to the catalog as /Lang. */
  language?: string;
  /** The PDF version pdfkit writes; pdfkit writes no XMP metadata for 1.3 (pdfmake's default). */
  version?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7';
  /** pdfkit's conformance subset, e.g. PDF/A-1b. */
  subset?: 'PDF/A-1b' | 'PDF/A-2b' | 'PDF/A-3b';
  compress?: boolean;
  displayTitle?: boolean;
  /** A tagged PDF (pdfkit's MarkInfo /Marked and StructTreeRoot): the structure itself is tags.ts's and adapter.ts's. */
  tagged?: boolean;
  /** Terms in another language than the document's, tagged as spans with their /Lang (tags.ts). */
  languageParts?: { lang: string; terms: readonly string[] }[];
}
