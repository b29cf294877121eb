// The strategy website: a static Astro project fed by the view model (src/view) through src/data.ts.
// `strategy build` builds it (src/render/site/build.ts: Astro's build, then Pagefind); `npx astro build` here runs Astro alone.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { siteAddress } from '../src/render/site/address.ts';

const siteRoot = fileURLToPath(new URL('.', import.meta.url));
// SITE_URL, the public address, is the one setting: its origin is Astro's `site` (absolute hreflang, canonical,
// sitemap, Open Graph) and its path Astro's `base` (https://owner.github.io/strategy/ → every link under /strategy/).
const address = siteAddress(process.env.SITE_URL);

export default defineConfig({
  ...(address ? { site: address.origin } : {}),
  base: address?.base ?? '/',
  trailingSlash: 'always',
  compressHTML: true,
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // Four pages at a time: while one page is written to disk the next renders, where one at a time the build waited
    // on each write (bench/RESULTS.md, item 18).
    concurrency: 4,
    // Stylesheets as files, never inline: the Content-Security-Policy allows style-src 'self' only.
    inlineStylesheets: 'never',
  },
  vite: {
    define: {
      // Defaults for STRATEGY_DIR / SCHEMA_DIR, resolved against this folder (site/).
      __SITE_ROOT__: JSON.stringify(siteRoot),
    },
    build: { assetsInlineLimit: 0 },
  },
});
