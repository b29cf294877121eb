/**
 * (e) our site: buildSite() from src/render/site/build.ts (check, Astro, Pagefind), in a process of its own.
 *   node --import tsx bench/workers/site.ts <strategyDir> <schemaDir> <outDir>
 * Prints { seconds, pages, phases } (phases: wall ms of check and view models, Astro, Pagefind) or { missing: true } when the module is not there yet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../generate.ts';

const [strategyDir, schemaDir, outDir] = process.argv.slice(2) as [string, string, string];
const modulePath = join(repoRoot, 'src/render/site/build.ts');
if (!existsSync(modulePath)) {
  process.stdout.write(`${JSON.stringify({ missing: true })}\n`);
} else {
  const { buildSite } = (await import(pathToFileURL(modulePath).href)) as {
    buildSite(options: { strategyDir: string; schemaDir: string; outDir: string; logLevel?: string }): Promise<{ timings?: Record<string, number> }>;
  };
  const started = performance.now();
  const { timings } = await buildSite({ strategyDir, schemaDir, outDir, logLevel: 'error' });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, pages: countPages(outDir), phases: timings })}\n`);
}


/** HTML pages written, Pagefind's own files left out. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind')).length;
}
