/**
 * Child process for renderPdfFiles: renders council PDFs and redlines from view models sent over IPC, in a process
 * that holds neither the parsed strategy nor the checker's tables, so its memory is the renderer's own.
 * Started by files.ts as plain `node` (Node runs this TypeScript itself); answers each WorkerRequest with one
 * WorkerReply, in order, and exits when the parent disconnects.
 */
import type { ViewModel } from '../../view/types.ts';
import { renderPdfWithStats, type PdfKind, type RenderOptions, type RenderStats } from './render.ts';

export interface WorkerRequest {
  view: ViewModel;
  path: string;
  options: RenderOptions;
  kind: PdfKind;
}

export type WorkerReply = ({ ok: true } & RenderStats) | { ok: false; error: string; stack?: string };

let queue: Promise<void> = Promise.resolve();

process.on('message', (message) => {
  queue = queue.then(async () => {
    const { view, path, options, kind } = message as WorkerRequest;
    let reply: WorkerReply;
    try {
      reply = { ok: true, ...(await renderPdfWithStats(view, path, options, kind)) };
    } catch (error) {
      reply = error instanceof Error ? { ok: false, error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { ok: false, error: String(error) };
    }
    await new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  });
});
process.on('disconnect', () => {
  void queue.then(() => process.exit(0));
});
