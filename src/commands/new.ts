import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t } from '../messages/index.ts';
import { join, relative, resolve, sep } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { UsageError, type Command } from './command.ts';
import { cachedSchemaSet } from '../load/schema-cache.ts';
import { defaultSchemaDir, readSources } from '../pipeline.ts';
import { buildGraph } from '../model/graph.ts';
import { NewItemError, planNewItem } from '../edit/new-item.ts';
import { createFileExclusive, linkTarget } from '../edit/write.ts';

const common = { parent: { type: 'string' }, dir: { type: 'string', default: 'strategy' }, schema: { type: 'string' } } satisfies ParseArgsConfig['options'];

/**
 * `strategy new <kind> --parent <id> [--title-<lang> "..."] [--dir strategy]`: creates one file per language
 * with the kind's required front-matter, a fresh id and the next order among its siblings. Never overwrites a file.
 */
const newItem: Command = async (args, io) => {
  // The --title-<lang> options depend on the project's languages, so the folders are read first.
  const loose = parseArgs({ args, allowPositionals: true, strict: false, options: common });
  const dir = typeof loose.values.dir === 'string' ? loose.values.dir : 'strategy';
  const schemaDir = typeof loose.values.schema === 'string' ? loose.values.schema : defaultSchemaDir(dir);
  const schema = cachedSchemaSet(schemaDir);
  const titleOptions = Object.fromEntries(schema.project.languages.map((lang) => [`title-${lang}`, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...common, ...titleOptions } });
  const [kind, ...extra] = positionals;
  if (!kind) throw new UsageError(t('cli.new.kind', { kinds: [...schema.kinds.keys()].sort().join('|') }));
  if (extra.length > 0) throw new UsageError(t('cli.new.argument', { argument: extra[0]!, lang: schema.project.primaryLanguage }));
  if (typeof values.parent !== 'string') throw new UsageError(t('cli.new.parent'));

  const root = resolve(dir);
  const graph = buildGraph(schema, readSources(root, schema.project.languages).files);
  const titles: Record<string, string> = {};
  for (const lang of schema.project.languages) {
    const title = (values as Record<string, unknown>)[`title-${lang}`];
    if (typeof title === 'string') titles[lang] = title;
  }
  let plan;
  try {
    plan = planNewItem(graph, root, { kind, parent: values.parent, titles });
  } catch (error) {
    if (error instanceof NewItemError) throw new UsageError(error.message);
    throw error;
  }

  const created: string[] = [];
  const folder = join(root, plan.folder);
  // The plan never picks a name where anything stands; a link that appeared since is refused, never written through.
  for (const path of [...(plan.createFolder ? [folder] : []), ...plan.files.map((file) => join(root, file.path))]) {
    const target = linkTarget(path);
    if (target !== undefined) throw new UsageError(t('cli.refuse-link', { path: relative(process.cwd(), path), what: plan.id, target }));
  }
  let madeFolder = false;
  try {
    if (plan.createFolder) {
      mkdirSync(folder);
      madeFolder = true;
    }
    for (const file of plan.files) {
      const absolute = join(root, file.path);
      createFileExclusive(absolute, file.text);
      created.push(absolute);
    }
  } catch (error) {
    // All languages or none: a lone twin would only be an error for check to report.
    // Only what this command made is removed: never a folder or link that stood there before.
    for (const path of created) rmSync(path, { force: true });
    if (madeFolder) rmSync(folder, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(t('cli.new.exists', { file: relative(process.cwd(), (error as NodeJS.ErrnoException).path ?? '?') }));
    throw error;
  }
  for (const path of created) io.out(`${relative(process.cwd(), path).split(sep).join('/')}\n`);
  const empty = plan.files.some((file) => file.text.includes('# fill in:'));
  const done = plan.order === undefined ? t('cli.new.created', { kind: plan.kind, id: plan.id }) : t('cli.new.created.order', { kind: plan.kind, id: plan.id, order: plan.order });
  io.err(`${done} ${t(empty ? 'cli.new.next.fill' : 'cli.new.next')}\n`);
  return 0;
};

export default newItem;
