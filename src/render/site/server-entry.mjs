// The server entry of the kept site bundle (site-bundle.mjs): Astro's build calls createExports with the manifest of
// the bundled site, and render-pages.mjs renders every page through the App it returns.
import { App } from 'astro/app';

export function createExports(manifest) {
  // Not streamed: each page is wanted whole, as a file.
  return { manifest, app: new App(manifest, false) };
}
