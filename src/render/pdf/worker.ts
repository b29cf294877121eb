/**
 * Child process for renderPdfFiles: renders council PDFs and redlines from view models sent over IPC, in a process
 * that holds neither the parsed strategy nor the checker's tables, so its memory is the renderer's own.
 * Started by files.ts as plain `node` (Node runs this TypeScript itself); answers each WorkerRequest with one
 * WorkerReply, in order, and exits when the parent disconnects.
 */
import type { ViewModel } from '../../view/types.ts';
import { pdfDefinition, writeDefinitionWithStats, type PdfKind, type RenderOptions, type RenderStats } from './render.ts';

export interface WorkerRequest {
  view: ViewModel;
  path: string;
  options: RenderOptions;
  kind: PdfKind;
}

export type WorkerReply = ({ ok: true } & RenderStats) | { ok: false; error: string; stack?: string };

let queue: Promise<void> = Promise.resolve();

process.on('message', (message) => {
  let request = message as WorkerRequest | undefined;
  queue = queue.then(async () => {
    const { path, options, kind } = request!;
    let reply: WorkerReply;
    try {
      const started = performance.now();
      // The view model is not needed once the definition is built: it goes before the layout, where memory peaks.
      const definition = pdfDefinition(request!.view, kind, options);
      request = undefined;
      reply = { ok: true, ...(await writeDefinitionWithStats(definition, path, options, started)) };
    } catch (error) {
      reply = error instanceof Error ? { ok: false, error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { ok: false, error: String(error) };
    }
    await new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  });
});
process.on('disconnect', () => {
  void queue.then(() => process.exit(0));
});
