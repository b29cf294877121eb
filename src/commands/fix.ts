import { parseArgs } from 'node:util';
import { t } from '../messages/index.ts';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError, type Command } from '../cli.ts';
import { loadSchemaSet } from '../load/schema.ts';
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
  const schema = loadSchemaSet(values.schema ?? defaultSchemaDir(dir));
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
        plan.skipped.push({ path: change.path, reason: `it became a symbolic link to ${target}: links are never followed nor replaced` });
        continue;
      }
      writeFileAtomic(join(root, change.path), change.text);
      written++;
      io.out(`fixed ${display(change.path)}: ${change.notes.join('; ')}\n`);
    } else {
      io.out(`# ${display(change.path)}: ${change.notes.join('; ')}\n`);
      // Line endings are reported in the note above; the diff shows what else changes.
      io.out(unifiedDiff(change.original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), change.text, display(change.path)));
      io.out('\n');
    }
  }
  for (const { path, reason } of plan.skipped) io.err(`skipped ${display(path)}: ${reason}\n`);
  const count = plan.changes.length;
  const files = `${count} file${count === 1 ? '' : 's'}`;
  if (count === 0) io.out('nothing to fix\n');
  else if (values.apply) io.out(`fixed ${written === count ? files : `${written} of ${files}`}\n`);
  else io.out(`${files} would change; run again with --apply to write ${count === 1 ? 'it' : 'them'}\n`);
  return 0;
};

export default fix;
