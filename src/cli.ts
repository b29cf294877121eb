import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadStrategy } from './pipeline.ts';
import { formatReport, formats, githubAnnotationCap, type Format } from './diagnostics/reporters.ts';
import { allRules } from './validate/all-rules.ts';
import { SchemaError } from './load/schema.ts';
import { count, isLang, langFromEnv, setLang, currentLang, languages, t, type Lang, type MessageKey } from './messages/index.ts';
import pkg from '../package.json' with { type: 'json' };

export const exitCodes = { clean: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command = (args: string[], io: { out: (text: string) => void; err: (text: string) => void }) => Promise<number>;

async function check(args: string[], io: Parameters<Command>[1]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'human' }, 'max-warnings': { type: 'string' }, schema: { type: 'string' }, council: { type: 'boolean', default: false } },
  });
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(t('cli.check.format', { format: String(values.format), formats: formats.join(', ') }));
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(t('cli.check.max-warnings'));
  if (positionals.length > 1) throw new UsageError(t('cli.one-folder', { command: 'check', n: positionals.length }));
  const dir = positionals[0] ?? 'strategy';
  // Said before anything else: a mistyped folder is the editor's likeliest mistake, and its schema/ is missing too.
  if (!existsSync(dir)) throw Object.assign(new Error(`ENOENT: ${dir}`), { code: 'ENOENT', path: resolve(dir) });
  const result = loadStrategy(dir, { ...(values.schema ? { schemaDir: values.schema } : {}), ...(values.council ? { council: true } : {}) });
  io.out(
    formatReport(format, {
      messages: result.messages,
      fileCount: result.graph.files.length,
      rules: allRules,
      color: format === 'human' && process.stdout.isTTY === true,
      acknowledged: result.acknowledged,
      unusedAcknowledgements: result.unusedAcknowledgements,
      ...(githubAnnotationCap() === undefined ? {} : { annotationCap: githubAnnotationCap()! }),
    }));
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

export const commandNames = Object.keys(commands);

/** `--lang sv`, `--lang=fi` anywhere on the line: the language of what the command says, taken out of the arguments. */
export function takeLang(argv: readonly string[]): { lang: Lang | undefined; bad: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang | undefined;
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const value = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined && arg !== '--lang') {
      rest.push(arg);
      continue;
    }
    if (isLang(value)) lang = value;
    else bad = value ?? '';
  }
  return { lang, bad, rest };
}

/** A path as the editor typed it or would: relative to the working folder. */
function shown(path: string): string {
  return relative(process.cwd(), path) || '.';
}

/** Node's own errors as a sentence an editor can act on, with the path relative to the working folder. */
export function describeNodeError(error: unknown): string | undefined {
  const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string') return undefined;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.error.unknown-option', { option: /'([^']+)'/.exec(message)?.[1] ?? message });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t('cli.error.option-value', { option: /'(-[^' ]+)/.exec(message)?.[1] ?? message });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t('cli.error.positional', { argument: /'([^']+)'/.exec(message)?.[1] ?? message });
  const known = ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EEXIST', 'ENOTEMPTY', 'EROFS', 'ENOSPC', 'ELOOP', 'EMFILE', 'EBUSY'];
  if (!known.includes(code)) return undefined;
  const where = typeof path === 'string' ? shown(path) : '?';
  return t(`cli.error.${code}` as MessageKey, { path: where, dest: typeof dest === 'string' ? shown(dest) : '' });
}

function help(name: string | undefined): string {
  return t(name && commands[name] ? (`help.${name}` as MessageKey) : 'help.main', { version: pkg.version, languages: languages.join('|') });
}

async function run(argv: readonly string[], io: Parameters<Command>[1]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    (name ? io.out : io.err)(help(topic));
    return name ? exitCodes.clean : exitCodes.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`strategy ${pkg.version}\n`);
    return exitCodes.clean;
  }
  const load = commands[name];
  if (!load) {
    io.err(`${t('cli.unknown-command', { name })}\n\n${help(undefined)}`);
    return exitCodes.usage;
  }
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) {
    io.out(help(name));
    return exitCodes.clean;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof SchemaError) {
      // Each problem on a line of its own, `path:line:column: ...`, as editors and CI read them.
      io.err(`${error.message}\n${t('cli.schema-problems', { command: name, problems: count(error.problems.length, 'cli.problem.one', 'cli.problem.other') })}\n`);
      return exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.err(`strategy ${name}: ${error.message}\n${t('cli.see-help', { command: name })}\n`);
      return exitCodes.usage;
    }
    const sentence = describeNodeError(error);
    if (sentence) {
      io.err(`strategy ${name}: ${sentence}\n${(error as { code: string }).code.startsWith('ERR_PARSE_ARGS') ? `${t('cli.see-help', { command: name })}\n` : ''}`);
      return exitCodes.usage;
    }
    // A defect of ours: the stack is for the developers, only when they ask for it.
    const detail = process.env['STRATEGY_DEBUG'] ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error));
    io.err(`strategy ${name}: ${t('cli.internal-error', { detail })}\n`);
    return exitCodes.usage;
  }
}

export async function main(argv: string[], io: Parameters<Command>[1] = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const { lang, bad, rest } = takeLang(argv);
  const before = currentLang();
  setLang(lang ?? langFromEnv());
  try {
    if (bad !== undefined) {
      io.err(`strategy: ${t('cli.bad-lang', { lang: bad, languages: languages.join(', ') })}\n`);
      return exitCodes.usage;
    }
    return await run(rest, io);
  } finally {
    setLang(before);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Not a top-level await: commands import from this module, which must finish loading first.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
