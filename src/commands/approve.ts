import { parseArgs } from 'node:util';
import { t } from '../messages/index.ts';
import { relative } from 'node:path';
import { UsageError, type Command } from './command.ts';
import { freezeVersion } from '../changes/versions.ts';
import { defaultSchemaDir, loadStrategy } from '../pipeline.ts';
import { formatReport } from '../diagnostics/reporters.ts';
import { allRules } from '../validate/all-rules.ts';

/**
 * `strategy approve <name> --date YYYY-MM-DD [--section N] --body-sv .. --body-fi ..`: on the day the council
 * approves the strategy, freezes strategy/ and schema/ as they stand into versions/<name>/ with the decision, for
 * `strategy diff <name>` and the council's redline of the next version. Refuses a strategy check finds errors in,
 * and a name that exists.
 */
const approve: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'strategy' }, schema: { type: 'string' }, date: { type: 'string' }, section: { type: 'string' }, 'body-sv': { type: 'string' }, 'body-fi': { type: 'string' } },
  });
  const [name, ...rest] = positionals;
  if (!name || rest.length > 0) throw new UsageError(t('cli.approve.name'));
  if (!values.date) throw new UsageError(t('cli.approve.date'));
  const section = values.section === undefined ? undefined : Number(values.section);
  if (section !== undefined && !(Number.isInteger(section) && section > 0)) throw new UsageError(t('cli.approve.section', { section: String(values.section) }));
  const dir = values.dir!;
  const schemaDir = values.schema ?? defaultSchemaDir(dir);
  const loaded = loadStrategy(dir, { schemaDir });
  if (loaded.errorCount > 0) {
    io.err(formatReport('human', { messages: loaded.messages, fileCount: loaded.graph.files.length, rules: allRules }));
    io.err(`${t('cli.approve.refused', { n: loaded.errorCount })}\n`);
    return 1;
  }
  const body = Object.fromEntries(Object.entries({ sv: values['body-sv'], fi: values['body-fi'] }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  let target: string;
  try {
    target = freezeVersion(dir, schemaDir, name, { body, date: values.date, ...(section === undefined ? {} : { section }) });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  io.out(`${t('cli.approve.written', { name, folder: `${relative(process.cwd(), target) || '.'}/` })}\n`);
  return 0;
};

export default approve;
