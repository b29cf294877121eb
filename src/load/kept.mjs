// Generated code kept in a folder of node_modules/.cache/ and made again when anything it was made from changes.
//
// Two things are kept this way: the command line compiled from its TypeScript sources (compiled.mjs), and the
// website's pages bundled by Astro (src/render/site/site-bundle.mjs). Each kept folder records what it was made from
// in inputs.json: a hash of each file's content, by its path under the project's root. A file named `current` in the
// cache folder names the folder in use. Making a new folder happens beside it, under a name of its own, and only a
// finished folder is named current: a command that fails or is stopped midway leaves the one in use as it was, and
// two commands making the same folder at once do not disturb each other.
//
// This file is JavaScript, not TypeScript: it runs before anything could compile TypeScript.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What every kept folder is made from besides its own inputs: the installed packages (npm rewrites its record of them
 * at every install) and package.json. The scripts that make a folder are added by keptFolder.
 */
const ALWAYS = ['node_modules/.package-lock.json', 'package.json'];

/** `path` under `root`, with forward slashes as inputs.json keeps it. */
function rootRelative(root, path) {
  return relative(root, path).split(sep).join('/');
}

/** A file of the project's own under `root`, as inputs.json names it; undefined for one outside it or in node_modules. */
export function projectPath(root, path) {
  const rel = rootRelative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split('/').includes('node_modules')) return undefined;
  return rel;
}

export function hash(bytes) {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * What tells a changed file: a hash of its content (the inputs are about 1 MB, read and hashed in a few
 * milliseconds; a modification time can miss an edit of the same size within its resolution).
 */
export function stamp(path) {
  try {
    return hash(readFileSync(path));
  } catch {
    return 'missing';
  }
}

/** The kept folder named by `current`, if every file it was made from is as it was; otherwise undefined. */
function currentFolder(root, cacheDir) {
  try {
    const dir = join(cacheDir, readFileSync(join(cacheDir, 'current'), 'utf8').trim());
    const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
    for (const [path, recorded] of Object.entries(inputs)) if (stamp(join(root, path)) !== recorded) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The kept folder in `cacheDir` if everything it was made from is as it was; otherwise a new one, made and named
 * current. `make(staging)` writes the folder's content into `staging` and resolves to what it was made from: paths
 * under `root`, each with the hash of the content it read, or undefined to have the file's present content hashed.
 * `recipe` lists the file URLs of the scripts that make the folder: how it is made is part of what it was made from,
 * and so is this file. When `make` fails nothing is kept.
 */
export async function keptFolder(root, cacheDir, { recipe, make }) {
  return currentFolder(root, cacheDir) ?? (await makeFolder(root, cacheDir, recipe, make));
}

async function makeFolder(root, cacheDir, recipe, make) {
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, 'staging-'));
  try {
    const read = await make(staging);
    for (const path of [...ALWAYS, ...[...recipe, import.meta.url].map((url) => rootRelative(root, fileURLToPath(url)))]) if (!(path in read)) read[path] = undefined;
    const inputs = {};
    for (const path of Object.keys(read).sort()) inputs[path] = read[path] ?? stamp(join(root, path));
    const record = JSON.stringify(inputs, null, 1);
    writeFileSync(join(staging, 'inputs.json'), record);
    const name = `build-${createHash('sha256').update(record).digest('hex').slice(0, 16)}`;
    try {
      renameSync(staging, join(cacheDir, name));
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another command made the same folder meanwhile
    }
    const pointer = join(cacheDir, `current-${process.pid}`);
    writeFileSync(pointer, name);
    renameSync(pointer, join(cacheDir, 'current'));
    sweep(cacheDir, name);
    return join(cacheDir, name);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Older folders go after an hour: a command that started from one may still be loading from it. */
function sweep(cacheDir, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(cacheDir)) {
    if (name === keep || name === 'current') continue;
    const path = join(cacheDir, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}
