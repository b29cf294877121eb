import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileName } from '../parse/parse-file.ts';
import type { Stray } from '../model/types.ts';

export type { Stray };

export interface Discovered {
  files: FileName[];
  /** Entries named like strategy files that are not regular files: directories, symbolic links. */
  oddities: (FileName & { what: 'directory' | 'symlink' })[];
  /** Everything else that is never read, in path order: reported as `stray-file`. */
  strays: Stray[];
}

/** Files the strategy folder may hold besides its items: images (which items show), and what the project names. */
export interface Expected {
  /** Paths relative to the strategy root (the glossary, notes for editors): never strays. */
  paths?: readonly string[];
}

/** Image files, which items may show: never strays (SVG is not among them: check refuses SVG images). */
const imageName = /\.(png|jpe?g|gif|webp|avif)$/i;

/**
 * `<stem>.<lang>.md` for the project's languages. Dot-all, so that no name escapes it: a name with a newline in it
 * is an item's like any other.
 */
export function strategyFilePattern(languages: readonly string[]): RegExp {
  return new RegExp(`^(.*)\\.(${languages.map((l) => l.replace(/[^a-z-]/gi, '')).join('|')})\\.md$`, 's');
}

const otherLanguage = /^.+\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md$/s;

/**
 * Every entry under `root`, folder by folder, never descending into a symbolic link (Node 24's recursive readdir
 * follows links to folders, so a link to its own parent would repeat the tree until the path is too long), nor into
 * node_modules or hidden folders. Entries skipped for their name (hidden, node_modules) go to `skipped`.
 */
export function* walk(dir: string, skipped?: (entry: Dirent) => void): Generator<Dirent> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
      skipped?.(entry);
      continue;
    }
    yield entry;
    if (entry.isDirectory()) yield* walk(join(dir, entry.name), skipped);
  }
}

/** Why an entry that is not an item's file is a stray, or undefined when it belongs in the strategy folder. */
export function strayOf(path: string, what: Stray['what'], languages: readonly string[], expected: Expected = {}): Stray | undefined {
  if (expected.paths?.includes(path)) return undefined;
  if (what === 'file' && imageName.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const pattern = strategyFilePattern(languages);
  if (name.startsWith('.')) return pattern.test(name.slice(1)) ? { path, what, why: 'hidden' } : undefined;
  const lang = otherLanguage.exec(name)?.[1];
  return lang && !pattern.test(name) ? { path, what, why: 'language', lang } : { path, what, why: 'name' };
}

/** Finds every `*.<lang>.md` under the strategy root, for the project's languages, in a stable order, and every other entry that is never read. */
export function discover(root: string, languages: readonly string[], expected: Expected = {}): Discovered {
  const pattern = strategyFilePattern(languages);
  const files: FileName[] = [];
  const oddities: Discovered['oddities'] = [];
  const strays: Stray[] = [];
  const pathOf = (entry: Dirent) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
  const kindOf = (entry: Dirent): Stray['what'] => (entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'special');
  // A hidden file named like an item is a dropped item; other hidden files (.gitkeep, .DS_Store) and folders are not.
  const skipped = (entry: Dirent) => {
    if (entry.isDirectory() || !entry.name.startsWith('.')) return;
    const stray = strayOf(pathOf(entry), kindOf(entry), languages, expected);
    if (stray) strays.push(stray);
  };
  for (const entry of walk(root, skipped)) {
    const path = pathOf(entry);
    const match = pattern.exec(path);
    if (!match) {
      if (entry.isDirectory()) continue;
      const stray = strayOf(path, kindOf(entry), languages, expected);
      if (stray) strays.push(stray);
      continue;
    }
    const name = { path, stem: match[1]!, lang: match[2]! };
    if (entry.isSymbolicLink()) oddities.push({ ...name, what: 'symlink' });
    else if (entry.isDirectory()) oddities.push({ ...name, what: 'directory' });
    else if (entry.isFile()) files.push({ path, stem: match[1]!, lang: match[2]! });
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  files.sort(byPath);
  strays.sort(byPath);
  return { files, oddities, strays };
}
