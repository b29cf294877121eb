/** The site of `strategy dev`: Astro's development server, reloaded when a re-check passes. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Site {
  url: string;
  reload(changed: readonly string[]): void;
  stop(): Promise<void>;
}

/** The Astro project beside the strategy folder (or ./site), when there is one. */
export function findSite(strategyDir: string): string | undefined {
  const candidates = [join(dirname(resolve(strategyDir)), 'site'), resolve('site')];
  return candidates.find((dir) => ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'].some((name) => existsSync(join(dir, name))));
}

export async function startSite(siteRoot: string, strategyDir: string, schemaDir: string, port: number | undefined): Promise<Site> {
  // The site reads the strategy through the shared pipeline; these name the folders being watched.
  process.env['STRATEGY_DIR'] = strategyDir;
  process.env['SCHEMA_DIR'] = schemaDir;
  // Astro turns live reload off when NODE_ENV is `test` or `production`; this is a development server.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'development';
  const { dev } = await import('astro');
  const server = await dev({ root: siteRoot, logLevel: 'warn', ...(port === undefined ? {} : { server: { port } }) });
  // Telling Vite that the site's data module changed makes it re-import the view model and reload the browser.
  const dataModules = ['src/data.ts', 'src/data.js'].map((name) => join(siteRoot, name)).filter((path) => existsSync(path));
  return {
    url: `http://localhost:${server.address.port}/`,
    reload(changed) {
      for (const path of [...changed.map((p) => join(strategyDir, p)), ...dataModules]) server.watcher.emit('change', path);
    },
    async stop() {
      await server.stop();
      if (nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = nodeEnv;
    },
  };
}
