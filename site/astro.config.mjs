// The strategy website: a static Astro project fed by the view model (src/view) through src/data.ts.
// Build it with src/render/site/build.ts (Astro + Pagefind), or `npx astro build` here for Astro alone.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

const siteRoot = fileURLToPath(new URL('.', import.meta.url));

// Set by src/render/site/build.ts (PREPARED_VIEWS_ENV in src/render/site/handoff.ts), which always hands its view
// models to src/data.ts: then src/load.ts, the door to the checker, is replaced by a stub, and Vite need not bundle
// (and the build need not load a second time) the whole checking pipeline.
// Read when Vite loads the module, not when this file is evaluated, in case a process builds more than once.
const loaderPath = fileURLToPath(new URL('./src/load.ts', import.meta.url)).replace(/\\/g, '/');
const preparedViewsOnly = {
  name: 'strategy-prepared-views-only',
  enforce: 'pre',
  load(id) {
    if (process.env.STRATEGY_SITE_PREPARED_VIEWS !== '1' || id.split('?')[0] !== loaderPath) return null;
    return 'export function loadViewModels() { throw new Error("The site build was promised view models (STRATEGY_SITE_PREPARED_VIEWS=1) but none were handed over"); }\n';
  },
};

export default defineConfig({
  // Absolute URLs (hreflang, canonical) only when the public address is known.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'always',
  compressHTML: true,
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // Four pages at a time: while one page is written to disk the next renders (one at a time, the build waited on
    // each write; 5,000 files: Astro's step 15 % faster). For `astro build` here; a strategy build renders from the
    // kept bundle (src/render/site/render-pages.mjs), four at a time too.
    concurrency: 4,
    // Stylesheets as files, never inline: the Content-Security-Policy allows style-src 'self' only.
    inlineStylesheets: 'never',
  },
  vite: {
    plugins: [preparedViewsOnly],
    define: {
      // Defaults for STRATEGY_DIR / SCHEMA_DIR, resolved against this folder (site/).
      __SITE_ROOT__: JSON.stringify(siteRoot),
    },
    build: { assetsInlineLimit: 0 },
  },
});
