/**
 * A tiny static file server for previewing the built site and for the tests: 127.0.0.1 only.
 *   node src/render/site/serve.ts [out/site] [port] [base path, e.g. /strategy/]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { langFromEnv, setLang, t } from '../../messages/index.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** The file a request path maps to (directory → index.html), or undefined; never outside `root`. */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export interface StaticServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/**
 * Serves `dir` at `base` (a path with a slash at each end, as SITE_URL's path gives it: /strategy/), as GitHub and
 * GitLab Pages serve a project site; anything outside the base is not found.
 */
export function serveStatic(dir: string, port = 0, base = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const requested = request.url ?? '/';
    if (!requested.startsWith(base) && `${requested}/` !== base) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (`${requested}/` === base) {
      response.writeHead(301, { location: base }).end();
      return;
    }
    const urlPath = `/${requested.slice(base.length)}`;
    // Directories without a trailing slash: redirect, as static hosts do.
    const bare = urlPath.split(/[?#]/)[0] ?? '/';
    if (!bare.endsWith('/') && !extname(bare)) {
      const dirIndex = resolveRequest(root, `${bare}/`);
      if (dirIndex) {
        response.writeHead(301, { location: `${base}${bare.slice(1)}/${urlPath.slice(bare.length)}` }).end();
        return;
      }
    }
    const file = resolveRequest(root, urlPath);
    if (!file) {
      const notFound = join(root, '404.html');
      response.writeHead(404, { 'content-type': types['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actual}${base.replace(/\/$/, '')}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ?? 'out/site';
  const port = Number(process.argv[3] ?? 4321);
  setLang(langFromEnv());
  serveStatic(dir, port, process.argv[4] ?? '/').then(({ url }) => process.stdout.write(`${t('site.serving', { dir, url })}\n`));
}
