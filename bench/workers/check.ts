/**
 * (a) the parse floor and (b) the full check, interleaved in one process on the same files:
 *   node --expose-gc bench/workers/check.ts <strategyDir> <schemaDir> <runs>
 * Each run parses afresh, so every memo (keyed by the parsed body) starts empty. The first run of each is a
 * warm-up and is not counted. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { LineCounter, parseDocument } from 'yaml';
import type { Root } from 'mdast';
import { discover } from '../../src/load/discover.ts';
import { loadStrategy } from '../../src/pipeline.ts';

const [strategyDir, schemaDir, runsText] = process.argv.slice(2) as [string, string, string];
const runs = Number(runsText);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Read, parse Markdown (GFM, front-matter) and parse the YAML with positions: nothing else. */
function parseFloor(): number {
  let nodes = 0;
  for (const { path } of discover(strategyDir, ['sv', 'fi']).files) {
    const text = readFileSync(join(strategyDir, path), 'utf8');
    const tree = processor.parse(text) as Root;
    const first = tree.children[0];
    if (first?.type === 'yaml') parseDocument(first.value, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
    nodes += tree.children.length;
  }
  return nodes;
}

/** Wall and CPU (user + system) milliseconds of one call. CPU time is what other processes on the machine disturb least. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = fn();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const floor: { wall: number; cpu: number }[] = [];
const check: { wall: number; cpu: number }[] = [];
let summary: { files: number; errors: number; warnings: number } | undefined;
for (let run = 0; run <= runs; run++) {
  // The order alternates (a, b, then b, a): a machine that slows down or speeds up during a run tilts the ratio
  // one way in one run and the other way in the next, and the median of the per-run ratios stays near the truth.
  const measureFloor = () => {
    gc();
    return timed(parseFloor);
  };
  const measureCheck = () => {
    gc();
    return timed(() => loadStrategy(strategyDir, { schemaDir }));
  };
  let a: ReturnType<typeof measureFloor>;
  let b: ReturnType<typeof measureCheck>;
  if (run % 2 === 0) {
    a = measureFloor();
    b = measureCheck();
  } else {
    b = measureCheck();
    a = measureFloor();
  }
  const result = b.value;
  summary = { files: result.graph.files.length, errors: result.errorCount, warnings: result.warningCount };
  if (run > 0) {
    floor.push({ wall: a.wall, cpu: a.cpu });
    check.push({ wall: b.wall, cpu: b.cpu });
  }
}
process.stdout.write(`${JSON.stringify({ floor, check, summary })}\n`);
