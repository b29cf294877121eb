import { existsSync, mkdtempSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The output folder is a symbolic link to one complete build in a sibling `.<name>-builds/` folder.
 * A new build is written beside it and the link is swapped with one rename(2), which is atomic:
 * a reader, or a build killed at any moment, sees the previous complete output or the new one, never a mixture.
 */
export interface Staging {
  /** Write the new output here. */
  dir: string;
  /** Make the new output current. */
  commit(): void;
  /**
   * Throw the new output away, unless it was committed; the previous one stays. Safe to call in a `finally` after
   * `commit()`, which is how callers use it: commit on success, abort in any case.
   */
  abort(): void;
}

function buildsDir(out: string): string {
  return join(dirname(out), `.${basename(out)}-builds`);
}

function currentTarget(out: string): string | undefined {
  try {
    return lstatSync(out).isSymbolicLink() ? resolve(dirname(out), readlinkSync(out)) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id is running (signal 0 only asks). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes builds that are not current: left behind by a killed or failed build. */
function sweep(out: string): void {
  // A commit killed between making the new link and renaming it over out/ leaves `<out>.next-<pid>` behind.
  const prefix = `${basename(out)}.next-`;
  for (const name of existsSync(dirname(out)) ? readdirSync(dirname(out)) : []) {
    const pid = Number(name.slice(prefix.length));
    const path = join(dirname(out), name);
    if (name.startsWith(prefix) && Number.isInteger(pid) && !alive(pid) && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(path, { force: true });
  }
  const builds = buildsDir(out);
  if (!existsSync(builds)) return;
  const current = currentTarget(out);
  for (const name of readdirSync(builds)) {
    const path = join(builds, name);
    if (path !== current) rmSync(path, { recursive: true, force: true });
  }
}

export function stageOutput(outDir: string): Staging {
  const out = resolve(outDir);
  sweep(out);
  const builds = buildsDir(out);
  mkdirSync(builds, { recursive: true });
  // mkdtemp: two builds started in the same millisecond by one process still get folders of their own.
  const dir = mkdtempSync(join(builds, `build-${process.pid}-${Date.now().toString(36)}-`));
  let committed = false;
  return {
    dir,
    commit() {
      const previous = currentTarget(out);
      if (existsSync(out) && !previous) {
        // An older plain folder: move it aside once, so the link can take its place.
        renameSync(out, join(builds, `legacy-${Date.now().toString(36)}`));
      }
      const link = `${out}.next-${process.pid}`;
      rmSync(link, { force: true });
      symlinkSync(join(basename(builds), basename(dir)), link);
      renameSync(link, out);
      committed = true;
      if (previous && previous !== dir) rmSync(previous, { recursive: true, force: true });
      sweep(out);
    },
    abort() {
      if (committed) return;
      rmSync(dir, { recursive: true, force: true });
      // The first build into this folder leaves nothing behind: not even the empty folder of builds.
      try {
        rmdirSync(builds);
      } catch {
        // It holds the current build (or another one's): it stays.
      }
    },
  };
}
