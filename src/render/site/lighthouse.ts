/**
 * Lighthouse's SEO, accessibility and best-practices scores of the shipped strategy's site, published under a path
 * as GitHub and GitLab Pages publish a project: `npm run lighthouse` (node src/render/site/lighthouse.ts [strategy]).
 * Builds the site with SITE_URL at a local address under /strategy/, serves it there, and runs Lighthouse (its Node
 * API, on Debian's Chromium through playwright-core) on the Swedish front page, a goal page and a measure page.
 * Prints one line per page; exits 1 when SEO is below 95 or accessibility or best practices below 100.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { loadViewModels } from '../../view/load.ts';
import { buildSite } from './build.ts';
import { serveStatic } from './serve.ts';

const strategyDir = resolve(process.argv[2] ?? 'strategy');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const base = '/strategy/';
const categories = ['seo', 'accessibility', 'best-practices'] as const;
const needed: Record<(typeof categories)[number], number> = { seo: 95, accessibility: 100, 'best-practices': 100 };

const temp = mkdtempSync(join(tmpdir(), 'lighthouse-site-'));
const outDir = join(temp, 'site');
const server = await serveStatic(outDir, 0, base);
let failed = false;
try {
  const siteUrl = `${server.url}/`;
  const { views } = loadViewModels(strategyDir);
  await buildSite({ strategyDir, outDir, siteUrl, views });
  const sv = views['sv']!;
  const goal = sv.order.find((id) => sv.items[id]!.councilRow && sv.items[id]!.children.length > 0)!;
  // A measure with a chart (two values or more) if there is one, else the first measure.
  const measures = sv.order.filter((id) => sv.items[id]!.measure !== undefined);
  const charted = (id: string) => { const m = sv.items[id]!.measure!; return (m.baseline ? 1 : 0) + m.targets.length + m.actuals.length >= 2; };
  const measure = measures.find(charted) ?? measures[0]!;
  const pages = { front: '/sv/', goal: `/sv/${goal}/`, measure: `/sv/${measure}/` };
  const port = 9300 + (process.pid % 500);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', `--remote-debugging-port=${port}`] });
  try {
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(`${server.url}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      const scores = categories.map((category) => [category, Math.round((result?.lhr.categories[category]?.score ?? 0) * 100)] as const);
      const failing = result ? Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary').map((audit) => audit.id) : [];
      process.stdout.write(`${name} ${path}: ${scores.map(([category, score]) => `${category} ${score}`).join(', ')}${failing.length ? ` (failing: ${failing.join(', ')})` : ''}\n`);
      if (scores.some(([category, score]) => score < needed[category])) failed = true;
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
  rmSync(temp, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
