/** Geometry and text alternative of a measure's small line chart: pure data, drawn as inline SVG by Chart.astro. */
import { formatNumber } from '../../../src/view/format.ts';
import type { DataPoint as MeasurePoint, PointKind } from './measure.ts';

/** What a chart needs of a point: its kind, its year, its value. */
export type ChartPoint = Pick<MeasurePoint, 'kind' | 'year' | 'value'>;
type DataPoint = ChartPoint;

export interface ChartTick {
  at: number;
  label: string;
}

export interface ChartMarker {
  kind: PointKind;
  x: number;
  y: number;
  label: string;
  /** How the value label sits on the marker: at the plot's edges it leans inwards, off the axis labels. */
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartModel {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** SVG polyline points "x,y x,y" of what was measured (baseline, actuals) and of the plan (baseline to targets). */
  measuredLine: string;
  targetLine: string;
  markers: ChartMarker[];
}

/** No axis gets more ticks than this, whatever the numbers: the tick loops are bounded by count, never by value. */
export const maxTicks = 12;

/** The smallest step an axis takes: finer steps are subnormal numbers, whose powers of ten are not exact. */
const finestStep = 1e-300;

/** A step of 1, 2 or 5 times a power of ten that cuts the span into about `count` parts; always finite and positive. */
export function niceStep(span: number, count = 4): number {
  const raw = Math.min(span, Number.MAX_VALUE) / count;
  if (!(raw > 0)) return 1;
  if (raw <= finestStep) return finestStep;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  const step = nice * power;
  return Number.isFinite(step) ? step : Number.MAX_VALUE;
}

/** The distance from `value` to the next double away from zero (at 2^53 and above, 2 or more). */
function spacing(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude < 2 ** -1022) return Number.MIN_VALUE;
  // log2 rounds: log2(2^53 - 1) is 53.
  let exponent = Math.floor(Math.log2(magnitude));
  if (2 ** exponent > magnitude) exponent -= 1;
  return 2 ** (exponent - 52);
}

/** A multiple of `step` written with no more digits than it needs: 0.30000000000000004 → 0.3. */
function tidy(value: number, step: number): number {
  const digits = Math.max(1, Math.ceil(Math.log10(Math.abs(value) / step + 1))) + 2;
  const tidied = Number(value.toPrecision(Math.min(100, digits)));
  return Number.isFinite(tidied) ? tidied + 0 : value;
}

const finite = (value: number) => Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, value));

/**
 * The value axis, on round numbers. With `from` (the charts pass 0), it reaches that value, so that a change is
 * drawn to scale (92 → 95 % is a small rise, not a climb from the bottom), and is padded only on the data's side of
 * it; without, it is padded around the data, never below zero for non-negative data. Always finite, with
 * `min < max` and a step no finer than the doubles at that height (1e16 + 0.5 is 1e16), so that at most `maxTicks`
 * ticks cover it. Values that are not finite are left out.
 */
export function valueDomain(values: readonly number[], from?: number): { min: number; max: number; step: number } {
  const numbers = [...values, ...(from !== undefined ? [from] : [])].filter((value) => Number.isFinite(value));
  if (numbers.length === 0) return { min: 0, max: 1, step: 0.5 };
  const lowest = Math.min(...numbers);
  const highest = Math.max(...numbers);
  // Halves: the span from -1e308 to 1e308 is not a double, its half is.
  const halfSpan = highest / 2 - lowest / 2;
  const pad = halfSpan > 0 ? halfSpan * (from !== undefined ? 0.1 : 0.3) : lowest === 0 ? 1 : Math.abs(lowest) * 0.1;
  let low = finite(from !== undefined && lowest === from ? lowest : lowest - pad);
  const high = finite(from !== undefined && highest === from && lowest < from ? highest : highest + pad);
  if (lowest >= 0 && low < 0) low = 0;
  const step = Math.max(niceStep(high / 2 - low / 2, from !== undefined ? 2.5 : 2), niceStep(spacing(Math.max(Math.abs(low), Math.abs(high))), 1));
  let min = tidy(Math.floor(low / step) * step, step);
  if (!Number.isFinite(min) || min > lowest) min = low;
  let max = tidy(Math.ceil(high / step) * step, step);
  if (!Number.isFinite(max) || max < highest) max = high;
  if (!(max > min)) max = finite(min + step);
  return { min, max, step };
}

/** Where `value` sits between `from` and `to`, from 0 to 1; 0.5 when the two cannot be told apart. */
function fraction(value: number, from: number, to: number): number {
  const whole = to / 2 - from / 2;
  const part = (value / 2 - from / 2) / whole;
  return Number.isFinite(part) ? Math.min(1, Math.max(0, part)) : 0.5;
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** A measure's small line chart; its value axis reaches `axisFrom` (zero by default; null: padded around the data). */
export function buildChart(points: readonly DataPoint[], lang: string, format: (value: number) => string, size = { width: 640, height: 260 }, axisFrom: number | null = 0): ChartModel | undefined {
  const numeric = points.filter((p): p is DataPoint & { value: number } => typeof p.value === 'number' && Number.isFinite(p.value) && Number.isFinite(p.year));
  if (numeric.length < 2) return undefined;
  const plot = { left: 72, right: size.width - 24, top: 28, bottom: size.height - 40 };
  const years = numeric.map((p) => p.year);
  let firstYear = Math.min(...years);
  let lastYear = Math.max(...years);
  if (firstYear === lastYear) {
    firstYear -= 1;
    lastYear += 1;
  }
  const { min, max, step } = valueDomain(numeric.map((p) => p.value), axisFrom ?? undefined);
  const x = (year: number) => round(plot.left + fraction(year, firstYear, lastYear) * (plot.right - plot.left));
  const y = (value: number) => round(plot.bottom - fraction(value, min, max) * (plot.bottom - plot.top));

  const xTicks: ChartTick[] = [];
  const yearStep = Math.max(1, Math.ceil((lastYear / 2 - firstYear / 2) / 5));
  for (let i = 0; i < maxTicks; i++) {
    const year = firstYear + i * yearStep;
    if (year > lastYear) break;
    if (i > 0 && year === firstYear + (i - 1) * yearStep) continue;
    xTicks.push({ at: x(year), label: String(year) });
  }
  const yTicks: ChartTick[] = [];
  // Counted, not added up until max: 1e16 + 0.5 is 1e16. In halves, so that -1.7e308 + 3e308 does not overflow.
  const steps = Math.min(maxTicks - 1, Math.round(max / step - min / step));
  let previous: number | undefined;
  for (let i = 0; i <= steps; i++) {
    const value = tidy((min / 2 + i * (step / 2)) * 2, step);
    if (!Number.isFinite(value)) break;
    if (value === previous) continue;
    previous = value;
    yTicks.push({ at: y(value), label: formatNumber(value, lang) });
  }

  const line = (list: readonly (DataPoint & { value: number })[]) => list.map((p) => `${x(p.year)},${y(p.value)}`).join(' ');
  const measured = numeric.filter((p) => p.kind !== 'target');
  const baseline = numeric.find((p) => p.kind === 'baseline');
  const targets = numeric.filter((p) => p.kind === 'target');
  const plan = targets.length > 0 ? [...(baseline ? [baseline] : []), ...targets] : [];

  return {
    width: size.width,
    height: size.height,
    plot,
    xTicks,
    yTicks,
    measuredLine: measured.length > 1 ? line(measured) : '',
    targetLine: plan.length > 1 ? line(plan) : '',
    markers: numeric.map((p) => {
      const at = x(p.year);
      const anchor = at - plot.left < 24 ? 'start' : plot.right - at < 24 ? 'end' : 'middle';
      return { kind: p.kind, x: at, y: y(p.value), label: format(p.value), anchor };
    }),
  };
}
