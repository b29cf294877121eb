/**
 * Which language a block of prose is written in, limited to the project's languages (Swedish,
 * Finnish) and English, the usual stray. Used to catch Finnish text left in a Swedish file and
 * the other way round.
 *
 * The detector is eld's (n-gram based), from its public `eld/small` entry: an instance of its own
 * (`newInstance()`, so no other user of eld's shared instance changes its settings), limited to
 * these three languages with eld's `setLanguageSubset`. It is created on first use and reused.
 */
import { eld } from 'eld/small';
import { extractNumbers } from './numbers.ts';

export type DetectedLanguage = 'sv' | 'fi' | 'en';

export interface LanguageJudgement {
  /** Undefined when too little prose remains to judge, or eld found nothing. */
  lang: DetectedLanguage | undefined;
  /** True only when enough prose remained and eld is confident. */
  reliable: boolean;
  /** The text eld was given, after names, numbers, links and code were removed. */
  judged: string;
}

export interface IdentifyOptions {
  /**
   * Proper names to ignore, e.g. "Vasa centralsjukhus", "Sotkanet". Matched case-insensitively
   * at a word start; inflected forms (`Sotkanetista`, `Vasa centralsjukhus:n`) are removed too.
   */
  properNames?: readonly string[];
}

/** Below this, n-gram detection of sv/fi is a coin toss. */
export const MIN_WORDS = 4;
export const MIN_LETTERS = 25;

const LANGUAGES = ['sv', 'fi', 'en'] as const satisfies readonly DetectedLanguage[];

type Detector = ReturnType<typeof eld.newInstance>;

let detector: Detector | undefined;

/** The one detector of the process, built on first use. */
function sharedDetector(): Detector {
  if (detector === undefined) {
    detector = eld.newInstance();
    detector.setLanguageSubset([...LANGUAGES]);
  }
  return detector;
}

export function identifyLanguage(text: string, options: IdentifyOptions = {}): LanguageJudgement {
  const judged = removeNonProse(text.normalize('NFC'), options.properNames ?? []);
  if (!atLeast(WORDS, judged, MIN_WORDS) || !atLeast(LETTERS, judged, MIN_LETTERS)) return { lang: undefined, reliable: false, judged };

  const result = sharedDetector().detect(judged);
  const lang = LANGUAGES.find((candidate) => candidate === result.language);
  return { lang, reliable: lang !== undefined && result.isReliable(), judged };
}

/**
 * Strips what carries no evidence of the language, or false evidence: a Swedish sentence full
 * of Finnish place names would otherwise read as Finnish.
 */
function removeNonProse(text: string, properNames: readonly string[]): string {
  // Each step runs only when its text can be there: most blocks have no code, link, address, digit or acronym.
  let rest = text;
  if (rest.includes('```') || rest.includes('~~~')) rest = rest.replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, ' ');
  if (rest.includes('`')) rest = rest.replace(/`[^`]*`/g, ' ');
  if (/https?:\/\/|www\./i.test(rest)) rest = rest.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
  if (rest.includes('@')) rest = rest.replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, ' ');
  const names = namePattern(properNames);
  if (names !== undefined) rest = rest.replace(names, ' ');
  if (/\d/.test(rest)) {
    rest = withoutNumbers(rest).replace(/\S*\d\S*/gu, ' '); // codes such as A1 or 5G that are not numbers to extractNumbers
  }
  // A word with a capital after its first letter has one right after a letter, or after a letter and - : ’ '.
  if (/[\p{L}\p{M}][-:’']?\p{Lu}/u.test(rest)) rest = rest.replace(/[\p{L}\p{M}]+(?:[-:’'][\p{L}\p{M}]+)*/gu, (word) => (looksLikeName(word) ? ' ' : word));
  return rest.replace(/\s+/gu, ' ').trim();
}

const WORDS = /[\p{L}\p{M}]{2,}/gu;
const LETTERS = /\p{L}/gu;

/** Whether `pattern` (global) matches at least `count` times: counted up to `count`, without collecting the matches. */
function atLeast(pattern: RegExp, text: string, count: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < count && pattern.exec(text) !== null) found++;
  pattern.lastIndex = 0;
  return found >= count;
}

/** Numbers go with their unit and case ending: a stray `%:iin` is Finnish-looking noise. */
function withoutNumbers(text: string): string {
  let rest = '';
  let from = 0;
  for (const token of extractNumbers(text)) {
    rest += `${text.slice(from, token.offset)} `;
    from = token.offset + token.length;
  }
  return rest + text.slice(from);
}

/** Acronyms (THL, EU:n) and CamelCase product names (HaiPro): a capital after the first letter. */
function looksLikeName(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1));
}

/** The last list of names and its pattern: callers pass the same glossary for thousands of blocks. */
let cachedNames: { key: string; pattern: RegExp | undefined } | undefined;

function namePattern(properNames: readonly string[]): RegExp | undefined {
  const key = properNames.join('\u0000');
  if (cachedNames?.key === key) return cachedNames.pattern;
  const alternatives = [...properNames]
    .map((name) => name.normalize('NFC').trim())
    .filter((name) => name !== '')
    .sort((a, b) => b.length - a.length) // longest first, so "Vasa centralsjukhus" wins over "Vasa"
    .map((name) => name.split(/\s+/u).map(escapeRegExp).join('\\s+'));
  const pattern =
    alternatives.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{M}:’'-]*`, 'giu');
  cachedNames = { key, pattern };
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
