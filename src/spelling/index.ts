import type { Speller } from './speller.ts';
import { swedish } from './swedish.ts';
import { finnish } from './finnish.ts';

/** The spelling checker of each language the toolchain knows; a project language without one is not checked. */
export const spellers: ReadonlyMap<string, Speller> = new Map([swedish, finnish].map((speller) => [speller.lang, speller]));
