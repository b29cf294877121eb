/**
 * Generates the editor-side configuration from schema/, so that it never disagrees with `check`:
 *
 * - cms/config.yml, the CMS configuration (src/cms/config.ts);
 * - .vscode/front-matter.schema.json, the editors' schema of front-matter (src/cms/editor-schema.ts).
 *
 *   node src/cms/generate.ts            write both files
 *   node src/cms/generate.ts --check    exit 1 when a committed file is not what the generator writes
 *   node src/cms/generate.ts --help     the options; a bad option, or a schema/ with problems, exits 2
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { SchemaError } from '../load/schema.ts';
import { cachedSchemaSet } from '../load/schema-cache.ts';
import type { SchemaSet } from '../model/types.ts';
import { renderCmsConfig } from './config.ts';
import { renderFrontMatterSchema } from './editor-schema.ts';
import { count, langFromEnv, languages, t, withLang } from '../messages/index.ts';
import { describeNodeError, takeLang } from '../commands/command.ts';

export const outputs = { cms: 'cms/config.yml', editorSchema: '.vscode/front-matter.schema.json' } as const;

const usage = () => t('help.generate', { cms: outputs.cms, editorSchema: outputs.editorSchema, languages: languages.join('|') });

/**
 * The generator's command line: 0 written or current, 1 stale (with --check), 2 a bad option or a bad schema/. It
 * speaks the language `--lang` names, else the one of LC_ALL, LC_MESSAGES or LANG, else English.
 */
export function main(argv: string[], io = { out: (text: string) => void process.stdout.write(text), err: (text: string) => void process.stderr.write(text) }): number {
  const { lang, bad, rest } = takeLang(argv);
  return withLang(lang ?? langFromEnv(), () => {
    if (bad !== undefined) {
      io.err(`generate: ${t('cli.bad-lang', { lang: bad, languages: languages.join(', ') })}\n`);
      return 2;
    }
    return generate(rest, io);
  });
}

function generate(args: string[], io: { out: (text: string) => void; err: (text: string) => void }): number {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { schema: { type: 'string', default: 'schema' }, check: { type: 'boolean', default: false }, 'strategy-folder': { type: 'string', default: 'strategy' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    io.err(`generate: ${describeNodeError(error) ?? (error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (values.help) {
    io.out(usage());
    return 0;
  }
  let schema: SchemaSet;
  try {
    schema = cachedSchemaSet(resolve(values.schema));
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    io.err(`${error.message}\n${t('cms.generate.schema-problems', { problems: count(error.problems.length, 'cli.problem.one', 'cli.problem.other') })}\n`);
    return 2;
  }
  const files: [string, string][] = [
    [outputs.cms, renderCmsConfig(schema, { strategyFolder: values['strategy-folder'] })],
    [outputs.editorSchema, renderFrontMatterSchema(schema)],
  ];
  let stale = 0;
  for (const [path, text] of files) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (values.check) {
      io.err(`${t('cms.generate.stale', { path })}\n`);
      stale++;
    } else {
      writeFileSync(join(path), text);
      io.out(`${t('cli.wrote', { path })}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
