/**
 * (e) our site: buildSite() from src/render/site/build.ts (check, Astro, Pagefind), in a process of its own, compiled
 * as `strategy build` runs it (src/load/compiled.mjs): plain Node, no tsx.
 *   node bench/workers/site.mjs <strategyDir> <schemaDir> <outDir>
 * Prints { phases } (wall ms of check and view models, Astro, Pagefind); bench/run.ts times the process itself.
 */
import { importEntry } from '../../src/load/compiled.mjs';

const [strategyDir, schemaDir, outDir] = process.argv.slice(2);
const { buildSite } = await importEntry('site');
const { timings } = await buildSite({ strategyDir, schemaDir, outDir, logLevel: 'error' });
process.stdout.write(`${JSON.stringify({ phases: timings })}\n`);
