import { parseArgs } from 'node:util';
import { t } from '../messages/index.ts';
import { join, relative, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CheckFailedError } from '../pipeline.ts';
import { loadViewModels } from '../view/load.ts';
import type { ContentDate } from '../view/build.ts';
import { formatReport } from '../diagnostics/reporters.ts';
import { allRules } from '../validate/all-rules.ts';
import { OutputRefusedError, stageOutput } from '../output/atomic.ts';
import { writeOpenData } from '../render/data/export.ts';
import { UsageError, type Command } from '../cli.ts';
import { copyPdfsIntoSite, renderSite } from '../render/site/build.ts';

const targets = ['site', 'pdf', 'data'] as const;
type Target = (typeof targets)[number];

/** check → view model → PDFs, open data and site, written to a staging folder and swapped into out/ only when complete. */
const build: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'out' }, schema: { type: 'string' }, only: { type: 'string', multiple: true } },
  });
  const strategyDir = resolve(positionals[0] ?? 'strategy');
  // `--only pdf --only data` and `--only pdf,data` both work; an unknown target is a usage error, never an empty out/.
  const requested = (values.only ?? [...targets]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const unknown = requested.filter((value) => !(targets as readonly string[]).includes(value));
  if (unknown.length > 0 || requested.length === 0) throw new UsageError(t('cli.build.only', { targets: targets.join(', '), got: unknown.join(', ') || t('word.nothing') }));
  const only = new Set(requested as Target[]);
  let loaded;
  try {
    loaded = loadViewModels(strategyDir, values.schema ? { schemaDir: values.schema } : {});
  } catch (error) {
    if (!(error instanceof CheckFailedError)) throw error;
    const { result } = error;
    io.err(formatReport('human', { messages: result.messages, fileCount: result.graph.files.length, rules: allRules }));
    io.err(`${t('cli.build.refused', { reason: t('cli.build.check-failed', { n: result.errorCount }) })}\n`);
    return 1;
  }
  const { views, result, date } = loaded;
  io.out(`${datesLine(date, strategyDir)}\n`);
  const started = performance.now();
  // The outputs go to a staging folder, swapped into out/ only when complete.
  let staging;
  try {
    staging = stageOutput(values.out);
  } catch (error) {
    if (!(error instanceof OutputRefusedError)) throw error;
    io.err(`${t('cli.build.output-refused', { reason: error.message })}\n`);
    return 2;
  }
  try {
    // The PDFs render in a child process while Astro's process builds the site: on two cores the slower of the two
    // sets the pace, not their sum.
    const pdfDir = join(staging.dir, 'pdf');
    const pdfs = only.has('pdf')
      ? import('../render/pdf/files.ts').then(({ renderPdfFiles }) => {
          mkdirSync(pdfDir, { recursive: true });
          return renderPdfFiles(views, pdfDir);
        })
      : Promise.resolve([]);
    const rest = (async () => {
      if (only.has('data')) {
        for (const path of writeOpenData(views, join(staging.dir, 'data'))) io.out(`${t('cli.wrote', { path: path.replace(staging.dir, values.out) })}\n`);
      }
      if (!only.has('site')) return false;
      await renderSite({
        strategyDir,
        outDir: join(staging.dir, 'site'),
        views,
        ...(values.schema ? { schemaDir: values.schema } : {}),
        ...(process.env['SITE_URL'] ? { siteUrl: process.env['SITE_URL'] } : {}),
      });
      return true;
    })();
    // Both finish (or fail) before anything is committed or thrown away.
    const [pdfResult, siteResult] = await Promise.allSettled([pdfs, rest]);
    if (pdfResult.status === 'rejected') throw pdfResult.reason;
    if (siteResult.status === 'rejected') throw siteResult.reason;
    for (const path of pdfResult.value) io.out(`${t('cli.wrote', { path: path.replace(staging.dir, values.out) })}\n`);
    if (siteResult.value) {
      copyPdfsIntoSite(views, pdfDir, join(staging.dir, 'site'));
      io.out(`${t('cli.wrote', { path: `${values.out}/site/` })}\n`);
    }
    staging.commit();
  } catch (error) {
    io.err(`${t('cli.build.failed', { reason: (error as Error).message })}\n`);
    return 2;
  } finally {
    staging.abort(); // nothing once committed
  }
  io.out(`${t(result.warningCount ? 'cli.build.built.warnings' : 'cli.build.built', { n: result.graph.items.size, seconds: ((performance.now() - started) / 1000).toFixed(1), warnings: result.warningCount })}\n`);
  return 0;
};

export default build;

/** Which date the output carries (the accessibility statement's, the PDFs'), and where it came from. */
export function datesLine(date: ContentDate, strategyDir: string): string {
  const day = date.iso.slice(0, 10);
  const folder = `${relative(process.cwd(), strategyDir) || '.'}/`;
  switch (date.from) {
    case 'document':
      return t('cli.build.dates.document', { day });
    case 'SOURCE_DATE_EPOCH':
      return t('cli.build.dates.epoch', { day });
    case 'git':
      return t(date.uncommitted ? 'cli.build.dates.git-uncommitted' : 'cli.build.dates.git', { day, folder });
    default:
      return t('cli.build.dates.none', { day, folder });
  }
}
