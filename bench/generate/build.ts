/** The generation under way: the random numbers, the twins made so far, and how many are still to make. */
import type { Rng } from '../lexicon.ts';
import { createRng } from './rng.ts';
import type { Fields, Twin } from './twin.ts';

export interface Build {
  rng: Rng;
  twins: Twin[];
  /** Items still to make: generation stops on the exact count. */
  left(): number;
  add(stem: string, fields: Fields, body?: [string, string], translated?: string[]): void;
}

export function startBuild(total: number, seed: number): Build {
  const twins: Twin[] = [];
  let stampCounter = 0;
  return {
    rng: createRng(seed),
    twins,
    left: () => total - twins.length,
    add(stem, fields, body = ['', ''], translated = ['title']) {
      // Every 400th pair is left unstamped: a few translation-stamp-missing warnings, as in a real strategy.
      const stamped = ++stampCounter % 400 !== 0;
      twins.push({ stem, fields, translated: new Set(translated), body, stamped });
    },
  };
}
