/**
 * The strategy as view models, the input of the site, the PDFs and the open data. Kept apart from src/pipeline.ts
 * so that `check` does not load the HTML renderers (mdast-util-to-hast, hast-util-sanitize, hast-util-to-html).
 */
import { CheckFailedError, loadGraph, loadStrategy, type LoadOptions, type LoadResult } from '../pipeline.ts';
import { compareVersions } from '../changes/compare.ts';
import { latestApproved, type ApprovedVersion } from '../changes/versions.ts';
import { buildViewModel, contentDate, type ContentDate } from './build.ts';
import { kindPresentation } from '../model/presentation.ts';
import { t } from '../messages/index.ts';
import type { ViewModel } from './types.ts';

/**
 * Loads, checks and builds one view model per language; refuses when check has errors. With an approved version in
 * versions/ beside the strategy, the views carry what changed since the last one (`changes`).
 */
export function loadViewModels(strategyDir: string, options: LoadOptions = {}): { result: LoadResult; views: Record<string, ViewModel>; date: ContentDate; since: ApprovedVersion | undefined } {
  const result = loadStrategy(strategyDir, options);
  if (result.errorCount > 0) throw new CheckFailedError(t('cli.build.check-failed', { n: result.errorCount }), result);
  const { graph } = result;
  // The document's own date, if its schema gives a field that role: language-neutral, so any language's file.
  const [rootId] = graph.roots;
  const root = rootId ? graph.get(rootId, graph.schema.project.primaryLanguage) ?? graph.get(rootId) : undefined;
  const definition = root ? graph.schema.kinds.get(root.kind) : undefined;
  const dateField = definition ? kindPresentation(definition).byRole.get('date')?.field : undefined;
  const documentDate = root && dateField && typeof root.data[dateField] === 'string' ? (root.data[dateField] as string) : undefined;
  const date = contentDate(strategyDir, documentDate);
  const since = latestApproved(strategyDir);
  // The approved version as it was, with its own schema: read, not checked (it was right when approved).
  const before = since ? loadGraph(since.strategyDir, { schemaDir: since.schemaDir }).graph : undefined;
  const changes = since && before ? { set: compareVersions(before, graph), before, decision: since.decision } : undefined;
  const views = Object.fromEntries(graph.schema.project.languages.map((lang) => [lang, buildViewModel(graph, lang, { strategyDir, sourceDate: date.iso, ...(changes ? { changes } : {}) })]));
  return { result, views, date, since };
}
