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
  const termWords = wordsOf(term);
  if (termWords.length === 0) return false;
  const textWords = wordsOf(text);
  const matches = lang === 'fi' ? finnishWordMatches : swedishWordMatches;
  for (let start = 0; start + termWords.length <= textWords.length; start++) {
    if (termWords.every((termWord, k) => matches(textWords[start + k]!, termWord))) return true;
  }
  return false;
}

/** Maps both grades of a consonant to one form, so the stems of kotihoito and kotihoidon agree. */
function foldGradation(word: string): string {
  return word
    .replace(/d/g, 't')
    .replace(/([kpt])\1/g, '$1')
    .replace(/nn/g, 'nt')
    .replace(/ll/g, 'lt')
    .replace(/rr/g, 'rt')
    .replace(/mm/g, 'mp')
    .replace(/ng/g, 'nk');
}

function finnishWordMatches(textWord: string, termWord: string): boolean {
  const folded = foldGradation(termWord);
  const stemLength = Math.min(folded.length, Math.max(4, folded.length - 3));
  return foldGradation(textWord).startsWith(folded.slice(0, stemLength));
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

function swedishWordMatches(textWord: string, termWord: string): boolean {
  return swedishBases(termWord).some((base) => textWord.startsWith(base) && SWEDISH_ENDINGS.has(textWord.slice(base.length)));
}
