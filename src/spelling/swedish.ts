/**
 * Swedish spelling with Hunspell (libhunspell, Debian's `libhunspell-1.7-0`) and the Swedish dictionary of Finland
 * (`sv_FI`, Debian's `hunspell-sv`; `sv_SE` where it is the only one), through Hunspell's documented C API:
 * Hunspell_create, Hunspell_spell, Hunspell_suggest, Hunspell_free_list. Hunspell joins Swedish compounds by the
 * dictionary's rules (`välfärdsområdet`, `servicestrategi`) and still refuses a misspelt one (`målsätning`).
 * The dictionary is looked for where Hunspell's own tools look: DICPATH, then the systems' folders.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { koffi, nativeSpeller, openLibrary, stringList } from './native.ts';

const libraryNames =
  process.platform === 'win32' ? ['libhunspell-1.7-0.dll', 'hunspell.dll'] : process.platform === 'darwin' ? ['libhunspell-1.7.0.dylib', 'libhunspell-1.7.dylib', 'libhunspell.dylib'] : ['libhunspell-1.7.so.0', 'libhunspell.so'];

function dictionaryFolders(): string[] {
  return [...(process.env['DICPATH'] ?? '').split(delimiter).filter(Boolean), '/usr/share/hunspell', '/usr/local/share/hunspell', '/opt/homebrew/share/hunspell', '/usr/share/myspell'];
}

export const swedish = nativeSpeller('sv', () => {
  const lib = openLibrary(libraryNames);
  if (!lib) return `libhunspell (${libraryNames.join(', ')}) is not installed`;
  const base = dictionaryFolders()
    .flatMap((folder) => ['sv_FI', 'sv_SE'].map((name) => join(folder, name)))
    .find((path) => existsSync(`${path}.aff`) && existsSync(`${path}.dic`));
  if (!base) return `Hunspell has no Swedish dictionary (sv_FI or sv_SE in ${dictionaryFolders().join(', ')}; Debian: hunspell-sv)`;
  // An opaque, unnamed handle: koffi's type names are the process's, and a second copy of this module would clash.
  const handle_t = koffi.pointer(koffi.opaque());
  const create = lib.func('Hunspell_create', handle_t, ['const char *', 'const char *']);
  const spell = lib.func('Hunspell_spell', 'int', [handle_t, 'const char *']);
  const suggest = lib.func('Hunspell_suggest', 'int', [handle_t, koffi.out(koffi.pointer('char **')), 'const char *']);
  const freeList = lib.func('Hunspell_free_list', 'void', [handle_t, koffi.pointer('char **'), 'int']);
  const handle = create(`${base}.aff`, `${base}.dic`) as unknown;
  return {
    spell: (word) => spell(handle, word) !== 0,
    suggest: (word) => {
      const list: unknown[] = [null];
      const n = suggest(handle, list, word) as number;
      const found = stringList(list[0], n);
      freeList(handle, list, n);
      return found;
    },
  };
});
