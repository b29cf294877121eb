/**
 * A rough, deliberately high estimate of how tall content will be, in points.
 *
 * Why: pdfmake silently drops an unbreakable block (`unbreakable: true`, or a table row under
 * `dontBreakRows: true`) that is taller than a page, and everything in it is lost from the PDF. Blocks are kept
 * whole only when this estimate says they fit comfortably; overestimating merely lets a block break.
 */
import type { Content, Style } from './types.ts';

/** DejaVu Sans averages about 0.55 em a character; assume wider, and the line height with its 1.2 spacing. */
const CHAR_EM = 0.62;
const LINE_EM = 1.45;

type Styles = Readonly<Record<string, Style>>;

function fontSizeOf(node: Record<string, unknown>, inherited: number, styles: Styles): number {
  if (typeof node['fontSize'] === 'number') return node['fontSize'];
  const names = Array.isArray(node['style']) ? node['style'] : node['style'] !== undefined ? [node['style']] : [];
  for (const name of [...names].reverse()) {
    const size = typeof name === 'string' ? styles[name]?.fontSize : undefined;
    if (typeof size === 'number') return size;
  }
  return inherited;
}

function verticalMargin(node: Record<string, unknown>): number {
  const margin = node['margin'];
  if (typeof margin === 'number') return 2 * margin;
  if (Array.isArray(margin)) return margin.length === 4 ? Number(margin[1]) + Number(margin[3]) : 2 * Number(margin[1] ?? 0);
  return 0;
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plain).join('');
  if (typeof value === 'object' && value !== null) return plain((value as { text?: unknown }).text ?? '');
  return '';
}

function textHeight(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(Math.max(width, 1) / (CHAR_EM * fontSize)));
  const lines = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return lines * LINE_EM * fontSize;
}

/** The estimated height of content laid out `width` points wide. */
export function estimateHeight(content: Content, width: number, styles: Styles, fontSize = 10): number {
  if (typeof content === 'string') return textHeight(content, width, fontSize);
  if (Array.isArray(content)) return content.reduce((sum: number, child) => sum + estimateHeight(child, width, styles, fontSize), 0);
  const node = content as unknown as Record<string, unknown>;
  const size = fontSizeOf(node, fontSize, styles);
  const margin = verticalMargin(node);
  if ('text' in node) return margin + textHeight(plain(node['text']), width, size);
  if ('stack' in node) return margin + estimateHeight(node['stack'] as Content[], width, styles, size);
  if ('ul' in node || 'ol' in node) return margin + estimateHeight((node['ul'] ?? node['ol']) as Content[], width - 14, styles, size);
  if ('columns' in node) {
    const columns = node['columns'] as Content[];
    return margin + Math.max(0, ...columns.map((column) => estimateHeight(column, width / Math.max(1, columns.length), styles, size)));
  }
  if ('table' in node) {
    const table = node['table'] as { body: Content[][]; widths?: unknown[] };
    return margin + rowHeights(table.body, columnWidths(table, width), styles, size).reduce((a, b) => a + b, 0);
  }
  return margin + LINE_EM * size;
}

/** Numeric column widths where given; the other columns share what is left equally. */
export function columnWidths(table: { body: Content[][]; widths?: unknown[] }, width: number): number[] {
  const columns = Math.max(1, ...table.body.map((row) => row.length));
  const given = Array.from({ length: columns }, (_, i) => table.widths?.[i]);
  const fixed = given.reduce((sum: number, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const flexible = given.filter((w) => typeof w !== 'number').length;
  const share = flexible > 0 ? Math.max(width - fixed, width / columns) / flexible : 0;
  return given.map((w) => (typeof w === 'number' ? w : share));
}

/** The estimated height of each row of a table body (cells spanning columns get their combined width). */
export function rowHeights(body: Content[][], widths: number[], styles: Styles, fontSize = 10, padding = 8): number[] {
  return body.map((row) =>
    Math.max(
      0,
      ...row.map((cell, i) => {
        const span = typeof cell === 'object' && cell !== null && !Array.isArray(cell) && typeof (cell as { colSpan?: unknown }).colSpan === 'number' ? (cell as { colSpan: number }).colSpan : 1;
        const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
        return estimateHeight(cell, width, styles, fontSize) + padding;
      }),
    ),
  );
}
