/**
 * The one CSV writer of the open data: RFC 4180, and safe to open in a spreadsheet.
 *
 * - A field is quoted when it holds a comma, a double quote, a CR or an LF (RFC 4180), or a semicolon (the separator
 *   spreadsheets use in Swedish and Finnish locales); a double quote inside is doubled. Records end in CRLF.
 * - Formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return (or the full-width `＝ ＋ － ＠`, which some spreadsheets read the same way) gets a leading `'`, so a
 *   spreadsheet shows it as text and never evaluates it. The `'` is part of the data; a reader that wants the
 *   original removes one leading `'` from a text cell that starts with `'` followed by one of those characters.
 * - Numbers are data, not formulas: a cell given as a finite number (a baseline of -3.5, a target of -2) is written
 *   as the number, with no prefix, so numeric columns stay numbers. Only text gets the prefix, whatever it looks like:
 *   the title "-2+3" is text and is written `'-2+3`. A number that is not finite (NaN, Infinity) is written as an
 *   empty cell; check refuses such numbers in front-matter anyway.
 * - For spreadsheets in a Finnish or Swedish locale (Excel, LibreOffice), the same table with `;` between fields and
 *   a decimal comma (`{ separator: ';', decimal: ',' }`): such a spreadsheet splits a comma-separated file wrongly.
 *   The files export.ts writes begin with a UTF-8 byte-order mark, without which Excel reads UTF-8 as Windows-1252.
 */
export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a text cell as a formula when they come first. */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** RFC 4180: comma-separated, decimal point. */
export const rfc4180: CsvDialect = { separator: ',', decimal: '.' };
/** For spreadsheets in a Finnish or Swedish locale: semicolon-separated, decimal comma. */
export const spreadsheet: CsvDialect = { separator: ';', decimal: ',' };

/** The UTF-8 byte-order mark that begins each CSV file. */
export const BOM = '\uFEFF';

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvCell, dialect: CsvDialect = rfc4180): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value).replace('.', dialect.decimal) : '';
  else if (typeof value === 'boolean') text = String(value);
  else text = formulaStart.test(value) ? `'${value}` : value;
  // A field is quoted where it holds the separator, a semicolon (which spreadsheets split on in our locales), a quote or a line end.
  const quote = dialect.separator === ',' ? /[",;\r\n]/ : /[";\r\n]/;
  return quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header and the rows, each record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = rfc4180): string {
  return [header, ...rows].map((record) => `${record.map((cell) => csvField(cell, dialect)).join(dialect.separator)}\r\n`).join('');
}
