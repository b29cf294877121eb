// Astro's build of site/, in a process of its own (src/render/site/build.ts starts it).
//
// It runs without tsx: Vite compiles the site's TypeScript itself, and loading Astro, Vite and Rollup through tsx's
// module hooks took twice the CPU time (about 1 s more at every build).
//
// The site's pages come from a bundle that Astro makes once and that is kept until site/ changes (site-bundle.mjs);
// render-pages.mjs renders the strategy's pages through it. The build starts before the strategy is checked: the
// process loads the bundle (or, after a change to the site, has Astro bundle it) while the driver checks. Only the
// pages wait for the check: site/src/data.ts awaits the gate below (viewsHanded() in src/render/site/handoff.ts)
// before it reads the views, and the driver opens the gate once it has written them to the file named by
// STRATEGY_SITE_VIEWS_FILE. When the check fails the driver ends this process, and the gate never opens.
//
// Its one argument is the build's options, { root, outDir, logLevel } as JSON: it builds at once, without waiting for a
// message, because the driver's check is synchronous and would hold any message back until it ends.
// Messages from the driver: { views: true }. To the driver: { ok: true } or { ok: false, message }.
import { siteBundle } from './site-bundle.mjs';
import { renderPages } from './render-pages.mjs';

let openGate;
globalThis[Symbol.for('strategy-site.views-handed')] = new Promise((resolve) => {
  openGate = resolve;
});

// The driver is gone (killed, or crashed): nobody will use this build.
process.on('disconnect', () => process.exit(1));
process.on('message', (message) => {
  if (message.views) openGate();
});

const { root, outDir, logLevel } = JSON.parse(process.argv[2]);
try {
  const bundle = await siteBundle({ root, siteUrl: process.env.SITE_URL, logLevel });
  await renderPages(bundle, outDir);
  process.send({ ok: true }, () => process.exit(0));
} catch (error) {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send({ ok: false, message: text }, () => process.exit(1));
}
