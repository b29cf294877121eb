// Astro's build of site/, in a process of its own (src/render/site/build.ts starts it).
//
// It runs without tsx: Vite compiles the site's TypeScript itself, and loading Astro, Vite and Rollup through tsx's
// module hooks took twice the CPU time (about 1 s more at every build). Astro is loaded as soon as the process
// starts, while the driver checks the strategy; the driver then sends { root, outDir, logLevel } and the view
// models wait in the file named by STRATEGY_SITE_VIEWS_FILE (src/render/site/handoff.ts).
//
// Messages to the driver: { ready: true } once Astro is loaded, then { ok: true } or { ok: false, message }.
import { build } from 'astro';

// The driver is gone (killed, or crashed): nobody will use this build.
process.on('disconnect', () => process.exit(1));

process.once('message', async ({ root, outDir, logLevel }) => {
  try {
    await build({ root, outDir, logLevel, mode: 'production' });
    process.send({ ok: true }, () => process.exit(0));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send({ ok: false, message }, () => process.exit(1));
  }
});

process.send({ ready: true });
