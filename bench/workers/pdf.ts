/**
 * (f) the council PDF: check and view model, then renderPdfBuffer(view) for one language, timed; peak memory
 * is the process's maxRSS (the whole process: check, view model and rendering).
 *   node --import tsx bench/workers/pdf.ts <strategyDir> <schemaDir> [lang]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../generate.ts';
import { loadViewModels } from '../../src/pipeline.ts';

const [strategyDir, schemaDir, lang = 'sv'] = process.argv.slice(2) as [string, string, string?];
const modulePath = join(repoRoot, 'src/render/pdf/index.ts');
const pdf = existsSync(modulePath) ? ((await import(pathToFileURL(modulePath).href)) as { renderPdfBuffer?: (view: unknown, options?: { strategyDir?: string }) => Promise<Buffer> }) : {};
if (!pdf.renderPdfBuffer) {
  process.stdout.write(`${JSON.stringify({ missing: true })}\n`);
} else {
  let started = performance.now();
  const { views } = loadViewModels(strategyDir, { schemaDir });
  const loadSeconds = (performance.now() - started) / 1000;
  const rssBeforeRender = process.memoryUsage().rss;
  started = performance.now();
  const buffer = await pdf.renderPdfBuffer(views[lang], { strategyDir });
  const renderSeconds = (performance.now() - started) / 1000;
  // Pages: one /Type /Page object per page (not /Pages).
  const pages = buffer.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  process.stdout.write(
    `${JSON.stringify({ loadSeconds, renderSeconds, pages, bytes: buffer.length, rssBeforeRenderMB: rssBeforeRender / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}
