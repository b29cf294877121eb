/**
 * Profiles only the re-checks of `strategy dev`: createChecker, then edits and update([file]) under the inspector.
 *   [FRONT_MATTER=1] node bench/profile-incremental.ts <strategyDir> [schemaDir] [out.cpuprofile]
 * Edits a number in the body, or with FRONT_MATTER=1 the first number in the front-matter.
 */
import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createChecker } from '../src/incremental/checker.ts';
import { discover } from '../src/load/discover.ts';

const [dir = 'bench/data/1000/strategy', schemaDir = 'schema', out = '/tmp/prof/incremental.cpuprofile'] = process.argv.slice(2);
const root = resolve(dir);
const checker = createChecker(root, { schemaDir: resolve(schemaDir) });
const files = discover(root, ['sv', 'fi']).files.filter((f) => f.path.includes('/measures/')).slice(0, 12);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (const file of files) {
  const absolute = join(root, file.path);
  const original = readFileSync(absolute, 'utf8');
  // A number in the body (after the closing fence), or with --front-matter, the first number in the front-matter.
  const fence = original.indexOf('\n---', 4) + 4;
  const edited = process.env['FRONT_MATTER'] ? original.replace(/(\d)\b/, (d: string) => String((Number(d) + 1) % 10)) : original.slice(0, fence) + original.slice(fence).replace(/(\d)\b/, (d: string) => String((Number(d) + 1) % 10));
  writeFileSync(absolute, edited);
  const started = performance.now();
  checker.update([file.path]);
  process.stdout.write(`${(performance.now() - started).toFixed(0)} ms `);
  writeFileSync(absolute, original);
  checker.update([file.path]);
}
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`\nprofile: ${out}\n`);
