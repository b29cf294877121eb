import { chmodSync, lstatSync, mkdtempSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync, type Stats } from 'node:fs';
import { t } from '../messages/index.ts';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The output folder is a symbolic link to one complete build in a sibling `.<name>-builds/` folder.
 * A new build is written beside it and the link is swapped with one rename(2), which is atomic:
 * a reader, or a build killed at any moment, sees the previous complete output or the new one, never a mixture.
 *
 * Nothing outside that folder of builds is ever removed or written: an output path that is a link to anywhere else,
 * or a regular file, and a folder of builds that is a link or a file, are refused (OutputRefusedError) before
 * anything is written. Inside it, only folders named as this module names them (`build-<pid>-…`, `legacy-…`) are
 * ever removed, and only when they are real folders (a link is never followed).
 */
export interface Staging {
  /** Write the new output here. */
  dir: string;
  /** Make the new output current (world-readable: folders 0755, files 0644). */
  commit(): void;
  /**
   * Throw the new output away, unless it was committed; the previous one stays. Safe to call in a `finally` after
   * `commit()`, which is how callers use it: commit on success, abort in any case.
   */
  abort(): void;
}

/** The output folder (or the folder of builds beside it) is not one this module may replace: nothing was changed. */
export class OutputRefusedError extends Error {
  override name = 'OutputRefusedError';
}

/** The names this module gives the folders it makes in the folder of builds; nothing else there is ever removed. */
const buildName = /^build-\d+-/;
const legacyName = /^legacy-[0-9a-z]+$/;
const ours = (name: string) => buildName.test(name) || legacyName.test(name);

function buildsDir(out: string): string {
  return join(dirname(out), `.${basename(out)}-builds`);
}

function lstat(path: string): Stats | undefined {
  return lstatSync(path, { throwIfNoEntry: false });
}

/** What stands at the output path, as far as replacing it goes. */
type Current = { kind: 'missing' } | { kind: 'link'; target: string } | { kind: 'folder' };

/**
 * Decides whether the output path and the folder of builds may be used, and what stands at the output path now.
 * Throws OutputRefusedError for anything this module did not make: the check runs before a build starts, and again
 * just before its commit.
 */
function inspect(out: string): Current {
  const builds = buildsDir(out);
  const buildsStat = lstat(builds);
  if (buildsStat && !buildsStat.isDirectory()) {
    throw new OutputRefusedError(buildsStat.isSymbolicLink() ? t('output.builds-link', { builds, target: readlinkSync(builds) }) : t('output.builds-not-folder', { builds }));
  }
  const stat = lstat(out);
  if (!stat) return { kind: 'missing' };
  if (stat.isSymbolicLink()) {
    const written = readlinkSync(out);
    const target = resolve(dirname(out), written);
    if (dirname(target) !== builds) {
      throw new OutputRefusedError(t('output.out-link', { out, target: written, builds: `${basename(builds)}/` }));
    }
    return { kind: 'link', target };
  }
  if (stat.isDirectory()) return { kind: 'folder' };
  throw new OutputRefusedError(t('output.out-file', { out }));
}

/** Removes a folder of builds' entry, only when it is a real folder with one of our names. */
function removeOurs(builds: string, name: string): void {
  if (!ours(name)) return;
  const path = join(builds, name);
  if (lstat(path)?.isDirectory()) rmSync(path, { recursive: true, force: true });
}

/** Whether a process with this id is running (signal 0 only asks). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes builds that are not current: left behind by a killed or failed build. */
function sweep(out: string, current: Current): void {
  // A commit killed between making the new link and renaming it over out/ leaves `<out>.next-<pid>` behind.
  const prefix = `${basename(out)}.next-`;
  for (const name of lstat(dirname(out))?.isDirectory() ? readdirSync(dirname(out)) : []) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    const path = join(dirname(out), name);
    if (Number.isInteger(pid) && !processAlive(pid) && lstat(path)?.isSymbolicLink()) rmSync(path, { force: true });
  }
  const builds = buildsDir(out);
  if (!lstat(builds)?.isDirectory()) return;
  const keep = current.kind === 'link' ? basename(current.target) : undefined;
  for (const name of readdirSync(builds)) if (name !== keep) removeOurs(builds, name);
}

/** Folders 0755 and files 0644, whatever the umask and mkdtemp's 0700: a web server running as another user reads them. */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeReadable(path);
    else if (entry.isFile()) chmodSync(path, 0o644);
  }
}

export function stageOutput(outDir: string): Staging {
  const out = resolve(outDir);
  const builds = buildsDir(out);
  sweep(out, inspect(out));
  if (!lstat(builds)) {
    mkdirSync(builds, { recursive: true });
    chmodSync(builds, 0o755);
  }
  // mkdtemp: two builds started in the same millisecond by one process still get folders of their own.
  const dir = mkdtempSync(join(builds, `build-${process.pid}-${Date.now().toString(36)}-`));
  chmodSync(dir, 0o755);
  let committed = false;
  return {
    dir,
    commit() {
      // Checked again: out/ or the folder of builds may have been replaced while the build ran.
      const before = inspect(out);
      makeReadable(dir);
      if (before.kind === 'folder') {
        // An older plain folder: move it aside once, so the link can take its place.
        renameSync(out, join(builds, `legacy-${Date.now().toString(36)}`));
      }
      const link = `${out}.next-${process.pid}`;
      const stale = lstat(link);
      if (stale?.isSymbolicLink()) rmSync(link, { force: true });
      else if (stale) throw new OutputRefusedError(t('output.in-the-way', { link }));
      symlinkSync(join(basename(builds), basename(dir)), link);
      renameSync(link, out);
      committed = true;
      const now: Current = { kind: 'link', target: dir };
      if (before.kind === 'link' && before.target !== dir) removeOurs(builds, basename(before.target));
      sweep(out, now);
    },
    abort() {
      if (committed) return;
      // Only inside a real folder of builds: had it been replaced by a link meanwhile, nothing behind it is touched.
      if (!lstat(builds)?.isDirectory()) return;
      removeOurs(builds, basename(dir));
      // The first build into this folder leaves nothing behind: not even the empty folder of builds.
      try {
        rmdirSync(builds);
      } catch {
        // It holds the current build (or another one's): it stays.
      }
    },
  };
}
