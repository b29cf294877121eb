/** Geometry and text alternative of a measure's small line chart: pure data, drawn as inline SVG by Chart.astro. */
import { formatNumber } from '../../../src/view/format.ts';
import type { DataPoint, PointKind } from './measure.ts';

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

/** A step of 1, 2 or 5 times a power of ten that cuts the span into about `count` parts. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The value axis: padded around the data, on round numbers, never below zero for non-negative data. */
export function valueDomain(values: readonly number[]): { min: number; max: number; step: number } {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  } else {
    const pad = (high - low) * 0.15;
    low -= pad;
    high += pad;
  }
  if (Math.min(...values) >= 0 && low < 0) low = 0;
  const step = niceStep(high - low);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  return { min: round(min), max: round(max), step };
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function buildChart(points: readonly DataPoint[], lang: string, format: (value: number) => string, size = { width: 640, height: 260 }): ChartModel | undefined {
  const numeric = points.filter((p): p is DataPoint & { value: number } => typeof p.value === 'number');
  if (numeric.length < 2) return undefined;
  const plot = { left: 72, right: size.width - 24, top: 28, bottom: size.height - 40 };
  const years = numeric.map((p) => p.year);
  let firstYear = Math.min(...years);
  let lastYear = Math.max(...years);
  if (firstYear === lastYear) {
    firstYear -= 1;
    lastYear += 1;
  }
  const { min, max, step } = valueDomain(numeric.map((p) => p.value));
  const x = (year: number) => round(plot.left + ((year - firstYear) / (lastYear - firstYear)) * (plot.right - plot.left));
  const y = (value: number) => round(plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top));

  const xTicks: ChartTick[] = [];
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let year = firstYear; year <= lastYear; year += yearStep) xTicks.push({ at: x(year), label: String(year) });
  const yTicks: ChartTick[] = [];
  for (let value = min; value <= max + step / 2; value += step) yTicks.push({ at: y(value), label: formatNumber(round(value), lang) });

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
