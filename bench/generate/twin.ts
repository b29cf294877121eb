/** One generated item in both languages, and its two files as text. */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';

export type Lang = 'sv' | 'fi';
type Scalar = string | number | boolean;
/** Front-matter values: scalars, lists of scalars, mappings, lists of mappings. */
export type Value = Scalar | readonly Scalar[] | Readonly<Record<string, Scalar>> | readonly Readonly<Record<string, Scalar>>[];
export type Fields = [string, Value | readonly [string, string]][];

export interface Twin {
  /** Path without `.<lang>.md`. */
  stem: string;
  /** Front-matter in key order; translatable fields are [sv, fi] pairs. */
  fields: Fields;
  /** Field names whose values are per-language pairs. */
  translated: ReadonlySet<string>;
  body: [string, string];
  stamped: boolean;
}

/** The front-matter as an editor would write it: a mapping and a list of scalars on one line, a list of mappings one a line. */
function frontMatter(data: Record<string, unknown>): string {
  const doc = new Document(data);
  visit(doc, {
    Map(_key, node, path) {
      if (path.length > 1) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
      else if (node.items.some((item) => isMap(item) || isSeq(item))) node.flow = false;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** One language's file; `stamp` is the twin's hash, written as `i18n stamp` writes it. */
export function render(twin: Twin, lang: Lang, stamp: string | undefined): string {
  const index = lang === 'sv' ? 0 : 1;
  const data: Record<string, unknown> = {};
  for (const [key, value] of twin.fields) data[key] = twin.translated.has(key) ? (value as readonly [string, string])[index] : value;
  if (stamp !== undefined) data['twin-hash'] = stamp;
  const body = twin.body[index];
  return `---\n${frontMatter(data)}---\n${body === '' ? '' : `\n${body}\n`}`;
}

/** Joins generated [sv, fi] blocks into two bodies, blocks separated by blank lines. */
export function bodies(blocks: [string, string][]): [string, string] {
  return [blocks.map((b) => b[0]).join('\n\n'), blocks.map((b) => b[1]).join('\n\n')];
}

/** A section's front matter: its id, parent, place among its siblings and title in both languages. */
export function sectionFields(id: string, parent: string, order: number, title: readonly [string, string]): Fields {
  return [
    ['id', id],
    ['kind', 'section'],
    ['parent', parent],
    ['order', order],
    ['title', title],
  ];
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
