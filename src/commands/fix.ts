import { parseArgs } from 'node:util';
import { count as plural, t } from '../messages/index.ts';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError, type Command } from './command.ts';
import { cachedSchemaSet } from '../load/schema-cache.ts';
import { defaultSchemaDir } from '../pipeline.ts';
import { planFixes } from '../edit/fix-plan.ts';
import { unifiedDiff } from '../edit/diff.ts';
import { linkTarget, writeFileAtomic } from '../edit/write.ts';

/**
 * `strategy fix [dir] [--from <lang>] [--stamp] [--apply]`: safe repairs only. Without --apply it prints what
 * would change and writes nothing.
 */
const fix: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      stamp: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      schema: { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new UsageError(t('cli.one-folder', { command: 'fix', n: positionals.length }));
  const dir = positionals[0] ?? 'strategy';
  const schema = cachedSchemaSet(values.schema ?? defaultSchemaDir(dir));
  const { languages } = schema.project;
  if (values.from !== undefined && !languages.includes(values.from)) {
    throw new UsageError(t('cli.fix.from', { lang: values.from, languages: languages.join(', ') }));
  }
  const root = resolve(dir);
  const plan = planFixes(root, schema, { ...(values.from ? { from: values.from } : {}), stamp: values.stamp });
  const display = (path: string) => relative(process.cwd(), join(root, path)).split(sep).join('/');

  let written = 0;
  for (const change of plan.changes) {
    if (values.apply) {
      // A file replaced by a link since it was read is refused: rename(2) would put the repair in place of the link.
      const target = linkTarget(join(root, change.path));
      if (target !== undefined) {
        plan.skipped.push({ path: change.path, reason: t('cli.fix.became-link', { target }) });
        continue;
      }
      writeFileAtomic(join(root, change.path), change.text);
      written++;
      io.out(`${t('cli.fix.fixed-file', { file: display(change.path), notes: change.notes.join('; ') })}\n`);
    } else {
      io.out(`# ${display(change.path)}: ${change.notes.join('; ')}\n`);
      // Line endings are reported in the note above; the diff shows what else changes.
      io.out(unifiedDiff(change.original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), change.text, display(change.path)));
      io.out('\n');
    }
  }
  for (const { path, reason } of plan.skipped) io.err(`${t('cli.fix.skipped', { file: display(path), reason })}\n`);
  const count = plan.changes.length;
  if (count === 0) io.out(`${t('cli.fix.nothing')}\n`);
  else if (values.apply) io.out(`${written === count ? plural(count, 'cli.fix.fixed.one', 'cli.fix.fixed.other') : t('cli.fix.fixed.some', { written, n: count })}\n`);
  else io.out(`${plural(count, 'cli.fix.would.one', 'cli.fix.would.other')}\n`);
  return 0;
};

export default fix;
