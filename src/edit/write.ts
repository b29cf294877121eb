import { linkSync, lstatSync, readlinkSync, rmSync, renameSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces a file atomically: the new text goes to a temporary file in the same folder, which is then
 * renamed over the old one. A reader, or a crash, sees the old file or the new one, never half of each.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = tempBeside(path);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    writeFileSync(temp, text, { flush: true });
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Creates a file that must not exist yet, atomically: the text is written to a temporary file that is then
 * hard-linked to the final name. link(2) fails with EEXIST when the name is taken, so nothing is ever overwritten,
 * even by a race with another process, and the file never appears half-written.
 */
export function createFileExclusive(path: string, text: string): void {
  const temp = tempBeside(path);
  try {
    writeFileSync(temp, text, { flag: 'wx', flush: true });
    linkSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Where the symbolic link at `path` points (a dangling one too), or undefined when `path` is not a link. */
export function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}
