/**
 * Does a text use a glossary term, in any inflected form? The glossary lists each term in its base form
 * (hyvinvointialue, kund); the text inflects it (hyvinvointialueella, kunden).
 *
 * Both languages: case-insensitive, NFC, word by word; a multiword term matches consecutive words of the text,
 * each word matched by the rule of its language. Each language has two paths, chosen by what is installed
 * (src/cross-language/morphology.ts), and each is deterministic:
 *
 * Finnish with Voikko: a text word matches a term word when one of Voikko's base forms of it is the term word's
 * base form (hyvinvointialueella → hyvinvointialue; hyvinvointia → hyvinvointi does not match), or a compound whose
 * first part, at one of Voikko's part boundaries, is that base form (hyvinvointialuestrategiassa). A term word
 * that is itself inflected, as the genitive in `hoidon tarpeen arviointi`, matches by its base form too. A text
 * word Voikko does not know is matched by the stems below.
 *
 * Finnish by stems (no Voikko): a text word matches when it starts with the letters of the term word that its
 * inflected forms keep (finnishStem: hyvinvointialue, mittar-, asiaka-), so the rest may change. Both words are
 * first folded so that gradation pairs compare equal (d~t, kk~k, pp~p, tt~t, nn~nt, ll~lt, rr~rt, mm~mp, ng~nk):
 * `hoito` then matches `hoidon`. Gradation that removes a consonant (tuki → tuen, jalka → jalan) is not covered.
 * Because the end of the word is free, a longer compound built on the term also matches (kotihoito ~
 * kotihoitaja), and so do other words that share the stem (kumppani ~ kumppanuus): this path is the looser one.
 *
 * Swedish inflects with endings (hemvård → hemvården, hemvårdens; vårdgaranti → vårdgarantier). A text word
 * matches when it is the term word, or a base form of it followed by a noun or adjective ending. Compounds do not
 * match (hemvård ≁ hemvårdsavgift), nor does vård match vårdgaranti. With Hunspell, a word that the dictionary
 * knows as a word of its own is not a form of the term: `kunde` (could) does not match kund.
 *
 * Over 300 lines because both languages and both paths share the term index and the word-by-word matching.
 */

import { nativeMorphology, type Morphology } from './morphology.ts';

export type StemLanguage = 'sv' | 'fi';

const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*-?/gu;

function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

export function stemMatches(text: string, term: string, lang: StemLanguage, morphology: Morphology = nativeMorphology()): boolean {
  return indexHasTerm(indexWords(text, lang, morphology), term);
}

/** Letters every matching text word starts with: candidates are looked up by them, not found by a scan. */
const PREFIX = 3;
/**
 * With Voikko, a base form shorter than this may change its third letter when inflected (lapsi → lasten): its
 * candidates are the words under every key that begins with its first two letters.
 */
const SHORT_BASE = 6;
/** How many text words' answers a term word keeps (Voikko's path) before it starts afresh. */
const MAX_REMEMBERED = 50_000;

/**
 * A text's words, prepared once for many `indexHasTerm` look-ups (a file against every glossary entry):
 * Finnish words gradation-folded on the stems' path, and the positions of the words by their first letters.
 */
export interface WordIndex {
  lang: StemLanguage;
  morphology: Morphology;
  /** Lower-case words; for Finnish on the stems' path, gradation-folded. */
  words: string[];
  byPrefix: Map<string, number[]>;
}

/** Whether Finnish is matched with Voikko's analyses. */
const withVoikko = (lang: StemLanguage, morphology: Morphology) => lang === 'fi' && morphology.fi !== undefined;

export function indexWords(text: string, lang: StemLanguage, morphology: Morphology = nativeMorphology()): WordIndex {
  const lower = wordsOf(text);
  const words = lang === 'fi' && !withVoikko(lang, morphology) ? lower.map(foldGradation) : lower;
  const byPrefix = new Map<string, number[]>();
  words.forEach((word, position) => {
    const key = word.slice(0, PREFIX);
    const list = byPrefix.get(key);
    if (list) list.push(position);
    else byPrefix.set(key, [position]);
  });
  return { lang, morphology, words, byPrefix };
}

/** A term word, prepared: a text word matches when it starts with one of `prefixes` and the rest is allowed. */
interface TermWord {
  /** The term word, lower-case. */
  word: string;
  /** Finnish by stems: the folded stem. Swedish: the bases an ending may follow. Finnish with Voikko: the stem, for words Voikko does not know. */
  prefixes: string[];
  /** Finnish with Voikko: the word and its base forms. */
  bases: string[];
  /** Finnish: the letters that may follow the stem, when only some may (kumppan- + i or e: not kumppanuus). */
  next?: string;
  /** The letters every match starts with (with Voikko, two for a short base form), or undefined for a word too short to look up. */
  keys: string[] | undefined;
  /** Whether a key is of two letters only (a short Finnish base form, with Voikko). */
  shortKey?: boolean;
  /** Finnish with Voikko: whether each text word asked of is a form of this one. */
  answers?: Map<string, boolean>;
}

/** Prepared terms by path (Swedish, Finnish with Voikko, Finnish by stems), then by term: asked for every file × term. */
const preparedTerms = { sv: new Map<string, TermWord[]>(), voikko: new Map<string, TermWord[]>(), stems: new Map<string, TermWord[]>() };

function prepareTerm(term: string, lang: StemLanguage, morphology: Morphology): TermWord[] {
  const voikko = withVoikko(lang, morphology);
  const cache = lang === 'sv' ? preparedTerms.sv : voikko ? preparedTerms.voikko : preparedTerms.stems;
  let prepared = cache.get(term);
  if (prepared) return prepared;
  prepared = wordsOf(term).map((word): TermWord => {
    if (lang === 'fi') {
      const folded = foldGradation(word);
      const { stem, next } = finnishStem(folded);
      const after = next === undefined ? {} : { next };
      if (!voikko) return { word, prefixes: [stem], bases: [], ...after, keys: stem.length >= PREFIX ? [stem.slice(0, PREFIX)] : undefined };
      const bases = [...new Set([word, ...morphology.fi!(word).map((analysis) => analysis.baseForm)])];
      // The keys of the bases, and of the stem for text words Voikko does not know.
      const keys = [...new Set([...bases.map((base) => base.slice(0, base.length < SHORT_BASE ? PREFIX - 1 : PREFIX)), word.slice(0, PREFIX)])];
      const lookUp = keys.every((key) => key.length >= PREFIX - 1);
      return { word, prefixes: [stem], bases, ...after, keys: lookUp ? keys : undefined, shortKey: lookUp && keys.some((key) => key.length < PREFIX), answers: new Map() };
    }
    return { word, prefixes: swedishBases(word), bases: [], keys: word.length >= PREFIX ? [word.slice(0, PREFIX)] : undefined };
  });
  cache.set(term, prepared);
  return prepared;
}

function wordMatches(index: WordIndex, textWord: string | undefined, termWord: TermWord): boolean {
  if (textWord === undefined) return false;
  if (textWord === termWord.word) return true;
  const { lang, morphology } = index;
  if (termWord.answers) {
    // Voikko's path: each text word is judged once per term word, and analysed once.
    let answer = termWord.answers.get(textWord);
    if (answer === undefined) {
      if (termWord.answers.size >= MAX_REMEMBERED) termWord.answers.clear();
      termWord.answers.set(textWord, (answer = voikkoMatches(morphology.fi!, textWord, termWord)));
    }
    return answer;
  }
  if (lang === 'fi') return finnishStemMatches(textWord, termWord);
  for (const base of termWord.prefixes) {
    if (!textWord.startsWith(base)) continue;
    if (!SWEDISH_ENDINGS.has(textWord.slice(base.length))) continue;
    // A word Hunspell knows as a word of its own, and not as a form of the term word or of its last part, is that
    // other word: `kunde` (could) is not a form of kund. Hunspell's stems are otherwise too loose to refuse a match
    // (it stems åtgärder as åtgärda, nationalspråksnämnden as nationalnämnd).
    const stems: readonly string[] | undefined = morphology.sv?.(textWord);
    if (!stems || !stems.includes(textWord) || stems.some((stem) => termWord.word.endsWith(stem))) return true;
  }
  return false;
}

/** Whether a Finnish text word is a form of the term word, by Voikko's analyses of it. */
function voikkoMatches(analyse: NonNullable<Morphology['fi']>, textWord: string, termWord: TermWord): boolean {
  // The first half of a compound written apart (`potilas- ja sosiaaliasiavastaava`, `ostopalvelu-`): the word itself.
  if (textWord.endsWith('-') && !termWord.word.endsWith('-')) return textWord.slice(0, -1) === termWord.word || termWord.bases.includes(textWord.slice(0, -1));
  // Only a word that begins as one of the bases can be one of its forms: Voikko is asked of no other.
  if (!termWord.bases.some((base) => textWord.slice(0, 2) === base.slice(0, 2))) return false;
  const analyses = analyse(textWord);
  if (analyses.length === 0) return finnishStemMatches(foldGradation(textWord), termWord);
  for (const { baseForm, boundaries } of analyses) {
    for (const base of termWord.bases) {
      if (baseForm === base) return true;
      if (baseForm.length > base.length && baseForm.startsWith(base) && boundaries.includes(base.length)) return true;
      // A compound joined by a hyphen (tasa-arvo-ohjelma): the part ends before it.
      if (baseForm.startsWith(`${base}-`) && boundaries.includes(base.length + 1)) return true;
    }
  }
  return false;
}

function matchesAt(index: WordIndex, termWords: readonly TermWord[], start: number): boolean {
  const { words } = index;
  if (start + termWords.length > words.length) return false;
  for (let k = 0; k < termWords.length; k++) if (!wordMatches(index, words[start + k], termWords[k]!)) return false;
  return true;
}

/** Whether the indexed text uses the term: the same answer as `stemMatches(text, term, lang)`. */
export function indexHasTerm(index: WordIndex, term: string): boolean {
  const { words, lang } = index;
  const termWords = prepareTerm(term, lang, index.morphology);
  const first = termWords[0];
  if (first === undefined) return false;
  if (first.keys === undefined) {
    for (let start = 0; start + termWords.length <= words.length; start++) if (matchesAt(index, termWords, start)) return true;
    return false;
  }
  // A two-letter key (a short Finnish base form, with Voikko) stands for every key of the text that begins with it.
  const keys = first.shortKey ? first.keys.flatMap((key) => (key.length < PREFIX ? [...index.byPrefix.keys()].filter((k) => k.startsWith(key)) : [key])) : first.keys;
  const seen = keys.length > 1 ? new Set<number>() : undefined;
  for (const key of keys) {
    const candidates = index.byPrefix.get(key);
    if (!candidates) continue;
    for (const start of candidates) {
      if (seen) {
        if (seen.has(start)) continue;
        seen.add(start);
      }
      if (matchesAt(index, termWords, start)) return true;
    }
  }
  return false;
}

/**
 * Whether a text has a trace of a term: each of its words somewhere in the text, in any form and in any part of a
 * compound (`servicestrategin` has a trace of `strategi`). Looser than `indexHasTerm`, so that a warning needs a
 * clear use on one side and no trace at all on the other. Finnish with Voikko: a text word whose base form holds
 * the term word's base form (palvelustrategiassa: strategia; hyvinvointia holds no hyvinvointialue); otherwise the
 * term word's first max(4, length − 3) letters anywhere in the text.
 */
export function hasTrace(text: string, terms: readonly string[], lang: StemLanguage, morphology: Morphology = nativeMorphology()): boolean {
  const haystack = text.normalize('NFC').toLowerCase();
  const prefixOf = (word: string) => word.slice(0, Math.max(4, word.length - 3));
  if (!withVoikko(lang, morphology)) return terms.some((term) => wordsOf(term).every((word) => haystack.includes(prefixOf(word))));
  const analyse = morphology.fi!;
  const words = [...new Set(wordsOf(text))];
  return terms.some((term) =>
    wordsOf(term).every((termWord) => {
      const bases = [termWord, ...analyse(termWord).map((analysis) => analysis.baseForm)];
      const shortest = bases.reduce((a, b) => (b.length < a.length ? b : a));
      // Only words that hold the base's first letters, whatever their form, are asked of.
      const probe = shortest.slice(0, Math.max(2, Math.min(shortest.length - 2, 4)));
      return words.some((word) => {
        if (!word.includes(probe)) return false;
        const analyses = analyse(word);
        if (analyses.length === 0) return word.includes(prefixOf(termWord));
        return word.includes(termWord) || analyses.some((analysis) => bases.some((base) => analysis.baseForm.includes(base)));
      });
    }),
  );
}

/**
 * The letters of a Finnish base form that its inflected forms keep (folded words): what follows them is free.
 * Going by how the base form ends: a word in -e keeps them all (alue: alueella, alueita; tavoite: tavoitteita;
 * not hyvinvointia for hyvinvointialue); one in -nen drops -nen (strateginen: strategisen), one in -si drops -si
 * (valtuustokausi: valtuustokauden); one in another vowel drops it, and a k, p or t before it that gradation may
 * change, with the vowel before that (mittari: mittareita, not mitataan; toimintakyky: toimintakyvyn;
 * käsittelyaika: käsittelyajat); one in a consonant drops that (asiakas: asiakkaita, not asia). Never fewer than
 * four letters.
 */
function finnishStem(folded: string): { stem: string; next?: string } {
  let keep = folded.length;
  let next: string | undefined;
  if (folded.endsWith('nen')) keep -= 3;
  else if (folded.endsWith('si')) keep -= 2;
  else if (/[aäeioöuy][kpt][aäioöuy]$/.test(folded)) keep -= 3;
  else if (/[kpt][aäioöuy]$/.test(folded)) keep -= 2;
  else if (/[aäioöuy]$/.test(folded)) {
    keep -= 1;
    // A final i becomes i or e (mittarin, mittareita); another final vowel is followed by a vowel (palveluita).
    next = folded.endsWith('i') ? 'ie' : 'aäeioöuy';
  } else if (!folded.endsWith('e')) keep -= 1;
  const stem = folded.slice(0, Math.min(folded.length, Math.max(4, keep)));
  return stem.length === keep && next !== undefined ? { stem, next } : { stem };
}

/** Whether a folded Finnish text word starts with the term word's stem, and goes on as its forms do. */
function finnishStemMatches(folded: string, termWord: TermWord): boolean {
  const stem = termWord.prefixes[0]!;
  if (!folded.startsWith(stem)) return false;
  return termWord.next === undefined || folded.length === stem.length || termWord.next.includes(folded[stem.length]!);
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
export const SWEDISH_ENDINGS: ReadonlySet<string> = new Set([
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

