/**
 * The open data as a county publishes it (on avoindata.fi, say), written from the mini fixture's view models: every
 * JSON file valid against the JSON Schema written beside it, every CSV read back through the Frictionless Table Schema
 * beside it (its columns, their types, required cells and the primary key), the data package naming each file, its
 * dialect, its schema and the licence, measures with their baselines, targets and actuals by year, actions with
 * their status, and texts as Markdown, never HTML.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadViewModels } from '../../src/view/load.ts';
import { writeOpenData } from '../../src/render/data/export.ts';
import type { ViewModel } from '../../src/view/types.ts';
import { fixtureStrategy, schemaDir } from '../site/helpers.ts';

const loaded = loadViewModels(fixtureStrategy, { schemaDir }).views;
// One measure with actual values, as a county has them some years on (the fixture's measures have none yet).
const views: Record<string, ViewModel> = structuredClone(loaded);
for (const view of Object.values(views)) {
  const measure = view.items['measure-living-at-home']!.measure!;
  measure.actuals = [{ year: 2025, value: 92.6, text: '92,6 %', plain: '92,6' }];
}

const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
const written = writeOpenData(views, dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const json = <T>(name: string) => JSON.parse(read(name)) as T;

interface Field {
  name: string;
  type: string;
  decimalChar?: string;
  constraints?: { required?: boolean };
}
interface Resource {
  name: string;
  path: string;
  format: string;
  encoding: string;
  schema?: string;
  dialect?: { delimiter: string };
}

/** RFC 4180 records (quoted fields, CRLF) with a given delimiter. */
function records(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += char;
  }
  return rows;
}

/** A cell read as its Table Schema field says, or an error message: Frictionless' casting rules for these types. */
function cast(field: Field, cell: string): string | undefined {
  if (cell === '') return field.constraints?.required ? `${field.name}: a required cell is empty` : undefined;
  const decimal = field.decimalChar ?? '.';
  switch (field.type) {
    case 'number':
      return new RegExp(`^-?\\d+(\\${decimal}\\d+)?([eE][+-]?\\d+)?$`).test(cell) ? undefined : `${field.name}: "${cell}" is not a number with "${decimal}"`;
    case 'integer':
      return /^-?\d+$/.test(cell) ? undefined : `${field.name}: "${cell}" is not an integer`;
    case 'year':
      return /^\d{4}$/.test(cell) ? undefined : `${field.name}: "${cell}" is not a year`;
    case 'boolean':
      return /^(true|false)$/.test(cell) ? undefined : `${field.name}: "${cell}" is not a boolean`;
    case 'string':
      return undefined;
    default:
      return `${field.name}: unknown type ${field.type}`;
  }
}

describe('open data', () => {
  const pkg = json<{ licenses: { name: string; path: string }[]; resources: Resource[] }>('datapackage.json');

  it('lists every file it writes in a data package with the licence, CC BY 4.0 unless project.json says otherwise', () => {
    expect(pkg.licenses).toEqual([{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' }]);
    const named = new Set(pkg.resources.flatMap((resource) => [resource.path, ...(resource.schema ? [resource.schema] : [])]));
    for (const path of written.map((file) => file.slice(dir.length + 1))) if (path !== 'datapackage.json' && path !== 'strategy.schema.json') expect(named.has(path), path).toBe(true);
  });

  it('writes JSON that its JSON Schema accepts, with texts as Markdown', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(json('strategy.schema.json'));
    for (const lang of ['sv', 'fi']) {
      const data = json<{ items: { id: string; text: string; status?: string }[] }>(`strategy.${lang}.json`);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      for (const item of data.items) expect(item.text, item.id).not.toMatch(/<\/?(p|strong|table|ul|li)>/);
      const finance = data.items.find((item) => item.id === 'chapter-finance')!;
      expect(finance.text).toContain(lang === 'fi' ? '**Menot**' : '**Utgifterna**');
      expect(finance.text).toMatch(/^\| .* \|$/m);
    }
    // A document that breaks the schema is refused: the validation can fail.
    expect(validate({ language: 'sv', sourceDate: 'x', license: {}, items: [{ id: '' }] })).toBe(false);
  });

  it('writes every CSV with a BOM, the columns its Table Schema declares, and cells its types accept', () => {
    const csvs = pkg.resources.filter((resource) => resource.format === 'csv');
    expect(csvs.map((resource) => resource.path).sort()).toEqual(['items-semicolon.csv', 'items.csv', 'measures-semicolon.csv', 'measures.csv']);
    for (const resource of csvs) {
      const text = read(resource.path);
      expect(text.startsWith('\uFEFF'), resource.path).toBe(true);
      expect(resource.encoding).toBe('utf-8-sig');
      const schema = json<{ fields: Field[]; primaryKey: string[] }>(resource.schema!);
      const [header, ...rows] = records(text.slice(1), resource.dialect!.delimiter);
      expect(header, resource.path).toEqual(schema.fields.map((field) => field.name));
      const problems = rows.flatMap((row, line) => {
        if (row.length !== header!.length) return [`${resource.path}:${line + 2}: ${row.length} cells`];
        return schema.fields.flatMap((field, i) => cast(field, row[i]!) ?? []).map((problem) => `${resource.path}:${line + 2}: ${problem}`);
      });
      expect(problems).toEqual([]);
      const keys = rows.map((row) => row[header!.indexOf(schema.primaryKey[0]!)]);
      expect(new Set(keys).size, resource.path).toBe(keys.length);
    }
  });

  it('gives measures their baselines, targets and actuals by year, and actions their status', () => {
    const [header, ...rows] = records(read('measures.csv').slice(1), ',');
    const measure = Object.fromEntries(header!.map((column, i) => [column, rows.find((row) => row[0] === 'measure-living-at-home')![i]]));
    expect(measure).toMatchObject({ baseline_year: '2024', baseline_value: '92.1', target_2026: '93', target_2029: '94', actual_2025: '92.6', unit_sv: '%', title_fi: 'Kotona asuvien 75 vuotta täyttäneiden osuus' });
    const [localHeader, ...localRows] = records(read('measures-semicolon.csv').slice(1), ';');
    expect(localRows.find((row) => row[0] === 'measure-living-at-home')![localHeader!.indexOf('actual_2025')]).toBe('92,6');
    const [itemHeader, ...items] = records(read('items.csv').slice(1), ',');
    const action = Object.fromEntries(itemHeader!.map((column, i) => [column, items.find((row) => row[0] === 'action-medicine-robots')![i]]));
    expect(action).toMatchObject({ kind: 'action', parent: 'goal-older-home', status: 'planned', status_sv: 'Planerad', status_fi: 'Suunniteltu', years: '2026', responsible_fi: 'Kotihoito' });
  });
});
