/**
 * Screenshots of the built site as a resident sees it (not a test; run by hand):
 *   node test/site/screenshots.ts <built-site-dir> <png-dir> <width> <path>[@print]...
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../src/render/site/serve.ts';
import { chromiumArgs, chromiumPath } from './helpers.ts';

const [siteDir = 'out/site', pngDir = '/tmp/site-shots', width = '1280', ...paths] = process.argv.slice(2);
mkdirSync(pngDir, { recursive: true });
const server = await serveStatic(siteDir);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  for (const entry of paths) {
    // "<path>@print" shows the page as printed.
    const [path = '/', media] = entry.split('@');
    await page.emulateMedia({ media: media === 'print' ? 'print' : 'screen' });
    await page.goto(`${server.url}${path}`);
    if (path.includes('haku') || path.includes('sok')) await page.waitForTimeout(1500);
    const name = `${path.replace(/[^a-z0-9?=]+/gi, '_').replace(/^_|_$/g, '') || 'root'}${media ? `-${media}` : ''}`;
    await page.screenshot({ path: join(pngDir, `${name}-${width}.png`), fullPage: true });
    process.stdout.write(`${name}-${width}.png\n`);
  }
} finally {
  await browser.close();
  await server.close();
}
