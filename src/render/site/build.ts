/**
 * Builds the strategy website: Astro's own build of site/ renders every page from the checked view model, then
 * Pagefind indexes the result, one index per language (from <html lang>, so Swedish and Finnish stemming apply).
 *
 *   import { buildSite } from './src/render/site/build.ts';
 *   await buildSite({ strategyDir: 'strategy', schemaDir: 'schema', outDir: 'out/site' });
 *
 * Or from the shell: node src/render/site/build.ts [--strategy strategy] [--schema schema] [--out out/site] [--pdf out/pdf] [--site-url URL]
 *   [--search-fragment-files N]
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify, stripVTControlCharacters } from 'node:util';
import { loadViewModels } from '../../view/load.ts';
import { pdfFileName, redlinePdfFileName } from '../../view/paths.ts';
import { packageDirectory } from '../../util/package-dir.ts';
import { processAlive, stageOutput } from '../../output/atomic.ts';
import type { ViewModel } from '../../view/types.ts';
import { writeOpenData } from '../data/export.ts';
import { siteAddress } from './address.ts';
import { writeSearchForms } from './search-forms.ts';
import { langFromEnv, setLang, t } from '../../messages/index.ts';

const execFileAsync = promisify(execFile);

/** The Astro project. */
export const SITE_DIR = fileURLToPath(new URL('../../../site/', import.meta.url));

export interface BuildSiteOptions {
  strategyDir: string;
  /** By default schema/ beside the strategy folder (as `strategy check` does). */
  schemaDir?: string;
  /** Where the site goes (out/site). */
  outDir: string;
  /**
   * The Astro project whose pages are rendered: site/ by default. A copy of it, beside site/ so that its imports of
   * src/ resolve, can give the strategy a look of its own.
   */
  siteDir?: string;
  /**
   * The public address, e.g. https://strategi.example.fi/ or https://owner.github.io/strategy/: makes hreflang,
   * canonical and Open Graph links absolute, adds sitemap.xml, and puts every page under its path.
   */
  siteUrl?: string;
  /**
   * A folder with the council PDFs (out/pdf): when given, its files named by pdfFileName() are copied to
   * <outDir>/pdf/ so the download page's links work in the site itself. Missing files are skipped.
   */
  pdfDir?: string;
  /** View models the caller has already built from this strategy (after check): they are not loaded again. */
  views?: Record<string, ViewModel>;
  /**
   * At most this many files of search fragments (a page's text for its result) per language; beyond that, pages
   * share files. 256 by default: each file is one request when its result is shown.
   */
  searchFragmentFiles?: number;
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
  /** Wall milliseconds of each step: check and view models (0 when the caller gave them), Astro's build, Pagefind. */
  timings: { viewsMs: number; astroMs: number; searchMs: number };
  /** What the builder should know: a language whose search finds only Pagefind's stems (its lemmatiser is missing). */
  notes: string[];
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
    throw new Error(t('site.refuse-empty', { dir: outDir }));
  }
}

/**
 * Copies the council PDFs named by pdfFileName(), and the redlines named by redlinePdfFileName() of the views with
 * changes, from pdfDir to <siteDir>/pdf/, where the site links to them; missing files are skipped. Returns the names
 * copied.
 */
export function copyPdfsIntoSite(views: Readonly<Record<string, ViewModel>>, pdfDir: string, siteDir: string): string[] {
  const copied: string[] = [];
  for (const name of Object.values(views).flatMap((view) => [pdfFileName(view), ...(view.changes ? [redlinePdfFileName(view)] : [])])) {
    const from = join(resolve(pdfDir), name);
    if (!existsSync(from)) continue;
    mkdirSync(join(siteDir, 'pdf'), { recursive: true });
    copyFileSync(from, join(siteDir, 'pdf', name));
    copied.push(name);
  }
  return copied;
}

/** The file that hands the checked view models to the site (site/src/data.ts reads the file it names). */
export const VIEWS_FILE_ENV = 'STRATEGY_VIEWS_FILE';

/**
 * Astro's static build of `root` into `outDir`, in a process of its own (astro-build.ts), reading the views from
 * `viewsFile`. Rejects with Astro's message when a page fails.
 */
async function astroBuild(root: string, outDir: string, viewsFile: string, options: Pick<BuildSiteOptions, 'siteUrl' | 'logLevel'>): Promise<void> {
  const script = fileURLToPath(new URL('./astro-build.ts', import.meta.url));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [VIEWS_FILE_ENV]: viewsFile,
    ASTRO_TELEMETRY_DISABLED: '1',
    // A production build even when called from a test runner (vitest sets NODE_ENV=test).
    NODE_ENV: 'production',
  };
  if (options.siteUrl) env['SITE_URL'] = options.siteUrl;
  else delete env['SITE_URL'];
  // Vite takes these from the environment over the configuration (a test runner sets BASE_URL=/): the base path is SITE_URL's.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  try {
    // From the site's folder: Astro keeps its temporary files (.astro/) in the current directory.
    await execFileAsync(process.execPath, [script, JSON.stringify({ root, outDir, logLevel: options.logLevel ?? 'warn' })], { cwd: root, env, maxBuffer: 1 << 26 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    // Astro's own words (which page failed, and why), without colours and stack frames.
    const said = stripVTControlCharacters(stderr || message)
      .split('\n')
      .filter((line) => !/^\s+at /.test(line))
      .join('\n')
      .trim();
    throw new Error(t('site.astro-failed', { detail: said }));
  }
}

/** The temporary folders that hand the views to Astro's process: `strategy-site-<pid>-XXXXXX` in the system's tmpdir. */
export const HANDOVER_PREFIX = 'strategy-site-';

/**
 * Removes the hand-over folders of builds that were killed before their `finally` ran: those named by the id of a
 * process that no longer runs, that are real folders (never a link) and belong to this user. Others are left alone.
 */
export function sweepHandovers(dir = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  const pattern = new RegExp(`^${HANDOVER_PREFIX}(\\d+)-[A-Za-z0-9]+$`);
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory() && (uid === undefined || stat.uid === uid)) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or another user's: not ours to remove.
    }
  }
}

/**
 * Renders the site into `outDir` (a folder of its own, emptied first): the checked views (loaded here unless given)
 * are written to a file, Astro's own build renders every page from it, and Pagefind indexes the pages.
 * Throws CheckFailedError when the strategy has errors, before anything is written.
 */
export async function renderSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const strategyDir = resolve(options.strategyDir);
  const outDir = resolve(options.outDir);
  checkOutDir(outDir);
  siteAddress(options.siteUrl); // a SITE_URL that is no address is refused before anything is built
  let started = performance.now();
  const views = options.views ?? loadViewModels(strategyDir, options.schemaDir ? { schemaDir: resolve(options.schemaDir) } : {}).views;
  const viewsMs = options.views ? 0 : performance.now() - started;
  started = performance.now();
  sweepHandovers();
  const handover = mkdtempSync(join(tmpdir(), `${HANDOVER_PREFIX}${process.pid}-`));
  try {
    const viewsFile = join(handover, 'views.json');
    writeFileSync(viewsFile, JSON.stringify(views));
    const root = options.siteDir ? `${resolve(options.siteDir)}${sep}` : SITE_DIR;
    await astroBuild(root, outDir, viewsFile, options);
  } finally {
    rmSync(handover, { recursive: true, force: true });
  }
  const astroMs = performance.now() - started;
  const pdfs = options.pdfDir ? copyPdfsIntoSite(views, options.pdfDir, outDir) : [];
  // The open data, published with the site (/data/, which its data page describes).
  writeOpenData(views, join(outDir, 'data'));
  started = performance.now();
  const forms = await writeSearchForms(outDir, Object.keys(views));
  const search = await indexForSearch(outDir, options.searchFragmentFiles ?? DEFAULT_FRAGMENT_FILES);
  return { outDir, pdfs, ...search, timings: { viewsMs, astroMs, searchMs: performance.now() - started }, notes: forms.notes };
}

/**
 * Checks the strategy (unless views are given), builds the site and indexes it. Throws CheckFailedError on errors.
 * The site is built beside `outDir` and swapped in only when complete (src/output/atomic.ts): `outDir` becomes a
 * link to it, and a failed check or build leaves the previous site as it was.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const outDir = resolve(options.outDir);
  checkOutDir(outDir);
  const staging = stageOutput(outDir);
  try {
    const result = await renderSite({ ...options, outDir: staging.dir });
    staging.commit();
    return { ...result, outDir };
  } finally {
    staging.abort(); // nothing once committed
  }
}

/**
 * Pagefind writes one fragment file per page unless told otherwise, and at thousands of pages its threads then queue
 * on the folder's lock in the kernel (bench/RESULTS.md, item 19, has the runs). Sharing at most this many files
 * per language takes that away, and a strategy the size of ours still gets one file per page.
 */
const DEFAULT_FRAGMENT_FILES = 256;

/**
 * Pagefind's command line over the built site: one index per language, from <html lang>. It runs as a process this
 * one waits for (Pagefind's Node API leaves its indexing process to be killed unwaited), from the output folder so
 * that no pagefind.yml elsewhere applies.
 */
async function indexForSearch(outDir: string, fragmentFiles: number): Promise<Pick<BuildSiteResult, 'indexedPages' | 'searchLanguages'>> {
  const cli = join(packageDirectory('pagefind'), 'lib/runner/bin.cjs');
  try {
    await execFileAsync(process.execPath, [cli, '--site', outDir, '--quiet', '--max-fragments', String(fragmentFiles)], { cwd: outDir, maxBuffer: 1 << 24 });
  } catch (error) {
    const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(t('site.pagefind-failed', { detail: (stderr || stdout || message).trim() }));
  }
  const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  const languages = entry.languages ?? {};
  return {
    indexedPages: Object.values(languages).reduce((sum, language) => sum + (language.page_count ?? 0), 0),
    searchLanguages: Object.keys(languages).sort(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      strategy: { type: 'string', default: 'strategy' },
      schema: { type: 'string' },
      out: { type: 'string', default: 'out/site' },
      pdf: { type: 'string' },
      'site-url': { type: 'string' },
      'search-fragment-files': { type: 'string' },
    },
  });
  setLang(langFromEnv());
  const fragmentFiles = values['search-fragment-files'];
  if (fragmentFiles !== undefined && !/^[1-9]\d*$/.test(fragmentFiles)) {
    process.stderr.write(`${t('site.fragment-files', { value: fragmentFiles })}\n`);
    process.exit(2);
  }
  const started = Date.now();
  buildSite({
    strategyDir: values.strategy!,
    outDir: values.out!,
    ...(values.schema ? { schemaDir: values.schema } : {}),
    ...(values['site-url'] ? { siteUrl: values['site-url'] } : {}),
    ...(values.pdf ? { pdfDir: values.pdf } : {}),
    ...(fragmentFiles ? { searchFragmentFiles: Number(fragmentFiles) } : {}),
    logLevel: 'info',
  }).then(
    (result) => {
      for (const note of result.notes) process.stdout.write(`${note}\n`);
      process.stdout.write(`${t('site.written', { dir: relative(process.cwd(), result.outDir) || '.', pages: result.indexedPages, languages: result.searchLanguages.join(', '), seconds: ((Date.now() - started) / 1000).toFixed(1) })}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
