/**
 * The open data's CSV is RFC 4180 and safe in a spreadsheet: the shared writer (src/render/data/csv.ts) on its own,
 * and the `csv-*` cases of test/fixtures/hostile-build/ built through `strategy build --only data` and read back with
 * the strict RFC 4180 parser below: CRLF records, quoted fields where needed, every text cell that a spreadsheet would
 * evaluate (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`, and numbers (negative ones too) left as numbers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, spreadsheet, toCsv } from '../../src/render/data/csv.ts';
import { repoSchema } from '../helpers/fixtures.ts';
import { casesWithPrefix, scratchFolder, makeProject, readCase, stackFrame, type Case } from './cases.ts';
import { runMain } from '../helpers/cli.ts';

/**
 * RFC 4180, strictly: records end in CRLF (the last one too), a field is either unquoted (no `"`, `,`, CR or LF in
 * it) or quoted with `""` for a quote inside. Anything else throws.
 */
function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === separator) {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
  }
  if (record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
}

const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('csvField and toCsv (src/render/data/csv.ts)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['＝1+1', "'＝1+1"],
    ["'already quoted", "'already quoted"],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['plain', 'plain'],
    ['', ''],
  ])('writes the text %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
    expect(parseCsv(`${csvField(value)}\r\n`)).toEqual([[written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written]]);
  });

  it('writes numbers as numbers, negative ones too, and nothing for a number that is not finite', () => {
    expect([-3.5, -2, 0, 94, 1e21].map((value) => csvField(value))).toEqual(['-3.5', '-2', '0', '94', '1e+21']);
    expect([Number.NaN, Infinity, -Infinity, undefined, null].map((value) => csvField(value))).toEqual(['', '', '', '', '']);
    expect([true, false].map((value) => csvField(value))).toEqual(['true', 'false']);
    // For spreadsheets in a Finnish locale: a decimal comma, and a semicolon in text quoted.
    expect([-3.5, 92.1, 400].map((value) => csvField(value, spreadsheet))).toEqual(['-3,5', '92,1', '400']);
    expect(toCsv(['a', 'b'], [['x;y', 1.5]], spreadsheet)).toBe('a;b\r\n"x;y";1,5\r\n');
  });

  it('ends every record, the last one too, in CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], ['-y', -1]])).toBe("a,b\r\n1,x\r\n'-y,-1\r\n");
  });
});

interface CsvCase extends Case {
  exitCode: number;
  cells: Record<string, Record<string, string>>;
  numericColumns: string[];
}

const scratch = scratchFolder('hostile-csv-');

const cases = casesWithPrefix('csv-');

it('has the csv cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(1);
});

describe.each(cases)('hostile build %s', (name) => {
  const testCase = readCase(name) as CsvCase;

  it('builds measures.csv that a spreadsheet opens as data, never as formulas', { timeout: 120_000 }, async () => {
    const { project } = makeProject(scratch(), name, testCase);
    const run = await runMain(['build', 'strategy', '--schema', repoSchema, '--out', 'out', '--only', 'data'], { cwd: project });
    expect(run.code, run.stderr).toBe(testCase.exitCode);
    expect(run.stderr).not.toMatch(stackFrame);

    const file = readFileSync(join(project, 'out/data/measures.csv'), 'utf8');
    // UTF-8 with a byte-order mark, so that Excel does not read it as Windows-1252.
    expect(file.startsWith('\uFEFF')).toBe(true);
    const text = file.slice(1);
    const [header, ...records] = parseCsv(text);
    expect(header).toBeDefined();
    for (const record of records) expect(record).toHaveLength(header!.length);
    const rows = new Map(records.map((record) => [record[0]!, Object.fromEntries(header!.map((column, i) => [column, record[i]!]))]));

    // The cells as the case expects them, hostile text prefixed and numbers as numbers.
    for (const [id, cells] of Object.entries(testCase.cells)) expect(rows.get(id), id).toMatchObject(cells);

    // No text cell starts with a formula character; numeric columns hold numbers or nothing.
    for (const row of rows.values()) {
      for (const [column, value] of Object.entries(row)) {
        if (testCase.numericColumns.includes(column)) expect(value, column).toMatch(/^(-?\d+(\.\d+)?([eE][+-]?\d+)?)?$/);
        else expect(value, `${column}: ${JSON.stringify(value)}`).not.toMatch(formulaStart);
      }
    }

    // The same cells, neutralised alike, in the file for spreadsheets in a Finnish locale: semicolons, decimal comma.
    const semicolon = readFileSync(join(project, 'out/data/measures-semicolon.csv'), 'utf8');
    expect(semicolon.startsWith('\uFEFF')).toBe(true);
    const [localHeader, ...localRecords] = parseCsv(semicolon.slice(1), ';');
    expect(localHeader).toEqual(header);
    const local = new Map(localRecords.map((record) => [record[0]!, Object.fromEntries(header!.map((column, i) => [column, record[i]!]))]));
    for (const [id, row] of rows) {
      for (const [column, value] of Object.entries(row)) {
        expect(local.get(id)![column], `${id} ${column}`).toBe(testCase.numericColumns.includes(column) ? value.replace('.', ',') : value);
      }
    }

    // Nothing else changed: without its one leading `'`, each title and unit is the text of the JSON open data.
    for (const lang of ['sv', 'fi']) {
      const data = JSON.parse(readFileSync(join(project, `out/data/strategy.${lang}.json`), 'utf8')) as { items: { id: string; title: string; unit?: string }[] };
      for (const item of data.items.filter((entry) => rows.has(entry.id))) {
        const unprefix = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
        expect(unprefix(rows.get(item.id)![`title_${lang}`]!)).toBe(item.title);
        expect(unprefix(rows.get(item.id)![`unit_${lang}`]!)).toBe(item.unit ?? '');
      }
    }
  });
});
