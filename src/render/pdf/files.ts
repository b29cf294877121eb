import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViewModel } from '../../view/types.ts';
import { renderPdfWithStats, type PdfKind, type RenderOptions, type RenderStats } from './render.ts';
import { pdfFileName, redlinePdfFileName } from '../../view/paths.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

export type { RenderStats };

export { pdfFileName, redlinePdfFileName };

export interface PdfFilesOptions extends RenderOptions {
  /**
   * Render in this process instead of a child process. The child (the default) receives only the view models, so
   * the caller's parsed strategy neither adds to the renderer's peak memory nor slows its garbage collection.
   */
  inProcess?: boolean;
  /** Called after each PDF is written, with its render time and the renderer's peak memory. */
  onRendered?: (stats: RenderStats) => void;
}

/**
 * The child runs as plain `node` (Node runs worker.ts itself) with Node's defaults but for one V8 flag, the young
 * generation's semi-space in MB. Node 24 sizes it from the machine's memory, which on our machines takes a 300-page
 * document well over 300 MB resident; a small semi-space keeps it under at the same speed, and both a larger and a
 * smaller one peak higher (bench/RESULTS.md, (f)). A limit on the old generation moved the peak up as often as down,
 * so there is none. If the child dies anyway, the rest is rendered in this process.
 */
const childExecArgv = ['--max-semi-space-size=4'];

/**
 * And one setting of the C library's allocator. glibc gives threads that allocate at once arenas of their own, up to
 * eight per core, and keeps what each has used: V8's garbage-collection helpers spread the renderer's native memory
 * over them, some 10–20 MB more resident for a 300-page PDF. Two arenas (glibc's `MALLOC_ARENA_MAX`, mallopt(3)) keep
 * it where it is used at the same speed, whatever the number of cores; one is slower. Other C libraries ignore it, and
 * an editor's own value is kept.
 */
const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2' });

class WorkerCrashed extends Error {}

/** One child process for a run of renders; each render is sent on its own and answered before the next. */
class PdfWorker {
  private readonly child: ChildProcess;
  private pending: { resolve: (stats: RenderStats) => void; reject: (error: Error) => void } | undefined;
  private exited: Error | undefined;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      execPath: process.execPath,
      execArgv: childExecArgv,
      env: childEnv(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message) => {
      const reply = message as WorkerReply;
      const pending = this.pending;
      this.pending = undefined;
      if (!pending) return;
      if (reply.ok) pending.resolve({ path: reply.path, ms: reply.ms, peakRssMB: reply.peakRssMB });
      else {
        const error = new Error(reply.error);
        if (reply.stack) error.stack = reply.stack;
        pending.reject(error);
      }
    });
    const fail = (error: Error) => {
      this.exited ??= new WorkerCrashed(error.message);
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(this.exited);
    };
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) => fail(new Error(`the PDF renderer exited (${signal ?? `code ${code}`})`)));
  }

  render(request: WorkerRequest): Promise<RenderStats> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(request, (error) => {
        if (error && this.pending) {
          this.pending = undefined;
          reject(new WorkerCrashed(error.message));
        }
      });
    });
  }

  close(): Promise<void> {
    if (this.exited || this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      if (this.child.connected) this.child.disconnect();
      else this.child.kill();
    });
  }
}

/**
 * Writes one council PDF per language into outDir (each atomically), and beside it the redline of what changed since
 * the last approved version where the view has one (`changes`), and returns their paths.
 */
export async function renderPdfFiles(views: Readonly<Record<string, ViewModel>>, outDir: string, options: PdfFilesOptions = {}): Promise<string[]> {
  const { inProcess, onRendered, ...renderOptions } = options;
  const jobs = Object.values(views).flatMap((view): { view: ViewModel; path: string; kind: PdfKind }[] => [
    { view, path: join(outDir, pdfFileName(view)), kind: 'council' },
    ...(view.changes ? [{ view, path: join(outDir, redlinePdfFileName(view)), kind: 'redline' as const }] : []),
  ]);
  let worker: PdfWorker | undefined;
  if (!inProcess && jobs.length > 0) worker = new PdfWorker();
  try {
    // One at a time: a PDF's layout holds the whole document in memory.
    for (const job of jobs) {
      if (worker) {
        try {
          // Awaited on its own line: in `onRendered?.(await …)` the await is skipped when there is no callback.
          const stats = await worker.render({ ...job, options: renderOptions });
          onRendered?.(stats);
          continue;
        } catch (error) {
          if (!(error instanceof WorkerCrashed)) throw error;
          worker = undefined;
        }
      }
      const stats = await renderPdfWithStats(job.view, job.path, renderOptions, job.kind);
      onRendered?.(stats);
    }
  } finally {
    await worker?.close();
  }
  return jobs.map((job) => job.path);
}
