/**
 * (f) the council PDF as `strategy build` makes it: check and view model in this process, then renderPdfFiles for one
 * language, which renders in a child process holding only the view model. Reports the child's own render time and
 * peak memory (what the targets are about), and the whole renderPdfFiles call (child start-up and hand-over included).
 *   node --import tsx bench/workers/pdf.ts <strategyDir> <schemaDir> [lang]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadViewModels } from '../../src/view/load.ts';
import { renderPdfFiles, type RenderStats } from '../../src/render/pdf/files.ts';

const [strategyDir, schemaDir, lang = 'sv'] = process.argv.slice(2) as [string, string, string?];
let started = performance.now();
const { views } = loadViewModels(strategyDir, { schemaDir });
const loadSeconds = (performance.now() - started) / 1000;
const view = views[lang];
if (!view) throw new Error(`no view model for ${lang}`);
const outDir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
try {
  let stats: RenderStats | undefined;
  started = performance.now();
  const [path] = await renderPdfFiles({ [lang]: view }, outDir, { strategyDir, onRendered: (s) => (stats = s) });
  const totalSeconds = (performance.now() - started) / 1000;
  const buffer = readFileSync(path!);
  // Pages: one /Type /Page object per page (not /Pages).
  const pages = buffer.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  process.stdout.write(
    `${JSON.stringify({ loadSeconds, renderSeconds: stats!.ms / 1000, totalSeconds, pages, bytes: buffer.length, rendererPeakRssMB: stats!.peakRssMB, viewMB: JSON.stringify(view).length / 2 ** 20 })}\n`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
