/**
 * What every command is and how it ends: the shape src/cli.ts runs, its exit codes, the error it reports as misuse,
 * the language taken from its arguments, and Node's own errors as sentences (the CMS generator shares the last two).
 */
import { relative } from 'node:path';
import { isLang, t, type Lang, type MessageKey } from '../messages/index.ts';

export const exitCodes = { clean: 0, problems: 1, usage: 2 } as const;

/** A mistake in how the command was called: reported with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command = (args: string[], io: { out: (text: string) => void; err: (text: string) => void }) => Promise<number>;

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
