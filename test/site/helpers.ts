/** Shared by the site tests and the screenshot script: build the fixture site, serve it, start Chromium. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixtureStrategy = join(repoRoot, 'test/fixtures/mini/strategy');
export const schemaDir = join(repoRoot, 'schema');
/**
 * The browser the tests drive: Debian's chromium-headless-shell where it is installed (.ci/run installs it), else its
 * chromium. The shell is Chromium's own headless build, the one Playwright itself runs headless: the same Blink and V8
 * with no browser window around them, and about 40 % less CPU for the site test's pages than headless chromium.
 * CHROMIUM_PATH names another.
 */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const hasChromium = existsSync(chromiumPath);

/**
 * Pagefind's fragment files per language in the test sites. Far fewer than their pages, so that pages share files,
 * as they do in a large strategy, and the browser tests search through shared files (the default, 256, would give
 * the mini fixture a file per page).
 */
export const searchFragmentFiles = 3;

/**
 * Builds a strategy's site in a child process (Astro's build wants a process of its own, not vitest's).
 * The output lies under site/.astro/ (ignored by git), where a failed run's leftovers are easy to find.
 */
export function buildFixtureSite(options: { strategyDir?: string; pdfDir?: string; siteUrl?: string } = {}): { tempDir: string; outDir: string } {
  const parent = join(repoRoot, 'site/.astro');
  mkdirSync(parent, { recursive: true });
  const tempDir = mkdtempSync(join(parent, 'test-'));
  const outDir = join(tempDir, 'site');
  const args = ['--strategy', options.strategyDir ?? fixtureStrategy, '--schema', schemaDir, '--out', outDir, '--search-fragment-files', String(searchFragmentFiles), ...(options.pdfDir ? ['--pdf', options.pdfDir] : []), ...(options.siteUrl ? ['--site-url', options.siteUrl] : [])];
  const result = spawnSync(process.execPath, [join(repoRoot, 'src/render/site/build.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
  });
  if (result.status !== 0) throw new Error(`Site build failed:\n${result.stdout}\n${result.stderr}`);
  return { tempDir, outDir };
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path).isDirectory() ? listFiles(path, rel) : [rel];
  });
}

/** Attribute values of href and src in a page (the built HTML is Astro's: attributes in double quotes). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Internal links (href/src) of every HTML page that lead nowhere: a missing file, or a missing #fragment. The site is
 * published under `base` (its folder is what the address's path `base` holds); a link outside it is broken too.
 */
export function brokenLinks(outDir: string, base = '/'): string[] {
  const pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, idsIn(readFileSync(join(outDir, file), 'utf8')));
    return idCache.get(file)!;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const pageUrl = new URL(`http://site.invalid${base}${page.replace(/index\.html$/, '')}`);
    for (const link of linksIn(readFileSync(join(outDir, page), 'utf8'))) {
      if (/^(https?:|mailto:|tel:|data:)/i.test(link) && !link.startsWith('http://site.invalid')) continue;
      const url = new URL(link, pageUrl);
      if (!url.pathname.startsWith(base)) {
        broken.push(`${page}: ${link} (outside ${base})`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!existsSync(join(outDir, file))) {
        broken.push(`${page}: ${link}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !ids(file).has(fragment)) broken.push(`${page}: ${link} (no id "${fragment}")`);
    }
  }
  return broken;
}
