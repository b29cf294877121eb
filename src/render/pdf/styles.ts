import type { Style, TableLayout, Margins } from './types.ts';

/** A4 in points and the page margins (left, top, right, bottom). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const pageMargins: [number, number, number, number] = [56, 62, 56, 54];
export const contentWidth = {
  portrait: A4.width - pageMargins[0] - pageMargins[2],
  landscape: A4.height - pageMargins[0] - pageMargins[2],
} as const;
export const contentHeight = {
  portrait: A4.height - pageMargins[1] - pageMargins[3],
  landscape: A4.width - pageMargins[1] - pageMargins[3],
} as const;

export const colours = {
  ink: '#1b1f24',
  accent: '#1f3a5f',
  muted: '#5b6470',
  rule: '#9aa5b1',
  headerFill: '#dfe6ef',
  groupFill: '#eef2f6',
  watermark: '#a8001c',
  // The redline's insertions and deletions: a help on screen, dark enough to stay black on a black-and-white print.
  inserted: '#0b5a36',
  deleted: '#8f1d1d',
  link: '#1a4f8b',
} as const;

/**
 * The watermark's colour: the status red at 9 % on white, drawn opaque behind the content (PDF/A-1 forbids the
 * transparency it was drawn with over the content before).
 */
export const watermarkTint = '#f7e8eb';

const condensed = 'DejaVuSansCondensed';

export const styles: Record<string, Style> = {
  // Cover
  coverOrganisation: { fontSize: 14, bold: true, color: colours.accent },
  coverKind: { fontSize: 12, color: colours.muted, margin: [0, 0, 0, 6] },
  coverTitle: { fontSize: 26, bold: true, color: colours.ink, lineHeight: 1.1, margin: [0, 0, 0, 10] },
  coverSubtitle: { fontSize: 15, color: colours.accent, margin: [0, 0, 0, 6] },
  coverPeriod: { fontSize: 15, color: colours.muted },
  coverLabel: { fontSize: 9, color: colours.muted },
  coverValue: { fontSize: 10.5 },
  // Running header and footer
  runningHeader: { fontSize: 8, color: colours.muted },
  runningFooter: { fontSize: 8, color: colours.muted },
  // Headings of items (numbered) and of the document's own parts
  h1: { fontSize: 17, bold: true, color: colours.accent, margin: [0, 0, 0, 10] },
  h2: { fontSize: 13.5, bold: true, color: colours.accent, margin: [0, 10, 0, 6] },
  h3: { fontSize: 11.5, bold: true, color: colours.accent, margin: [0, 8, 0, 4] },
  groupHeading: { fontSize: 11, bold: true, color: colours.ink, margin: [0, 8, 0, 4] },
  itemTitle: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
  meta: { fontSize: 8.5, color: colours.muted },
  tocTitle: { fontSize: 17, bold: true, color: colours.accent, margin: [0, 0, 0, 14] },
  tocL1: { fontSize: 10.5, bold: true },
  tocL2: { fontSize: 10 },
  tocL3: { fontSize: 9.5, color: colours.muted },
  introStatement: { fontSize: 12, italics: true, color: colours.accent, margin: [0, 0, 0, 8] },
  // Markdown bodies (see mdast.ts)
  mdP: { margin: [0, 0, 0, 6] },
  mdH2: { fontSize: 12, bold: true, color: colours.ink, margin: [0, 8, 0, 4] },
  mdH3: { fontSize: 10.5, bold: true, color: colours.ink, margin: [0, 6, 0, 3] },
  mdH4: { fontSize: 10, bold: true, italics: true, margin: [0, 4, 0, 2] },
  mdTh: { bold: true, fontSize: 9, font: condensed },
  mdTd: { fontSize: 9, font: condensed },
  mdCode: { font: 'DejaVuSansMono', fontSize: 8.5, background: '#f1f3f6' },
  mdFootnote: { fontSize: 8 },
  // Tables on landscape pages
  th: { font: condensed, bold: true, fontSize: 9, color: colours.ink },
  cell: { font: condensed, fontSize: 8.5, lineHeight: 1.05 },
  cellP: { margin: [0, 2, 0, 2] },
  cellTitle: { font: condensed, bold: true, fontSize: 9.5 },
  cellMeta: { font: condensed, fontSize: 7.5, color: colours.muted },
  cellLabel: { font: condensed, bold: true, fontSize: 7.5, color: colours.muted, margin: [0, 0, 0, 1] },
  groupRow: { font: condensed, bold: true, fontSize: 9, color: colours.accent },
  subgroupRow: { font: condensed, bold: true, fontSize: 8.5 },
  mark: { alignment: 'center', fontSize: 8, color: colours.accent },
  note: { fontSize: 8.5, color: colours.muted, margin: [0, 0, 0, 6] },
  // The redline PDF (redline.ts): inserted words underlined, deleted ones struck through; the colour only helps
  redlineDocument: { fontSize: 12, color: colours.muted, margin: [0, 0, 0, 4] },
  lead: { fontSize: 10.5, margin: [0, 0, 0, 10] },
  inserted: { decoration: 'underline', decorationThickness: 0.9, color: colours.inserted },
  deleted: { decoration: 'lineThrough', decorationThickness: 1, color: colours.deleted },
  changeLabel: { fontSize: 9.5, bold: true, color: colours.ink, margin: [0, 0, 0, 2] },
  changeNote: { fontSize: 9.5, italics: true, color: colours.muted, margin: [0, 0, 0, 2] },
  changeText: { margin: [0, 0, 0, 1] },
  blockLabel: { fontSize: 8.5, color: colours.muted },
  zero: { color: colours.muted },
};

export const defaultStyle: Style = { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.2, color: colours.ink };

/** Lines between rows only, a tinted header, roomy padding: the council tables. */
export function gridLayout(options: { headerRows: number; groupRows?: ReadonlySet<number>; subgroupRows?: ReadonlySet<number> }): TableLayout {
  return {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i <= options.headerRows ? 0.8 : 0.4),
    vLineWidth: () => 0.4,
    hLineColor: () => colours.rule,
    vLineColor: () => colours.rule,
    fillColor: (row) => (row < options.headerRows ? colours.headerFill : options.groupRows?.has(row) ? colours.groupFill : options.subgroupRows?.has(row) ? '#f6f8fa' : null),
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

export const boxMargin: Margins = [0, 6, 0, 10];
