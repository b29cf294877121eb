import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Reply = { ok: true } | { ok: false; message: string };

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Astro's build in a process of its own (astro-build.mjs), started before the strategy is checked: it loads the
 * site's kept bundle meanwhile (or has Astro bundle the site, after a change to it), and renders the pages once the
 * checked views are handed over. `env` is the whole environment of that process: the site reads STRATEGY_DIR,
 * SCHEMA_DIR, SITE_URL and the handed-over views from it (src/render/site/handoff.ts).
 */
export class AstroProcess {
  private readonly child: ChildProcess;
  /** Settles when Astro is done; rejects with Astro's error, or when the process ends first. */
  readonly done: Promise<void>;

  constructor(env: NodeJS.ProcessEnv, options: AstroBuildOptions) {
    // No tsx: the build script is JavaScript, and Vite compiles the site's TypeScript itself.
    // The options go in the arguments: the build starts at once, while this process is busy with its check.
    this.child = fork(fileURLToPath(new URL('./astro-build.mjs', import.meta.url)), [JSON.stringify(options)], {
      env,
      // When the site is bundled (site-bundle.mjs): Astro's compiler is a WebAssembly module of several MB that
      // turns the site's few .astro files into JavaScript. By default V8 compiles that module a second time with its
      // optimising compiler, on every core, for code that then runs for milliseconds: 1.3–1.6 s of CPU (measured
      // before the pages start, on 1,000 files: 4.2–4.7 s → 3.1 s). Its baseline compiler alone is enough.
      execArgv: ['--liftoff-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.done = new Promise<void>((resolve, reject) => {
      this.child.once('message', (reply: Reply) => {
        if (reply.ok) resolve();
        else reject(new Error(`Astro could not build the site:\n${reply.message}`));
      });
      this.child.once('error', reject);
      this.child.once('exit', (code, signal) => reject(new Error(`Astro's build process stopped (${signal ?? `exit code ${code}`})`)));
    });
    // Awaited by the caller after its check; a failed check stops the process instead, and that is no error.
    this.done.catch(() => {});
  }

  /** The views are in their file: the pages may render. */
  handOver(): void {
    // A process that has ended takes no message; its end is `done`'s error.
    if (this.child.connected) this.child.send({ views: true }, () => {});
  }

  /** Ends the process if it still runs (a failed check, or after an error). */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
