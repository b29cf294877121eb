import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Reply = { ready: true } | { ok: true } | { ok: false; message: string };

export interface AstroBuildOptions {
  root: string;
  outDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Astro's build in a process of its own (astro-build.mjs), started before it is needed so that Astro loads while the
 * strategy is checked. `env` is the whole environment of that process: the site reads STRATEGY_DIR, SCHEMA_DIR,
 * SITE_URL and the handed-over views from it (src/render/site/handoff.ts).
 */
export class AstroProcess {
  private readonly child: ChildProcess;
  /** Settles (rejects) only when the process ends or cannot start. */
  private readonly stopped: Promise<never>;
  private readonly ready: Promise<void>;

  constructor(env: NodeJS.ProcessEnv) {
    // No tsx (execArgv empty): the build script is JavaScript, and Vite compiles the site's TypeScript itself.
    this.child = fork(fileURLToPath(new URL('./astro-build.mjs', import.meta.url)), [], {
      env,
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.stopped = new Promise<never>((_, reject) => {
      this.child.once('error', reject);
      this.child.once('exit', (code, signal) => reject(new Error(`Astro's build process stopped (${signal ?? `exit code ${code}`})`)));
    });
    // Awaited only by build(): a process stopped on purpose, after a failed check, is no error.
    this.stopped.catch(() => {});
    this.ready = Promise.race([this.reply((reply) => 'ready' in reply), this.stopped]).then(() => undefined);
    this.ready.catch(() => {});
  }

  private reply(accept: (reply: Reply) => boolean): Promise<Reply> {
    return new Promise((resolve) => {
      const listener = (reply: Reply) => {
        if (!accept(reply)) return;
        this.child.off('message', listener);
        resolve(reply);
      };
      this.child.on('message', listener);
    });
  }

  /** Builds the site once the views are in their file. Rejects with Astro's error. */
  async build(options: AstroBuildOptions): Promise<void> {
    await this.ready;
    const done = this.reply((reply) => 'ok' in reply);
    this.child.send(options);
    const reply = await Promise.race([done, this.stopped]);
    if ('ok' in reply && !reply.ok) throw new Error(`Astro could not build the site:\n${reply.message}`);
  }

  /** Ends the process if it still runs (a failed check, or after an error). */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
