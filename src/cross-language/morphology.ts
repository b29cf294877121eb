/**
 * What the native checkers know of a word's inflection, for the glossary: Voikko's analyses of a Finnish word (its
 * base forms, whether it is a nominative singular, its compound parts), Hunspell's stems of a Swedish word. Each
 * distinct word is asked once per process, and only where a caller has a reason (a word that could match a term):
 * Voikko's analysis costs far more than a look-up. Where a checker is not installed its language has no
 * morphology here, and the callers fall back to the stems of src/cross-language/stems.ts; the spelling rule says once that
 * the checker is missing.
 */
import { finnishAnalyses, type FinnishAnalysis } from '../spelling/finnish.ts';
import { swedishStems } from '../spelling/swedish.ts';

export type { FinnishAnalysis };

export interface Morphology {
  /** Voikko's analyses of a lower-case Finnish word (none for a word it does not know); undefined without Voikko. */
  fi: ((word: string) => readonly FinnishAnalysis[]) | undefined;
  /** Hunspell's lower-case stems of a lower-case Swedish word (none for a word it cannot derive); undefined without Hunspell. */
  sv: ((word: string) => readonly string[]) | undefined;
}

/** The stems alone: what a machine without Voikko and Hunspell does, and what the tests of that path use. */
export const stemsOnly: Morphology = { fi: undefined, sv: undefined };

/** How many words' answers are kept, per language, before the memo starts afresh. */
const MAX_REMEMBERED = 200_000;

function remembering<T>(ask: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let answer = known.get(word);
    if (answer === undefined) {
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(word, (answer = ask(word)));
    }
    return answer;
  };
}

let native: Morphology | undefined;

/** Voikko and Hunspell where they are installed (asked once whether they are), each answer memoised per word. */
export function nativeMorphology(): Morphology {
  if (native) return native;
  const fi = finnishAnalyses('a') === undefined ? undefined : remembering((word: string) => (finnishAnalyses(word) ?? []).map((analysis) => ({ ...analysis, baseForm: analysis.baseForm.toLowerCase() })));
  const sv = swedishStems('a') === undefined ? undefined : remembering((word: string) => (swedishStems(word) ?? []).map((stem) => stem.toLowerCase()));
  return (native = { fi, sv });
}

/** Which path a language's matching takes: the native checker's, or the stems'. */
export function morphologyPath(morphology: Morphology, lang: string): 'voikko' | 'hunspell' | 'stems' {
  if (lang === 'fi' && morphology.fi) return 'voikko';
  if (lang === 'sv' && morphology.sv) return 'hunspell';
  return 'stems';
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*-?/gu;

/** Swedish prepositions: a term's head comes before the first (bedömning av vårdbehovet, person i arbetsför ålder). */
const SWEDISH_PREPOSITIONS: ReadonlySet<string> = new Set(['av', 'för', 'med', 'i', 'på', 'till', 'om', 'vid', 'från', 'under', 'efter', 'mot', 'hos', 'utan']);

/** Swedish definite and plural endings, longest first: what an inflected term has that its base form has not. */
const SWEDISH_FORM_ENDINGS = ['erna', 'arna', 'orna', 'rna', 'ena', 'na', 'en', 'et', 'er', 'ar', 'or', 'n', 't', 'r'];

/**
 * The word of a glossary term that is written inflected, with its base form; undefined when the term is in its
 * base form or the language's checker cannot tell (none installed, a word it does not know). The head of the term
 * is judged: in Finnish the last word (the words before it agree with it or are genitives: `hoidon tarpeen
 * arviointi`); in Swedish the word before the first preposition, else the last. Finnish: Voikko has no reading of
 * it as a nominative singular or as its own base form (hyvinvointialueen → hyvinvointialue, tavoitteita → tavoite,
 * ikäihmiset → ikäihminen). Swedish: Hunspell does not know it as a word of its own, and it is one of its stems
 * with a definite or plural ending (kunden → kund, tjänster → tjänst, välfärdsområdet → välfärdsområde).
 */
export function inflectedTerm(term: string, lang: string, morphology: Morphology = nativeMorphology()): { word: string; base: string } | undefined {
  const words = [...term.normalize('NFC').matchAll(WORD)];
  if (words.length === 0) return undefined;
  const preposition = lang === 'sv' ? words.findIndex((word) => SWEDISH_PREPOSITIONS.has(word[0].toLowerCase())) : -1;
  const word = words[preposition > 0 ? preposition - 1 : words.length - 1]![0];
  const lower = word.toLowerCase();
  if (lower.endsWith('-')) return undefined;
  let base: string | undefined;
  if (lang === 'fi' && morphology.fi) {
    const analyses = morphology.fi(lower);
    if (analyses.length > 0 && !analyses.some((analysis) => analysis.nominativeSingular || analysis.baseForm === lower)) base = analyses[0]!.baseForm;
  } else if (lang === 'sv' && morphology.sv) {
    const stems = morphology.sv(lower);
    if (!stems.includes(lower)) {
      for (const stem of stems) {
        const ending = SWEDISH_FORM_ENDINGS.find((end) => lower.endsWith(stem + end) || lower.endsWith(stem + stem.slice(-1) + end));
        if (ending === undefined) continue;
        base = lower.slice(0, lower.length - ending.length - (lower.endsWith(stem + ending) ? 0 : 1));
        break;
      }
    }
  }
  if (base === undefined) return undefined;
  // The written case of the word's first letter (a name's capital).
  return { word, base: word[0] !== lower[0] ? base[0]!.toUpperCase() + base.slice(1) : base };
}
