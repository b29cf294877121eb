/**
 * Open data, for a county to publish (on avoindata.fi, say) as it is: the whole strategy per language as JSON with
 * a JSON Schema beside it, the tables of tables.ts as CSV (RFC 4180, and again for spreadsheets in a Finnish or
 * Swedish locale) each with a Frictionless Table Schema beside it, and a Frictionless data package (datapackage.json)
 * that lists every file with its format, schema and licence (project.json's, else CC BY 4.0).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { ViewModel } from '../../view/types.ts';
import { BOM, rfc4180, spreadsheet, toCsv, type CsvDialect } from './csv.ts';
import { openDataTables, type Table } from './tables.ts';

/** The files of the open data, by what they are. */
export const dataFiles = {
  strategy: (lang: string) => `strategy.${lang}.json`,
  strategySchema: 'strategy.schema.json',
  csv: (table: string) => `${table}.csv`,
  spreadsheetCsv: (table: string) => `${table}-semicolon.csv`,
  tableSchema: (file: string) => file.replace(/\.csv$/, '.schema.json'),
  package: 'datapackage.json',
} as const;

/** A Markdown body as Markdown (GFM tables kept), without the HTML comments that are notes to editors. */
export function bodyMarkdown(body: Root): string {
  const children = body.children.filter((node: RootContent) => node.type !== 'html' && node.type !== 'yaml');
  if (children.length === 0) return '';
  return toMarkdown({ ...body, children }, { extensions: [gfmToMarkdown()] }).trim();
}

/** The JSON Schema of strategy.<lang>.json. */
export function strategyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: dataFiles.strategySchema,
    title: 'A strategy in one language',
    description: 'Every item of the strategy in document order, with its front-matter fields as schema/ declares them and its text as Markdown.',
    type: 'object',
    required: ['language', 'sourceDate', 'license', 'items'],
    additionalProperties: false,
    properties: {
      language: { type: 'string', description: 'The language of the titles and texts (sv, fi)' },
      sourceDate: { type: 'string', format: 'date-time', description: 'When the strategy last changed' },
      license: {
        type: 'object',
        required: ['name', 'title', 'path'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, title: { type: 'string' }, path: { type: 'string', format: 'uri' } },
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'kind', 'title', 'number', 'parent', 'children', 'text'],
          properties: {
            id: { type: 'string', minLength: 1, description: 'Stable and the same in every language' },
            kind: { type: 'string', description: 'The kind, as schema/ names it (goal, action, measure …)' },
            title: { type: 'string' },
            number: { type: ['string', 'null'], description: 'The section number, e.g. 3.2, or null' },
            parent: { type: ['string', 'null'], description: 'The id of the item it belongs to; null for the document' },
            children: { type: 'array', items: { type: 'string' }, description: 'The ids of its items, in order' },
            text: { type: 'string', description: 'Its text as Markdown (CommonMark with GFM tables); empty when it has none' },
          },
          additionalProperties: { description: 'A front-matter field as schema/kinds/<kind>.schema.json declares it (targets, status, years …)' },
        },
      },
    },
  };
}

/** A Frictionless Table Schema of a table in a dialect. */
export function tableSchema(table: Table, dialect: CsvDialect): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      description: column.about.en,
      ...(column.type === 'number' && dialect.decimal !== '.' ? { decimalChar: dialect.decimal } : {}),
      ...(column.required ? { constraints: { required: true } } : {}),
    })),
    primaryKey: ['id'],
    missingValues: [''],
  };
}

/** The Frictionless data package: every file, its format, dialect, schema and the licence. */
function dataPackage(views: Record<string, ViewModel>, tables: Table[]): Record<string, unknown> {
  const first = Object.values(views)[0]!;
  const csvResource = (table: Table, dialect: CsvDialect) => {
    const path = dialect === rfc4180 ? dataFiles.csv(table.name) : dataFiles.spreadsheetCsv(table.name);
    return {
      name: path.replace(/\.csv$/, ''),
      path,
      title: `${table.title.en}${dialect === rfc4180 ? '' : ' (semicolons, decimal comma)'}`,
      description: table.about.en,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      dialect: { delimiter: dialect.separator, header: true, lineTerminator: '\r\n' },
      schema: dataFiles.tableSchema(path),
    };
  };
  return {
    name: first.root.id,
    title: first.root.title,
    ...(first.document.organisation ? { description: `${first.root.title}, ${first.document.organisation}` } : {}),
    licenses: [first.license],
    resources: [
      ...Object.keys(views).map((lang) => ({
        name: `strategy-${lang}`,
        path: dataFiles.strategy(lang),
        title: views[lang]!.root.title,
        description: `The whole strategy in one language (${lang}); its JSON Schema is ${dataFiles.strategySchema}`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
      })),
      ...tables.flatMap((table) => [csvResource(table, rfc4180), csvResource(table, spreadsheet)]),
    ],
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes the open data into `outDir` and returns the paths written. */
export function writeOpenData(views: Record<string, ViewModel>, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    written.push(path);
  };
  for (const [lang, view] of Object.entries(views)) {
    const items = view.order.map((id) => {
      const item = view.items[id]!;
      const { 'twin-hash': _stamp, ...fields } = item.data;
      return { ...fields, id, kind: item.kind, title: item.title, number: item.number ?? null, parent: item.parent ?? null, children: item.children, text: bodyMarkdown(item.body) };
    });
    write(dataFiles.strategy(lang), json({ language: lang, sourceDate: view.sourceDate, license: view.license, items }));
  }
  if (Object.keys(views).length === 0) return written;
  write(dataFiles.strategySchema, json(strategyJsonSchema()));
  const tables = openDataTables(views);
  for (const table of tables) {
    const header = table.columns.map((column) => column.name);
    // RFC 4180 with CRLF, and text cells that a spreadsheet could run as formulas neutralised (csv.ts).
    for (const [file, dialect] of [[dataFiles.csv(table.name), rfc4180], [dataFiles.spreadsheetCsv(table.name), spreadsheet]] as const) {
      write(file, BOM + toCsv(header, table.rows, dialect));
      write(dataFiles.tableSchema(file), json(tableSchema(table, dialect)));
    }
  }
  write(dataFiles.package, json(dataPackage(views, tables)));
  return written;
}
