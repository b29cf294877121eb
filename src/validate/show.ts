import { t } from '../messages/index.ts';

/** YAML's names for the numbers JSON has none for. */
const nonFinite = (value: number) => (Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf');

/**
 * A front-matter value as a message quotes it: JSON, with YAML's `.nan` and `.inf` as written (JSON would say null),
 * a string bare where the message puts it in backticks of its own, and cut to `max` characters.
 */
export function show(value: unknown, { max, bareStrings = false }: { max: number; bareStrings?: boolean }): string {
  const text = bareStrings && typeof value === 'string' ? value : asJson(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function asJson(value: unknown): string {
  const marker = '\u0000';
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${marker}${nonFinite(v)}${marker}` : v));
  return json === undefined ? t('word.nothing') : json.replace(/"\\u0000([^"\\]*)\\u0000"/g, '$1');
}
