import type { Item, StrategyGraph } from './types.ts';

/** Every language version of every item, in a stable order. */
export function* allVersions(graph: StrategyGraph): Generator<Item> {
  for (const versions of graph.items.values()) yield* versions.values();
}
