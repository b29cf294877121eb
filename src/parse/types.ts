/** What reading one file gives: the parsed file, its problems, and places in it. The model (src/model/) is built of these. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/** A 1-based line/column point, as unist and vfile use. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}
export interface Place {
  start: Point;
  end: Point;
}

/** A path into the front-matter, e.g. ['targets', 0, 'value']. */
export type YamlPath = readonly (string | number)[];

/** One `*.<lang>.md` file, parsed once. */
export interface SourceFile {
  /** Path relative to the strategy root, with forward slashes. */
  path: string;
  /** Language code taken from the file name (`x.sv.md` → `sv`). */
  lang: string;
  /** The path without `.<lang>.md`: twins share it. */
  stem: string;
  vfile: VFile;
  /** What stands at the path: a regular file, or a directory or symbolic link named like one (never read). */
  entry: 'file' | 'directory' | 'symlink';
  /** Whether the file has a front-matter block that the YAML parser could read (even if it is not a mapping). */
  hasFrontMatter: boolean;
  /** Front-matter as plain data; undefined when missing or not a mapping. */
  data: Record<string, unknown> | undefined;
  /** Problems found while reading and parsing: bad encoding, malformed YAML. Rules report them. */
  problems: ParseProblem[];
  /** The Markdown body without the front-matter node. */
  body: Root;
  /** Where a front-matter path sits in the file; falls back to the nearest existing parent, then the front-matter. */
  locate(path: YamlPath, which?: 'key' | 'value'): Place;
}

export interface ParseProblem {
  /** The rule that reports it. */
  ruleId: string;
  message: string;
  place: Place;
  hint?: string;
}

/** The place of a message about a file as a whole: its first character. */
export const startOfFile: Place = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
