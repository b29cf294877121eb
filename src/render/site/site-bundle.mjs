// The website's pages as code, bundled by Astro once and kept until the site changes (src/load/kept.mjs).
//
// Astro's static build bundles site/ again at every build before it renders a page: about 1.5 s of CPU spent on the
// same templates whatever the strategy, and more in loading Vite, Rollup and Astro's compiler to do it. The pages do
// not change when the strategy does, only their data. So the site is bundled once as a server build (with the tiny
// adapter below, whose entry is server-entry.mjs), kept in node_modules/.cache/strategy-site/, and each build renders
// the strategy's pages through it (render-pages.mjs). The pages read their data when they render, after the check
// has handed over the views, so the bundle holds no part of the strategy.
//
// The kept bundle records what it was made from: every file of site/ that Astro reads (src/, public/, the config),
// every module outside node_modules that the bundle took in (the view types and helpers under src/), npm's record of
// the installed packages, and these build scripts. A change to any of them bundles the site again. The public address
// (SITE_URL, written into the pages' links) is part of the cache folder's name.
import { readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keptFolder, projectPath, stamp } from '../../load/kept.mjs';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The site's own files that Astro reads, as paths under site/. */
const SITE_INPUTS = ['astro.config.mjs', 'tsconfig.json', 'src', 'public'];

/** The scripts that make and read the bundle. */
const RECIPE = ['./site-bundle.mjs', './server-entry.mjs', './render-pages.mjs'].map((path) => new URL(path, import.meta.url).href);

function filesUnder(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** A Vite plugin that notes the project's modules Rollup loaded into the bundle. */
function noteModules(modules) {
  return {
    name: 'strategy-site-bundle-inputs',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        // Virtual modules, and packages left outside the bundle (named, not read: 'clsx', 'node:fs').
        if (id.startsWith('\0') || this.getModuleInfo(id)?.isExternal) continue;
        const path = projectPath(projectRoot, id.split('?')[0]);
        if (path) modules.add(path);
      }
    },
  };
}

/** Astro's build as a server: it bundles the pages, and renders none. */
function keptAdapter(modules) {
  return {
    name: 'strategy-kept-site',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { plugins: [noteModules(modules)] } }),
      'astro:config:done': ({ setAdapter }) =>
        setAdapter({
          name: 'strategy-kept-site',
          serverEntrypoint: fileURLToPath(new URL('./server-entry.mjs', import.meta.url)),
          exports: ['manifest', 'app'],
          // The pages render in Node, where Astro's image service would work as in a static build (the site has
          // no images to optimise); without this Astro reports the service as unsupported.
          supportedAstroFeatures: { staticOutput: 'stable', serverOutput: 'stable', hybridOutput: 'stable', sharpImageService: 'stable' },
          adapterFeatures: { buildOutput: 'server' },
        }),
    },
  };
}

/** Where the bundles of the Astro project `root` (site/) for the public address `siteUrl` are kept. */
export function siteBundleCacheDir(root, siteUrl) {
  const key = createHash('sha256').update(`${root}\0${siteUrl ?? ''}`).digest('hex').slice(0, 12);
  return join(projectRoot, 'node_modules/.cache/strategy-site', key);
}

/**
 * The folder of the site's kept bundle (`server/entry.mjs`, and `client/` with the stylesheets and public files),
 * bundled now if it is missing or out of date. `root` is the Astro project (site/); `siteUrl`, its public address, is
 * what site/astro.config.mjs reads from SITE_URL.
 * Astro's log goes at `logLevel`, except that 'warn' keeps it to errors while the site is bundled: a server build
 * warns that it ignores each dynamic page's getStaticPaths, which render-pages.mjs calls itself.
 */
export async function siteBundle({ root, siteUrl, logLevel }) {
  return keptFolder(projectRoot, siteBundleCacheDir(root, siteUrl), {
    recipe: RECIPE,
    async make(staging) {
      // The site's files as they are before Astro reads them: one saved again meanwhile is then seen as changed.
      const inputs = Object.fromEntries(SITE_INPUTS.flatMap((name) => filesUnder(join(root, name))).map((path) => [projectPath(projectRoot, path), stamp(path)]));
      const { build } = await import('astro');
      const modules = new Set();
      await build({
        root,
        outDir: staging,
        logLevel: logLevel === 'warn' ? 'error' : logLevel,
        mode: 'production',
        output: 'server',
        adapter: keptAdapter(modules),
      });
      for (const path of modules) if (!(path in inputs)) inputs[path] = undefined;
      return inputs;
    },
  });
}
