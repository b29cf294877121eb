/**
 * (d) incremental re-check, as `strategy dev` does it: createChecker on the tree, then edit one file at a time
 * (a number in a paragraph), call update([file]) and time it; the file is restored (and re-checked, untimed)
 * before the next edit.
 *   node --expose-gc bench/workers/incremental.ts <strategyDir> <schemaDir> <edits>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker } from '../../src/incremental/checker.ts';
import { discover } from '../../src/load/discover.ts';

const [strategyDir, schemaDir, editsText] = process.argv.slice(2) as [string, string, string];
const edits = Number(editsText);

let started = performance.now();
const checker = createChecker(strategyDir, { schemaDir });
const initial = performance.now() - started;

// Files with a paragraph that states a baseline: spread over the tree, the same ones every run.
const candidates = discover(strategyDir, ['sv', 'fi']).files.filter((f) => f.path.includes('/measures/'));
const times: number[] = [];
const messages: number[] = [];
const restores: number[] = [];
let picked = 0;
for (let i = 0; picked < edits + 1 && i < candidates.length; i++) {
  const file = candidates[Math.floor((i * 7919) % candidates.length)]!;
  const absolute = join(strategyDir, file.path);
  const original = readFileSync(absolute, 'utf8');
  const edited = original.replace(/(\n(?:Utgångsvärdet år|Lähtötaso vuonna) \d{4} (?:var|oli) )(\d+)/, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
  if (edited === original) continue;
  picked++;
  try {
    writeFileSync(absolute, edited);
    started = performance.now();
    const result = checker.update([file.path]);
    const took = performance.now() - started;
    // The first edit warms the JIT up and is not counted.
    if (picked > 1) {
      times.push(took);
      messages.push(result.errorCount);
    }
  } finally {
    writeFileSync(absolute, original);
    started = performance.now();
    checker.update([file.path]);
    if (picked > 1) restores.push(performance.now() - started);
  }
}
process.stdout.write(`${JSON.stringify({ initial, times, restores, errorsAfterEdit: messages, files: checker.result.graph.files.length, errorsAtEnd: checker.result.errorCount })}\n`);
