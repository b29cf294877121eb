import { parseArgs } from 'node:util';
import { count as plural, t, type MessageKey } from '../messages/index.ts';
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadStrategy } from '../pipeline.ts';
import { translationStatus, type TranslationStatus } from '../cross-language/stamp.ts';
import { stampPair } from '../edit/stamp.ts';
import { twinPairs } from '../model/twins.ts';
import { UsageError, type Command } from './command.ts';
import { createFileExclusive, linkTarget } from '../edit/write.ts';
import { kindPresentation } from '../model/presentation.ts';
import type { StrategyGraph } from '../model/types.ts';

/** A symbolic link at `path`, dangling or not, is refused: the editing commands never follow one nor replace it. */
function refuseLink(path: string, what: string): void {
  const target = linkTarget(path);
  if (target !== undefined) throw new UsageError(t('cli.refuse-link', { path, what, target }));
}

const statuses: readonly TranslationStatus['status'][] = ['in-sync', 'outdated', 'both-changed', 'unstamped', 'missing'];

type Row = TranslationStatus & { texts?: Record<string, string> };

/** Each item's language versions as its `text-status` field says them (original, revised, translation …), where it has one. */
function withTexts(graph: StrategyGraph, rows: TranslationStatus[]): Row[] {
  return rows.map((row) => {
    const texts: Record<string, string> = {};
    for (const [lang, item] of graph.items.get(row.id) ?? []) {
      const definition = graph.schema.kinds.get(item.kind);
      const field = definition ? kindPresentation(definition).byRole.get('text-status')?.field : undefined;
      const value = field ? item.data[field] : undefined;
      if (typeof value === 'string') texts[lang] = value;
    }
    return Object.keys(texts).length > 0 ? { ...row, texts } : row;
  });
}

/** How many pairs are in each translation state, and per language how many versions are in each text state. */
function counts(rows: Row[], languages: readonly string[]): { translation: Record<string, number>; texts: Record<string, Record<string, number>> } {
  const translation = Object.fromEntries(statuses.map((status) => [status, rows.filter((r) => r.status === status).length]));
  const texts = Object.fromEntries(
    languages.map((lang) => {
      const tally: Record<string, number> = {};
      for (const row of rows) {
        const state = row.texts?.[lang] ?? 'undeclared';
        tally[state] = (tally[state] ?? 0) + 1;
      }
      return [lang, tally];
    }),
  );
  return { translation, texts };
}

function table(rows: Row[], languages: readonly string[]): string {
  const labels = Object.fromEntries(statuses.map((status) => [status, t(`cli.i18n.status.${status}` as MessageKey)])) as Record<TranslationStatus['status'], string>;
  const lines = rows.map((row) => [row.id, labels[row.status] + (row.behind ? ` (${row.behind})` : ''), row.stem]);
  const header = [t('cli.i18n.column.item'), t('cli.i18n.column.status'), t('cli.i18n.column.file')];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const tallies = Object.entries(labels)
    .map(([status, label]) => [label, rows.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  const texts = Object.entries(counts(rows, languages).texts).map(([lang, tally]) => `${lang}: ${Object.entries(tally).map(([state, n]) => `${n} ${state}`).join(', ')}`);
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format), '', tallies.join(', '), ...texts].join('\n') + '\n';
}

const i18n: Command = async (args, io) => {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, dir: { type: 'string', default: 'strategy' }, all: { type: 'boolean', default: false }, schema: { type: 'string' } },
  });
  const dir = resolve(values.dir);
  const options = values.schema ? { schemaDir: values.schema } : {};
  switch (sub) {
    case 'status': {
      const { graph } = loadStrategy(positionals[0] ?? dir, options);
      const rows = withTexts(graph, translationStatus(graph));
      const languages = graph.schema.project.languages;
      if (values.format === 'json') io.out(`${JSON.stringify({ items: rows, counts: counts(rows, languages) }, null, 2)}\n`);
      else if (values.format === 'table') io.out(table(rows, languages));
      else throw new UsageError(t('cli.i18n.format', { format: String(values.format) }));
      return rows.some((r) => r.status !== 'in-sync') ? 1 : 0;
    }
    case 'stamp': {
      const { graph } = loadStrategy(dir, options);
      if (!values.all && positionals.length === 0) throw new UsageError(t('cli.i18n.stamp-ids'));
      const wanted = new Set(positionals);
      const known = new Set(graph.items.keys());
      for (const id of wanted) if (!known.has(id)) throw new UsageError(t('cli.i18n.no-id', { id }));
      let count = 0;
      for (const [a, b] of twinPairs(graph)) {
        if (!values.all && !wanted.has(String(a.data?.['id']))) continue;
        let stamped: string[];
        try {
          stamped = stampPair(dir, a, b);
        } catch (error) {
          // A twin whose front-matter cannot be stamped: named in the editor's words (Node's own errors as they are).
          if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
          throw new UsageError((error as Error).message);
        }
        for (const path of stamped) io.out(`${t('cli.i18n.stamped', { file: relative(process.cwd(), join(dir, path)) })}\n`);
        count++;
      }
      io.out(`${plural(count, 'cli.i18n.reconciled.one', 'cli.i18n.reconciled.other')}\n`);
      return 0;
    }
    case 'twin': {
      const [source, lang] = positionals;
      if (!source || !lang) throw new UsageError(t('cli.i18n.twin-args'));
      const match = /^(.*)\.([a-z]{2,3})\.md$/.exec(source);
      if (!match) throw new UsageError(t('cli.i18n.twin-name', { file: source }));
      if (!/^[a-z]{2,3}$/.test(lang)) throw new UsageError(t('cli.i18n.twin-lang', { lang }));
      const target = `${match[1]}.${lang}.md`;
      // Links are never followed, read through or written over, dangling ones included.
      refuseLink(source, t('cli.i18n.twin-source'));
      const sourceStat = lstatSync(source, { throwIfNoEntry: false });
      if (!sourceStat) throw new UsageError(t('cli.i18n.no-file', { file: source }));
      if (!sourceStat.isFile()) throw new UsageError(t('cli.i18n.not-file', { file: source }));
      refuseLink(target, t('cli.i18n.twin-target'));
      if (lstatSync(target, { throwIfNoEntry: false })) throw new UsageError(t('cli.i18n.exists', { file: target }));
      // The copy keeps the language-neutral data and the text to translate; check flags every block until it is translated.
      const text = readFileSync(source, 'utf8').replace(/^twin-hash:.*\r?\n/m, '');
      try {
        createFileExclusive(target, text);
      } catch (error) {
        // Something took the name since it was looked at: it stays as it is.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(t('cli.i18n.exists', { file: target }));
        throw error;
      }
      io.out(`${t('cli.i18n.created', { file: target })}\n`);
      return 0;
    }
    default:
      throw new UsageError(t('cli.i18n.sub'));
  }
};

export default i18n;
