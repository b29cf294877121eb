import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileName } from '../parse/parse-file.ts';

export interface Discovered {
  files: FileName[];
  /** Entries named like strategy files that are not regular files: directories, symbolic links. */
  oddities: (FileName & { what: 'directory' | 'symlink' })[];
}

/** Finds every `*.<lang>.md` under the strategy root, for the project's languages, in a stable order. */
export function discover(root: string, languages: readonly string[]): Discovered {
  const pattern = new RegExp(`^(.*)\\.(${languages.map((l) => l.replace(/[^a-z-]/gi, '')).join('|')})\\.md$`);
  const files: FileName[] = [];
  const oddities: Discovered['oddities'] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((part) => part === 'node_modules' || part.startsWith('.'))) continue;
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
