import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadStrategy } from './pipeline.ts';
import { formatReport, formats, type Format } from './diagnostics/reporters.ts';
import { allRules } from './validate/all-rules.ts';
import { SchemaError } from './load/schema.ts';

export const exitCodes = { clean: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

const usage = `Usage: strategy <command> [options]

Commands:
  check [dir]                 validate the strategy (default dir: strategy)
  build [dir] [--out out] [--only site,pdf,data]
                              check, then write the site, the PDFs and open data to out/
  new <kind> --parent <id> [--title-sv ".."] [--title-fi ".."] [--dir strategy]
                              create the sv and fi twins of a new item
  fix [dir] [--from sv|fi] [--stamp] [--apply]
                              preview (or apply) safe automatic repairs
  dev [dir] [--no-site] [--port N]
                              watch, re-check on change, serve the site
  i18n status [dir]           translation status per item (--format json)
  i18n stamp <id|--all>       record that an item's twins are reconciled
  i18n twin <file> <lang>     create a missing twin from an existing file
  diff <from> [<to>] [--dir strategy] [--format human|markdown|json]
                              what changed, item by item, in both languages; from and to are
                              approved versions, strategy folders or git refs (to: the working tree)
  approve <name> --date YYYY-MM-DD [--section N] [--body-sv ..] [--body-fi ..]
                              freeze strategy/ and schema/ as approved into versions/<name>/

Options for check:
  --format <f>        human (default), json, github, sarif, codequality
  --max-warnings <n>  exit 1 when there are more warnings than n
  --schema <dir>      schema folder (default: schema/ beside the strategy)
`;

export type Command = (args: string[], io: { out: (text: string) => void; err: (text: string) => void }) => Promise<number>;

async function check(args: string[], io: Parameters<Command>[1]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'human' }, 'max-warnings': { type: 'string' }, schema: { type: 'string' } },
  });
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`Unknown format "${values.format}", expected one of ${formats.join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings takes a whole number');
  const dir = positionals[0] ?? 'strategy';
  const result = loadStrategy(dir, values.schema ? { schemaDir: values.schema } : {});
  io.out(formatReport(format, { messages: result.messages, fileCount: result.graph.files.length, rules: allRules, color: format === 'human' && process.stdout.isTTY === true }));
  return result.errorCount > 0 || result.warningCount > maxWarnings ? exitCodes.problems : exitCodes.clean;
}

/** Each command lives in src/commands/<name>.ts and is loaded only when used. */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => check,
  build: async () => (await import('./commands/build.ts')).default,
  new: async () => (await import('./commands/new.ts')).default,
  fix: async () => (await import('./commands/fix.ts')).default,
  dev: async () => (await import('./commands/dev.ts')).default,
  i18n: async () => (await import('./commands/i18n.ts')).default,
  diff: async () => (await import('./commands/diff.ts')).default,
  approve: async () => (await import('./commands/approve.ts')).default,
};

export async function main(argv: string[], io: Parameters<Command>[1] = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(usage);
    return name ? exitCodes.clean : exitCodes.usage;
  }
  const load = commands[name];
  if (!load) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return exitCodes.usage;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof SchemaError) {
      // Each problem on a line of its own, `path:line:column: ...`, as editors and CI read them.
      const count = error.problems.length;
      io.err(`${error.message}\nstrategy ${name}: ${count} problem${count === 1 ? '' : 's'} in the schema folder; nothing was done\n`);
      return exitCodes.usage;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`strategy ${name}: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
    if (['ENOENT', 'ENOTDIR', 'EACCES'].includes((error as { code?: string }).code ?? '')) {
      io.err(`strategy ${name}: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
    io.err(`strategy ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return exitCodes.usage;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Not a top-level await: commands import from this module, which must finish loading first.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
