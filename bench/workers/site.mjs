/**
 * (e) our site: buildSite() from src/render/site/build.ts (check, Astro, Pagefind), in a process of its own, compiled
 * as `strategy build` runs it (src/load/compiled.mjs): plain Node, no tsx.
 *   node bench/workers/site.mjs <strategyDir> <schemaDir> <outDir>
 * Prints { seconds, phases } (phases: wall ms of check and view models, Astro, Pagefind).
 */
import { importEntry } from '../../src/load/compiled.mjs';

const [strategyDir, schemaDir, outDir] = process.argv.slice(2);
const { buildSite } = await importEntry('site');
const started = performance.now();
const { timings } = await buildSite({ strategyDir, schemaDir, outDir, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, phases: timings })}\n`);

