/**
 * Child process for renderPdfFiles: renders council PDFs from view models sent over IPC, in a process that holds
 * neither the parsed strategy nor the checker's tables, so its memory is the renderer's own.
 * Started by files.ts with `node --import tsx`; answers each WorkerRequest with one WorkerReply, in order, and
 * exits when the parent disconnects.
 */
import type { ViewModel } from '../../view/types.ts';
import { renderPdf, type RenderOptions } from './render.ts';

export interface WorkerRequest {
  view: ViewModel;
  path: string;
  options: RenderOptions;
}

/** How one render went in the child: its time, and the child's peak resident memory so far. */
export interface RenderStats {
  path: string;
  ms: number;
  peakRssMB: number;
}

export type WorkerReply = ({ ok: true } & RenderStats) | { ok: false; error: string; stack?: string };

let queue: Promise<void> = Promise.resolve();

process.on('message', (message) => {
  queue = queue.then(async () => {
    const { view, path, options } = message as WorkerRequest;
    let reply: WorkerReply;
    try {
      const started = performance.now();
      await renderPdf(view, path, options);
      reply = { ok: true, path, ms: performance.now() - started, peakRssMB: process.resourceUsage().maxRSS / 1024 };
    } catch (error) {
      reply = error instanceof Error ? { ok: false, error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { ok: false, error: String(error) };
    }
    await new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  });
});
process.on('disconnect', () => {
  void queue.then(() => process.exit(0));
});
