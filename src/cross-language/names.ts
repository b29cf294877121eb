import type { GraphLike } from './graph-like.ts';
import { memo } from '../model/memo.ts';

/**
 * Names that are the same in every language and must not count as text of one language: the project's
 * `properNames`, and glossary terms written identically in all languages (Sotkanet, HaiPro).
 */
export function properNames(graph: GraphLike): readonly string[] {
  return memo(graph.glossary, 'properNames', () => {
    const names = new Set(graph.schema.project.properNames);
    for (const entry of graph.glossary) {
      const lists = Object.values(entry.terms);
      const shared = lists[0]?.filter((term) => lists.every((list) => list.includes(term))) ?? [];
      for (const term of shared) names.add(term);
    }
    return [...names];
  });
}
