/**
 * Astro's own static build of the site, in a process of its own: `node astro-build.ts <options as JSON>`.
 * src/render/site/build.ts starts it with the environment the site reads (STRATEGY_VIEWS_FILE, SITE_URL), so the
 * build neither shares the caller's environment nor its memory, and a test runner's NODE_ENV never reaches Vite.
 * Exits 0 when every page is written; otherwise prints Astro's error on stderr and exits 1.
 */
import { build } from 'astro';

interface AstroBuildOptions {
  root: string;
  outDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

const { root, outDir, logLevel } = JSON.parse(process.argv[2] ?? '{}') as AstroBuildOptions;
try {
  await build({ root, outDir, logLevel, mode: 'production' });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
