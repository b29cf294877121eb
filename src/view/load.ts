/**
 * The strategy as view models, the input of the site, the PDFs and the open data. Kept apart from src/pipeline.ts
 * so that `check` does not load the HTML renderers (mdast-util-to-hast, hast-util-sanitize, hast-util-to-html).
 */
import { CheckFailedError, loadStrategy, type LoadOptions, type LoadResult } from '../pipeline.ts';
import { buildViewModel, sourceDate } from './build.ts';
import type { ViewModel } from './types.ts';

/** Loads, checks and builds one view model per language; refuses when check has errors. */
export function loadViewModels(strategyDir: string, options: LoadOptions = {}): { result: LoadResult; views: Record<string, ViewModel> } {
  const result = loadStrategy(strategyDir, options);
  if (result.errorCount > 0) throw new CheckFailedError(`check found ${result.errorCount} error(s); fix them before building`, result);
  const date = sourceDate(strategyDir);
  const views = Object.fromEntries(
    result.graph.schema.project.languages.map((lang) => [lang, buildViewModel(result.graph, lang, { strategyDir, sourceDate: date })]),
  );
  return { result, views };
}
