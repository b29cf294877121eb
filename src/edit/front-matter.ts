/**
 * Editing front-matter without reformatting it.
 *
 * The yaml package's Document API is the model of an edit, but `String(doc)` re-prints the whole
 * front-matter: in this project it turns `[a, b]` into `[ a, b ]` and may re-quote scalars, so a one-field
 * change would touch every line. Instead, an edit replaces, inserts or deletes the source lines of whole
 * top-level fields, and leaves every other line, comment and blank line byte for byte as it was. Each edit
 * is checked by parsing the result; when the lines cannot be spliced safely (a flow-style front-matter
 * `{ ... }`, say), the Document API's rendering is the fallback.
 */
import { Document, isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { sameData } from '../model/twins.ts';

export interface FrontMatterParts {
  /** The opening fence with its line ending (and a byte order mark, if any). */
  open: string;
  /** The YAML text: every line ends with a line ending. Empty for an empty front-matter. */
  yaml: string;
  /** The closing fence with its line ending, if any. */
  close: string;
  body: string;
}

const fence = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)??(---[ \t]*(?:\r?\n|$))/;

export function splitFrontMatter(text: string): FrontMatterParts | undefined {
  const match = fence.exec(text);
  if (!match) return undefined;
  return { open: match[1]!, yaml: match[2] ?? '', close: match[3]!, body: text.slice(match[0].length) };
}

export function joinFrontMatter(parts: FrontMatterParts): string {
  return parts.open + parts.yaml + parts.close + parts.body;
}

export function parseYaml(yaml: string): Document.Parsed {
  return parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, strict: true });
}

/** Plain data of a YAML text when it is a clean mapping; undefined when it has errors or is not a mapping. */
export function yamlData(yaml: string): Record<string, unknown> | undefined {
  const doc = parseYaml(yaml);
  if (doc.errors.length > 0) return undefined;
  const value: unknown = doc.toJS({ maxAliasCount: 50 });
  if (value === null || value === undefined) return {};
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The lines of one top-level field: from the start of its key's line to the end of its value's last line. */
export interface FieldRegion {
  key: string;
  start: number;
  end: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Where each top-level field sits, or undefined when the front-matter is not a block mapping of plain keys. */
export function fieldRegions(yaml: string): FieldRegion[] | undefined {
  const doc = parseYaml(yaml);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null) return [];
  if (!isMap(doc.contents) || doc.contents.flow) return undefined;
  const regions: FieldRegion[] = [];
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return undefined;
    const keyRange = pair.key.range;
    const valueRange = (pair.value as YamlNode | null)?.range;
    let last = Math.max(keyRange[1], valueRange?.[1] ?? 0);
    while (last > keyRange[0] && /\s/.test(yaml[last - 1]!)) last--;
    const start = lineStart(yaml, keyRange[0]);
    // Another field on the same line means the layout is not one field per line block.
    if (regions.length > 0 && start < regions.at(-1)!.end) return undefined;
    regions.push({ key: String(pair.key.value), start, end: lineEnd(yaml, Math.max(last - 1, keyRange[0])) });
  }
  return regions;
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** The wanted value of each changed field; `undefined` removes the field. */
export type FieldChanges = ReadonlyMap<string, { value: unknown; /** Source lines to use verbatim, e.g. the twin's. */ lines?: string }>;

function expected(before: Record<string, unknown>, changes: FieldChanges): Record<string, unknown> {
  const after: Record<string, unknown> = { ...before };
  for (const [key, { value }] of changes) {
    if (value === undefined) delete after[key];
    else after[key] = value;
  }
  return after;
}

function spliced(yaml: string, changes: FieldChanges, order: readonly string[]): string | undefined {
  const regions = fieldRegions(yaml);
  if (!regions) return undefined;
  const byKey = new Map(regions.map((r) => [r.key, r]));
  const edits: { start: number; end: number; text: string }[] = [];
  const insertions = new Map<number, { position: number; text: string }[]>();
  for (const [key, change] of changes) {
    const region = byKey.get(key);
    const lines = change.value === undefined ? '' : withNewline(change.lines ?? renderField(key, change.value));
    if (region) {
      edits.push({ start: region.start, end: region.end, text: lines });
      continue;
    }
    if (change.value === undefined) continue;
    // A new field goes after the nearest field that precedes it in `order` (the twin's key order).
    const position = order.indexOf(key);
    const kept = (k: string) => byKey.has(k) && (!changes.has(k) || changes.get(k)!.value !== undefined);
    const before = position > 0 ? order.slice(0, position).reverse().find(kept) : undefined;
    let anchor: number;
    if (before) anchor = byKey.get(before)!.end;
    else if (position >= 0 && regions[0]) anchor = regions[0].start;
    else anchor = regions.at(-1)?.end ?? yaml.length;
    const list = insertions.get(anchor) ?? [];
    list.push({ position: position < 0 ? Infinity : position, text: lines });
    insertions.set(anchor, list);
  }
  for (const [anchor, list] of insertions) {
    list.sort((a, b) => a.position - b.position);
    edits.push({ start: anchor, end: anchor, text: list.map((i) => i.text).join('') });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = yaml;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** One `key: value` line (or block) as the yaml package writes it. */
export function renderField(key: string, value: unknown): string {
  return new Document({ [key]: value }).toString({ lineWidth: 0, flowCollectionPadding: true });
}

function viaDocument(yaml: string, changes: FieldChanges): string | undefined {
  const doc = parseYaml(yaml);
  if (doc.errors.length > 0) return undefined;
  for (const [key, { value }] of changes) {
    if (value === undefined) doc.deleteIn([key]);
    else doc.setIn([key], doc.createNode(value));
  }
  return doc.toString({ lineWidth: 0 });
}

export interface EditResult {
  yaml: string;
  /** 'lines' when only the changed fields' lines differ; 'document' when the whole front-matter was re-printed. */
  method: 'lines' | 'document';
}

/**
 * Applies field changes to a front-matter text. `order` is the key order to follow when inserting a field.
 * Returns undefined when the YAML has errors, or when no method gives exactly the wanted data.
 */
export function editFields(yaml: string, changes: FieldChanges, order: readonly string[] = []): EditResult | undefined {
  const before = yamlData(yaml);
  if (!before) return undefined;
  const want = expected(before, changes);
  const lines = spliced(yaml, changes, order);
  if (lines !== undefined && sameData(yamlData(lines), want)) return { yaml: lines, method: 'lines' };
  const document = viaDocument(yaml, changes);
  if (document !== undefined && sameData(yamlData(document), want)) return { yaml: document, method: 'document' };
  return undefined;
}

/** The verbatim source lines of each top-level field, to copy a field from one file to another exactly as written. */
export function fieldLines(yaml: string): Map<string, string> {
  const regions = fieldRegions(yaml) ?? [];
  return new Map(regions.map((r) => [r.key, yaml.slice(r.start, r.end)]));
}
