/**
 * Finnish spelling with Voikko (libvoikko and its Finnish morphology, Debian's `libvoikko1` and `voikko-fi`),
 * through libvoikko's documented C API: voikkoInit, voikkoSpellCstr, voikkoSuggestCstr, voikkoFreeCstrArray.
 * Finnish inflects and compounds too freely for a word list: Voikko analyses each word. The same handle gives the
 * site's search the base forms of words (voikkoAnalyzeWordCstr and the analysis' BASEFORM): finnishBaseForms; and
 * the terminology rules each reading's case, number and compound parts (SIJAMUOTO, NUMBER, STRUCTURE): finnishAnalyses.
 */
import { isUnavailable, koffi, nativeSpeller, openLibrary, stringList, unavailable, type Unavailable } from './native.ts';

const libraryNames = process.platform === 'win32' ? ['libvoikko-1.dll'] : process.platform === 'darwin' ? ['libvoikko.1.dylib', 'libvoikko.dylib'] : ['libvoikko.so.1', 'libvoikko.so'];

/** One of Voikko's analyses of a word. */
export interface FinnishAnalysis {
  /** BASEFORM: kotihoidossa → kotihoito (a verbal noun gives its verb: sopeuttamisen → sopeuttaa). */
  baseForm: string;
  /** Whether this reading is the nominative singular (SIJAMUOTO nimento, NUMBER singular): a base form. */
  nominativeSingular: boolean;
  /** Where a compound's parts meet, as offsets into the word (STRUCTURE: hyvinvointialuestrategia → 5, 11, 15). */
  boundaries: readonly number[];
}

interface Voikko {
  spell(word: string): boolean;
  suggest(word: string): string[];
  analyse(word: string): FinnishAnalysis[];
}

/** STRUCTURE marks the start of each part with `=` before its letters (`=pppp=pppppp`): the offsets after the first. */
function boundariesOf(structure: string): number[] {
  const boundaries: number[] = [];
  let letters = 0;
  for (const char of structure) {
    if (char === '=') {
      if (letters > 0) boundaries.push(letters);
    } else letters++;
  }
  return boundaries;
}

let opened: Voikko | Unavailable | undefined;

/** libvoikko with its Finnish dictionary, opened once; or why it cannot be. */
function openVoikko(): Voikko | Unavailable {
  return (opened ??= open());
}

function open(): Voikko | Unavailable {
  const lib = openLibrary(libraryNames);
  if (!lib) return unavailable('spelling.reason.no-library', { library: 'libvoikko', files: libraryNames.join(', ') });
  // The handle is an opaque pointer. Unnamed: koffi's names are the process's, and a second copy of this module (a
  // bundler's, the site preview's) would declare it again.
  const handle_t = koffi.pointer(koffi.opaque());
  const init = lib.func('voikkoInit', handle_t, [koffi.out(koffi.pointer('const char *')), 'const char *', 'const char *']);
  const spellCstr = lib.func('voikkoSpellCstr', 'int', [handle_t, 'const char *']);
  const suggestCstr = lib.func('voikkoSuggestCstr', 'char **', [handle_t, 'const char *']);
  const freeCstrArray = lib.func('void voikkoFreeCstrArray(char **array)');
  const analysis_t = koffi.pointer(koffi.opaque());
  const analyzeCstr = lib.func('voikkoAnalyzeWordCstr', koffi.pointer(analysis_t), [handle_t, 'const char *']);
  const analysisValue = lib.func('voikko_mor_analysis_value_cstr', 'void *', [analysis_t, 'const char *']);
  const freeAnalysisValue = lib.func('void voikko_free_mor_analysis_value_cstr(void *value)');
  const freeAnalyses = lib.func('voikko_free_mor_analysis', 'void', [koffi.pointer(analysis_t)]);
  const error: (string | null)[] = [null];
  const handle = init(error, 'fi', null) as unknown;
  if (!handle) return unavailable('spelling.reason.no-fi-dictionary', { detail: error[0] ?? 'voikkoInit failed' });
  return {
    // VOIKKO_SPELL_OK is 1; 0 is a misspelling, 2 and 3 are internal and character-set errors.
    spell: (word) => spellCstr(handle, word) === 1,
    suggest: (word) => {
      const array = suggestCstr(handle, word) as unknown;
      const found = stringList(array);
      if (array) freeCstrArray(array);
      return found;
    },
    analyse: (word) => {
      const analyses = analyzeCstr(handle, word) as unknown;
      if (!analyses) return [];
      const found: FinnishAnalysis[] = [];
      const value = (analysis: unknown, key: string): string | undefined => {
        const pointer = analysisValue(analysis, key) as unknown;
        if (!pointer) return undefined;
        const text = koffi.decode(pointer, 'char', -1) as string;
        freeAnalysisValue(pointer);
        return text;
      };
      // A NULL-terminated array of analyses, each asked for its attributes (strings the caller frees).
      for (let i = 0; ; i++) {
        const analysis = koffi.decode(analyses, i * koffi.sizeof('void *'), analysis_t) as unknown;
        if (!analysis) break;
        const baseForm = value(analysis, 'BASEFORM');
        if (baseForm === undefined) continue;
        const nominative = value(analysis, 'SIJAMUOTO') === 'nimento' && value(analysis, 'NUMBER') === 'singular';
        found.push({ baseForm, nominativeSingular: nominative, boundaries: boundariesOf(value(analysis, 'STRUCTURE') ?? '') });
      }
      freeAnalyses(analyses);
      return found;
    },
  };
}

export const finnish = nativeSpeller('fi', openVoikko);

/**
 * The base forms Voikko gives a Finnish word (kotihoidossa → kotihoito; tuen → tukea, tuki), none for a word it
 * does not know; undefined when Voikko is not installed. unavailable() says why.
 */
export function finnishBaseForms(word: string): string[] | undefined {
  const analyses = finnishAnalyses(word);
  return analyses === undefined ? undefined : [...new Set(analyses.map((analysis) => analysis.baseForm))];
}

/** Voikko's analyses of a Finnish word, none for a word it does not know; undefined when Voikko is not installed. */
export function finnishAnalyses(word: string): FinnishAnalysis[] | undefined {
  const voikko = openVoikko();
  return isUnavailable(voikko) ? undefined : voikko.analyse(word);
}

/** Why Voikko cannot run here, or undefined when it can. */
export function finnishUnavailable(): string | undefined {
  const voikko = openVoikko();
  return isUnavailable(voikko) ? voikko.why() : undefined;
}
