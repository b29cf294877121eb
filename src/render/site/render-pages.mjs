// Renders every page of the site from its kept bundle (site-bundle.mjs) into a folder, as Astro's static build
// would: the same HTML, byte for byte (test/site/kept-bundle.test.ts compares the two), at <path>/index.html, with
// 404.html for the status page, and the bundle's client files (stylesheets, public/) beside them.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Pages rendered at once: while one is written to disk the next renders. */
const CONCURRENCY = 4;

/** Pages written as <name>.html rather than <name>/index.html (Astro's STATUS_CODE_PAGES). */
const STATUS_PAGES = new Set(['/404', '/500']);

/** Every page of the bundle: its route and its path. Dynamic routes list theirs with getStaticPaths. */
async function pagesOf(manifest) {
  const pages = [];
  for (const { routeData } of manifest.routes) {
    // Astro's own routes (the image endpoint, server islands) have no place in a static site.
    if (routeData.type !== 'page' || !manifest.pageMap.has(routeData.component)) continue;
    // Rendered as in a static build: the page's props come from its getStaticPaths, and an unknown path is an error.
    routeData.prerender = true;
    if (routeData.params.length === 0) {
      pages.push({ routeData, path: routeData.pathname });
      continue;
    }
    const module = await (await manifest.pageMap.get(routeData.component)()).page();
    const paths = await module.getStaticPaths({ paginate: () => [], routePattern: routeData.route });
    for (const { params } of paths) pages.push({ routeData, path: routeData.generate(params) });
  }
  return pages;
}

/** The file a page goes to, relative to the output folder, in Astro's 'directory' format. */
function fileOf(path) {
  if (STATUS_PAGES.has(path)) return `${path.slice(1)}.html`;
  return join(path, 'index.html');
}

/**
 * Renders the pages of the bundle in `bundleDir` into `outDir` and copies its client files there. Resolves to the
 * number of pages; rejects when a page does not render (Astro has logged the error).
 */
export async function renderPages(bundleDir, outDir) {
  const { app, manifest } = await import(pathToFileURL(join(bundleDir, 'server/entry.mjs')).href);
  if (manifest.buildFormat !== 'directory') throw new Error(`site/astro.config.mjs: build.format must be 'directory', not '${manifest.buildFormat}'`);
  const origin = new URL(manifest.site ?? 'http://localhost/').origin;
  const base = manifest.base.replace(/\/$/, '');
  const pages = await pagesOf(manifest);
  cpSync(join(bundleDir, 'client'), outDir, { recursive: true });

  const render = async ({ routeData, path }) => {
    // A status page's path is /404 whatever the site's trailingSlash, and with 'always' Astro answers it with a
    // redirect to /404/; the other paths come from the route, which follows the setting.
    const slash = STATUS_PAGES.has(path) && manifest.trailingSlash === 'always' ? '/' : '';
    const url = new URL(base + path + slash, origin);
    // When a page fails, Astro logs its error and answers with the site's error page, which a server would fetch:
    // here there is none to fetch, and the status is what counts.
    const response = await app.render(new Request(url), { routeData, prerenderedErrorPageFetch: async () => new Response(null) });
    const expected = path === '/404' ? 404 : path === '/500' ? 500 : 200;
    if (response.status !== expected) throw new Error(`The page ${path} did not render (status ${response.status}); Astro's error is above.`);
    const file = join(outDir, fileOf(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await response.text());
  };

  // A route's first page alone, so that its getStaticPaths runs once; then the rest, a few at a time.
  const seen = new Set();
  const rest = [];
  for (const page of pages) {
    if (seen.has(page.routeData)) rest.push(page);
    else {
      seen.add(page.routeData);
      await render(page);
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < rest.length) await render(rest[next++]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return pages.length;
}
