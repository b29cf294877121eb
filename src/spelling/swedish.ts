/**
 * Swedish spelling with Hunspell (libhunspell, Debian's `libhunspell-1.7-0`) and the Swedish dictionary of Finland
 * (`sv_FI`, Debian's `hunspell-sv`; `sv_SE` where it is the only one), through Hunspell's documented C API:
 * Hunspell_create, Hunspell_spell, and Hunspell_stem for the terminology rules (swedishStems). Hunspell joins Swedish compounds by the
 * dictionary's rules (`välfärdsområdet`, `servicestrategi`) and still refuses a misspelt one (`målsätning`).
 * The dictionary is looked for where Hunspell's own tools look: DICPATH, then the systems' folders.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isUnavailable, koffi, nativeSpeller, openLibrary, stringList, unavailable, type NativeChecker, type Unavailable } from './native.ts';

const libraryNames =
  process.platform === 'win32' ? ['libhunspell-1.7-0.dll', 'hunspell.dll'] : process.platform === 'darwin' ? ['libhunspell-1.7.0.dylib', 'libhunspell-1.7.dylib', 'libhunspell.dylib'] : ['libhunspell-1.7.so.0', 'libhunspell.so'];

function dictionaryFolders(): string[] {
  return [...(process.env['DICPATH'] ?? '').split(delimiter).filter(Boolean), '/usr/share/hunspell', '/usr/local/share/hunspell', '/opt/homebrew/share/hunspell', '/usr/share/myspell'];
}

const letters = [...'abcdefghijklmnopqrstuvwxyzåäöé'];

/**
 * The words the dictionary knows one typing slip away (a letter doubled, two swapped, one left out or mistyped:
 * `hemmma`, `invånanra`, `målsätning`), in that order, for words of up to 20 letters. Hunspell's own
 * suggestions are slow enough to be most of a check where a text has a few slips, and slower still on a pasted
 * string of no words at all, while one lookup is quick.
 */
function nearWords(word: string, correct: (word: string) => boolean): string[] {
  const chars = [...word];
  if (chars.length > 20) return [];
  const found = new Set<string>();
  const tryWord = (candidate: string) => {
    if (candidate !== word && !found.has(candidate) && correct(candidate)) found.add(candidate);
  };
  const at = (i: number, remove: number, insert = '') => [...chars.slice(0, i), insert, ...chars.slice(i + remove)].join('');
  for (let i = 0; i < chars.length; i++) tryWord(at(i, 1));
  for (let i = 0; i + 1 < chars.length; i++) tryWord(at(i, 2, chars[i + 1]! + chars[i]!));
  for (let i = 0; i <= chars.length; i++) for (const letter of letters) tryWord(at(i, 0, letter));
  for (let i = 0; i < chars.length; i++) for (const letter of letters) tryWord(at(i, 1, letter));
  return [...found];
}

interface Hunspell extends NativeChecker {
  /** Hunspell_stem: the dictionary's stems of a word (kunden → kund, välfärdsområdet → område), none for a word it cannot derive. */
  stem(word: string): string[];
}

let opened: Hunspell | Unavailable | undefined;

/** Hunspell with its Swedish dictionary, opened once; or why it cannot be. */
function openHunspell(): Hunspell | Unavailable {
  return (opened ??= open());
}

function open(): Hunspell | Unavailable {
  const lib = openLibrary(libraryNames);
  if (!lib) return unavailable('spelling.reason.no-library', { library: 'libhunspell', files: libraryNames.join(', ') });
  const base = dictionaryFolders()
    .flatMap((folder) => ['sv_FI', 'sv_SE'].map((name) => join(folder, name)))
    .find((path) => existsSync(`${path}.aff`) && existsSync(`${path}.dic`));
  if (!base) return unavailable('spelling.reason.no-sv-dictionary', { folders: dictionaryFolders().join(', ') });
  // An opaque, unnamed handle: koffi's type names are the process's, and a second copy of this module would clash.
  const handle_t = koffi.pointer(koffi.opaque());
  const create = lib.func('Hunspell_create', handle_t, ['const char *', 'const char *']);
  const spell = lib.func('Hunspell_spell', 'int', [handle_t, 'const char *']);
  // int Hunspell_stem(Hunhandle*, char*** slst, const char* word); the list is freed with Hunspell_free_list.
  const stemList = lib.func('Hunspell_stem', 'int', [handle_t, koffi.out(koffi.pointer(koffi.pointer('char *'))), 'const char *']);
  const freeList = lib.func('Hunspell_free_list', 'void', [handle_t, koffi.inout(koffi.pointer(koffi.pointer('char *'))), 'int']);
  const handle = create(`${base}.aff`, `${base}.dic`) as unknown;
  const correct = (word: string) => spell(handle, word) !== 0;
  return {
    spell: correct,
    suggest: (word) => nearWords(word, correct),
    stem: (word) => {
      const list: unknown[] = [null];
      const count = stemList(handle, list, word) as number;
      if (count <= 0) return [];
      const stems = stringList(list[0], count);
      freeList(handle, list, count);
      return stems;
    },
  };
}

export const swedish = nativeSpeller('sv', openHunspell);

/** Hunspell's stems of a Swedish word; undefined when Hunspell or its Swedish dictionary is not installed. */
export function swedishStems(word: string): string[] | undefined {
  const hunspell = openHunspell();
  return isUnavailable(hunspell) ? undefined : hunspell.stem(word);
}
