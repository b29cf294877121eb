/**
 * The native spelling libraries (Hunspell for Swedish, Voikko for Finnish), opened through koffi, a foreign
 * function interface for Node: the first of the names a system gives a shared library that loads, or none.
 */
import koffi from 'koffi';
import type { Speller } from './speller.ts';
import { t, type MessageKey, type Params } from '../messages/index.ts';

export function openLibrary(names: readonly string[]): ReturnType<typeof koffi.load> | undefined {
  for (const name of names) {
    try {
      return koffi.load(name);
    } catch {
      // The next name, or none: the language is then skipped, and the spelling rule says so.
    }
  }
  return undefined;
}

/** A NULL-terminated or counted `char **` that a library returns, as strings. */
export function stringList(array: unknown, count?: number): string[] {
  if (!array) return [];
  const found: string[] = [];
  for (let i = 0; count === undefined || i < count; i++) {
    const entry = koffi.decode(array, i * koffi.sizeof('char *'), 'char *') as string | null;
    if (entry === null) break;
    found.push(entry);
  }
  return found;
}

export { koffi };

/** How many words' answers a speller keeps, per kind of answer, before it starts afresh. */
const maxRemembered = 100_000;

/** What a native library does for a speller once it is open. */
export interface NativeChecker {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** Why a native library cannot be used (it, or its dictionary, is missing), worded in the language of the moment. */
export interface Unavailable {
  why(): string;
}

/** The reason a library cannot be used, as a catalogue's message. */
export const unavailable = (key: MessageKey, params: Params): Unavailable => ({ why: () => t(key, params) });

export const isUnavailable = (value: object): value is Unavailable => 'why' in value;

/**
 * A speller over a native library, opened on first use: `open` returns the checker, or why there is none (the
 * library or its dictionary is missing), which the spelling rule then says once.
 */
export function nativeSpeller(lang: string, open: () => NativeChecker | Unavailable): Speller {
  let opened: NativeChecker | Unavailable | undefined;
  const get = () => (opened ??= open());
  const checker = () => {
    const found = get();
    return isUnavailable(found) ? undefined : found;
  };
  // Each word is asked once per process: `strategy dev` re-checks, and the tests check many small strategies.
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  const remembered = <T>(cache: Map<string, T>, word: string, ask: () => T): T => {
    const known = cache.get(word);
    if (known !== undefined) return known;
    if (cache.size >= maxRemembered) cache.clear();
    const answer = ask();
    cache.set(word, answer);
    return answer;
  };
  return {
    lang,
    available: () => checker() !== undefined,
    unavailableReason: () => {
      const found = get();
      return isUnavailable(found) ? found.why() : undefined;
    },
    correct: (word) => remembered(verdicts, word, () => checker()?.spell(word) ?? true),
    suggest: (word) => remembered(suggestions, word, () => checker()?.suggest(word) ?? []),
  };
}
