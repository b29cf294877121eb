/** Measures are recognised by their fields (baseline, targets, actuals), never by the name of their kind. */
import type { ItemView } from '../../../src/view/types.ts';
import { formatValue } from '../../../src/view/format.ts';
import { t, word } from './i18n.ts';

export type PointKind = 'baseline' | 'target' | 'actual';

export interface DataPoint {
  kind: PointKind;
  year: number;
  value: number | boolean;
}

function asPoint(kind: PointKind, raw: unknown): DataPoint | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { year, value } = raw as { year?: unknown; value?: unknown };
  if (typeof year !== 'number' || (typeof value !== 'number' && typeof value !== 'boolean')) return undefined;
  return { kind, year, value };
}

function asList(kind: PointKind, raw: unknown): DataPoint[] {
  return Array.isArray(raw) ? raw.map((entry) => asPoint(kind, entry)).filter((p): p is DataPoint => p !== undefined) : [];
}

export function baselineOf(item: ItemView): DataPoint | undefined {
  return asPoint('baseline', item.fields['baseline']);
}

export function targetsOf(item: ItemView): DataPoint[] {
  return asList('target', item.fields['targets']).sort((a, b) => a.year - b.year);
}

export function actualsOf(item: ItemView): DataPoint[] {
  return asList('actual', item.fields['actuals']).sort((a, b) => a.year - b.year);
}

/** Baseline, targets and actuals, ordered by year (baseline first, then actuals, then targets within a year). */
export function dataPoints(item: ItemView): DataPoint[] {
  const rank: Record<PointKind, number> = { baseline: 0, actual: 1, target: 2 };
  const baseline = baselineOf(item);
  return [...(baseline ? [baseline] : []), ...actualsOf(item), ...targetsOf(item)].sort((a, b) => a.year - b.year || rank[a.kind] - rank[b.kind]);
}

/** Whether an item carries measure data: a baseline, targets or actuals. */
export function isMeasure(item: ItemView): boolean {
  return 'baseline' in item.fields || Array.isArray(item.fields['targets']) || Array.isArray(item.fields['actuals']);
}

export function unitOf(item: ItemView): string | undefined {
  const unit = item.fields['unit'];
  return typeof unit === 'string' && unit.length > 0 ? unit : undefined;
}

export function formatPoint(point: DataPoint, item: ItemView): string {
  return formatValue(point.value, item.lang, unitOf(item));
}

/** "2024: 92,1 %" */
export function pointText(point: DataPoint, item: ItemView): string {
  return `${point.year}: ${formatPoint(point, item)}`;
}

/** Numeric points for a chart; a chart needs two of them. */
export function chartPoints(item: ItemView): DataPoint[] {
  return dataPoints(item).filter((p) => typeof p.value === 'number');
}

export interface SourceInfo {
  /** The source in words, e.g. "Sotkanet, indikator 3261" or "Register: HaiPro". */
  text: string;
  /** An external page about the source, when there is one (Sotkanet's indicator page). */
  url: string | undefined;
  /** The source as the author described it (source-label), if given. */
  label: string | undefined;
}

/** Where a measure's data comes from. Sotkanet indicators get a link to their public metadata page. */
export function sourceOf(item: ItemView): SourceInfo | undefined {
  const source = item.fields['source'];
  const rawLabel = item.fields['source-label'];
  const label = typeof rawLabel === 'string' && rawLabel.length > 0 ? rawLabel : undefined;
  if (!source || typeof source !== 'object') return label ? { text: label, url: undefined, label: undefined } : undefined;
  const { type, indicator, name } = source as { type?: unknown; indicator?: unknown; name?: unknown };
  const lang = item.lang;
  if (type === 'sotkanet' && typeof indicator === 'number') {
    return {
      text: t(lang, 'source.sotkanetIndicator', { id: indicator }),
      url: `https://sotkanet.fi/sotkanet/${lang}/metadata/indicators/${indicator}`,
      label,
    };
  }
  const typeText = word(lang, 'sourceType', type);
  const text = typeof name === 'string' && name.length > 0 ? `${typeText}: ${name}` : typeText;
  return { text, url: undefined, label };
}

/** Target years of a group of measures, for "targets by year" columns. */
export function targetYears(items: readonly ItemView[]): number[] {
  return [...new Set(items.flatMap((item) => targetsOf(item).map((p) => p.year)))].sort((a, b) => a - b);
}
