import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStrategy } from '../pipeline.ts';
import { formatReport, formats, githubAnnotationCap, type Format } from '../diagnostics/reporters.ts';
import { allRules } from '../validate/all-rules.ts';
import { t } from '../messages/index.ts';
import { exitCodes, UsageError, type Command } from './command.ts';

/** `strategy check [dir]`: every message about the strategy, in the format asked for. */
const check: Command = async (args, io) => {
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
};

export default check;
