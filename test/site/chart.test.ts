/**
 * The chart of a measure with extreme values: every axis is finite and holds at most `maxTicks` ticks, and no
 * coordinate is NaN or infinite, whatever numbers reach it. Before, 1e16 and 1e16 + 2 made the tick loop add 0.5 to
 * 1e16 for ever (the site's build grew to 4 GB), 1e300 made the axis infinite, and ±1e308 or 5e-324 put NaN into
 * the polylines. The charts are computed in a worker thread with a time and memory limit, so that a loop that never
 * ends fails these tests instead of hanging them.
 */
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxTicks, niceStep, type ChartModel, type ChartPoint as DataPoint } from '../../site/src/lib/chart.ts';

const chartModule = new URL('../../site/src/lib/chart.ts', import.meta.url).href;

const series = (baseline: number, ...targets: number[]): DataPoint[] => [
  { kind: 'baseline', year: 2024, value: baseline },
  ...targets.map((value, index): DataPoint => ({ kind: 'target', year: 2026 + index * 3, value })),
];

const extremes: [string, DataPoint[]][] = [
  ['1e16 and 1e16 + 2 (neighbouring doubles)', series(1e16, 1e16 + 2)],
  ['2^53 - 2 and 2^53 - 1', series(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)],
  ['±(2^53 - 1)', series(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)],
  ['1e300 and 2e300', series(1e300, 2e300)],
  ['1e300 twice', series(1e300, 1e300)],
  ['-1e308 and 1e308', series(-1e308, 1e308)],
  ['the largest and the smallest double', series(-Number.MAX_VALUE, Number.MAX_VALUE, 0)],
  ['5e-324 and 0', series(5e-324, 0)],
  ['5e-324 and -5e-324', series(5e-324, -5e-324)],
  ['5e-324 twice', series(5e-324, 5e-324)],
  ['1e-300 and the next double', series(1e-300, 1.0000000000000002e-300)],
  ['equal baseline and target', series(94, 94)],
  ['zero twice', series(0, 0)],
  ['a negative range', series(-50, -10, -30)],
  ['a range across zero', series(-0.5, 0.25)],
  ['a negative value twice', series(-5, -5)],
  ['values that are not finite beside finite ones', [...series(10, 20, 30), { kind: 'actual', year: 2025, value: Number.NaN }, { kind: 'target', year: 2030, value: Infinity }, { kind: 'target', year: Number.NaN, value: 5 }]],
  ['years 1e16 and 1e16 + 2', [{ kind: 'baseline', year: 1e16, value: 1 }, { kind: 'target', year: 1e16 + 2, value: 2 }]],
  ['years ±1e308', [{ kind: 'baseline', year: -1e308, value: 1 }, { kind: 'target', year: 1e308, value: 2 }]],
];

interface Computed {
  chart: ChartModel | undefined;
  domain: { min: number; max: number; step: number };
}

/** buildChart and valueDomain of every case, in a worker that gets 10 s and 256 MB. */
function computeInWorker(cases: readonly [string, DataPoint[]][]): Promise<Computed[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then((chart) => {
      parentPort.postMessage(workerData.cases.map(([, points]) => ({
        chart: chart.buildChart(points, 'sv', String),
        domain: chart.valueDomain(points.map((point) => point.value)),
      })));
    });`;
  const worker = new Worker(code, { eval: true, workerData: { module: chartModule, cases }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('the charts were not computed within 10 s'));
    }, 10_000);
    worker.once('message', (computed: Computed[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(computed);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Every number the SVG carries: tick positions, marker positions and the polylines' points. */
function coordinates(chart: ChartModel): number[] {
  const points = (line: string) => (line === '' ? [] : line.split(' ').flatMap((pair) => pair.split(',').map(Number)));
  return [
    ...chart.xTicks.map((tick) => tick.at),
    ...chart.yTicks.map((tick) => tick.at),
    ...chart.markers.flatMap((marker) => [marker.x, marker.y]),
    ...points(chart.measuredLine),
    ...points(chart.targetLine),
  ];
}

let computed: Computed[] = [];
beforeAll(async () => {
  computed = await computeInWorker(extremes);
}, 20_000);

const results = () => extremes.map(([name, points], index) => ({ name, points, ...computed[index]! }));

describe('a chart of extreme values', () => {
  it.each(extremes.map(([name], index) => [name, index] as const))('%s: at most maxTicks ticks, finite coordinates inside the plot', (_, index) => {
    const { chart } = results()[index]!;
    expect(chart).toBeDefined();
    const model = chart!;
    for (const ticks of [model.xTicks, model.yTicks]) {
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      expect(ticks.length).toBeLessThanOrEqual(maxTicks);
      // Ticks differ from each other.
      expect(new Set(ticks.map((tick) => tick.at)).size).toBe(ticks.length);
    }
    for (const value of coordinates(model)) expect(Number.isFinite(value), String(value)).toBe(true);
    for (const marker of model.markers) {
      expect(marker.x).toBeGreaterThanOrEqual(model.plot.left);
      expect(marker.x).toBeLessThanOrEqual(model.plot.right);
      expect(marker.y).toBeGreaterThanOrEqual(model.plot.top);
      expect(marker.y).toBeLessThanOrEqual(model.plot.bottom);
    }
    for (const tick of model.yTicks) {
      expect(tick.at).toBeGreaterThanOrEqual(model.plot.top);
      expect(tick.at).toBeLessThanOrEqual(model.plot.bottom);
      expect(tick.label).not.toMatch(/NaN|∞/);
    }
    expect(`${model.measuredLine} ${model.targetLine}`).not.toMatch(/NaN|Infinity/);
  });

  it('leaves out the points that are not finite numbers (which check refuses), and draws the rest', () => {
    const { chart } = results().find((result) => result.name.startsWith('values that are not finite'))!;
    expect(chart!.markers.map((marker) => marker.label)).toEqual(['10', '20', '30']);
  });
});

describe('the value axis', () => {
  it.each(extremes.map(([name], index) => [name, index] as const))('%s: finite, min < max, around the data, with a step that moves the value', (_, index) => {
    const { points, domain } = results()[index]!;
    const values = points.map((point) => point.value as number).filter((value) => Number.isFinite(value));
    const { min, max, step } = domain;
    for (const n of [min, max, step]) expect(Number.isFinite(n)).toBe(true);
    expect(min).toBeLessThan(max);
    expect(step).toBeGreaterThan(0);
    expect(min + step).not.toBe(min);
    expect(min).toBeLessThanOrEqual(Math.min(...values));
    expect(max).toBeGreaterThanOrEqual(Math.max(...values));
  });

  it('has a finite, positive step for any span', () => {
    for (const span of [0, -1, Number.NaN, Infinity, Number.MAX_VALUE, 5e-324, 1e-310, 1e308]) {
      const step = niceStep(span);
      expect(Number.isFinite(step), String(span)).toBe(true);
      expect(step, String(span)).toBeGreaterThan(0);
    }
  });
});
