/**
 * (e) our site: buildSite() from src/render/site/build.ts (check, Astro's build, Pagefind), in a process of its own,
 * as `strategy build` runs it.
 *   node bench/workers/site.ts <strategyDir> <schemaDir> <outDir>
 * Prints { phases } (wall ms of check and view models, Astro, Pagefind); bench/run.ts times the process itself.
 */
import { buildSite } from '../../src/render/site/build.ts';

const [strategyDir = '', schemaDir = '', outDir = ''] = process.argv.slice(2);
const { timings } = await buildSite({ strategyDir, schemaDir, outDir, logLevel: 'error' });
process.stdout.write(`${JSON.stringify({ phases: timings })}\n`);
