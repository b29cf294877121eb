/**
 * eld's n-gram table, limited to the languages language.ts judges.
 *
 * The detector is limited to Swedish, Finnish and English with eld's `setLanguageSubset`, and a
 * subset only filters the finished scores: for every n-gram of a text, the entries of all 60
 * languages are looked up and summed, and then all but three are thrown away. A table that holds
 * only the three languages' entries gives every detection the same language, reliability and
 * scores (test/i18n/eld-table.test.ts compares the two on real and crafted text), with 11,296 of
 * the medium table's 105,548 n-grams. The full table costs about 0.35 s and 50 MB of heap in every process,
 * and every major garbage collection marks its 100,000 objects; the subset is 0.2 MB.
 *
 * The subset is eld-sv-fi-en.json, written by `npm run eld-table` from the installed eld (pinned
 * in package.json, so that an upgrade is deliberate). src/i18n/subset-detector.ts detects with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDirectory } from '../load/package-dir.ts';
// Imported, not read by path: the site's bundle (Vite) carries the pipeline, and a path beside this module would not be there.
import subsetData from './eld-sv-fi-en.json' with { type: 'json' };

/** eld's table format (src/ngrams/*.js in eld): language index → code, n-gram → language index → score. */
export interface NgramTable {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/** The written subset: the table and where it came from. */
export interface SubsetFile extends NgramTable {
  source: string;
  license: string;
  eldVersion: string;
  table: string;
}

/** The languages of the subset, and the eld table it is cut from. */
export const SUBSET_LANGUAGES = ['sv', 'fi', 'en'] as const;
export const SOURCE_TABLE = 'medium';
export const SUBSET_FILE = new URL('./eld-sv-fi-en.json', import.meta.url);

/** A module inside eld that its package.json does not export: imported by file URL. */
function eldModule<T>(relative: string): Promise<T> {
  // Vite (the site under `strategy dev` loads the pipeline) leaves a computed import alone; the comment says it is meant.
  return import(/* @vite-ignore */ pathToFileURL(join(packageDirectory('eld'), relative)).href) as Promise<T>;
}

export function installedEldVersion(): string {
  return (JSON.parse(readFileSync(join(packageDirectory('eld'), 'package.json'), 'utf8')) as { version: string }).version;
}

/** eld's full table, as its own entry points load it. For writing and testing the subset only. */
export async function installedTable(name = SOURCE_TABLE): Promise<NgramTable> {
  return (await eldModule<{ ngramsData: NgramTable }>(`src/ngrams/${name}.js`)).ngramsData;
}

/** eld's indexes of the languages `codes`, lowest first (eld breaks a tie between scores by the lower index). */
export function languageIndexes(table: Pick<NgramTable, 'languages'>, codes: readonly string[]): string[] {
  return Object.keys(table.languages)
    .filter((index) => codes.includes(table.languages[index]!))
    .sort((a, b) => Number(a) - Number(b));
}

/**
 * The table with only `codes`' entries, and only the n-grams that have one. Language indexes are
 * kept (scores are summed per index), and so is the order of n-grams and of entries.
 */
export function subsetTable(full: NgramTable, codes: readonly string[]): NgramTable {
  const wanted = languageIndexes(full, codes);
  const ngrams: Record<string, Record<string, number>> = {};
  for (const ngram of Object.keys(full.ngrams)) {
    const entry = full.ngrams[ngram]!;
    let kept: Record<string, number> | undefined;
    for (const index of wanted) {
      const score = entry[index];
      if (score !== undefined) (kept ??= {})[index] = score;
    }
    if (kept !== undefined) ngrams[ngram] = kept;
  }
  return { type: full.type, languages: full.languages, ngrams };
}

export async function subsetFileFromInstalled(): Promise<SubsetFile> {
  const full = await installedTable();
  return {
    source: `eld ${installedEldVersion()}, table "${SOURCE_TABLE}", only the entries of ${SUBSET_LANGUAGES.join(', ')} (npm run eld-table)`,
    license: 'Apache-2.0, Copyright 2023 Nito T.M. (https://github.com/nitotm/efficient-language-detector-js)',
    eldVersion: installedEldVersion(),
    table: SOURCE_TABLE,
    ...subsetTable(full, SUBSET_LANGUAGES),
  };
}

/** The subset this module was shipped with, after checking that it was cut from the installed eld. */
export function shippedSubset(): SubsetFile {
  const subset = subsetData as SubsetFile;
  const installed = installedEldVersion();
  if (subset.eldVersion !== installed) {
    throw new Error(
      `src/i18n/eld-sv-fi-en.json was written from eld ${subset.eldVersion}, but eld ${installed} is installed: run npm run eld-table`,
    );
  }
  return subset;
}

/** What eld's detector is made of besides its table: the same modules its own detect() uses. */
export interface EldParts {
  /** Runs of characters that are not letters (src/regexPatterns.js). */
  separators: RegExp;
  /** A character for each byte value (src/dictionary.js): eld works on UTF-8 bytes spelled as characters. */
  dictionary: readonly string[];
  /** The average score of a correct detection, per language (src/avgScore.js): the bar for "reliable". */
  avgScore: Readonly<Record<string, number>>;
}

export const eldParts: EldParts = {
  separators: (await eldModule<{ separators: RegExp }>('src/regexPatterns.js')).separators,
  dictionary: (await eldModule<{ dictionary: string[] }>('src/dictionary.js')).dictionary,
  avgScore: (await eldModule<{ avgScore: Record<string, number> }>('src/avgScore.js')).avgScore,
};
