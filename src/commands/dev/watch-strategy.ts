/** The re-check loop of `strategy dev`: what changed under the strategy and schema folders, checked again incrementally. */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { createChecker, type Checker } from '../../incremental/checker.ts';
import { defaultSchemaDir, type LoadResult } from '../../pipeline.ts';
import { discover } from '../../load/discover.ts';
import { relevant, statOrUndefined, watchTree } from './watch-tree.ts';

export interface WatchOptions {
  dir: string;
  schemaDir?: string;
  /** Quiet time after the last change before re-checking. */
  debounceMs?: number;
  /** Called after the first check and after every re-check. */
  onResult(result: LoadResult, changed: readonly string[], milliseconds: number): void;
  /** Called when a re-check fails (the schema cannot be read, a file vanished mid-read); the previous state stays in use. */
  onError?(error: Error): void;
}

export interface Watcher {
  readonly checker: Checker;
  close(): void;
}

/**
 * Watches the strategy folder (and the schema folder) and re-checks through the incremental checker: only the
 * changed files are parsed again. The check-only core of `strategy dev`, usable without the site.
 */
export function watchStrategy(options: WatchOptions): Watcher {
  const root = resolve(options.dir);
  const schemaDir = resolve(options.schemaDir ?? defaultSchemaDir(options.dir));
  const debounceMs = options.debounceMs ?? 30;
  const started = performance.now();
  let checker = createChecker(root, { schemaDir });
  options.onResult(checker.result, [], performance.now() - started);

  let languages = checker.result.graph.schema.project.languages;
  let pattern = new RegExp(`\\.(${languages.join('|')})\\.md$`);
  const pending = new Set<string>();
  let schemaChanged = false;
  let timer: NodeJS.Timeout | undefined;

  /** A directory that appeared or vanished stands for the strategy files in it. */
  const expand = (path: string): string[] => {
    if (pattern.test(path)) return [path];
    const absolute = join(root, path);
    const stats = statOrUndefined(absolute);
    if (stats) {
      // Any other file: the checker decides whether it is a stray (stray-file).
      if (!stats.isDirectory()) return [path];
      try {
        const found = discover(absolute, languages);
        return [...found.files, ...found.strays].map((file) => `${path}/${file.path}`);
      } catch {
        return [];
      }
    }
    const { files, strays } = checker.result.graph;
    const known = [...files, ...strays].map((file) => file.path);
    return known.filter((entry) => entry === path || entry.startsWith(`${path}/`));
  };

  const run = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    const begin = performance.now();
    if (schemaChanged) {
      schemaChanged = false;
      try {
        checker = createChecker(root, { schemaDir });
        languages = checker.result.graph.schema.project.languages;
        pattern = new RegExp(`\\.(${languages.join('|')})\\.md$`);
        options.onResult(checker.result, ['(schema)', ...changed], performance.now() - begin);
      } catch (error) {
        options.onError?.(error as Error);
      }
      return;
    }
    const paths = changed.flatMap(expand);
    if (paths.length === 0) return;
    try {
      const result = checker.update(paths);
      options.onResult(result, paths, performance.now() - begin);
    } catch (error) {
      // A file that vanished while being read: its deletion is the next event.
      options.onError?.(error as Error);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watchers = [
    watchTree(root, (path) => {
      // Without a name the platform lost track: re-read everything the checker knows and whatever is new.
      if (path === undefined) {
        for (const file of discover(root, languages).files) pending.add(file.path);
        for (const file of checker.result.graph.files) pending.add(file.path);
      } else if (relevant(path)) pending.add(path);
      else return;
      schedule();
    }),
  ];
  if (existsSync(schemaDir) && !schemaDir.startsWith(`${root}${sep}`)) {
    watchers.push(
      watchTree(schemaDir, (path) => {
        if (path !== undefined && !path.endsWith('.json')) return;
        schemaChanged = true;
        schedule();
      }),
    );
  }
  return {
    get checker() {
      return checker;
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const watcher of watchers) watcher.close();
    },
  };
}
