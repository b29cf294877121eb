/** `strategy dev`: watch the strategy, print each re-check's messages, and serve the site with live reload. */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { count, t } from '../messages/index.ts';
import { UsageError, type Command } from './command.ts';
import { defaultSchemaDir, type LoadResult } from '../pipeline.ts';
import { formatReport } from '../diagnostics/reporters.ts';
import { allRules } from '../validate/all-rules.ts';
import { watchStrategy } from './dev/watch-strategy.ts';
import { findSite, startSite, type Site } from './dev/site.ts';

type Io = Parameters<Command>[1];

/** One line: counts, what changed and how long the check took. */
export function summaryLine(result: LoadResult, changed: readonly string[], milliseconds: number): string {
  const status = result.errorCount > 0 ? '✖' : result.warningCount > 0 ? '⚠' : '✔';
  const what = changed.length === 0 ? t('cli.dev.checked') : t('cli.dev.rechecked', { what: changed.length === 1 ? changed[0]! : count(changed.length, 'cli.dev.changes.one', 'cli.dev.changes.other') });
  return `${status} ${t('cli.dev.summary', { errors: count(result.errorCount, 'report.errors.one', 'report.errors.other'), warnings: count(result.warningCount, 'report.warnings.one', 'report.warnings.other'), files: count(result.graph.files.length, 'cli.dev.files.one', 'cli.dev.files.other'), what, ms: Math.round(milliseconds) })}\n`;
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
