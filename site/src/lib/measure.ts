/** A measure's values as the view model gives them (item.measure: schema/ marks measures with `x-measure`). */
import type { ItemView } from '../../../src/view/types.ts';

export type PointKind = 'baseline' | 'target' | 'actual';

export interface DataPoint {
  kind: PointKind;
  year: number;
  value: number | boolean;
  /** The value in words with its unit: "92,1 %", "ja". */
  text: string;
}

export function baselineOf(item: ItemView): DataPoint | undefined {
  const baseline = item.measure?.baseline;
  return baseline ? { kind: 'baseline', ...baseline } : undefined;
}

export function targetsOf(item: ItemView): DataPoint[] {
  return (item.measure?.targets ?? []).map((point) => ({ kind: 'target', ...point }));
}

export function actualsOf(item: ItemView): DataPoint[] {
  return (item.measure?.actuals ?? []).map((point) => ({ kind: 'actual', ...point }));
}

/** Baseline, targets and actuals, ordered by year (baseline first, then actuals, then targets within a year). */
export function dataPoints(item: ItemView): DataPoint[] {
  const rank: Record<PointKind, number> = { baseline: 0, actual: 1, target: 2 };
  const baseline = baselineOf(item);
  return [...(baseline ? [baseline] : []), ...actualsOf(item), ...targetsOf(item)].sort((a, b) => a.year - b.year || rank[a.kind] - rank[b.kind]);
}

/** Whether an item is a measure (its kind is marked `x-measure`). */
export function isMeasure(item: ItemView): boolean {
  return item.measure !== undefined;
}

export function unitOf(item: ItemView): string | undefined {
  return item.measure?.unit;
}

/** "2024: 92,1 %" */
export function pointText(point: DataPoint): string {
  return `${point.year}: ${point.text}`;
}

/** Numeric points for a chart; a chart needs two of them. */
export function chartPoints(item: ItemView): DataPoint[] {
  return dataPoints(item).filter((p) => typeof p.value === 'number');
}

/** Target years of a group of measures, for "targets by year" columns. */
export function targetYears(items: readonly ItemView[]): number[] {
  return [...new Set(items.flatMap((item) => targetsOf(item).map((p) => p.year)))].sort((a, b) => a - b);
}
