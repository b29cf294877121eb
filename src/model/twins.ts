import type { SourceFile, StrategyGraph } from './types.ts';

/** Each pair of twins once, in the order of the project's languages: [sv, fi] for every stem that has both. */
export function* twinPairs(graph: StrategyGraph): Generator<[SourceFile, SourceFile]> {
  const [first, ...others] = graph.schema.project.languages;
  if (first === undefined) return;
  for (const versions of graph.twins.values()) {
    const a = versions.get(first);
    if (!a) continue;
    for (const lang of others) {
      const b = versions.get(lang);
      if (b) yield [a, b];
    }
  }
}

/** Structural equality of plain YAML data; `.nan` equals `.nan`, as the same text in both twins must compare equal. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
