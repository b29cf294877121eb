/**
 * The language the pipelines write their reports in, for `--lang`:
 *
 *   node src/ci/lang.ts "$STRATEGY_LANG"    the value when one is given (sv, fi or en), else the primary language
 *                                           of schema/project.json, else en
 *
 * The runner's locale is not asked: GitHub's runners set LANG=C.UTF-8, which would be English, and the county's
 * reports are in the language it chooses (the STRATEGY_LANG variable of the repository) or in its primary one.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../commands/command.ts';
import { isLang, languages, t, type Lang } from '../messages/index.ts';
import { optionValue, projectLang, runScript, type Script } from './script.ts';

/** The value given (empty is none), else the project's primary language, else English. */
export function reportLang(value: string | undefined, schemaDir: string): Lang {
  if (value) {
    if (!isLang(value)) throw new UsageError(t('ci.lang.bad', { lang: value, languages: languages.join(', ') }));
    return value;
  }
  return projectLang(schemaDir) ?? 'en';
}

export const langScript: Script = {
  path: 'src/ci/lang.ts',
  usage: () => t('ci.lang.help', { languages: languages.join('|') }),
  schemaDir: (args) => optionValue(args, 'schema') ?? 'schema',
  run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { schema: { type: 'string', default: 'schema' } } });
    if (positionals.length > 1) throw new UsageError(t('ci.lang.one', { n: positionals.length }));
    io.out(`${reportLang(positionals[0], values.schema)}\n`);
    return 0;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runScript(langScript, process.argv.slice(2));
}
