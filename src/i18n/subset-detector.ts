/**
 * eld's language detection, step for step, over its table cut to Swedish, Finnish and English
 * (src/i18n/eld-table.ts).
 *
 * eld's own detect() keeps the n-grams of a text in an object used as a set, copies a score array
 * of 60 languages for every text, and walks each n-gram's entries with for-in. With three
 * languages the same sums fit in three numbers, the table in a Map of typed arrays, and the set
 * in a Set: three times as fast on the paragraphs of a strategy. The steps, their limits and
 * constants are eld 2.1.0's (src/languageDetector.js, src/LanguageResult.js), and so are the
 * separator pattern, the byte dictionary and the average scores, which are imported from eld.
 * test/i18n/eld-table.test.ts checks that the language, the reliability and the scores equal
 * stock eld's (all 60 languages, limited to these three) on every paragraph of strategy/ and
 * the fixtures.
 */
import { eldParts, languageIndexes, shippedSubset, SUBSET_LANGUAGES } from './eld-table.ts';

export interface Detection {
  /** 'sv', 'fi', 'en', or '' when no n-gram of the text is in the table. */
  language: string;
  /** eld's isReliable(): enough n-grams, and a score near the language's average for a correct detection. */
  reliable: boolean;
  /** eld's getScores(): each scoring language's score between 0 and 1, highest first. */
  scores(): Record<string, number>;
}

export interface SubsetDetector {
  detect(text: string): Detection;
}

/** eld subtracts this from every stored score to keep its tables small, and adds it back when summing. */
const BASE_NGRAM_SCORE = 53;
/** eld's scaling of the mean n-gram score into 0–1. */
const SCALE = 25;
const RELIABLE_RATIO = 0.75;
const NO_ENTRY = -1;

export function newSubsetDetector(): SubsetDetector {
  const subset = shippedSubset();
  // The three languages in the order of eld's indexes (en 11, fi 16, sv 49).
  const indexes = languageIndexes(subset, SUBSET_LANGUAGES);
  const codes = indexes.map((index) => subset.languages[index]!);
  const eldIndexes = indexes.map(Number);
  const table = new Map<string, Float64Array>();
  for (const [ngram, entry] of Object.entries(subset.ngrams)) {
    const scores = new Float64Array(indexes.length).fill(NO_ENTRY);
    indexes.forEach((index, k) => {
      const score = entry[index];
      if (score === undefined) return;
      if (!(score >= 0)) throw new Error(`src/i18n/eld-sv-fi-en.json: unexpected score ${score} for "${ngram}": run npm run eld-table`);
      scores[k] = score;
    });
    table.set(ngram, scores);
  }

  return {
    detect(text: string): Detection {
      const ngrams = byteNgrams(byteWords(text.substring(0, 1000)));
      const sums = new Float64Array(indexes.length);
      for (const ngram of ngrams) {
        const entry = table.get(ngram);
        if (entry === undefined) continue;
        for (let k = 0; k < entry.length; k++) if (entry[k]! !== NO_ENTRY) sums[k]! += entry[k]! + BASE_NGRAM_SCORE;
      }
      // getMaxLang: the first highest positive sum.
      let best = -1;
      let max = 0;
      for (let k = 0; k < sums.length; k++) {
        if (sums[k]! > 0 && sums[k]! > max) {
          max = sums[k]!;
          best = k;
        }
      }
      if (best === -1) return { language: '', reliable: false, scores: () => ({}) };
      const language = codes[best]!;
      const ordered = orderAndScale(sums, eldIndexes, ngrams.size);
      return {
        language,
        reliable: isReliable(ordered, language, ngrams.size),
        scores: () => Object.fromEntries(ordered.map(([index, score]) => [subset.languages[index]!, score])),
      };
    },
  };
}

/** textProcessor and strToUtf8Bytes: letters only, lower case, as UTF-8 bytes spelled with eld's dictionary, cut near 350 bytes. */
function byteWords(text: string): string[] {
  const { separators, dictionary } = eldParts;
  const str = text.replace(separators, ' ').trim().toLowerCase();
  const words: string[] = [];
  let encoded = '';
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > 350) break;
      } else {
        encoded += str[i];
      }
      countBytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (code >> 18)]! + dictionary[0x80 | ((code >> 12) & 0x3f)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > 380) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** getByteNgrams: 4-byte n-grams at a stride of 3, the first with a leading space, the last with a trailing one. */
function byteNgrams(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const length = Math.min(word.length, 70);
    let j = 0;
    for (; j + 4 < length; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    ngrams.add(`${j === 0 ? ' ' : ''}${word.substring(length !== 3 ? length - 4 : 0)} `);
  }
  return ngrams;
}

/** orderAndScale: [eld's language index, score 0–1] of every positive sum, highest first (ties keep index order). */
function orderAndScale(sums: Float64Array, eldIndexes: readonly number[], ngramCount: number): [number, number][] {
  const ordered: [number, number][] = [];
  for (let k = 0; k < sums.length; k++) {
    if (!(sums[k]! > 0)) continue;
    const mean = sums[k]! / ngramCount;
    ordered.push([eldIndexes[k]!, mean / (mean + SCALE)]);
  }
  return ordered.sort((a, b) => b[1] - a[1]);
}

/**
 * isReliable with eld's default threshold. Like eld, it compares the best score with the second entry's language
 * index rather than its score, so that condition only fails when a single language scored below 0.01: kept as it
 * is, because the answers must be eld's.
 */
function isReliable(ordered: readonly [number, number][], language: string, ngramCount: number): boolean {
  if (ordered.length === 0 || ngramCount < 3) return false;
  const next = ordered.length > 1 ? ordered[1]![0] : 0;
  const best = ordered[0]![1];
  return !(eldParts.avgScore[language]! * RELIABLE_RATIO > best || 0.01 > Math.abs(best - next));
}
