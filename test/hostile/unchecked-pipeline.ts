/**
 * The pipeline without its check gate, for the sanitising tests only: hostile Markdown that `check` refuses (raw
 * HTML, `javascript:` links) must still come out of the renderers harmless, as a second line of defence. The site is
 * built against this module by unchecked-site.ts; nothing in src/ imports it.
 */
import { loadStrategy, type LoadOptions, type LoadResult } from '../../src/pipeline.ts';
import { buildViewModel, sourceDate } from '../../src/view/build.ts';
import type { ViewModel } from '../../src/view/types.ts';

export * from '../../src/pipeline.ts';

/** As src/view/load.ts's loadViewModels, but builds the view models whatever check says. */
export function loadViewModels(strategyDir: string, options: LoadOptions = {}): { result: LoadResult; views: Record<string, ViewModel> } {
  const result = loadStrategy(strategyDir, options);
  const date = sourceDate(strategyDir);
  const views = Object.fromEntries(
    result.graph.schema.project.languages.map((lang) => [lang, buildViewModel(result.graph, lang, { strategyDir, sourceDate: date })]),
  );
  return { result, views };
}
