/**
 * What the CI scripts (summary.ts, cms-branch.ts, lang.ts) share with the commands: the language of what they write,
 * `--help`, and their errors as sentences with paths relative to the working folder, exit 2, no stack trace.
 *
 * The language is `--lang`, else the one LC_ALL, LC_MESSAGES or LANG names, else the primary language of the
 * project (schema/project.json), else English: a script run where no locale is set speaks the county's language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeNodeError, exitCodes, takeLang, UsageError } from '../commands/command.ts';
import { SchemaError } from '../load/schema.ts';
import { count, isLang, langFromEnv, languages, t, withLang, type Lang } from '../messages/index.ts';

export type ScriptIo = { out: (text: string) => void; err: (text: string) => void };

export const processIo: ScriptIo = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };

/** The primary language schema/project.json declares (its first language when it names none), if the catalogues have it. */
export function projectLang(schemaDir: string): Lang | undefined {
  try {
    const project = JSON.parse(readFileSync(join(schemaDir, 'project.json'), 'utf8')) as { primaryLanguage?: unknown; languages?: unknown };
    const primary = project.primaryLanguage ?? (Array.isArray(project.languages) ? project.languages[0] : undefined);
    return isLang(primary) ? primary : undefined;
  } catch {
    // Only a default: a schema/ that cannot be read is reported by what reads it.
    return undefined;
  }
}

/** `--lang`, else the locale variables when one is set, else the project's primary language, else English. */
export function scriptLang(lang: Lang | undefined, schemaDir: string, env: NodeJS.ProcessEnv = process.env): Lang {
  if (lang) return lang;
  if (['LC_ALL', 'LC_MESSAGES', 'LANG'].some((name) => env[name])) return langFromEnv(env);
  return projectLang(schemaDir) ?? 'en';
}

/** The value of `--name v` or `--name=v` before `--`, read before the options are parsed (for the default language). */
export function optionValue(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === `--${name}`) value = args[i + 1];
    else if (args[i]!.startsWith(`--${name}=`)) value = args[i]!.slice(name.length + 3);
  }
  return value;
}

/** An input that is not what it should be: said at its place, exit 2, without pointing at `--help`. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface Script {
  /** As the usage names it: `src/ci/summary.ts`. */
  path: string;
  /** Its help, in the current language. */
  usage(): string;
  /** The schema folder whose primary language is the default, from the arguments. */
  schemaDir(args: readonly string[]): string;
  /** Does the work; throws UsageError, InputError, Node's errors or SchemaError for what the caller got wrong. */
  run(args: string[], io: ScriptIo): number;
}

/** Runs a CI script as src/cli.ts runs a command: the language, `--help`, and every error a sentence, exit 2. */
export function runScript(script: Script, argv: readonly string[], io: ScriptIo = processIo): number {
  const { lang, bad, rest } = takeLang(argv);
  const name = script.path.replace(/^.*\//, '').replace(/\.ts$/, '');
  return withLang(scriptLang(lang, script.schemaDir(rest)), () => {
    const seeHelp = `${t('ci.see-help', { script: script.path })}\n`;
    if (bad !== undefined) {
      io.err(`${name}: ${t('cli.bad-lang', { lang: bad, languages: languages.join(', ') })}\n`);
      return exitCodes.usage;
    }
    const end = rest.indexOf('--');
    if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) {
      io.out(script.usage());
      return exitCodes.clean;
    }
    try {
      return script.run(rest, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(`${name}: ${error.message}\n${seeHelp}`);
        return exitCodes.usage;
      }
      if (error instanceof InputError) {
        io.err(`${name}: ${error.message}\n`);
        return exitCodes.usage;
      }
      if (error instanceof SchemaError) {
        io.err(`${error.message}\n${t('ci.schema-problems', { script: name, problems: count(error.problems.length, 'cli.problem.one', 'cli.problem.other') })}\n`);
        return exitCodes.usage;
      }
      const sentence = describeNodeError(error);
      if (sentence) {
        io.err(`${name}: ${sentence}\n${(error as { code: string }).code.startsWith('ERR_PARSE_ARGS') ? seeHelp : ''}`);
        return exitCodes.usage;
      }
      const detail = process.env['STRATEGY_DEBUG'] ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error));
      io.err(`${name}: ${t('cli.internal-error', { detail })}\n`);
      return exitCodes.usage;
    }
  });
}
