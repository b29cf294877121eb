import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SchemaError } from './load/schema.ts';
import { describeNodeError, exitCodes, takeLang, UsageError, type Command } from './commands/command.ts';
import { count, isLang, langFromEnv, setLang, currentLang, languages, t, type Lang, type MessageKey } from './messages/index.ts';
import pkg from '../package.json' with { type: 'json' };

/** Each command lives in src/commands/<name>.ts and is loaded only when used. */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.ts')).default,
  build: async () => (await import('./commands/build.ts')).default,
  new: async () => (await import('./commands/new.ts')).default,
  fix: async () => (await import('./commands/fix.ts')).default,
  dev: async () => (await import('./commands/dev.ts')).default,
  i18n: async () => (await import('./commands/i18n.ts')).default,
  diff: async () => (await import('./commands/diff.ts')).default,
  approve: async () => (await import('./commands/approve.ts')).default,
};

export const commandNames = Object.keys(commands);

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
