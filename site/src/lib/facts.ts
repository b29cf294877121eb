/** The fields of an item that the site knows how to say, as label/value pairs. Unknown fields are left out. */
import type { ItemView } from '../../../src/view/types.ts';
import { t, word } from './i18n.ts';
import { sourceOf } from './measure.ts';

export interface Fact {
  key: string;
  label: string;
  value: string;
  /** An external page for the value (a Sotkanet indicator). */
  url?: string;
  /** A second line, e.g. the author's description of a data source. */
  note?: string;
}

/** "2026", "2026–2028" for consecutive years, else "2025, 2027". */
export function formatYears(raw: unknown): string {
  const years = (Array.isArray(raw) ? raw : [raw]).filter((y): y is number => typeof y === 'number').sort((a, b) => a - b);
  if (years.length === 0) return '';
  const consecutive = years.every((year, i) => i === 0 || year === years[i - 1]! + 1);
  return consecutive && years.length > 2 ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

type FactReader = (item: ItemView) => Omit<Fact, 'key' | 'label'> | undefined;

/** Field name → how to say it; the order is the order on the page. */
export const factReaders: [string, FactReader][] = [
  ['target-group', (item) => wrap(text(item.fields['target-group']))],
  ['type', (item) => wrap(item.fields['type'] === undefined ? undefined : word(item.lang, 'measureType', item.fields['type']))],
  ['unit', (item) => wrap(text(item.fields['unit']))],
  ['direction', (item) => wrap(item.fields['direction'] === undefined ? undefined : word(item.lang, 'direction', item.fields['direction']))],
  [
    'source',
    (item) => {
      const source = sourceOf(item);
      if (!source) return undefined;
      return { value: source.text, ...(source.url ? { url: source.url } : {}), ...(source.label && source.label !== source.text ? { note: source.label } : {}) };
    },
  ],
  ['years', (item) => wrap(item.fields['years'] === undefined ? undefined : formatYears(item.fields['years']) || undefined)],
  ['year', (item) => wrap(text(item.fields['year']))],
  ['responsible', (item) => wrap(text(item.fields['responsible']))],
  ['status', (item) => wrap(item.fields['status'] === undefined ? undefined : word(item.lang, 'status', item.fields['status']))],
];

function wrap(value: string | undefined): { value: string } | undefined {
  return value === undefined || value === '' ? undefined : { value };
}

export function factsOf(item: ItemView): Fact[] {
  return factReaders.flatMap(([key, read]) => {
    const fact = read(item);
    return fact ? [{ key, label: t(item.lang, `field.${key}`), ...fact }] : [];
  });
}
