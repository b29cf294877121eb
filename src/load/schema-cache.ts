/**
 * The schema set of a folder, compiled once per process for as long as its files stay as they are: compiling the
 * kinds' JSON Schemas is most of the time a small strategy's check takes, and a process that checks again and
 * again (the tests, an editor's `strategy dev`) would otherwise pay it each time. The key is the folder, as given and
 * as an absolute path, and its files, their paths and contents (a hash). A schema set that loads holds nothing of the
 * working folder (its paths are relative to the folder), so one copy serves every working folder; a schema that fails
 * to load is not kept (its messages name files relative to the working folder, in the editor's language), so its
 * errors are always current.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSchemaSet } from './schema.ts';
import type { SchemaSet } from '../model/types.ts';

const kept = new Map<string, { fingerprint: string; schema: SchemaSet }>();

/** A hash of every file under `root`, its path and its bytes; of nothing when `root` cannot be read. */
function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        hash.update(`${path}\u0000`);
        try {
          hash.update(readFileSync(path));
        } catch {
          hash.update('\u0000unreadable');
        }
        hash.update('\u0000');
      }
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** loadSchemaSet(root), from this process's copy when the folder's files are unchanged since it was made. */
export function cachedSchemaSet(root: string, options: { cwd?: string } = {}): SchemaSet {
  const key = `${resolve(root)}\u0000${root}`;
  const print = fingerprint(resolve(root));
  const known = kept.get(key);
  if (known && known.fingerprint === print) return known.schema;
  const schema = loadSchemaSet(root, options);
  kept.set(key, { fingerprint: print, schema });
  return schema;
}
