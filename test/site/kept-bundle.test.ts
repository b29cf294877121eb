/**
 * The site's pages are rendered from a bundle that Astro makes once and that is kept until site/ changes
 * (src/render/site/site-bundle.mjs, render-pages.mjs). What a reader gets must be what Astro's own static build of
 * site/ gives, and an edit to the site's templates must show in the next build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, SITE_DIR } from '../../src/render/site/build.ts';
import { siteBundleCacheDir } from '../../src/render/site/site-bundle.mjs';
import { fixtureStrategy, listFiles, repoRoot, schemaDir } from './helpers.ts';

const parent = join(repoRoot, 'site/.astro');
mkdirSync(parent, { recursive: true });
const temp = mkdtempSync(join(parent, 'kept-'));
// A copy of site/ must lie beside it: its modules import ../../src/.
const copy = mkdtempSync(join(repoRoot, '.site-test-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
  rmSync(siteBundleCacheDir(`${copy}/`), { recursive: true, force: true });
});

const env = { ...process.env, SOURCE_DATE_EPOCH: '1750000000' };

describe('pages from the kept bundle', () => {
  it('are, file for file and byte for byte, what Astro’s own static build of site/ writes', async () => {
    // Astro's static build, as `npx astro build` in site/ runs it: the site loads and checks the strategy itself.
    const astroOut = join(temp, 'astro');
    const script = `import { build } from 'astro'; await build({ root: ${JSON.stringify(SITE_DIR)}, outDir: ${JSON.stringify(astroOut)}, logLevel: 'error', mode: 'production' });`;
    const astro = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...env, STRATEGY_DIR: fixtureStrategy, SCHEMA_DIR: schemaDir, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(astro.status, astro.stderr).toBe(0);

    const ours = join(temp, 'ours');
    process.env['SOURCE_DATE_EPOCH'] = env.SOURCE_DATE_EPOCH;
    try {
      await buildSite({ strategyDir: fixtureStrategy, schemaDir, outDir: ours });
    } finally {
      delete process.env['SOURCE_DATE_EPOCH'];
    }

    const astroFiles = listFiles(astroOut).sort();
    // Ours has the search index besides, which Pagefind adds after the pages.
    const ourFiles = listFiles(ours).filter((file) => !file.startsWith('pagefind/')).sort();
    expect(ourFiles).toEqual(astroFiles);
    expect(astroFiles.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(30);
    expect(astroFiles).toContain('404.html');
    for (const file of astroFiles) expect(readFileSync(join(ours, file)).equals(readFileSync(join(astroOut, file))), file).toBe(true);
  });

  it('carry the public address they were built for, from a bundle of that address', async () => {
    const hreflang = (html: string) => html.match(/<link rel="alternate" hreflang="fi" href="([^"]*)"/)?.[1];
    const build = async (name: string, siteUrl?: string) => {
      const outDir = join(temp, name);
      await buildSite({ strategyDir: fixtureStrategy, schemaDir, outDir, ...(siteUrl ? { siteUrl } : {}) });
      return readFileSync(join(outDir, 'sv', 'index.html'), 'utf8');
    };
    expect(hreflang(await build('address-a', 'https://strategi.example.fi/'))).toBe('https://strategi.example.fi/fi/');
    expect(hreflang(await build('address-b', 'https://strategia.example.org/'))).toBe('https://strategia.example.org/fi/');
    expect(hreflang(await build('no-address'))).toBe('/fi/');
    for (const url of ['https://strategi.example.fi/', 'https://strategia.example.org/']) rmSync(siteBundleCacheDir(SITE_DIR, url), { recursive: true, force: true });
  });

  it('change when a template of the site changes, and the bundle is made again only then', async () => {
    for (const name of ['astro.config.mjs', 'tsconfig.json', 'src', 'public']) cpSync(join(SITE_DIR, name), join(copy, name), { recursive: true });
    const cacheDir = siteBundleCacheDir(`${copy}/`);
    const bundles = () => readdirSync(cacheDir).filter((name) => name.startsWith('build-'));
    const current = () => readFileSync(join(cacheDir, 'current'), 'utf8');
    const build = async (name: string) => {
      const outDir = join(temp, name);
      await buildSite({ strategyDir: fixtureStrategy, schemaDir, outDir, siteDir: copy });
      return readFileSync(join(outDir, 'sv', 'index.html'), 'utf8');
    };

    const before = await build('first');
    expect(bundles()).toHaveLength(1);
    const first = current();

    // Built again unchanged: the kept bundle serves.
    expect(await build('second')).toBe(before);
    expect(bundles()).toHaveLength(1);
    expect(current()).toBe(first);

    // An editor changes a phrase of the site's Swedish interface that the front page shows.
    const i18nFile = join(copy, 'src/i18n/sv.json');
    const strings = JSON.parse(readFileSync(i18nFile, 'utf8')) as Record<string, unknown>;
    const [key, value] = Object.entries(strings).find(([, text]) => typeof text === 'string' && before.includes(`>${text}<`))!;
    writeFileSync(i18nFile, JSON.stringify({ ...strings, [key]: `${value as string} (ändrad)` }, null, 2));
    const after = await build('third');
    expect(after).toContain(`>${value as string} (ändrad)<`);
    expect(before).not.toContain('(ändrad)');
    expect(bundles()).toHaveLength(2);
    expect(current()).not.toBe(first);
  });
});
