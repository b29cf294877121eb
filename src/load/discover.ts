import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileName } from '../parse/parse-file.ts';

export interface Discovered {
  files: FileName[];
  /** Entries named like strategy files that are not regular files: directories, symbolic links. */
  oddities: (FileName & { what: 'directory' | 'symlink' })[];
}

/**
 * Every entry under `root`, folder by folder, never descending into a symbolic link (Node 24's recursive readdir
 * follows links to folders, so a link to its own parent would repeat the tree until the path is too long), nor into
 * node_modules or hidden folders.
 */
export function* walk(dir: string): Generator<Dirent> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    yield entry;
    if (entry.isDirectory()) yield* walk(join(dir, entry.name));
  }
}

/** Finds every `*.<lang>.md` under the strategy root, for the project's languages, in a stable order. */
export function discover(root: string, languages: readonly string[]): Discovered {
  const pattern = new RegExp(`^(.*)\\.(${languages.map((l) => l.replace(/[^a-z-]/gi, '')).join('|')})\\.md$`);
  const files: FileName[] = [];
  const oddities: Discovered['oddities'] = [];
  for (const entry of walk(root)) {
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    const match = pattern.exec(path);
    if (!match) continue;
    const name = { path, stem: match[1]!, lang: match[2]! };
    if (entry.isSymbolicLink()) oddities.push({ ...name, what: 'symlink' });
    else if (entry.isDirectory()) oddities.push({ ...name, what: 'directory' });
    else if (entry.isFile()) files.push({ path, stem: match[1]!, lang: match[2]! });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, oddities };
}
