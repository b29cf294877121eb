/**
 * Text as the renderers receive it, for the rules that judge characters: front-matter keys and values with YAML's
 * escapes resolved (`"\u202E"` is U+202E), and Markdown text with character references resolved (`&#x202E;` too),
 * each with the source it was read from, so that a rule can tell a character written as itself (which it finds in
 * the file's bytes) from one written as an escape.
 */
import { t } from '../messages/index.ts';
import { whereField } from '../cross-language/where.ts';
import type { Nodes } from 'mdast';
import { eachNode } from '../parse/each-node.ts';
import { pointLocator } from '../parse/offsets.ts';
import { markdownProcessor } from '../parse/processor.ts';
import type { Place, Point, SourceFile, YamlPath } from '../model/types.ts';
import type { Report } from './rule.ts';

export interface FrontMatterEntry {
  /** The key's path (for a key) or the value's. */
  path: YamlPath;
  at: 'key' | 'value';
  value: unknown;
}

/**
 * The keys and values of the front-matter data for which `wanted` holds, in document order (a key before its value),
 * each with its path. A mapping or list met again through a YAML alias is not walked a second time: its text is the
 * anchor's. Paths are made only for what is wanted, so that a walk over every file costs next to nothing.
 */
export function findInFrontMatter(data: Record<string, unknown> | undefined, wanted: (value: unknown, at: 'key' | 'value') => boolean): FrontMatterEntry[] {
  const found: FrontMatterEntry[] = [];
  if (!data) return found;
  const seen = new Set<object>();
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (path.length > 0 && wanted(value, 'value')) found.push({ path: [...path], at: 'value', value });
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
      return;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return;
    for (const key of Object.keys(value)) {
      path.push(key);
      if (wanted(key, 'key')) found.push({ path: [...path], at: 'key', value: key });
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(data);
  return found;
}

/** The file's text, its line starts and a point locator, made on the first question. */
interface FileText {
  text: string;
  offsetOf(point: Point): number;
  pointAt(offset: number): Point;
}

const fileTexts = new WeakMap<SourceFile, FileText>();

export function fileText(file: SourceFile): FileText {
  let known = fileTexts.get(file);
  if (!known) {
    const text = String(file.vfile.value);
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const pointAt = pointLocator(text);
    known = {
      text,
      offsetOf: (point) => (point.offset !== undefined ? point.offset : Math.min(text.length, (starts[point.line - 1] ?? text.length) + point.column - 1)),
      pointAt,
    };
    fileTexts.set(file, known);
  }
  return known;
}

/** What stands in the file at a place, as written. */
export function sourceAt(file: SourceFile, place: Place): string {
  const { text, offsetOf } = fileText(file);
  return text.slice(offsetOf(place.start), Math.max(offsetOf(place.start), offsetOf(place.end)));
}

/** `title`, `targets.0.value`: how messages name a front-matter path. */
export function fieldName(path: YamlPath): string {
  return visible(path.join('.'));
}

/**
 * Each match of a global `pattern` in a file's text as written, with its place: where a rule that looks for
 * characters in the bytes (hidden ones, decomposed letters) reports them.
 */
export function* matchesIn(text: string, pattern: RegExp): Generator<{ match: RegExpExecArray; place: Place }> {
  let locate: ((offset: number) => Point) | undefined;
  for (const match of text.matchAll(pattern)) {
    locate ??= pointLocator(text);
    const start = locate(match.index);
    yield { match, place: { start, end: { ...start, column: start.column + match[0].length } } };
  }
}

/** A name with its invisible characters written as escapes, so that a message never carries them itself. */
export function visible(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

export interface ParsedText {
  /** The text as parsed. */
  text: string;
  /** The same text as it stands in the file: the YAML node, or the Markdown node. */
  source: string;
  /** Offset of `source` in the file's text. */
  sourceOffset: number;
  /** Where it is: the YAML node, or the Markdown node. */
  place: Place;
  /** For front-matter: the path of the key or value, reported through `locate()`. */
  path?: YamlPath;
  at?: 'key' | 'value';
  /** `title`, or `the text` for Markdown. */
  where: string;
  from: 'yaml' | 'markdown';
}

/** A character reference, the only way Markdown text comes to hold a character its source does not. */
const characterReference = /&(?:#[0-9xX]|[A-Za-z][A-Za-z0-9]{0,31};)/;

/**
 * The front-matter keys and string values, and the strings Markdown nodes carry (text, link URL and title, image alt
 * text), that may hold a character their source does not, and for which `wanted(text)` holds. Only a YAML escape
 * (`\`) makes such a text in front-matter, and only a character reference (`&`) in Markdown: a file without either
 * is not walked.
 */
export function* parsedTexts(file: SourceFile, wanted: (text: string) => boolean): Generator<ParsedText> {
  const whole = String(file.vfile.value);
  if (whole.includes('\\')) {
    for (const entry of findInFrontMatter(file.data, (value) => typeof value === 'string' && wanted(value))) {
      const place = file.locate(entry.path, entry.at);
      const { offsetOf } = fileText(file);
      const where = entry.at === 'key' ? t('where.key', { key: visible(String(entry.path.at(-1))) }) : whereField(fieldName(entry.path));
      yield { text: entry.value as string, source: sourceAt(file, place), sourceOffset: offsetOf(place.start), place, path: entry.path, at: entry.at, where, from: 'yaml' };
    }
  }
  if (!characterReference.test(whole)) return;
  const hits: ParsedText[] = [];
  for (const child of file.body.children) {
    eachNode(child, (node: Nodes) => {
      const position = node.position;
      if (!position || position.start.offset === undefined || position.end.offset === undefined) return;
      for (const property of ['value', 'url', 'title', 'alt'] as const) {
        const text = (node as unknown as Record<string, unknown>)[property];
        if (typeof text !== 'string' || !wanted(text)) continue;
        hits.push({
          text,
          source: whole.slice(position.start.offset, position.end.offset),
          sourceOffset: position.start.offset,
          place: { start: { line: position.start.line, column: position.start.column }, end: { line: position.end.line, column: position.end.column } },
          where: t(`where.markdown.${property}`),
          from: 'markdown',
        });
      }
    });
  }
  yield* hits;
}

const escapes: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\' };

/**
 * The escapes in `source` and the character each writes: YAML's (`\u202E`, `\x00`, `\e`, `\L`) in front-matter,
 * character references (`&#x202E;`, `&lrm;`) in Markdown. Only those that write one character.
 */
export function* escapesIn(source: string, from: 'yaml' | 'markdown'): Generator<{ index: number; written: string; char: string }> {
  const pattern = from === 'yaml' ? /\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0abtnvfreN_LP "/\\])/g : /&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;
  for (const match of source.matchAll(pattern)) {
    const char = decodeEscape(match[0], from);
    if (char !== undefined && [...char].length === 1) yield { index: match.index, written: match[0], char };
  }
}

function decodeEscape(written: string, from: 'yaml' | 'markdown'): string | undefined {
  if (from === 'yaml') {
    const code = written[1]!;
    if (code === 'x' || code === 'u' || code === 'U') {
      const value = Number.parseInt(written.slice(2), 16);
      return value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
    }
    return escapes[code];
  }
  if (written.startsWith('&#')) {
    const value = written[2] === 'x' || written[2] === 'X' ? Number.parseInt(written.slice(3, -1), 16) : Number.parseInt(written.slice(2, -1), 10);
    return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
  }
  // A named reference, read as Markdown reads it.
  const paragraph = markdownProcessor.parse(written).children[0];
  const text = paragraph && 'children' in paragraph ? paragraph.children[0] : undefined;
  return text && text.type === 'text' ? text.value : undefined;
}

/** Where a rule reports a character in a parsed text: at the escape that writes it, else at the YAML node or the Markdown node. */
export function locationOf(file: SourceFile, parsed: ParsedText, escape?: { index: number; written: string }): Pick<Report, 'place' | 'path' | 'at'> {
  if (escape) {
    const { pointAt } = fileText(file);
    const start = pointAt(parsed.sourceOffset + escape.index);
    const end = pointAt(parsed.sourceOffset + escape.index + escape.written.length);
    return { place: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } } };
  }
  if (parsed.path) return { path: parsed.path, ...(parsed.at ? { at: parsed.at } : {}) };
  return { place: parsed.place };
}
