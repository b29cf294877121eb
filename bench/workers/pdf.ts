/**
 * (f) the council PDF as `strategy build` makes it: check and view model in this process, then renderPdfFiles for one
 * language, which renders in a child process holding only the view model. Reports the child's own render time and
 * peak memory (what the targets are about), and the whole renderPdfFiles call (child start-up and hand-over included).
 * On Linux also the child's CPU time (user + system), which other processes on the machine disturb less than its
 * wall time. Runs with plain `node` (Node runs the TypeScript itself), with Node's compile cache on as the command
 * line has it (bin/compile-cache.js), so the renderer starts as it does under `strategy build`:
 *   node bench/workers/pdf.ts <strategyDir> <schemaDir> [lang]
 */
import '../../bin/compile-cache.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderStats } from '../../src/render/pdf/files.ts';

const { loadViewModels } = await import('../../src/view/load.ts');
const { renderPdfFiles } = await import('../../src/render/pdf/files.ts');

const [strategyDir, schemaDir, lang = 'sv'] = process.argv.slice(2) as [string, string, string?];

/** CPU seconds of this process's children that have ended (cutime + cstime of /proc/self/stat), where there is one. */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // Fields 16 and 17 of stat(5), counted from the state (field 3) here; in clock ticks, 100 a second on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

let started = performance.now();
const { views } = loadViewModels(strategyDir, { schemaDir });
const loadSeconds = (performance.now() - started) / 1000;
const view = views[lang];
if (!view) throw new Error(`no view model for ${lang}`);
const outDir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
try {
  let stats: RenderStats | undefined;
  started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const [path] = await renderPdfFiles({ [lang]: view }, outDir, { strategyDir, onRendered: (s) => (stats = s) });
  const totalSeconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const rendererCpuSeconds = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const buffer = readFileSync(path!);
  // Pages: one /Type /Page object per page (not /Pages).
  const pages = buffer.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  process.stdout.write(
    `${JSON.stringify({ loadSeconds, renderSeconds: stats!.ms / 1000, totalSeconds, pages, bytes: buffer.length, rendererPeakRssMB: stats!.peakRssMB, rendererCpuSeconds, viewMB: JSON.stringify(view).length / 2 ** 20 })}\n`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
