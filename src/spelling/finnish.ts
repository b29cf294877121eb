/**
 * Finnish spelling with Voikko (libvoikko and its Finnish morphology, Debian's `libvoikko1` and `voikko-fi`),
 * through libvoikko's documented C API: voikkoInit, voikkoSpellCstr, voikkoSuggestCstr, voikkoFreeCstrArray.
 * Finnish inflects and compounds too freely for a word list: Voikko analyses each word.
 */
import { koffi, nativeSpeller, openLibrary, stringList } from './native.ts';

const libraryNames = process.platform === 'win32' ? ['libvoikko-1.dll'] : process.platform === 'darwin' ? ['libvoikko.1.dylib', 'libvoikko.dylib'] : ['libvoikko.so.1', 'libvoikko.so'];

export const finnish = nativeSpeller('fi', () => {
  const lib = openLibrary(libraryNames);
  if (!lib) return `libvoikko (${libraryNames.join(', ')}) is not installed`;
  // The handle is an opaque pointer, declared by name for the signatures below.
  koffi.pointer('VoikkoHandle', koffi.opaque());
  const init = lib.func('VoikkoHandle voikkoInit(_Out_ const char **error, const char *langcode, const char *path)');
  const spellCstr = lib.func('int voikkoSpellCstr(VoikkoHandle handle, const char *word)');
  const suggestCstr = lib.func('char **voikkoSuggestCstr(VoikkoHandle handle, const char *word)');
  const freeCstrArray = lib.func('void voikkoFreeCstrArray(char **array)');
  const error: (string | null)[] = [null];
  const handle = init(error, 'fi', null) as unknown;
  if (!handle) return `Voikko has no Finnish dictionary (${error[0] ?? 'voikkoInit failed'}; Debian: voikko-fi)`;
  return {
    // VOIKKO_SPELL_OK is 1; 0 is a misspelling, 2 and 3 are internal and character-set errors.
    spell: (word) => spellCstr(handle, word) === 1,
    suggest: (word) => {
      const array = suggestCstr(handle, word) as unknown;
      const found = stringList(array);
      if (array) freeCstrArray(array);
      return found;
    },
  };
});
