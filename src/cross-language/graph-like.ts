import type { StrategyGraph } from '../model/types.ts';

/** The parts of the graph the cross-language helpers read. */
export type GraphLike = Pick<StrategyGraph, 'schema' | 'glossary'>;
