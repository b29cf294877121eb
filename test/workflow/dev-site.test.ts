/**
 * `strategy dev` as an editor runs it: a process of its own that checks, serves the site and reloads the open page.
 * (Astro's development server serves no pages inside vitest's process, where VITEST is set: so the command runs as a
 * child, as it does for an editor.)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSite } from '../../src/commands/dev/site.ts';
import { repoRoot, run, tempStrategy } from './helpers.ts';
import { chromiumArgs, chromiumPath, hasChromium } from '../site/helpers.ts';

const available = hasChromium && findSite(join(repoRoot, 'strategy')) !== undefined;

describe.skipIf(!available)('strategy dev with the site preview', () => {
  it('serves the site and reloads the browser after a change that checks clean', { timeout: 120_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const fixture = tempStrategy();
    const env = { ...process.env };
    delete env['VITEST'];
    delete env['NODE_ENV'];
    const dev = spawn(process.execPath, [join(repoRoot, 'bin/strategy.js'), 'dev', fixture.dir, '--schema', fixture.schema, '--port', '4391'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    dev.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      await expect.poll(() => out, { timeout: 60_000 }).toMatch(/site preview: \S+|unavailable/);
      const url = /site preview: (\S+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const page = await browser.newPage();
      await page.goto(`${url}sv/`);
      expect(await page.title()).toContain('Servicestrategi 2025–2029');

      // A change in one language is an outdated translation (an error): the preview keeps the last clean version.
      const document = join(fixture.dir, 'document.sv.md');
      writeFileSync(document, readFileSync(document, 'utf8').replace('title: Servicestrategi 2025–2029', 'title: Servicestrategin 2025–2029'));
      await expect.poll(() => out, { timeout: 5000 }).toContain('site not reloaded');
      // Stamped as reconciled, it checks clean, and the open page reloads by itself.
      expect((await run(['i18n', 'stamp', 'mini-strategy', '--dir', fixture.dir])).code).toBe(0);
      await expect.poll(() => page.title(), { timeout: 30_000 }).toContain('Servicestrategin 2025–2029');
    } finally {
      await browser.close();
      const exited = new Promise((resolve) => dev.once('exit', resolve));
      dev.kill('SIGINT');
      await exited;
      fixture.cleanup();
    }
  });
});
