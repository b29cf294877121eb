/**
 * Decap CMS 3 in this process's Chromium, as an editor meets it: the CMS from the decap-cms package, served with the
 * configuration `src/cms/generate.ts` writes (its backend swapped for Decap's test-repo backend, which keeps the
 * repository in the page: `window.repoFiles`), and a strategy folder's files as that repository.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { packageDirectory } from '../../src/util/package-dir.ts';

type Tree = { [name: string]: Tree | { content: string } };

/** A folder as the test-repo backend's tree of files. */
export function repoTree(dir: string): Tree {
  const tree: Tree = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    tree[name] = statSync(path).isDirectory() ? repoTree(path) : { content: readFileSync(path, 'utf8') };
  }
  return tree;
}

/** Serves the CMS page and Decap's bundle (and the chunks it loads) on a free local port. */
export async function serveCms(config: Record<string, unknown>, files: Tree): Promise<{ url: string; close(): Promise<void> }> {
  const dist = join(packageDirectory('decap-cms'), 'dist');
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const page = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>CMS</title>
<script>window.CMS_MANUAL_INIT = true; window.repoFiles = ${json(files)};</script>
<script src="/decap/decap-cms.js"></script></head><body><script>CMS.init({ config: ${json({ ...config, load_config_file: false })} });</script></body></html>`;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(page);
      return;
    }
    const file = normalize(join(dist, path.replace(/^\/decap\//, '')));
    if (path.startsWith('/decap/') && file.startsWith(dist) && existsSync(file)) {
      response.setHeader('content-type', 'text/javascript; charset=utf-8');
      response.end(readFileSync(file));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) };
}
