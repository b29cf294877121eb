// The baseline for (e): a plain Astro 7 site, one page per Markdown file of the generated strategy, through a
// content collection with the glob loader. bench/run.ts sets BENCH_CONTENT_DIR, BENCH_OUT_DIR and BENCH_CACHE_DIR
// (a fresh cache every run, so the content layer parses every file, as our site's build does).
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  logLevel: 'error',
});
