/**
 * Watching a folder tree for changes. Node's own `watch(dir, { recursive: true })` is used where it is reliable; on
 * Linux (Node 24 included) it loses a file once an editor saves it by renaming a temporary file over it, so there
 * every folder gets a watcher of its own.
 */
import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import { join, sep } from 'node:path';

/** Whether a changed path (relative to the strategy folder) can matter: not hidden, not in node_modules. */
export function relevant(path: string): boolean {
  return !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** What stands at a path, a symbolic link as itself: a linked folder is never watched nor walked. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` with the path (relative to `root`, forward slashes) of whatever changed under `root`.
 *
 * On Linux, Node's recursive watcher watches files one by one and loses a file once an editor saves it by writing a
 * temporary file and renaming it over the old one (sed -i, vim, git checkout do): later edits of that file are never
 * reported. Watching every folder (not file) with its own non-recursive watcher survives that.
 */
export function watchTree(root: string, onChange: (path: string | undefined) => void): { close(): void } {
  if (process.platform !== 'linux') {
    const watcher = watch(root, { recursive: true }, (_event, name) => onChange(name === null ? undefined : String(name).split(sep).join('/')));
    return { close: () => watcher.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  const childPath = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);
  const remove = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(`${dir}/`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    const absolute = join(root, dir);
    let watcher: FSWatcher;
    try {
      watcher = watch(absolute, (event, name) => {
        if (name === null) return onChange(undefined);
        const path = childPath(dir, String(name));
        if (event === 'rename') {
          // The entry may be gone again already (an editor's temporary file): never let that throw.
          const stats = statOrUndefined(join(root, path));
          if (stats?.isDirectory()) {
            if (relevant(path)) add(path);
          } else remove(path);
        }
        onChange(path);
      });
    } catch {
      return; // The folder went away before it could be watched.
    }
    watcher.on('error', () => remove(dir));
    watchers.set(dir, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) {
      const path = childPath(dir, entry.name);
      if (entry.isDirectory() && relevant(path)) add(path);
    }
  };
  add('');
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
