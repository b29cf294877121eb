/**
 * Builds the strategy website: Astro (site/) renders every page from the view model, then Pagefind
 * indexes the result, one index per language (from <html lang>, so Swedish and Finnish stemming apply).
 *
 *   import { buildSite } from './src/render/site/build.ts';
 *   await buildSite({ strategyDir: 'strategy', schemaDir: 'schema', outDir: 'out/site' });
 *
 * Or from the shell: npx tsx src/render/site/build.ts [--strategy strategy] [--schema schema] [--out out/site] [--pdf out/pdf] [--site-url URL]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultSchemaDir } from '../../pipeline.ts';
import { loadViewModels } from '../../view/load.ts';
import { pdfFileName } from './paths.ts';
import { handOverViews, PREPARED_VIEWS_ENV, viewsKey } from './handoff.ts';
import type { ViewModel } from '../../view/types.ts';

/** The Astro project. */
export const SITE_DIR = fileURLToPath(new URL('../../../site/', import.meta.url));

export interface BuildSiteOptions {
  strategyDir: string;
  /** By default schema/ beside the strategy folder (as `strategy check` does). */
  schemaDir?: string;
  /**
   * Emptied first, then filled with the site. Best inside the current directory (out/site): Astro bundles
   * its page code next to the output, or in <cwd>/.astro/ when the output lies elsewhere.
   */
  outDir: string;
  /** The public address, e.g. https://strategi.example.fi/: makes hreflang and canonical links absolute. */
  siteUrl?: string;
  /**
   * A folder with the council PDFs (out/pdf): when given, its files named by pdfFileName() are copied to
   * <outDir>/pdf/ so the download page's links work in the site itself. Missing files are skipped.
   */
  pdfDir?: string;
  /** View models the caller has already built from this strategy (after check): they are not loaded again. */
  views?: Record<string, ViewModel>;
  /** Astro's log level; 'warn' by default. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface BuildSiteResult {
  outDir: string;
  /** PDFs copied to <outDir>/pdf/. */
  pdfs: string[];
  /** Pages Pagefind indexed, and the languages it made an index for. */
  indexedPages: number;
  searchLanguages: string[];
  /** Wall milliseconds of each step: check and view models (0 when the caller gave them), Astro, Pagefind. */
  timings: { viewsMs: number; astroMs: number; searchMs: number };
}

/** Whether `child` is `parent` or lies inside it. */
function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The output folder is emptied first: never let that be a folder that holds the sources. */
export function checkOutDir(outDir: string): void {
  const repoRoot = resolve(SITE_DIR, '..');
  const holds = [process.cwd(), repoRoot, SITE_DIR].some((dir) => within(dir, outDir));
  const insideSources = ['src', 'public'].some((name) => within(outDir, join(SITE_DIR, name)));
  if (outDir === dirname(outDir) || holds || insideSources) {
    throw new Error(`Refusing to empty ${outDir}: choose a folder of its own, e.g. out/site`);
  }
}

/**
 * Copies the council PDFs named by pdfFileName() from pdfDir to <siteDir>/pdf/, where the download page links
 * to them; missing files are skipped. Returns the names copied.
 */
export function copyPdfsIntoSite(views: Readonly<Record<string, ViewModel>>, pdfDir: string, siteDir: string): string[] {
  const copied: string[] = [];
  for (const name of Object.values(views).map(pdfFileName)) {
    const from = join(resolve(pdfDir), name);
    if (!existsSync(from)) continue;
    mkdirSync(join(siteDir, 'pdf'), { recursive: true });
    copyFileSync(from, join(siteDir, 'pdf', name));
    copied.push(name);
  }
  return copied;
}

/** Runs the Astro build and then Pagefind over its output. Throws CheckFailedError when the strategy has errors. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const strategyDir = resolve(options.strategyDir);
  const schemaDir = resolve(options.schemaDir ?? defaultSchemaDir(strategyDir));
  const outDir = resolve(options.outDir);
  checkOutDir(outDir);

  // Fail fast, with the checker's own message, before Astro starts; or take the caller's already checked views.
  let started = performance.now();
  const views = options.views ?? loadViewModels(strategyDir, { schemaDir }).views;
  const viewsMs = options.views ? 0 : performance.now() - started;
  handOverViews(viewsKey(strategyDir, schemaDir), views);

  const saved = { ...process.env };
  process.env['STRATEGY_DIR'] = strategyDir;
  process.env['SCHEMA_DIR'] = schemaDir;
  if (options.siteUrl) process.env['SITE_URL'] = options.siteUrl;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  process.env[PREPARED_VIEWS_ENV] = '1';
  // A production build even when called from a test runner (vitest sets NODE_ENV=test).
  process.env['NODE_ENV'] = 'production';
  try {
    rmSync(outDir, { recursive: true, force: true });
    started = performance.now();
    const { build } = await import('astro');
    await build({ root: SITE_DIR, outDir, logLevel: options.logLevel ?? 'warn', mode: 'production' });
  } finally {
    handOverViews('', undefined);
    for (const key of ['STRATEGY_DIR', 'SCHEMA_DIR', 'SITE_URL', 'ASTRO_TELEMETRY_DISABLED', 'NODE_ENV', PREPARED_VIEWS_ENV]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }

  const astroMs = performance.now() - started;
  const pdfs = options.pdfDir ? copyPdfsIntoSite(views, options.pdfDir, outDir) : [];

  started = performance.now();

  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, unknown> };
    const timings = { viewsMs, astroMs, searchMs: performance.now() - started };
    return { outDir, pdfs, indexedPages: added.page_count, searchLanguages: Object.keys(entry.languages ?? {}).sort(), timings };
  } finally {
    await pagefind.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { strategy: { type: 'string', default: 'strategy' }, schema: { type: 'string' }, out: { type: 'string', default: 'out/site' }, pdf: { type: 'string' }, 'site-url': { type: 'string' } },
  });
  const started = Date.now();
  buildSite({
    strategyDir: values.strategy!,
    outDir: values.out!,
    ...(values.schema ? { schemaDir: values.schema } : {}),
    ...(values['site-url'] ? { siteUrl: values['site-url'] } : {}),
    ...(values.pdf ? { pdfDir: values.pdf } : {}),
    logLevel: 'info',
  }).then(
    (result) => {
      process.stdout.write(`Site written to ${relative(process.cwd(), result.outDir) || '.'}: ${result.indexedPages} pages indexed (${result.searchLanguages.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
