import { parseArgs } from 'node:util';
import { lstatSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadStrategy } from '../pipeline.ts';
import { stampPair, translationStatus, type TranslationStatus } from '../i18n/stamp.ts';
import { twinPairs } from '../model/twins.ts';
import { UsageError, type Command } from '../cli.ts';
import { createFileExclusive, linkTarget } from '../edit/write.ts';

/** A symbolic link at `path`, dangling or not, is refused: the editing commands never follow one nor replace it. */
function refuseLink(path: string, what: string): void {
  const target = linkTarget(path);
  if (target !== undefined) throw new UsageError(`${path} (${what}) is a symbolic link to ${target}; links are never followed nor replaced, so nothing was written`);
}

const labels: Record<TranslationStatus['status'], string> = {
  'in-sync': 'in sync',
  outdated: 'outdated',
  'both-changed': 'both changed',
  unstamped: 'not stamped',
  missing: 'missing',
};

function table(rows: TranslationStatus[]): string {
  const lines = rows.map((row) => [row.id, labels[row.status] + (row.behind ? ` (${row.behind})` : ''), row.stem]);
  const header = ['item', 'status', 'file'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const counts = Object.entries(labels)
    .map(([status, label]) => [label, rows.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format), '', counts.join(', ')].join('\n') + '\n';
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
      const rows = translationStatus(loadStrategy(positionals[0] ?? dir, options).graph);
      if (values.format === 'json') io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else if (values.format === 'table') io.out(table(rows));
      else throw new UsageError(`Unknown format "${values.format}", expected table or json`);
      return rows.some((r) => r.status !== 'in-sync') ? 1 : 0;
    }
    case 'stamp': {
      const { graph } = loadStrategy(dir, options);
      if (!values.all && positionals.length === 0) throw new UsageError('i18n stamp takes item ids, or --all');
      const wanted = new Set(positionals);
      const known = new Set(graph.items.keys());
      for (const id of wanted) if (!known.has(id)) throw new UsageError(`No item has the id "${id}"`);
      let count = 0;
      for (const [a, b] of twinPairs(graph)) {
        if (!values.all && !wanted.has(String(a.data?.['id']))) continue;
        for (const path of stampPair(dir, a, b)) io.out(`stamped ${relative(process.cwd(), join(dir, path))}\n`);
        count++;
      }
      io.out(`${count} pair${count === 1 ? '' : 's'} reconciled\n`);
      return 0;
    }
    case 'twin': {
      const [source, lang] = positionals;
      if (!source || !lang) throw new UsageError('i18n twin takes a file and a language: i18n twin strategy/x.sv.md fi');
      const match = /^(.*)\.([a-z]{2,3})\.md$/.exec(source);
      if (!match) throw new UsageError(`${source} is not named like x.<lang>.md`);
      if (!/^[a-z]{2,3}$/.test(lang)) throw new UsageError(`"${lang}" is not a language code such as sv or fi`);
      const target = `${match[1]}.${lang}.md`;
      // Links are never followed, read through or written over, dangling ones included.
      refuseLink(source, 'the file to copy');
      const sourceStat = lstatSync(source, { throwIfNoEntry: false });
      if (!sourceStat) throw new UsageError(`${source} does not exist`);
      if (!sourceStat.isFile()) throw new UsageError(`${source} is not a regular file`);
      refuseLink(target, 'the new twin');
      if (lstatSync(target, { throwIfNoEntry: false })) throw new UsageError(`${target} exists already; it is never overwritten`);
      // The copy keeps the language-neutral data and the text to translate; check flags every block until it is translated.
      const text = readFileSync(source, 'utf8').replace(/^twin-hash:.*\r?\n/m, '');
      try {
        createFileExclusive(target, text);
      } catch (error) {
        // Something took the name since it was looked at: it stays as it is.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${target} exists already; it is never overwritten`);
        throw error;
      }
      io.out(`created ${target}: translate its title and text, then run \`npx strategy i18n stamp <id>\`\n`);
      return 0;
    }
    default:
      throw new UsageError('i18n takes status, stamp or twin');
  }
};

export default i18n;
