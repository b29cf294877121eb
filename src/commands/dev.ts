import { parseArgs } from 'node:util';
import { count, t } from '../messages/index.ts';
import { existsSync, lstatSync, readdirSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError, type Command } from './command.ts';
import { createChecker, type Checker } from '../incremental.ts';
import { defaultSchemaDir, type LoadResult } from '../pipeline.ts';
import { discover } from '../load/discover.ts';
import { formatReport } from '../diagnostics/reporters.ts';
import { allRules } from '../validate/all-rules.ts';

type Io = Parameters<Command>[1];

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

/** Whether a changed path (relative to the strategy folder) can matter: not hidden, not in node_modules. */
function relevant(path: string): boolean {
  return !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** What stands at a path, a symbolic link as itself: a linked folder is never watched nor walked. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` with the path (relative to `root`, forward slashes) of whatever changed under `root`.
 *
 * On Linux, Node's `watch(dir, { recursive: true })` watches files one by one and loses a file once an editor
 * saves it by writing a temporary file and renaming it over the old one (sed -i, vim, git checkout do): later edits
 * of that file are never reported. Watching every folder (not file) with its own non-recursive watcher survives
 * that, so Linux gets a folder tree of watchers; elsewhere the native recursive watcher is reliable.
 */
export function watchTree(root: string, onChange: (path: string | undefined) => void): { close(): void } {
  if (process.platform !== 'linux') {
    const watcher = watch(root, { recursive: true }, (_event, name) => onChange(name === null ? undefined : String(name).split(sep).join('/')));
    return { close: () => watcher.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  const join2 = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);
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
        const path = join2(dir, String(name));
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
      const path = join2(dir, entry.name);
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

/** One line: counts, what changed and how long the check took. */
export function summaryLine(result: LoadResult, changed: readonly string[], milliseconds: number): string {
  const status = result.errorCount > 0 ? '✖' : result.warningCount > 0 ? '⚠' : '✔';
  const what = changed.length === 0 ? t('cli.dev.checked') : t('cli.dev.rechecked', { what: changed.length === 1 ? changed[0]! : count(changed.length, 'cli.dev.changes.one', 'cli.dev.changes.other') });
  return `${status} ${t('cli.dev.summary', { errors: count(result.errorCount, 'report.errors.one', 'report.errors.other'), warnings: count(result.warningCount, 'report.warnings.one', 'report.warnings.other'), files: count(result.graph.files.length, 'cli.dev.files.one', 'cli.dev.files.other'), what, ms: Math.round(milliseconds) })}\n`;
}

interface Site {
  url: string;
  reload(changed: readonly string[]): void;
  stop(): Promise<void>;
}

/** The Astro project beside the strategy folder (or ./site), when there is one. */
export function findSite(strategyDir: string): string | undefined {
  const candidates = [join(dirname(resolve(strategyDir)), 'site'), resolve('site')];
  return candidates.find((dir) => ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'].some((name) => existsSync(join(dir, name))));
}

async function startSite(siteRoot: string, strategyDir: string, schemaDir: string, port: number | undefined): Promise<Site> {
  // The site reads the strategy through the shared pipeline; these name the folders being watched.
  process.env['STRATEGY_DIR'] = strategyDir;
  process.env['SCHEMA_DIR'] = schemaDir;
  // Astro turns live reload off when NODE_ENV is `test` or `production`; this is a development server.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'development';
  const { dev } = await import('astro');
  const server = await dev({ root: siteRoot, logLevel: 'warn', ...(port === undefined ? {} : { server: { port } }) });
  // Telling Vite that the site's data module changed makes it re-import the view model and reload the browser.
  const dataModules = ['src/data.ts', 'src/data.js'].map((name) => join(siteRoot, name)).filter((path) => existsSync(path));
  return {
    url: `http://localhost:${server.address.port}/`,
    reload(changed) {
      for (const path of [...changed.map((p) => join(strategyDir, p)), ...dataModules]) server.watcher.emit('change', path);
    },
    async stop() {
      await server.stop();
      if (nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = nodeEnv;
    },
  };
}

export interface DevOptions {
  dir: string;
  schemaDir?: string;
  site: boolean;
  port?: number;
  debounceMs?: number;
  color?: boolean;
}

/** Starts watching (and serving, unless `site` is false); resolves to a function that stops everything. */
export async function startDev(options: DevOptions, io: Io): Promise<() => Promise<void>> {
  const root = resolve(options.dir);
  const schemaDir = resolve(options.schemaDir ?? defaultSchemaDir(options.dir));
  let site: Site | undefined;
  const watcher = watchStrategy({
    dir: root,
    schemaDir,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onResult(result, changed, milliseconds) {
      io.out(formatReport('human', { messages: result.messages, fileCount: result.graph.files.length, rules: allRules, color: options.color ?? false }));
      io.out(summaryLine(result, changed, milliseconds));
      if (!site || changed.length === 0) return;
      if (result.errorCount === 0) site.reload(changed);
      else io.out(`${t('cli.dev.not-reloaded')}\n`);
    },
    onError(error) {
      io.err(`${t('cli.dev.not-rechecked', { reason: error.message })}\n`);
    },
  });
  io.out(`${t('cli.dev.watching', { folder: relative(process.cwd(), root) || '.' })}\n`);
  if (options.site) {
    const siteRoot = findSite(root);
    if (!siteRoot) io.out(`${t('cli.dev.no-site')}\n`);
    else {
      try {
        site = await startSite(siteRoot, root, schemaDir, options.port);
        io.out(`${t('cli.dev.site', { url: site.url })}\n`);
      } catch (error) {
        io.out(`${t('cli.dev.site-unavailable', { reason: (error as Error).message.split('\n')[0]! })}\n`);
      }
    }
  }
  return async () => {
    watcher.close();
    await site?.stop();
  };
}

/** The command with an explicit stop signal, so tests can run it without sending SIGINT. */
export async function runDev(args: string[], io: Io, signal: AbortSignal, { color = false } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, 'no-site': { type: 'boolean', default: false }, schema: { type: 'string' }, debounce: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError(t('cli.one-folder', { command: 'dev', n: positionals.length }));
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(t('cli.dev.port'));
  const debounceMs = values.debounce === undefined ? undefined : Number(values.debounce);
  if (debounceMs !== undefined && !(Number.isFinite(debounceMs) && debounceMs >= 0)) throw new UsageError(t('cli.dev.debounce'));
  const dir = positionals[0] ?? 'strategy';
  if (!existsSync(dir)) throw new UsageError(t('cli.dev.no-folder', { path: dir }));
  const stop = await startDev(
    {
      dir,
      site: !values['no-site'],
      ...(values.schema === undefined ? {} : { schemaDir: values.schema }),
      ...(port === undefined ? {} : { port }),
      ...(debounceMs === undefined ? {} : { debounceMs }),
      color,
    },
    io,
  );
  if (!signal.aborted) await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  await stop();
  io.out(`${t('cli.dev.stopped')}\n`);
  return 0;
}

/** Aborts on the first Ctrl+C (SIGINT) or SIGTERM; the listeners go once it has fired. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return controller.signal;
}

const devCommand: Command = (args, io) => runDev(args, io, interruptSignal(), { color: process.stdout.isTTY === true });

export default devCommand;
