import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ViewModel } from '../../view/types.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** A front-matter value as a CSV cell: text, numbers and booleans as they are; anything else as its JSON. */
function cell(value: unknown): CsvCell {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Open data: the whole strategy per language as JSON, and every measure with its targets as CSV. */
export function writeOpenData(views: Record<string, ViewModel>, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [lang, view] of Object.entries(views)) {
    const items = view.order.map((id) => {
      const item = view.items[id]!;
      const { 'twin-hash': _stamp, ...fields } = item.data;
      return { ...fields, id, kind: item.kind, title: item.title, number: item.number ?? null, children: item.children, text: item.bodyHtml };
    });
    const path = join(outDir, `strategy.${lang}.json`);
    writeFileSync(path, `${JSON.stringify({ language: lang, sourceDate: view.sourceDate, items }, null, 2)}\n`);
    written.push(path);
  }
  const languages = Object.keys(views);
  const first = views[languages[0]!];
  if (first) {
    const years = new Set<number>();
    // Kinds flagged `x-measure` in schema/: their type, unit, direction, baseline and targets by year, whatever the
    // county's fields are called (`x-role`).
    const measures = first.order.filter((id) => first.items[id]!.measure !== undefined);
    const measure = (id: string) => first.items[id]!.measure!;
    for (const id of measures) for (const point of measure(id).targets) years.add(point.year);
    const targetYears = [...years].sort();
    const header = ['id', 'parent', ...languages.map((l) => `title_${l}`), 'type', ...languages.map((l) => `unit_${l}`), 'direction', 'baseline_year', 'baseline_value', ...targetYears.map((y) => `target_${y}`)];
    const rows = measures.map((id) => {
      const values = measure(id);
      const targets = new Map(values.targets.map((p) => [p.year, p.value]));
      return [
        id,
        first.items[id]!.parent,
        ...languages.map((l) => views[l]!.items[id]?.title),
        values.type?.value,
        ...languages.map((l) => views[l]!.items[id]?.measure?.unit),
        values.direction?.value,
        values.baseline?.year,
        values.baseline?.value,
        ...targetYears.map((y) => targets.get(y)),
      ].map(cell);
    });
    // RFC 4180 with CRLF, and text cells that a spreadsheet could run as formulas neutralised (csv.ts).
    const path = join(outDir, 'measures.csv');
    writeFileSync(path, toCsv(header, rows));
    written.push(path);
  }
  return written;
}
