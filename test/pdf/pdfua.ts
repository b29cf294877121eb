/**
 * A PDF/UA-1 checker for the tests: reads a PDF back with qpdf (every object, streams decoded) and pdf.js (the text
 * of each marked-content sequence, `getTextContent` with marked content, and the per-page structure tree,
 * `getStructTree`), and implements the failure conditions of the Matterhorn Protocol 1.1 that a machine can check
 * and that apply to documents like ours (text, tables, lists, links, a table of contents, no forms, media or
 * optional content). Each checkpoint is a function of the read-back PDF that returns its failures; test/pdf/
 * pdfua.test.ts feeds each one a PDF broken in that one respect and sees it fail.
 *
 * It is not veraPDF: conditions that need a human (is this really a heading? is the order logical?) are left to
 * the structure-and-reading-order tests (test/pdf/tagged.test.ts), and font programs are not parsed beyond their
 * dictionaries and ToUnicode maps. apt: qpdf
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// ---------------------------------------------------------------- qpdf's JSON

type Value = unknown;
type Dict = Record<string, Value>;
interface QpdfObject {
  value?: Value;
  stream?: { dict: Dict; data?: string };
}

const isRef = (value: Value): value is string => typeof value === 'string' && /^\d+ \d+ R$/.test(value);
const isDict = (value: Value): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A PDF string as qpdf writes it in JSON: "u:text" (Unicode) or "b:hex" (bytes, PDFDocEncoding or UTF-16BE). */
export function pdfString(value: Value): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) {
    const bytes = Buffer.from(value.slice(2), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return bytes.toString('latin1');
  }
  return undefined;
}

const nameOf = (value: Value): string | undefined => (typeof value === 'string' && value.startsWith('/') ? value.slice(1) : undefined);

// ---------------------------------------------------------------- content streams

type Operand = number | string | boolean | null | { name: string } | { bytes: Buffer } | Operand[] | { dict: Record<string, Operand> };

export interface Operation {
  op: string;
  args: Operand[];
}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** The operations of a content stream (ISO 32000-1, 7.8.2): operands, then their operator. */
export function parseContent(bytes: Buffer): Operation[] {
  let i = 0;
  const ops: Operation[] = [];
  const stack: Operand[][] = [[]];
  const dictKeys: (string | undefined)[][] = [];
  const push = (value: Operand): void => {
    stack.at(-1)!.push(value);
  };
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    if (c === 0x25) {
      while (i < bytes.length && bytes[i] !== 10 && bytes[i] !== 13) i++;
      continue;
    }
    if (c === 0x28) {
      // (literal string), with nesting and escapes
      const out: number[] = [];
      let depth = 1;
      i++;
      while (i < bytes.length && depth > 0) {
        const b = bytes[i]!;
        if (b === 0x5c) {
          const n = bytes[i + 1]!;
          const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
          if (n in map) {
            out.push(map[n]!);
            i += 2;
          } else if (n >= 0x30 && n <= 0x37) {
            let j = i + 1;
            let octal = '';
            while (j < bytes.length && octal.length < 3 && bytes[j]! >= 0x30 && bytes[j]! <= 0x37) octal += String.fromCharCode(bytes[j++]!);
            out.push(parseInt(octal, 8) & 0xff);
            i = j;
          } else i += 2;
          continue;
        }
        if (b === 0x28) depth++;
        if (b === 0x29 && --depth === 0) {
          i++;
          break;
        }
        out.push(b);
        i++;
      }
      push({ bytes: Buffer.from(out) });
      continue;
    }
    if (c === 0x3c && bytes[i + 1] === 0x3c) {
      stack.push([]);
      dictKeys.push([]);
      i += 2;
      continue;
    }
    if (c === 0x3e && bytes[i + 1] === 0x3e) {
      const items = stack.pop()!;
      dictKeys.pop();
      const dict: Record<string, Operand> = {};
      for (let k = 0; k + 1 < items.length; k += 2) {
        const key = items[k] as { name: string };
        dict[key.name] = items[k + 1]!;
      }
      push({ dict });
      i += 2;
      continue;
    }
    if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, i);
      const hex = bytes.subarray(i + 1, end).toString('latin1').replace(/\s+/g, '');
      push({ bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') });
      i = end + 1;
      continue;
    }
    if (c === 0x5b) {
      stack.push([]);
      i++;
      continue;
    }
    if (c === 0x5d) {
      const items = stack.pop()!;
      push(items);
      i++;
      continue;
    }
    let j = i + (c === 0x2f ? 1 : 0);
    while (j < bytes.length && !WHITE.has(bytes[j]!) && !DELIM.has(bytes[j]!)) j++;
    const word = bytes.subarray(i, j).toString('latin1');
    i = j;
    if (c === 0x2f) push({ name: word.slice(1) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) push(Number(word));
    else if (word === 'true' || word === 'false') push(word === 'true');
    else if (word === 'null') push(null);
    else {
      ops.push({ op: word, args: stack.at(-1)!.splice(0) });
      if (word === 'BI') {
        // An inline image: skip its data up to EI.
        const end = bytes.indexOf(Buffer.from('EI'), i);
        i = end < 0 ? bytes.length : end + 2;
        ops.push({ op: 'EI', args: [] });
      }
    }
  }
  return ops;
}

// ---------------------------------------------------------------- the PDF read back

/** A structure element as read back: its type, attributes, and content in order. */
export interface Elem {
  ref: string | undefined;
  /** /S as written. */
  type: string;
  /** The standard type it maps to through the RoleMap. */
  role: string;
  dict: Dict;
  parent: Elem | undefined;
  kids: (Elem | { mcid: number; page: string } | { annotation: string; page: string | undefined })[];
  lang?: string;
  alt?: string;
  actualText?: string;
  /** The attributes of its /A (all owners merged). */
  attributes: Dict;
}

export interface PageData {
  ref: string;
  number: number;
  dict: Dict;
  /** The operations of its content streams (parsed when first asked for). */
  readonly ops: Operation[];
  /** The text of each marked-content sequence with an MCID, by MCID (pdf.js). */
  text: Map<number, string>;
  /** The text pdf.js finds inside artifacts, and outside any marked content. */
  artifactText: string[];
  untaggedText: string[];
  /** pdf.js's structure tree of the page (getStructTree). */
  structTree: unknown;
}

export interface ReadBack {
  file: string;
  objects: Record<string, QpdfObject>;
  catalog: Dict;
  pages: PageData[];
  root: Elem | undefined;
  roleMap: Record<string, string>;
  /** The XMP packet. */
  xmp: string | undefined;
}

async function objectsOf(file: string): Promise<{ objects: Record<string, QpdfObject>; pages: { object: string }[] }> {
  const { stdout } = await promisify(execFile)('qpdf', ['--json', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const json = JSON.parse(stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, QpdfObject>] };
  return { objects: json.qpdf[1], pages: json.pages };
}

export class Pdf {
  readonly objects: Record<string, QpdfObject>;
  constructor(objects: Record<string, QpdfObject>) {
    this.objects = objects;
  }
  object(ref: string): QpdfObject | undefined {
    return this.objects[`obj:${ref}`];
  }
  /** The value of a reference (a stream's dictionary), or the value itself. */
  get(value: Value): Value {
    if (!isRef(value)) return value;
    const object = this.object(value);
    return object?.stream ? object.stream.dict : object?.value;
  }
  dict(value: Value): Dict | undefined {
    const resolved = this.get(value);
    return isDict(resolved) ? resolved : undefined;
  }
  streamData(value: Value): Buffer | undefined {
    const object = isRef(value) ? this.object(value) : undefined;
    return object?.stream?.data !== undefined ? Buffer.from(object.stream.data, 'base64') : undefined;
  }
}

export const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

function readTree(pdf: Pdf, catalog: Dict): { root: Elem | undefined; roleMap: Record<string, string> } {
  const treeRoot = pdf.dict(catalog['/StructTreeRoot']);
  if (!treeRoot) return { root: undefined, roleMap: {} };
  const roleMap: Record<string, string> = {};
  for (const [key, value] of Object.entries(pdf.dict(treeRoot['/RoleMap']) ?? {})) roleMap[key.slice(1)] = nameOf(value) ?? '';
  const mapRole = (type: string): string => {
    const seen = new Set<string>();
    let role = type;
    while (!STANDARD_TYPES.has(role) && roleMap[role] && !seen.has(role)) {
      seen.add(role);
      role = roleMap[role]!;
    }
    return role;
  };
  const visited = new Set<string>();
  const element = (ref: string | undefined, dict: Dict, parent: Elem | undefined): Elem => {
    const type = nameOf(dict['/S']) ?? '';
    const attributes: Dict = {};
    const a = pdf.get(dict['/A']);
    for (const owner of Array.isArray(a) ? a : [a]) {
      const attrs = pdf.dict(owner);
      if (attrs) Object.assign(attributes, attrs);
    }
    const elem: Elem = { ref, type, role: mapRole(type), dict, parent, kids: [], attributes };
    const lang = pdfString(dict['/Lang']);
    const alt = pdfString(dict['/Alt']);
    const actualText = pdfString(dict['/ActualText']);
    if (lang !== undefined) elem.lang = lang;
    if (alt !== undefined) elem.alt = alt;
    if (actualText !== undefined) elem.actualText = actualText;
    const page = isRef(dict['/Pg']) ? (dict['/Pg'] as string) : undefined;
    const kids = pdf.get(dict['/K']);
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') {
        elem.kids.push({ mcid: kid, page: page ?? '' });
        continue;
      }
      const kidDict = pdf.dict(kid);
      if (!kidDict) continue;
      const kidType = nameOf(kidDict['/Type']);
      if (kidType === 'MCR') elem.kids.push({ mcid: Number(kidDict['/MCID']), page: (isRef(kidDict['/Pg']) ? kidDict['/Pg'] : page) ?? '' });
      else if (kidType === 'OBJR') elem.kids.push({ annotation: String(kidDict['/Obj']), page: isRef(kidDict['/Pg']) ? kidDict['/Pg'] : page });
      else if (kidDict['/S'] !== undefined) {
        const key = isRef(kid) ? kid : undefined;
        if (key && visited.has(key)) continue;
        if (key) visited.add(key);
        elem.kids.push(element(key, kidDict, elem));
      }
    }
    return elem;
  };
  const root: Elem = { ref: undefined, type: 'StructTreeRoot', role: 'StructTreeRoot', dict: treeRoot, parent: undefined, kids: [], attributes: {} };
  const kids = pdf.get(treeRoot['/K']);
  for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
    const dict = pdf.dict(kid);
    if (dict) root.kids.push(element(isRef(kid) ? kid : undefined, dict, root));
  }
  return { root, roleMap };
}

const pageRefNum = (ref: string): number => Number(ref.split(' ')[0]);

/**
 * Reads a PDF back: its objects and structure (qpdf), its content streams, and (unless `text` is false) its text by
 * marked content and each page's structure tree as pdf.js gives them.
 */
export async function readPdf(file: string, options: { text?: boolean } = {}): Promise<ReadBack> {
  const { objects, pages: pageList } = await objectsOf(file);
  const pdf = new Pdf(objects);
  const trailer = objects['trailer']!.value as Dict;
  const catalog = pdf.dict(trailer['/Root'])!;
  const task = options.text === false ? undefined : getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, useSystemFonts: false });
  const document = await task?.promise;
  const pages: PageData[] = [];
  try {
    for (const [index, { object }] of pageList.entries()) {
      const dict = pdf.dict(object)!;
      const contents = dict['/Contents'];
      const streams = (Array.isArray(contents) ? contents : [contents]).map((ref) => pdf.streamData(ref) ?? Buffer.alloc(0));
      const page = await document?.getPage(index + 1);
      const content = (await page?.getTextContent({ includeMarkedContent: true })) ?? { items: [] };
      const text = new Map<number, string>();
      const artifactText: string[] = [];
      const untaggedText: string[] = [];
      const open: (string | null)[] = [];
      for (const item of content.items as ({ type?: string; id?: string | null; tag?: string; str?: string; hasEOL?: boolean })[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          open.push(item.tag === 'Artifact' ? 'artifact' : (item.id ?? null));
          continue;
        }
        if (item.type === 'endMarkedContent') {
          open.pop();
          continue;
        }
        const str = `${item.str ?? ''}${item.hasEOL ? ' ' : ''}`;
        if (str === '') continue;
        const inside = [...open].reverse().find((id) => id !== null);
        if (open.includes('artifact')) artifactText.push(str);
        else if (inside) {
          const mcid = Number(/_mc(\d+)$/.exec(inside)?.[1]);
          text.set(mcid, (text.get(mcid) ?? '') + str);
        } else untaggedText.push(str);
      }
      let ops: Operation[] | undefined;
      pages.push({
        ref: object,
        number: index + 1,
        dict,
        get ops() {
          return (ops ??= parseContent(Buffer.concat(streams.flatMap((s) => [s, Buffer.from('\n')]))));
        },
        text,
        artifactText,
        untaggedText,
        structTree: await page?.getStructTree(),
      });
      page?.cleanup();
    }
  } finally {
    await task?.destroy();
  }
  const { root, roleMap } = readTree(pdf, catalog);
  const metadata = pdf.streamData(catalog['/Metadata']);
  return { file, objects, catalog, pages, root, roleMap, xmp: metadata?.toString('utf8') };
}

// ---------------------------------------------------------------- reading the tree

export function* walk(elem: Elem): Generator<Elem> {
  yield elem;
  for (const kid of elem.kids) if ('kids' in kid) yield* walk(kid);
}

const normalise = (text: string): string => text.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();

/** Inline-level structure types (ISO 32000-1, 14.8.4.4): part of the text of the element around them. */
const INLINE = new Set(['Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'Warichu']);

/**
 * The text of an element's content, in order: what its marked content shows, an element's ActualText in place of
 * its content (the exact replacement), and with `read`, an Alt in place of its element, as a screen reader reads it.
 */
export function elemText(back: ReadBack, elem: Elem, options: { read?: boolean } = {}): string {
  const pageByRef = new Map(back.pages.map((page) => [page.ref, page]));
  const parts: string[] = [];
  const visit = (e: Elem): void => {
    if (e.actualText !== undefined) return void parts.push(e.actualText);
    if (options.read && e.alt !== undefined && e.role !== 'Figure') return void parts.push(e.alt);
    for (const kid of e.kids) {
      // Elements of their own are read apart (a paragraph, a cell); a span or a link is part of its paragraph.
      if ('kids' in kid) {
        if (!INLINE.has(kid.role)) parts.push(' ');
        visit(kid);
      } else if ('mcid' in kid) parts.push(pageByRef.get(kid.page)?.text.get(kid.mcid) ?? '');
    }
  };
  visit(elem);
  return normalise(parts.join(''));
}

/** An outline of the tree, an element a line with its text, as a screen reader meets them. */
export function dumpTree(back: ReadBack, elem: Elem | undefined = back.root, depth = 0, out: string[] = []): string[] {
  if (!elem) return out;
  const attrs = [
    elem.lang ? `Lang=${elem.lang}` : '',
    elem.alt ? `Alt="${elem.alt}"` : '',
    ...Object.entries(elem.attributes)
      .filter(([key]) => key !== '/O')
      .map(([key, value]) => `${key.slice(1)}=${nameOf(value) ?? String(value)}`),
  ].filter(Boolean);
  const own = elem.kids.some((kid) => !('kids' in kid)) ? elemText(back, { ...elem, kids: elem.kids.filter((kid) => !('kids' in kid)) }) : '';
  out.push(`${'  '.repeat(depth)}${elem.type}${attrs.length ? ` [${attrs.join(' ')}]` : ''}${own ? `: ${own}` : ''}`);
  for (const kid of elem.kids) if ('kids' in kid) dumpTree(back, kid, depth + 1, out);
  return out;
}

/** The document's text as the structure tree gives it, in reading order. */
export function readingText(back: ReadBack): string {
  return back.root ? elemText(back, back.root) : '';
}

// ---------------------------------------------------------------- the checkpoints

export interface Failure {
  /**
   * The Matterhorn failure condition, e.g. "01-005"; for a machine check of a checkpoint whose conditions a human
   * judges, or one named by its ISO 14289-1 clause here, the checkpoint and the clause: "15 (7.5)".
   */
  condition: string;
  message: string;
}

type Checkpoint = (back: ReadBack) => Failure[];
const fail = (condition: string, message: string): Failure => ({ condition, message });

const pdfOf = (back: ReadBack): Pdf => new Pdf(back.objects);
const elements = (back: ReadBack): Elem[] => (back.root ? [...walk(back.root)].filter((e) => e !== back.root) : []);

/** Text-showing, path-painting, image and shading operators, with whether they paint anything. */
const TEXT_OPS = new Set(['Tj', 'TJ', "'", '"']);
const PATH_OPS = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT_OPS = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/** 01: real content is tagged, artifacts are marked, and neither is inside the other; no Suspects. */
const checkpoint01: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const markInfo = pdfOf(back).dict(back.catalog['/MarkInfo']);
  if (markInfo?.['/Marked'] !== true) failures.push(fail('01 (7.1)', 'the catalog has no MarkInfo with Marked true: the document does not say it is tagged'));
  if (markInfo?.['/Suspects'] === true) failures.push(fail('01-007', 'MarkInfo has Suspects true'));
  const referenced = new Map<string, Set<number>>();
  if (back.root) for (const elem of walk(back.root)) for (const kid of elem.kids) if ('mcid' in kid) (referenced.get(kid.page) ?? referenced.set(kid.page, new Set()).get(kid.page)!).add(kid.mcid);
  for (const page of back.pages) {
    const stack: { artifact: boolean; mcid?: number }[] = [];
    let path = false;
    let untagged = 0;
    const seen = new Set<number>();
    for (const { op, args } of page.ops) {
      if (op === 'BMC' || op === 'BDC') {
        const tag = (args[0] as { name?: string } | undefined)?.name;
        const props = args[1] as { dict?: Record<string, Operand> } | undefined;
        const mcid = typeof props?.dict?.['MCID'] === 'number' ? (props.dict['MCID'] as number) : undefined;
        const artifact = tag === 'Artifact';
        if (artifact && stack.some((entry) => entry.mcid !== undefined)) failures.push(fail('01-003', `page ${page.number}: an artifact inside tagged content`));
        if (mcid !== undefined && stack.some((entry) => entry.artifact)) failures.push(fail('01-004', `page ${page.number}: tagged content (MCID ${mcid}) inside an artifact`));
        if (mcid !== undefined) {
          seen.add(mcid);
          if (!referenced.get(page.ref)?.has(mcid)) failures.push(fail('01-005', `page ${page.number}: marked content MCID ${mcid} that no structure element holds`));
        }
        stack.push({ artifact, ...(mcid !== undefined ? { mcid } : {}) });
        continue;
      }
      if (op === 'EMC') {
        stack.pop();
        continue;
      }
      let paints = false;
      if (PATH_OPS.has(op)) path = true;
      else if (PAINT_OPS.has(op)) {
        paints = path;
        path = false;
      } else if (op === 'n') path = false;
      else if (TEXT_OPS.has(op) || op === 'Do' || op === 'sh' || op === 'BI') paints = true;
      if (paints && !stack.some((entry) => entry.artifact || entry.mcid !== undefined)) untagged++;
    }
    if (untagged > 0) failures.push(fail('01-005', `page ${page.number}: ${untagged} drawing operations neither tagged nor marked as artifacts`));
    for (const mcid of referenced.get(page.ref) ?? []) if (!seen.has(mcid)) failures.push(fail('01-005', `page ${page.number}: the structure tree points at MCID ${mcid}, which the page does not have`));
    if (page.untaggedText.join('').trim() !== '') failures.push(fail('01-005', `page ${page.number}: text outside marked content: "${normalise(page.untaggedText.join('')).slice(0, 60)}"`));
  }
  return failures;
};

/** 02: every structure type is standard or role-mapped to one, without cycles or remapping standard types. */
const checkpoint02: Checkpoint = (back) => {
  const failures: Failure[] = [];
  for (const [from] of Object.entries(back.roleMap)) if (STANDARD_TYPES.has(from)) failures.push(fail('02-003', `the standard type ${from} is remapped`));
  for (const elem of elements(back)) if (!STANDARD_TYPES.has(elem.role)) failures.push(fail('02-001', `structure type ${elem.type} is not standard and maps to no standard type`));
  return failures;
};

/** 06: XMP metadata with the PDF/UA identification and a title. */
const checkpoint06: Checkpoint = (back) => {
  const failures: Failure[] = [];
  if (!back.xmp) return [fail('06-001', 'the catalog has no XMP metadata stream')];
  if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(back.xmp)) failures.push(fail('06-002', 'the XMP metadata has no PDF/UA identification (pdfuaid:part 1)'));
  const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(back.xmp)?.[1];
  if (!title || title.trim() === '') failures.push(fail('06-003', 'the XMP metadata has no dc:title'));
  return failures;
};

/** 07: the viewer shows the title, not the file name. */
const checkpoint07: Checkpoint = (back) => {
  const preferences = pdfOf(back).dict(back.catalog['/ViewerPreferences']);
  if (!preferences || !('/DisplayDocTitle' in preferences)) return [fail('07-001', 'ViewerPreferences has no DisplayDocTitle')];
  if (preferences['/DisplayDocTitle'] !== true) return [fail('07-002', 'DisplayDocTitle is false')];
  return [];
};

const childRoles = (elem: Elem): string[] => elem.kids.filter((kid): kid is Elem => 'kids' in kid).map((kid) => kid.role);

/** 09: table, list and table-of-contents elements nested as ISO 32000-1 Tables 333, 336 and 337 say. */
const checkpoint09: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const rules: Record<string, { condition: string; children?: string[]; parents?: string[] }> = {
    Table: { condition: '09-004', children: ['TR', 'THead', 'TBody', 'TFoot', 'Caption'] },
    THead: { condition: '09-004', children: ['TR'], parents: ['Table'] },
    TBody: { condition: '09-004', children: ['TR'], parents: ['Table'] },
    TFoot: { condition: '09-004', children: ['TR'], parents: ['Table'] },
    TR: { condition: '09-004', children: ['TH', 'TD'], parents: ['Table', 'THead', 'TBody', 'TFoot'] },
    TH: { condition: '09-004', parents: ['TR'] },
    TD: { condition: '09-004', parents: ['TR'] },
    L: { condition: '09-005', children: ['LI', 'L', 'Caption'] },
    LI: { condition: '09-005', children: ['Lbl', 'LBody'], parents: ['L'] },
    Lbl: { condition: '09-005', parents: ['LI'] },
    LBody: { condition: '09-005', parents: ['LI'] },
    TOC: { condition: '09-006', children: ['TOCI', 'TOC', 'Caption'] },
    TOCI: { condition: '09-006', children: ['Lbl', 'Reference', 'NonStruct', 'P', 'TOC'], parents: ['TOC'] },
  };
  for (const elem of elements(back)) {
    const rule = rules[elem.role];
    if (!rule) continue;
    const parent = elem.parent?.role ?? '';
    if (rule.parents && !rule.parents.includes(parent) && !(elem.role === 'Lbl' && parent === 'TOCI')) failures.push(fail(rule.condition, `${elem.role} inside ${parent || 'nothing'}`));
    const wrong = childRoles(elem).filter((role) => rule.children && !rule.children.includes(role));
    if (wrong.length > 0) failures.push(fail(rule.condition, `${elem.role} holds ${[...new Set(wrong)].join(', ')}`));
  }
  return failures;
};

const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

/** 11: the language of all text (content, alternate texts, bookmarks, annotations, metadata) can be determined. */
const checkpoint11: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const catalogLang = pdfString(back.catalog['/Lang']);
  const documentLang = catalogLang && LANG.test(catalogLang) ? catalogLang : undefined;
  if (catalogLang !== undefined && !documentLang) failures.push(fail('11-001', `the catalog's /Lang "${catalogLang}" is not a language tag`));
  const langOf = (elem: Elem | undefined): string | undefined => {
    for (let e = elem; e; e = e.parent) if (e.lang !== undefined) return e.lang;
    return documentLang;
  };
  for (const elem of elements(back)) {
    if (elem.lang !== undefined && !LANG.test(elem.lang)) failures.push(fail('11-001', `${elem.role} has /Lang "${elem.lang}", which is not a language tag`));
    const hasText = elem.kids.some((kid) => 'mcid' in kid);
    if (hasText && !langOf(elem)) failures.push(fail('11-001', `the language of the text of a ${elem.role} cannot be determined (no /Lang on it, its ancestors or the catalog)`));
    if ((elem.alt !== undefined || elem.actualText !== undefined) && !langOf(elem)) failures.push(fail('11-002', `the language of the Alt or ActualText of a ${elem.role} cannot be determined`));
  }
  const pdf = pdfOf(back);
  if (!documentLang && pdf.dict(back.catalog['/Outlines'])?.['/First'] !== undefined) failures.push(fail('11-003', 'the language of the bookmarks cannot be determined (no /Lang in the catalog)'));
  if (!documentLang && back.pages.some((page) => (pdf.get(page.dict['/Annots']) as Value[] | undefined)?.some((annot) => pdf.dict(annot)?.['/Contents'] !== undefined))) {
    failures.push(fail('11-004', "the language of the annotations' Contents cannot be determined (no /Lang in the catalog)"));
  }
  if (!documentLang && !/<dc:language>/.test(back.xmp ?? '')) failures.push(fail('11-006', 'the language of the metadata cannot be determined (no /Lang in the catalog, no dc:language)'));
  return failures;
};

/** 13: every Figure has alternative text. */
const checkpoint13: Checkpoint = (back) =>
  elements(back)
    .filter((elem) => elem.role === 'Figure' && !(elem.alt?.trim() || elem.actualText?.trim()))
    .map(() => fail('13-004', 'a Figure without Alt or ActualText'));

/** 14: numbered headings start at H1 and never skip a level going down; H and Hn are not mixed; one H per element. */
const checkpoint14: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const all = elements(back);
  const numbered = all.filter((elem) => /^H[1-6]$/.test(elem.role)).map((elem) => Number(elem.role[1]));
  if (numbered.length > 0 && numbered[0] !== 1) failures.push(fail('14-002', `the first heading is H${numbered[0]}, not H1`));
  for (let i = 1; i < numbered.length; i++) {
    if (numbered[i]! > numbered[i - 1]! + 1) failures.push(fail('14-003', `H${numbered[i]} follows H${numbered[i - 1]}: a level is skipped`));
  }
  if (numbered.length > 0 && all.some((elem) => elem.role === 'H')) failures.push(fail('14-007', 'the document uses both H and H1–H6'));
  for (const elem of all) if (childRoles(elem).filter((role) => role === 'H').length > 1) failures.push(fail('14-006', `a ${elem.role} holds more than one H`));
  return failures;
};

/** 15: header cells have a Scope (there are no Headers/ID pairs), and every row spans the same number of columns. */
const checkpoint15: Checkpoint = (back) => {
  const failures: Failure[] = [];
  for (const table of elements(back).filter((elem) => elem.role === 'Table')) {
    const rows = [...walk(table)].filter((elem) => elem.role === 'TR');
    const usesHeaders = [...walk(table)].some((elem) => elem.role === 'TD' && elem.attributes['/Headers'] !== undefined);
    const widths: number[] = [];
    const carried: number[] = [];
    rows.forEach((row, r) => {
      let width = carried[r] ?? 0;
      for (const cell of row.kids.filter((kid): kid is Elem => 'kids' in kid && (kid.role === 'TH' || kid.role === 'TD'))) {
        const colSpan = typeof cell.attributes['/ColSpan'] === 'number' ? (cell.attributes['/ColSpan'] as number) : 1;
        const rowSpan = typeof cell.attributes['/RowSpan'] === 'number' ? (cell.attributes['/RowSpan'] as number) : 1;
        width += colSpan;
        for (let below = 1; below < rowSpan; below++) carried[r + below] = (carried[r + below] ?? 0) + colSpan;
        if (cell.role === 'TH' && !usesHeaders) {
          const scope = nameOf(cell.attributes['/Scope']);
          if (!scope || !['Row', 'Column', 'Both'].includes(scope)) failures.push(fail('15-003', `a TH without Scope: "${elemText(back, cell).slice(0, 40)}"`));
        }
      }
      widths.push(width);
    });
    if (new Set(widths).size > 1) failures.push(fail('15 (7.5)', `a table whose rows span different numbers of columns (${[...new Set(widths)].join(', ')}): a cell's headers cannot be determined`));
    if (rows.length > 0 && ![...walk(table)].some((elem) => elem.role === 'TH')) failures.push(fail('15 (7.5)', 'a table without header cells'));
  }
  return failures;
};

/** 16: each list item has one body, its label (if any) before it, and each list has items. */
const checkpoint16: Checkpoint = (back) => {
  const failures: Failure[] = [];
  for (const elem of elements(back)) {
    if (elem.role === 'L' && !childRoles(elem).includes('LI')) failures.push(fail('16 (7.6)', 'a list (L) without items (LI)'));
    if (elem.role !== 'LI') continue;
    const roles = childRoles(elem);
    if (roles.filter((role) => role === 'LBody').length !== 1) failures.push(fail('16 (7.6)', `a list item with ${roles.filter((role) => role === 'LBody').length} bodies (LBody)`));
    if (roles.filter((role) => role === 'Lbl').length > 1 || (roles.includes('Lbl') && roles.indexOf('Lbl') > roles.indexOf('LBody'))) failures.push(fail('16 (7.6)', 'a list item whose label (Lbl) is not one, before its body'));
  }
  return failures;
};

/** 28: annotations in the structure (links in Link elements, with alternate descriptions), pages with /Tabs /S. */
const checkpoint28: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const pdf = pdfOf(back);
  const parents = new Map<number, Value>();
  const parentTree = pdf.dict(pdf.dict(back.catalog['/StructTreeRoot'])?.['/ParentTree']);
  const collect = (node: Dict | undefined): void => {
    if (!node) return;
    const nums = pdf.get(node['/Nums']);
    if (Array.isArray(nums)) for (let i = 0; i + 1 < nums.length; i += 2) parents.set(Number(nums[i]), nums[i + 1]);
    const kids = pdf.get(node['/Kids']);
    if (Array.isArray(kids)) for (const kid of kids) collect(pdf.dict(kid));
  };
  collect(parentTree);
  const holders = new Map<string, Elem>();
  for (const elem of elements(back)) for (const kid of elem.kids) if ('annotation' in kid) holders.set(kid.annotation, elem);
  for (const page of back.pages) {
    const annots = pdf.get(page.dict['/Annots']);
    const list = Array.isArray(annots) ? annots : [];
    if (list.length > 0 && !('/Tabs' in page.dict)) failures.push(fail('28-008', `page ${page.number} has annotations and no /Tabs`));
    else if (list.length > 0 && page.dict['/Tabs'] !== '/S') failures.push(fail('28-009', `page ${page.number} has /Tabs ${String(page.dict['/Tabs'])}, not /S`));
    for (const ref of list) {
      const annot = pdf.dict(ref);
      if (!annot) continue;
      const subtype = nameOf(annot['/Subtype']) ?? '';
      const key = annot['/StructParent'];
      const holder = holders.get(String(ref));
      const parentRef = typeof key === 'number' ? parents.get(key) : undefined;
      const parent = holder ?? undefined;
      if (subtype === 'Link') {
        if (!parent || parent.role !== 'Link' || !isRef(parentRef) || parent.ref !== parentRef) failures.push(fail('28-011', `page ${page.number}: a link annotation not nested in a Link element (an OBJR in it, and its StructParent naming it in the parent tree)`));
        if (!pdfString(annot['/Contents'])?.trim()) failures.push(fail('28-012', `page ${page.number}: a link annotation without an alternate description (Contents)`));
      } else if (!['Widget', 'PrinterMark', 'Popup'].includes(subtype)) {
        if (!parent || parent.role !== 'Annot') failures.push(fail('28-002', `page ${page.number}: a ${subtype} annotation that is not a child of an Annot element`));
        if (!pdfString(annot['/Contents'])?.trim() && !parent?.alt) failures.push(fail('28-004', `page ${page.number}: a ${subtype} annotation without Contents or Alt`));
      }
    }
  }
  return failures;
};

/** 30: no reference XObjects, and no form XObject with marked content drawn more than once. */
const checkpoint30: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const pdf = pdfOf(back);
  const uses = new Map<string, number>();
  for (const page of back.pages) {
    const resources = pdf.dict(page.dict['/Resources']);
    const xobjects = pdf.dict(resources?.['/XObject']) ?? {};
    for (const { op, args } of page.ops) {
      if (op !== 'Do') continue;
      const ref = xobjects[`/${(args[0] as { name: string }).name}`];
      if (isRef(ref)) uses.set(ref, (uses.get(ref) ?? 0) + 1);
    }
  }
  for (const [ref, count] of uses) {
    const dict = pdf.dict(ref);
    if (nameOf(dict?.['/Subtype']) !== 'Form') continue;
    if (dict?.['/Ref'] !== undefined) failures.push(fail('30-001', `the form XObject ${ref} is a reference XObject`));
    const ops = parseContent(pdf.streamData(ref) ?? Buffer.alloc(0));
    const marked = ops.some(({ op, args }) => op === 'BDC' && typeof (args[1] as { dict?: Record<string, Operand> } | undefined)?.dict?.['MCID'] === 'number');
    if (marked && count > 1) failures.push(fail('30-002', `the form XObject ${ref} holds marked content and is drawn ${count} times`));
  }
  return failures;
};

/** The codes a ToUnicode CMap maps, and to what (bfchar and bfrange, 2-byte codes). */
export function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string): string => {
    const bytes = Buffer.from(h.replace(/\s+/g, ''), 'hex');
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(m[1]!, 16), hex(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const [from, to] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16)];
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((d, i) => map.set(from + i, hex(d[1]!)));
      } else {
        const start = Buffer.from(m[3]!.slice(1, -1).replace(/\s+/g, ''), 'hex');
        for (let code = from; code <= to; code++) {
          const value = Buffer.from(start);
          value.writeUInt16BE(value.readUInt16BE(value.length - 2) + (code - from), value.length - 2);
          map.set(code, hex(value.toString('hex')));
        }
      }
    }
  }
  return map;
}

/** 31: fonts embedded, CIDFonts with a CIDToGIDMap and CIDSystemInfo, every code drawn mapped to Unicode, no .notdef. */
const checkpoint31: Checkpoint = (back) => {
  const failures: Failure[] = [];
  const pdf = pdfOf(back);
  const fonts = new Map<string, { dict: Dict; codes: Set<number> }>();
  for (const page of back.pages) {
    const resources = pdf.dict(page.dict['/Resources']);
    const fontResources = pdf.dict(resources?.['/Font']) ?? {};
    let current: string | undefined;
    for (const { op, args } of page.ops) {
      if (op === 'Tf') {
        const ref = fontResources[`/${(args[0] as { name: string }).name}`];
        current = isRef(ref) ? ref : undefined;
        if (current && !fonts.has(current)) fonts.set(current, { dict: pdf.dict(current) ?? {}, codes: new Set() });
        continue;
      }
      if (!TEXT_OPS.has(op) || !current) continue;
      const font = fonts.get(current)!;
      const twoByte = nameOf(font.dict['/Subtype']) === 'Type0';
      const strings = (op === 'TJ' ? (args[0] as Operand[]) : [args.at(-1)!]).filter((arg): arg is { bytes: Buffer } => typeof arg === 'object' && arg !== null && 'bytes' in arg);
      for (const { bytes } of strings) {
        if (twoByte) for (let i = 0; i + 1 < bytes.length; i += 2) font.codes.add(bytes.readUInt16BE(i));
        else for (const byte of bytes) font.codes.add(byte);
      }
    }
  }
  for (const [ref, { dict, codes }] of fonts) {
    const name = nameOf(dict['/BaseFont']) ?? ref;
    const subtype = nameOf(dict['/Subtype']);
    const descendant = subtype === 'Type0' ? pdf.dict((pdf.get(dict['/DescendantFonts']) as Value[] | undefined)?.[0]) : undefined;
    const descriptor = pdf.dict((descendant ?? dict)['/FontDescriptor']);
    if (subtype !== 'Type3' && !['/FontFile', '/FontFile2', '/FontFile3'].some((key) => descriptor?.[key] !== undefined)) failures.push(fail('31 (7.21.4.1)', `the font ${name} is not embedded`));
    if (descendant) {
      if (nameOf(descendant['/Subtype']) === 'CIDFontType2' && descendant['/CIDToGIDMap'] === undefined) failures.push(fail('31 (7.21.3.2)', `the CIDFontType2 ${name} has no CIDToGIDMap`));
      const info = pdf.dict(descendant['/CIDSystemInfo']);
      if (!info || pdfString(info['/Registry']) === undefined || pdfString(info['/Ordering']) === undefined) failures.push(fail('31 (7.21.3.1)', `the CIDFont ${name} has no complete CIDSystemInfo`));
      if (codes.has(0) && descendant['/CIDToGIDMap'] === '/Identity') failures.push(fail('31 (7.21.8)', `text in ${name} uses glyph 0 (.notdef)`));
    }
    const cmap = pdf.streamData(dict['/ToUnicode']);
    if (!cmap) {
      failures.push(fail('31 (7.21.7)', `the font ${name} has no ToUnicode map`));
      continue;
    }
    const map = toUnicodeMap(cmap.toString('latin1'));
    const unmapped = [...codes].filter((code) => {
      const text = map.get(code);
      return text === undefined || text === '' || text === '\u0000' || text === '\ufeff' || text === '\ufffe';
    });
    if (unmapped.length > 0) failures.push(fail('31 (7.21.7)', `${unmapped.length} codes of ${name} map to no Unicode text (${unmapped.slice(0, 5).join(', ')})`));
  }
  return failures;
};

/** The checkpoints, by Matterhorn number. */
export const checkpoints: Readonly<Record<string, Checkpoint>> = {
  '01': checkpoint01,
  '02': checkpoint02,
  '06': checkpoint06,
  '07': checkpoint07,
  '09': checkpoint09,
  '11': checkpoint11,
  '13': checkpoint13,
  '14': checkpoint14,
  '15': checkpoint15,
  '16': checkpoint16,
  '28': checkpoint28,
  '30': checkpoint30,
  '31': checkpoint31,
};

/** Every failure of every checkpoint. */
export function matterhorn(back: ReadBack): Failure[] {
  return Object.values(checkpoints).flatMap((check) => check(back));
}

/** The web addresses the PDF's link annotations open (an action /S /URI), page by page, with their alternate descriptions. */
export function uriLinks(back: ReadBack): { page: number; uri: string; contents: string | undefined }[] {
  const pdf = new Pdf(back.objects);
  return back.pages.flatMap((page) => {
    const annots = pdf.get(page.dict['/Annots']);
    return (Array.isArray(annots) ? annots : []).flatMap((ref) => {
      const action = pdf.dict(pdf.dict(ref)?.['/A']);
      const uri = action && nameOf(action['/S']) === 'URI' ? pdfString(action['/URI']) : undefined;
      return uri ? [{ page: page.number, uri, contents: pdfString(pdf.dict(ref)?.['/Contents']) }] : [];
    });
  });
}
