/**
 * Does a text use a glossary term, in any inflected form? A deliberately small approximation
 * of morphology, good enough to tell "the Finnish text says kotihoito" from "it says
 * kotipalvelu", not a stemmer.
 *
 * Both languages: case-insensitive, NFC, word by word; a multiword term matches consecutive
 * words of the text, each word matched by the rule of its language.
 *
 * Finnish inflects with suffixes and consonant gradation (kotihoito → kotihoidon). A text word
 * matches when it starts with the term word's first max(4, length − 3) letters, so the last
 * three letters may change. Both words are first folded so that gradation pairs compare equal
 * (d~t, kk~k, pp~p, tt~t, nn~nt, ll~lt, rr~rt, mm~mp, ng~nk): `hoito` then matches `hoidon`.
 * Gradation that removes a consonant (tuki → tuen, jalka → jalan) or turns p into v is not
 * covered; such short words need their forms listed separately. Because the end of the word is
 * free, a longer compound built on the term also matches (kotihoito ~ kotihoitaja).
 *
 * Swedish inflects with endings (hemvård → hemvården, hemvårdens; vårdgaranti → vårdgarantier).
 * A text word matches when it is the term word, or a base form of it followed by a noun or
 * adjective ending. Compounds do not match (hemvård ≁ hemvårdsavgift), nor does vård match
 * vårdgaranti.
 */

export type StemLanguage = 'sv' | 'fi';

const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*-?/gu;

function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

export function stemMatches(text: string, term: string, lang: StemLanguage): boolean {
  return indexHasTerm(indexWords(text, lang), term);
}

/** Letters every matching text word starts with: candidates are looked up by them, not found by a scan. */
const PREFIX = 3;

/**
 * A text's words, prepared once for many `indexHasTerm` look-ups (a file against every glossary entry):
 * Finnish words gradation-folded, and the positions of the words by their first letters.
 */
export interface WordIndex {
  lang: StemLanguage;
  /** Lower-case words; for Finnish, gradation-folded. */
  words: string[];
  byPrefix: Map<string, number[]>;
}

export function indexWords(text: string, lang: StemLanguage): WordIndex {
  const lower = wordsOf(text);
  const words = lang === 'fi' ? lower.map(foldGradation) : lower;
  const byPrefix = new Map<string, number[]>();
  words.forEach((word, position) => {
    const key = word.slice(0, PREFIX);
    const list = byPrefix.get(key);
    if (list) list.push(position);
    else byPrefix.set(key, [position]);
  });
  return { lang, words, byPrefix };
}

/** A term word, prepared: a text word matches when it starts with one of `prefixes` and the rest is allowed. */
interface TermWord {
  /** Finnish: the folded stem. Swedish: the bases an ending may follow. */
  prefixes: string[];
  /** The letters every match starts with, or undefined for a word too short to look up. */
  key: string | undefined;
}

const preparedTerms: Record<StemLanguage, Map<string, TermWord[]>> = { sv: new Map(), fi: new Map() };

function prepareTerm(term: string, lang: StemLanguage): TermWord[] {
  let prepared = preparedTerms[lang].get(term);
  if (prepared) return prepared;
  prepared = wordsOf(term).map((word) => {
    if (lang === 'fi') {
      const folded = foldGradation(word);
      const stem = folded.slice(0, Math.min(folded.length, Math.max(4, folded.length - 3)));
      return { prefixes: [stem], key: stem.length >= PREFIX ? stem.slice(0, PREFIX) : undefined };
    }
    return { prefixes: swedishBases(word), key: word.length >= PREFIX ? word.slice(0, PREFIX) : undefined };
  });
  preparedTerms[lang].set(term, prepared);
  return prepared;
}

function wordMatches(lang: StemLanguage, textWord: string | undefined, termWord: TermWord): boolean {
  if (textWord === undefined) return false;
  for (const base of termWord.prefixes) {
    if (!textWord.startsWith(base)) continue;
    if (lang === 'fi' || SWEDISH_ENDINGS.has(textWord.slice(base.length))) return true;
  }
  return false;
}

function matchesAt(words: readonly string[], lang: StemLanguage, termWords: readonly TermWord[], start: number): boolean {
  if (start + termWords.length > words.length) return false;
  for (let k = 0; k < termWords.length; k++) if (!wordMatches(lang, words[start + k], termWords[k]!)) return false;
  return true;
}

/** Whether the indexed text uses the term: the same answer as `stemMatches(text, term, lang)`. */
export function indexHasTerm(index: WordIndex, term: string): boolean {
  const { words, lang } = index;
  const termWords = prepareTerm(term, lang);
  const first = termWords[0];
  if (first === undefined) return false;
  if (first.key === undefined) {
    for (let start = 0; start + termWords.length <= words.length; start++) if (matchesAt(words, lang, termWords, start)) return true;
    return false;
  }
  const candidates = index.byPrefix.get(first.key);
  if (candidates) for (const start of candidates) if (matchesAt(words, lang, termWords, start)) return true;
  return false;
}

/** Folded words by word: a strategy's vocabulary is small and every file repeats it. Emptied when it grows past a bound. */
const foldedWords = new Map<string, string>();
const MAX_FOLDED_WORDS = 200_000;

/** Maps both grades of a consonant to one form, so the stems of kotihoito and kotihoidon agree. */
function foldGradation(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= MAX_FOLDED_WORDS) foldedWords.clear();
    foldedWords.set(word, (folded = foldWord(word)));
  }
  return folded;
}

function foldWord(word: string): string {
  return word
    .replace(/d/g, 't')
    .replace(/([kpt])\1/g, '$1')
    .replace(/nn/g, 'nt')
    .replace(/ll/g, 'lt')
    .replace(/rr/g, 'rt')
    .replace(/mm/g, 'mp')
    .replace(/ng/g, 'nk');
}

/** Noun and adjective endings: definite, plural, genitive, and the participle forms -d/-de/-da. */
const SWEDISH_ENDINGS: ReadonlySet<string> = new Set([
  ...['', 'n', 'en', 't', 'et', 'na', 'ne', 'e', 'a', 'd', 'de', 'da'],
  ...['r', 'er', 'ar', 'or', 'rna', 'erna', 'arna', 'orna'],
].flatMap((ending) => [ending, `${ending}s`]));

/** Below this length a shortened base (vår from vård) is too likely to be another word. */
const MIN_SHORTENED_BASE = 5;

/**
 * The forms an ending attaches to: the word itself; without a final vowel (flicka → flickor);
 * with a doubled final consonant (program → programmet); without the e of -el/-en/-er
 * (nyckel → nycklar); without a final t or d (utvecklat → utvecklade).
 */
function swedishBases(word: string): string[] {
  const bases = [word];
  const shortened: string[] = [];
  if (/[ae]$/.test(word)) shortened.push(word.slice(0, -1));
  if (/[bdfgklmnprstv]$/.test(word)) bases.push(word + word.slice(-1));
  if (/e[lnr]$/.test(word)) shortened.push(word.slice(0, -2) + word.slice(-1));
  if (/[td]$/.test(word)) shortened.push(word.slice(0, -1));
  return [...bases, ...shortened.filter((base) => base.length >= MIN_SHORTENED_BASE)];
}

