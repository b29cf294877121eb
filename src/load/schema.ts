/**
 * Reads schema/ and checks it before anything uses it: every problem at its file:line:column, in the editor's
 * language. One file, over 300 lines, because it is one pass whose steps share the located sources and the list of
 * problems: JSON read with the position of every value, the meta-schema's checks of our keywords, ajv's compile
 * errors turned into located messages, project.json, and the kinds with their hierarchy and the glossary's fields.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { GlossaryFields, KindDefinition, ProjectConfig, SchemaSet } from '../model/types.ts';
import { walk } from './discover.ts';
import { pathOf } from '../parse/json-pointer.ts';
import { closest, didYouMean } from '../util/suggest.ts';
import { catalogues, t, type MessageKey } from '../messages/index.ts';
// Imported, not read from beside this file: the site's build bundles this module where the file is not.
import metaSchema from './meta-schema.json' with { type: 'json' };

/**
 * Our own meta-schema (src/load/meta-schema.json): the shapes of the `x-` keywords and of project.json. Its
 * `kindKeywords` and `propertyKeywords` are also the list of the keywords our schemas add to JSON Schema.
 */
const meta = metaSchema as {
  $id: string;
  $defs: Record<string, { properties?: Record<string, { enum?: string[] }> }>;
};
const keywordsOf = (name: string): string[] => Object.keys(meta.$defs[name]?.properties ?? {});
/** Keywords of a kind, at the root of its schema file. */
const kindKeywords = new Set(keywordsOf('kindKeywords'));
/** Keywords of a field, on any schema below the root. */
const propertyKeywords = new Set(keywordsOf('propertyKeywords'));
/** Keywords our schemas add to JSON Schema. Declared to ajv so strict mode still catches typos. */
const ownKeywords = [...new Set([...kindKeywords, ...propertyKeywords])];

const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/** The rule ids of the problems a schema folder can have. */
export type SchemaRuleId =
  | 'schema-unreadable'
  | 'schema-syntax'
  | 'schema-invalid'
  | 'schema-ref'
  | 'schema-duplicate'
  | 'schema-unknown-kind'
  | 'schema-kind-cycle'
  | 'schema-unknown-field'
  | 'schema-unknown-value';

/** One problem of schema/, at a place in one of its files (no line when the file could not be read at all). */
export interface SchemaProblem {
  /** The file, relative to the current folder, with forward slashes. */
  path: string;
  line?: number;
  column?: number;
  ruleId: SchemaRuleId;
  message: string;
  hint?: string;
}

/** `path:line:column: error: message [rule-id]`, and the hint on a line of its own, in the current language. */
export function formatSchemaProblem(problem: SchemaProblem): string {
  const place = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}:${problem.column ?? 1}`;
  return `${place}: ${t('report.severity.error')}: ${problem.message} [${problem.ruleId}]${problem.hint ? `\n  ${t('schema.hint', { hint: problem.hint })}` : ''}`;
}

/** schema/ cannot be used: every problem found in it, each located. Its message is the problems, one a line. */
export class SchemaError extends Error {
  override name = 'SchemaError';
  readonly problems: readonly SchemaProblem[];
  constructor(problems: readonly SchemaProblem[]) {
    super(problems.map(formatSchemaProblem).join('\n'));
    this.problems = problems;
  }
}

type Pointer = readonly (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where each key and value of a JSON text starts, read from the text itself. */
interface Position {
  start: number;
  keys?: Map<string, { key: number; value: Position }>;
  items?: Position[];
}

/** The offset at which a JSON text stops being JSON. */
class JsonStop extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(`not JSON at ${offset}`);
    this.offset = offset;
  }
}

const jsonNumber = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads a JSON text for the places of its keys and values (JSON.parse gives the values), and the keys an object has
 * twice. Throws JsonStop at the first character that is not JSON, for the messages of JSON.parse that give no place.
 */
function scanJson(text: string, duplicate: (pointer: Pointer, offset: number) => void): Position {
  let i = 0;
  const space = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const expect = (char: string) => {
    space();
    if (text[i] !== char) throw new JsonStop(i);
    i++;
  };
  const string = (): string => {
    const start = i;
    if (text[i++] !== '"') throw new JsonStop(start);
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') throw new JsonStop(i);
      if (char === '"') break;
      i += char === '\\' ? 2 : 1;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new JsonStop(start);
    }
  };
  const value = (pointer: Pointer): Position => {
    space();
    const node: Position = { start: i };
    const char = text[i];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      if (char === '{') node.keys = new Map();
      else node.items = [];
      i++;
      space();
      if (text[i] === close) i++;
      else {
        for (;;) {
          if (node.keys) {
            space();
            const key = i;
            const name = string();
            expect(':');
            const inner = value([...pointer, name]);
            if (node.keys.has(name)) duplicate([...pointer, name], key);
            else node.keys.set(name, { key, value: inner });
          } else node.items!.push(value([...pointer, node.items!.length]));
          space();
          if (text[i] === ',') i++;
          else if (text[i] === close) break;
          else throw new JsonStop(i);
        }
        i++;
      }
    } else if (char === '"') string();
    else {
      jsonNumber.lastIndex = i;
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      const length = literal?.length ?? (jsonNumber.test(text) ? jsonNumber.lastIndex - i : 0);
      if (length === 0) throw new JsonStop(i);
      i += length;
    }
    return node;
  };
  const root = value([]);
  space();
  if (i < text.length) throw new JsonStop(i);
  return root;
}

/** One JSON file of schema/, read and parsed, with a way back from a JSON pointer to its line and column. */
interface Source {
  path: string;
  display: string;
  value: unknown;
  /** The line and column of the key or the value at a pointer; of its nearest existing parent when it is absent. */
  at(pointer: Pointer, which?: 'key' | 'value'): { line: number; column: number };
  problem(ruleId: SchemaRuleId, message: string, pointer?: Pointer, which?: 'key' | 'value', hint?: string): SchemaProblem;
}

function makeSource(path: string, display: string, text: string, value: unknown, positions: Position | undefined): Source {
  const at: Source['at'] = (pointer, which = 'value') => {
    let node = positions;
    let offset = node?.start ?? 0;
    for (const [index, part] of pointer.entries()) {
      const entry = node?.keys?.get(String(part));
      const next = entry?.value ?? (typeof part === 'number' ? node?.items?.[part] : undefined);
      if (!next) break;
      offset = which === 'key' && entry && index === pointer.length - 1 ? entry.key : next.start;
      node = next;
    }
    return lineColumnAt(text, offset);
  };
  return {
    path,
    display,
    value,
    at,
    problem: (ruleId, message, pointer = [], which = 'value', hint) => ({ path: display, ...at(pointer, which), ruleId, message, ...(hint ? { hint } : {}) }),
  };
}

/** Reads a JSON file; what cannot be read or parsed is a problem at the place JSON.parse names. */
function readSource(path: string, display: string, problems: SchemaProblem[], unreadKinds = new Set<string>()): Source | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? t('schema.unreadable.missing') : code === 'EISDIR' ? t('schema.unreadable.folder') : (error as Error).message;
    problems.push({ path: display, ruleId: 'schema-unreadable', message: t('schema.unreadable', { path: display, why }) });
    return undefined;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push({ path: display, ...jsonSyntaxError(text, error), ruleId: 'schema-syntax' });
    // What kind it declares, as far as the text says, so that other files' references to it are not reported too.
    for (const match of text.matchAll(/"x-kind"\s*:\s*"([^"\\]+)"/g)) unreadKinds.add(match[1]!);
    return undefined;
  }
  let positions: Position | undefined;
  const duplicates: { pointer: Pointer; offset: number }[] = [];
  try {
    positions = scanJson(text, (pointer, offset) => duplicates.push({ pointer, offset }));
  } catch {
    positions = undefined; // nested too deep to read again: messages point at the start of the file
  }
  const source = makeSource(path, display, text, value, positions);
  for (const { pointer, offset } of duplicates) {
    problems.push({
      path: display,
      ...lineColumnAt(text, offset),
      ruleId: 'schema-syntax',
      message: t('schema.duplicate-key', { key: String(pointer.at(-1)) }),
    });
  }
  return source;
}

/**
 * Where and why JSON.parse refused `text` (its `error`): the place it names, else the first character that is not
 * JSON, and its words in the current language. Other JSON inputs (the CI scripts') are located as schema/'s are.
 */
export function jsonSyntaxError(text: string, error: unknown): { line: number; column: number; message: string } {
  const message = (error as Error).message;
  const position = /at position (\d+)/.exec(message);
  let offset = position ? Number(position[1]) : text.length;
  if (!position) {
    try {
      scanJson(text, () => undefined);
    } catch (stop) {
      if (stop instanceof JsonStop) offset = stop.offset;
    }
  }
  return { ...lineColumnAt(text, offset), message: t('schema.json', { detail: jsonSyntax(message) }) };
}

/** What V8's JSON.parse says went wrong, in the current language: its words are known, its place is given apart. */
const jsonSyntaxes: readonly [RegExp, MessageKey][] = [
  [/^Unexpected end of JSON input/, 'schema.json.end'],
  [/^Expected ',' or '\}' after property value/, 'schema.json.comma-brace'],
  [/^Expected ',' or '\]' after array element/, 'schema.json.comma-bracket'],
  [/^Expected property name or '\}'/, 'schema.json.property'],
  [/^Expected double-quoted property name/, 'schema.json.property'],
  [/^Expected ':' after property name/, 'schema.json.colon'],
  [/^Unterminated string/, 'schema.json.unterminated'],
  [/^Bad control character in string literal/, 'schema.json.control'],
  [/^Bad (?:escaped character|Unicode escape)/, 'schema.json.escape'],
  [/^(?:No number after minus sign|Exponent part is missing a number|Unterminated fractional number)/, 'schema.json.number'],
  [/^Unexpected non-whitespace character after JSON/, 'schema.json.after'],
  [/^Unexpected (?:number|string) in JSON/, 'schema.json.value'],
  [/^Unexpected token /, 'schema.json.token'],
];
function jsonSyntax(message: string): string {
  const key = jsonSyntaxes.find(([pattern]) => pattern.test(message))?.[1];
  const token = /^Unexpected token '(.*?)'/s.exec(message)?.[1];
  // Words of a V8 this list does not know yet: its own, without its place and its copy of the text.
  return key ? t(key, { token: token ?? '' }) : message.replace(/ (?:in JSON )?at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
}

/** The 1-based line and column of an offset (columns in UTF-16 code units, as the rest of the toolchain counts). */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The keywords whose values are schemas: one, a list of them, or an object of them. */
const subschemaKeywords = {
  one: ['additionalProperties', 'propertyNames', 'items', 'contains', 'if', 'then', 'else', 'not', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems'],
  list: ['allOf', 'anyOf', 'oneOf', 'prefixItems'],
  named: ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'],
};

/** Every schema object in a file, the root first, in the order of the text. */
function subschemas(root: Json): { schema: Json; pointer: Pointer }[] {
  const found: { schema: Json; pointer: Pointer }[] = [];
  const stack: { schema: unknown; pointer: Pointer }[] = [{ schema: root, pointer: [] }];
  while (stack.length > 0) {
    const { schema, pointer } = stack.pop()!;
    if (!isObject(schema)) continue;
    found.push({ schema, pointer });
    const children: { schema: unknown; pointer: Pointer }[] = [];
    for (const [key, value] of Object.entries(schema)) {
      if (subschemaKeywords.one.includes(key)) {
        if (Array.isArray(value)) value.forEach((inner, index) => children.push({ schema: inner, pointer: [...pointer, key, index] }));
        else children.push({ schema: value, pointer: [...pointer, key] });
      } else if (subschemaKeywords.list.includes(key) && Array.isArray(value)) {
        value.forEach((inner, index) => children.push({ schema: inner, pointer: [...pointer, key, index] }));
      } else if (subschemaKeywords.named.includes(key) && isObject(value)) {
        for (const [name, inner] of Object.entries(value)) children.push({ schema: inner, pointer: [...pointer, key, name] });
      }
    }
    stack.push(...children.reverse());
  }
  return found;
}

function valueAt(root: unknown, pointer: Pointer): unknown {
  let node = root;
  for (const part of pointer) node = isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[part] : undefined;
  return node;
}

/** A value as a message names it, its `Unexpected` included: `Unexpected text "Mål"`, `Unexpected number 5`, `Unexpected list`. */
function found(value: unknown): string {
  if (typeof value === 'string') return t('schema.found.text', { text: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) });
  if (typeof value === 'number') return t('schema.found.number', { n: value });
  if (Array.isArray(value)) return t(value.length === 0 ? 'schema.found.empty-list' : 'schema.found.list');
  if (isObject(value)) return t('schema.found.object');
  return t('schema.found.literal', { value: String(value) });
}

/**
 * The keywords of our meta-schema whose wrong values a message words itself (the catalogues' `schema.expects.<keyword>`
 * and `schema.expects.project.<key>`): those of a schema file, of a kind and of a field, and the keys of project.json.
 */
export const expectedKeywords = {
  file: [...new Set([...keywordsOf('schemaFile'), ...kindKeywords, ...propertyKeywords])],
  project: keywordsOf('project'),
} as const;

/** What each of those keywords expects, in the current language. */
function expectations(scope: keyof typeof expectedKeywords): ReadonlyMap<string, string> {
  const prefix = scope === 'file' ? 'schema.expects.' : 'schema.expects.project.';
  const roles = (meta.$defs['propertyKeywords']?.properties?.['x-role']?.enum ?? []).join(', ');
  return new Map(expectedKeywords[scope].filter((keyword) => `${prefix}${keyword}` in catalogues.en).map((keyword) => [keyword, t(`${prefix}${keyword}` as MessageKey, { roles })]));
}

/** What an ajv error on a value expects instead, in the current language. */
/** What an ajv error's keyword expects, in the catalogue's words: schema/'s own problems and the glossary's entries. */
export function expectedByAjv(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const limit = String(params['limit'] ?? params['multipleOf'] ?? '');
  switch (error.keyword) {
    case 'type':
      return t('schema.expect.type', { types: String(params['type']).split(',').join(` ${t('word.or')} `) });
    case 'enum':
      return t('schema.expect.enum', { values: (params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const':
      return JSON.stringify(params['allowedValue']);
    case 'pattern':
      return t('schema.expect.pattern', { pattern: String(params['pattern']) });
    case 'format':
      return t('schema.expect.format', { format: String(params['format']) });
    case 'minLength':
      return params['limit'] === 1 ? t('schema.expect.not-empty') : t('schema.expect.minLength', { limit });
    case 'minItems':
      return t(params['limit'] === 1 ? 'schema.expect.minItems.one' : 'schema.expect.minItems.other', { limit });
    case 'uniqueItems':
      return t('schema.expect.unique', { a: String(params['j']), b: String(params['i']) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'maxLength':
    case 'maxItems':
    case 'multipleOf':
      return t(`schema.expect.${error.keyword}`, { limit });
    default:
      // A keyword JSON Schema's meta-schema seldom needs: ajv's own words for it.
      return t('schema.expect.other', { detail: error.message ?? error.keyword });
  }
}

/**
 * Problems from ajv's errors on a file (its JSON Schema, our meta-schema or project.json), one per place: of the
 * errors an `anyOf` gives, only the deepest is kept, and the branch errors beside it are dropped.
 */
function ajvProblems(source: Source, errors: readonly ErrorObject[], base: Pointer, expects: ReadonlyMap<string, string> = new Map(), keys: readonly string[] = []): SchemaProblem[] {
  const composite = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inside = (e: ErrorObject, c: ErrorObject) => e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath.startsWith(c.instancePath);
  const dropped = new Set<ErrorObject>(composite);
  for (const c of composite) {
    const branch = errors.filter((e) => inside(e, c));
    const deepest = branch.reduce<ErrorObject | undefined>((best, e) => (!best || e.instancePath.length > best.instancePath.length ? e : best), undefined);
    for (const e of branch) if (e !== deepest) dropped.add(e);
  }
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (dropped.has(error) || error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    const pointer = [...base, ...pathOf(error.instancePath)];
    const key = `${pointer.join('/')}|${String(params['additionalProperty'] ?? params['missingProperty'] ?? params['property'] ?? '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const keyword = [...pointer].reverse().find((part): part is string => typeof part === 'string' && expects.has(part));
    const last = pointer.at(-1);
    // What the value is, as the sentence needs it: `as x-label`, ` in "license" in openData`, `item of acknowledged`.
    const form = last === undefined ? 'file' : typeof last === 'number' ? 'item' : keyword && keyword !== last ? 'in' : 'key';
    const names = { list: String(pointer.at(-2)), name: String(last), key: String(last), keyword: keyword ?? '' };
    if (error.keyword === 'additionalProperties') {
      const name = String(params['additionalProperty']);
      const known = last === undefined ? keys : [];
      const expected = known.length > 0 ? t('schema.key.one-of', { keys: known.join(', ') }) : t('schema.key.none');
      const where = form === 'file' ? '' : t(`schema.in.${form}`, names);
      problems.push(source.problem('schema-invalid', t('schema.key.unknown', { name, in: where, expected }), [...pointer, name], 'key', didYouMean(name, known)));
    } else if (error.keyword === 'required') {
      const name = String(params['missingProperty']);
      const expected = expects.get(name);
      const message = t(`schema.required.${form}`, { ...names, name });
      problems.push(source.problem('schema-invalid', expected ? t('schema.expected-beside', { message, name, expected }) : message, pointer));
    } else if (error.keyword === 'dependentRequired') {
      const [name, missing] = [String(params['property']), String(params['missingProperty'])];
      problems.push(source.problem('schema-invalid', t('schema.dependent', { name, missing, expected: expects.get(missing) ?? t('schema.dependent.required') }), [...pointer, name], 'key'));
    } else {
      const expected = keyword !== undefined && keyword === last ? expects.get(keyword)! : expectedByAjv(error);
      problems.push(source.problem('schema-invalid', t('schema.value', { found: found(valueAt(source.value, pointer)), as: t(`schema.as.${form}`, names), expected }), pointer));
    }
  }
  return problems;
}

let metaValidators: { file: ValidateFunction; property: ValidateFunction; project: ValidateFunction } | undefined;

function validators() {
  if (!metaValidators) {
    // Our own meta-schema is not checked against JSON Schema's at every start (test/schema does that once).
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
    ajv.addSchema(meta);
    const get = (name: string) => ajv.getSchema(`${meta.$id}#/$defs/${name}`)!;
    metaValidators = { file: get('schemaFile'), property: get('propertyKeywords'), project: get('project') };
  }
  return metaValidators;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The strings of a list with their indexes, for messages at one item. */
function stringItems(value: unknown): [string, number][] {
  return Array.isArray(value) ? value.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : [])) : [];
}

/** Resolves `$ref`s far enough to read our `x-*` keywords on a property. */
function propertyFlags(property: unknown, resolve: (ref: string) => Json | undefined): Json {
  if (!isObject(property)) return {};
  const ref = typeof property['$ref'] === 'string' ? resolve(property['$ref']) : undefined;
  return { ...(ref ?? {}), ...property };
}

function readProject(root: string, display: (path: string) => string, problems: SchemaProblem[]): Omit<ProjectConfig, 'glossaryFields'> | undefined {
  const source = readSource(join(root, 'project.json'), display(join(root, 'project.json')), problems);
  if (!source) return undefined;
  const { project: validate } = validators();
  if (!validate(source.value)) {
    problems.push(...ajvProblems(source, validate.errors ?? [], [], expectations('project'), expectedKeywords.project));
    return undefined;
  }
  const raw = source.value as Json;
  const languages = stringList(raw['languages']);
  const primary = raw['primaryLanguage'];
  if (typeof primary === 'string' && !languages.includes(primary)) {
    problems.push(source.problem('schema-unknown-value', t('schema.primary-language', { primary, languages: languages.join(', ') }), ['primaryLanguage']));
  }
  const accessibility = raw['accessibility'];
  (Array.isArray(raw['acknowledged']) ? (raw['acknowledged'] as Json[]) : []).forEach((entry, index) => {
    if (entry['id'] === undefined && entry['path'] === undefined) {
      problems.push(source.problem('schema-invalid', t('schema.acknowledged', { rule: String(entry['rule']) }), ['acknowledged', index]));
    }
  });
  return {
    languages,
    primaryLanguage: typeof primary === 'string' ? primary : languages[0]!,
    languageNames: stringRecord(raw['languageNames']),
    labels: Object.fromEntries(Object.entries((raw['labels'] as Json | undefined) ?? {}).map(([k, v]) => [k, stringRecord(v)])),
    glossary: typeof raw['glossary'] === 'string' ? raw['glossary'] : undefined,
    properNames: stringList(raw['properNames']),
    notes: stringList(raw['notes']),
    acknowledged: Array.isArray(raw['acknowledged'])
      ? (raw['acknowledged'] as Json[]).map((entry) => ({
          rule: String(entry['rule']),
          reason: String(entry['reason']),
          ...(typeof entry['id'] === 'string' ? { id: entry['id'] } : {}),
          ...(typeof entry['path'] === 'string' ? { path: entry['path'] } : {}),
        }))
      : [],
    spelling: Object.fromEntries(Object.entries((raw['spelling'] as Json | undefined) ?? {}).map(([lang, words]) => [lang, stringList(words)])),
    ...(isObject(raw['openData']) && isObject(raw['openData']['license'])
      ? { openData: { license: stringRecord(raw['openData']['license']) as { name: string; title: string; path: string } } }
      : {}),
    accessibility: isObject(accessibility)
      ? Object.fromEntries(Object.entries(accessibility).map(([k, v]) => [k, typeof v === 'string' ? v : stringRecord(v)]))
      : undefined,
  };
}

/** An ajv as schema/ is compiled with. */
function newAjv(): Ajv2020 {
  // Without ajv's optimising pass over the code it generates: the pass took over a third of compiling schema/ (the
  // larger part of a small strategy's check, and of every check of a changed schema/), and validating 5,000 items
  // with the unoptimised code takes the same time (bench/RESULTS.md).
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { optimize: false } });
  addFormats.default(ajv);
  // Of any type to ajv: our meta-schema says which each takes, in the editor's words and at the value.
  for (const keyword of ownKeywords) ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] });
  return ajv;
}

/**
 * The ajv that checks each file against JSON Schema's meta-schema and knows the keywords: one for the process, as it
 * holds no file of schema/ (each load compiles its files in an ajv of its own), so JSON Schema's meta-schema is
 * compiled once and not at every load.
 */
let checker: Ajv2020 | undefined;
const schemaChecker = (): Ajv2020 => (checker ??= newAjv());

/**
 * Validators compiled by earlier loads in this process, by what each was compiled from: its file's schema and the
 * schemas of the files its references reach, which is all ajv reads to compile it (the options and keywords are
 * the same for every load). A check of schema/ after an edit of one file compiles that file and what refers to it,
 * not every kind again; what a failed compile says is never kept, so it is said again. Bounded like the project's
 * other caches: emptied when full.
 */
const compiledBefore = new Map<string, ValidateFunction>();
const maxCompiledBefore = 1000;

function rememberCompiled(key: string, validate: ValidateFunction): void {
  if (compiledBefore.size >= maxCompiledBefore) compiledBefore.clear();
  compiledBefore.set(key, validate);
}

/**
 * The key of a file's validator: a hash of the schemas it reaches through its references, by `$id`. None (compile it)
 * when a reference leads to no file given to ajv, or a file declares an `$id` below its root, which changes what its
 * references resolve against.
 */
function compiledKey(file: SchemaFile, added: ReadonlyMap<string, SchemaFile>): string | undefined {
  const reached = new Map<string, SchemaFile>();
  const visit = (current: SchemaFile): boolean => {
    if (reached.has(current.id!)) return true;
    reached.set(current.id!, current);
    if (subschemas(current.schema).some(({ schema, pointer }) => pointer.length > 0 && '$id' in schema)) return false;
    for (const id of current.refersTo) {
      const target = added.get(id);
      if (!target || !visit(target)) return false;
    }
    return true;
  };
  if (!visit(file)) return undefined;
  const hash = createHash('sha256').update(file.id!);
  for (const id of [...reached.keys()].sort()) hash.update(`\u0000${id}\u0000${JSON.stringify(reached.get(id)!.schema)}`);
  return hash.digest('hex');
}

/** One `*.schema.json`, read, with what it refers to and whether ajv can be given it. */
interface SchemaFile {
  source: Source;
  schema: Json;
  /** The `$id`, resolved (a relative one against a made-up base), without a fragment. */
  id: string | undefined;
  /** The ids of the files its `$ref`s point into. */
  refersTo: Set<string>;
  /** False when ajv cannot be given it: no `$id`, not a JSON Schema, or a keyword ajv does not know. */
  usable: boolean;
}

const baseUrl = 'https://schema.invalid/';
function resolveId(ref: string, base: string): string | undefined {
  try {
    const url = new URL(ref, new URL(base, baseUrl));
    url.hash = '';
    return url.href.startsWith(baseUrl) ? url.href.slice(baseUrl.length) : url.href;
  } catch {
    return undefined;
  }
}

/**
 * Checks a schema file before ajv compiles it: its `x-` keywords against our meta-schema (each where it belongs:
 * a kind's at the root, a field's below it), every keyword against those ajv knows, and the file against the JSON
 * Schema meta-schema.
 */
function checkSchemaFile(file: SchemaFile, ajv: Ajv2020, problems: SchemaProblem[]): void {
  const { source, schema } = file;
  const { file: validateFile, property: validateProperty } = validators();
  if (!validateFile(schema)) problems.push(...ajvProblems(source, validateFile.errors ?? [], [], expectations('file')));
  const known = ajv.RULES.keywords;
  const isKind = typeof schema['x-kind'] === 'string';
  for (const { schema: sub, pointer } of subschemas(schema)) {
    const atRoot = pointer.length === 0;
    const hasOwn = Object.keys(sub).some((key) => key.startsWith('x-'));
    if (!atRoot && hasOwn && !validateProperty(sub)) problems.push(...ajvProblems(source, validateProperty.errors ?? [], pointer, expectations('file')));
    for (const [key, value] of Object.entries(sub)) {
      if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && file.id) {
        const target = resolveId(value, file.id);
        if (target && target !== file.id) file.refersTo.add(target);
        if (target === undefined) {
          problems.push(source.problem('schema-ref', t('schema.ref.invalid', { keyword: key, ref: value }), [...pointer, key]));
          file.usable = false;
        }
      }
      if (!known[key]) {
        problems.push(source.problem('schema-invalid', t('schema.keyword.unknown', { key }), [...pointer, key], 'key', didYouMean(key, Object.keys(known))));
        file.usable = false;
      } else if (key.startsWith('x-') && atRoot && !kindKeywords.has(key)) {
        problems.push(source.problem('schema-invalid', t('schema.keyword.root', { key, keywords: [...kindKeywords].join(', ') }), [key], 'key'));
      } else if (key.startsWith('x-') && atRoot && !isKind && key !== 'x-kind') {
        problems.push(source.problem('schema-invalid', t('schema.keyword.not-kind', { key }), [key], 'key', t('schema.keyword.not-kind.hint')));
      } else if (key.startsWith('x-') && !atRoot && !propertyKeywords.has(key)) {
        problems.push(source.problem('schema-invalid', t('schema.keyword.below-root', { key, keywords: [...propertyKeywords].join(', ') }), [...pointer, key], 'key'));
      }
    }
  }
  if (schema['$schema'] !== undefined && schema['$schema'] !== jsonSchemaDialect) {
    file.usable = false; // reported by our meta-schema; ajv knows no other dialect
    return;
  }
  if (!ajv.validateSchema(schema)) {
    problems.push(...ajvProblems(source, ajv.errors ?? [], []));
    file.usable = false;
  }
}

/** Where a problem ajv found while compiling a file lies: the file and pointer its message names, else a search. */
function compileProblem(error: Error, compiling: SchemaFile, files: readonly SchemaFile[], formats: readonly string[]): SchemaProblem {
  const byId = (id: string) => files.find((f) => f.id === id);
  const related = [compiling, ...files.filter((f) => f !== compiling && compiling.refersTo.has(f.id ?? ''))];
  const find = (test: (schema: Json) => boolean, key: string): { file: SchemaFile; pointer: Pointer } | undefined => {
    for (const file of related) {
      const hit = subschemas(file.schema).find(({ schema }) => test(schema));
      if (hit) return { file, pointer: [...hit.pointer, key] };
    }
    return undefined;
  };
  const missing = /^can't resolve reference (.+) from id (.+)$/.exec(error.message);
  if (missing) {
    const [, ref = '', from = ''] = missing;
    const owner = byId(resolveId(from, '') ?? from) ?? compiling;
    const hit = subschemas(owner.schema).find(({ schema }) => schema['$ref'] === ref || schema['$dynamicRef'] === ref);
    const [target = '', fragment = ''] = ref.split('#');
    const targetFile = target ? files.find((f) => f.id !== undefined && f.id === resolveId(target, owner.id ?? '')) : owner;
    const definitions = isObject(targetFile?.schema['$defs']) ? Object.keys(targetFile.schema['$defs']).map((name) => `/$defs/${name}`) : [];
    const guess = targetFile ? closest(fragment, definitions) : undefined;
    const hint = !targetFile ? t('schema.ref.no-file.hint', { id: String(resolveId(target, owner.id ?? '')) }) : guess ? t('hint.did-you-mean', { word: `${target}#${guess}` }) : undefined;
    return owner.source.problem(
      'schema-ref',
      t('schema.ref', { ref, id: String(owner.id) }),
      hit ? [...hit.pointer, '$ref'] : [],
      'value',
      hint,
    );
  }
  const body = error.message.replace(/^strict mode: /, '');
  const where = / at (?:path )?"([^"]*)"/.exec(body)?.[1];
  const text = body.replace(/ (?:ignored in schema )?at (?:path )?"[^"]*".*$/, '').replace(/ \(strict\w+\)$/, '');
  let place: { file: SchemaFile; pointer: Pointer } | undefined;
  if (where?.includes('#')) {
    const [before = '', after = ''] = [where.slice(0, where.indexOf('#')), where.slice(where.indexOf('#') + 1)];
    const owner = files.filter((f) => f.id && before.endsWith(f.id)).sort((a, b) => b.id!.length - a.id!.length)[0] ?? compiling;
    const pointer = pathOf(after);
    if (after.startsWith('/') && isObject(valueAt(owner.schema, pointer))) place = { file: owner, pointer };
  }
  const typeMissing = /^missing type "([^"]+)" for keyword "([^"]+)"$/.exec(text);
  if (typeMissing) {
    const [, type = '', keyword = ''] = typeMissing;
    const lacksType = (schema: Json) => keyword in schema && !(Array.isArray(schema['type']) ? schema['type'] : [schema['type']]).includes(type);
    place = place && lacksType(valueAt(place.file.schema, place.pointer) as Json) ? { ...place, pointer: [...place.pointer, keyword] } : find(lacksType, keyword);
    return (place?.file ?? compiling).source.problem('schema-invalid', t('schema.strict-type', { keyword, type }), place?.pointer ?? [], 'key');
  }
  const regex = /^Invalid regular expression: \/(.*)\/[a-z]*: (.*)$/s.exec(body);
  if (regex) {
    const [, pattern = '', detail = ''] = regex;
    const at = find((schema) => schema['pattern'] === pattern, 'pattern');
    if (at) return at.file.source.problem('schema-invalid', t('schema.regex', { pattern, detail }), at.pointer);
  }
  const tuple = /^"prefixItems" is (\d+)-tuple, but minItems or maxItems\/items are not specified or different/.exec(text)?.[1];
  if (tuple !== undefined && place && Array.isArray(valueAt(place.file.schema, [...place.pointer, 'prefixItems']))) {
    return place.file.source.problem('schema-invalid', t('schema.strict-tuple', { n: tuple }), [...place.pointer, 'prefixItems'], 'key');
  }
  if (text === '"if" without "then" and "else" is ignored') {
    const at = find((schema) => 'if' in schema && !('then' in schema) && !('else' in schema), 'if');
    if (at) return at.file.source.problem('schema-invalid', t('schema.strict-if'), at.pointer, 'key');
  }
  const format = /^unknown format "([^"]+)" ignored in schema/.exec(body)?.[1];
  if (format !== undefined && place && valueAt(place.file.schema, [...place.pointer, 'format']) === format) {
    return place.file.source.problem('schema-invalid', t('schema.format', { format, formats: formats.join(', ') }), [...place.pointer, 'format'], 'value', didYouMean(format, formats));
  }
  const keyword = /"([^"]+)"/.exec(text)?.[1];
  if (keyword && (!place || !(keyword in (valueAt(place.file.schema, place.pointer) as Json)))) place = find((schema) => keyword in schema, keyword) ?? place;
  else if (keyword && place) place = { ...place, pointer: [...place.pointer, keyword] };
  const context = /^type "([^"]+)" not allowed by context "([^"]+)"$/.exec(text);
  const message = context
    ? t('schema.strict-context', { type: context[1]!, context: context[2]! })
    : t(error.message.startsWith('strict mode: ') ? 'schema.ajv.strict' : 'schema.ajv', { detail: text });
  return (place?.file ?? compiling).source.problem('schema-invalid', message, place?.pointer ?? [], place && keyword ? 'key' : 'value');
}

/** Kinds that can never sit under a root kind: their `x-parent-kinds` go round a loop. Each is reported at the loop. */
function kindCycles(parents: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const reaches = new Set([...parents].filter(([, list]) => list.length === 0).map(([kind]) => kind));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [kind, list] of parents) {
      if (!reaches.has(kind) && list.some((parent) => reaches.has(parent))) {
        reaches.add(kind);
        grew = true;
      }
    }
  }
  const loops = new Map<string, string[]>();
  for (const kind of parents.keys()) {
    if (reaches.has(kind)) continue;
    // The shortest way back to the kind itself through kinds that do not reach a root, if there is one.
    const queue: string[][] = [[kind]];
    const seen = new Set([kind]);
    while (queue.length > 0 && !loops.has(kind)) {
      const path = queue.shift()!;
      for (const parent of parents.get(path.at(-1)!) ?? []) {
        if (parent === kind) loops.set(kind, [...path, kind]);
        else if (parents.has(parent) && !reaches.has(parent) && !seen.has(parent)) {
          seen.add(parent);
          queue.push([...path, parent]);
        }
      }
    }
  }
  return loops;
}

/**
 * Reads schema/: project.json and every `*.schema.json` that declares `x-kind`.
 * The kinds, their hierarchy and their links come only from here. Every problem in it is found in one reading and
 * thrown together as a SchemaError, each located in its file; nothing else is thrown.
 */
export function loadSchemaSet(root: string, options: { cwd?: string } = {}): SchemaSet {
  const cwd = options.cwd ?? process.cwd();
  const display = (path: string) => relative(cwd, resolve(path)).split(sep).join('/') || '.';
  const problems: SchemaProblem[] = [];
  const fail = (): never => {
    const order = (p: SchemaProblem) => [p.path, String(p.line ?? 0).padStart(9, '0'), String(p.column ?? 0).padStart(9, '0')].join('\0');
    const unique = [...new Map(problems.map((p) => [formatSchemaProblem(p), p])).values()];
    throw new SchemaError(unique.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)));
  };
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    problems.push({ path: display(root), ruleId: 'schema-unreadable', message: t('schema.no-folder', { path: display(root) }) });
    return fail();
  }
  const project = readProject(root, display, problems);

  const ajv = newAjv();

  const paths = [...walk(root)].filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json')).map((entry) => join(entry.parentPath, entry.name)).sort();
  const files: SchemaFile[] = [];
  const unreadKinds = new Set<string>();
  for (const path of paths) {
    const source = readSource(path, display(path), problems, unreadKinds);
    if (!source) continue;
    if (!isObject(source.value)) {
      problems.push(source.problem('schema-syntax', t('schema.not-object', { found: found(source.value) })));
      continue;
    }
    const schema = source.value;
    const file: SchemaFile = { source, schema, id: typeof schema['$id'] === 'string' && schema['$id'] ? resolveId(schema['$id'], '') : undefined, refersTo: new Set(), usable: true };
    if (!file.id) file.usable = false;
    try {
      checkSchemaFile(file, schemaChecker(), problems);
    } catch (error) {
      problems.push(source.problem('schema-invalid', t('schema.cannot-check', { detail: (error as Error).message })));
      file.usable = false;
    }
    files.push(file);
  }

  // ajv is given each usable file once; a second file with the same $id is refused at its $id.
  const added = new Map<string, SchemaFile>();
  for (const file of files) {
    if (!file.usable || !file.id) continue;
    const first = added.get(file.id);
    if (first) {
      problems.push(file.source.problem('schema-duplicate', t('schema.duplicate-id', { id: String(file.schema['$id']), first: first.source.display }), ['$id']));
      file.usable = false;
      continue;
    }
    try {
      ajv.addSchema(file.schema, undefined, undefined, false);
      added.set(file.id, file);
    } catch (error) {
      problems.push(file.source.problem('schema-invalid', t('schema.ajv', { detail: (error as Error).message }), ['$id']));
      file.usable = false;
    }
  }
  // A file that refers to one ajv cannot have is not compiled: that file's problem is already reported.
  const blocked = (file: SchemaFile, seen = new Set<SchemaFile>()): boolean => {
    if (seen.has(file)) return false;
    seen.add(file);
    return [...file.refersTo].some((id) => {
      const target = files.find((f) => f.id === id);
      return target !== undefined && (!target.usable || blocked(target, seen));
    });
  };
  const compiled = new Map<SchemaFile, ValidateFunction>();
  for (const file of added.values()) {
    if (blocked(file)) continue;
    const key = compiledKey(file, added);
    const known = key === undefined ? undefined : compiledBefore.get(key);
    if (known) {
      compiled.set(file, known);
      continue;
    }
    try {
      const validate = ajv.getSchema(file.id!);
      if (validate) {
        compiled.set(file, validate);
        if (key !== undefined) rememberCompiled(key, validate);
      }
    } catch (error) {
      // An x- keyword of a type ajv's declaration of it refuses (null): our meta-schema has said so, at the value.
      if (/^x-[\w-]+ value must be /.test((error as Error).message) && problems.some((p) => p.path === file.source.display)) continue;
      try {
        problems.push(compileProblem(error as Error, file, files, Object.keys(ajv.formats)));
      } catch {
        problems.push(file.source.problem('schema-invalid', t('schema.ajv', { detail: (error as Error).message })));
      }
    }
  }

  const resolveRef = (ref: string): Json | undefined => {
    const [file, pointer = ''] = ref.split('#');
    const target = files.find(({ id }) => file && id?.endsWith(file.replace(/^(\.\.\/)+/, '')))?.schema;
    const node = target ? valueAt(target, pathOf(pointer)) : undefined;
    return isObject(node) ? node : undefined;
  };

  // Kinds: the names every file declares, so that one broken file does not make the others' references unknown.
  const declaring = files.filter((f) => typeof f.schema['x-kind'] === 'string');
  const kindFiles = new Map<string, SchemaFile>();
  for (const file of declaring) {
    const kind = file.schema['x-kind'] as string;
    const first = kindFiles.get(kind);
    if (first) problems.push(file.source.problem('schema-duplicate', t('schema.duplicate-kind', { kind, first: first.source.display }), ['x-kind']));
    else kindFiles.set(kind, file);
  }
  const kindNames = [...kindFiles.keys()].sort();
  const unknownKind = (file: SchemaFile, name: string, keyword: string, pointer: Pointer) => {
    if (unreadKinds.has(name)) return; // declared in a file that could not be parsed, which is reported
    problems.push(file.source.problem('schema-unknown-kind', t('schema.unknown-kind', { name, keyword, kinds: kindNames.join(', ') }), pointer, 'value', didYouMean(name, kindNames)));
  };
  for (const file of files) {
    for (const { schema, pointer } of subschemas(file.schema)) {
      for (const [name, index] of stringItems(schema['x-link-kinds'])) if (!kindFiles.has(name)) unknownKind(file, name, 'x-link-kinds', [...pointer, 'x-link-kinds', index]);
      const enumValues = Array.isArray(schema['enum']) ? schema['enum'] : typeof schema['$ref'] === 'string' ? resolveRef(schema['$ref'])?.['enum'] : undefined;
      if (!Array.isArray(enumValues)) continue;
      const allowed = enumValues.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
      for (const keyword of ['x-enum-labels', 'x-enum-urls']) {
        for (const value of isObject(schema[keyword]) ? Object.keys(schema[keyword]) : []) {
          if (!allowed.includes(value)) problems.push(file.source.problem('schema-unknown-value', t('schema.unknown-value', { value, keyword, values: allowed.join(', ') }), [...pointer, keyword, value], 'key'));
        }
      }
      for (const [value, index] of stringItems(schema['x-watermark'])) {
        if (!allowed.includes(value)) problems.push(file.source.problem('schema-unknown-value', t('schema.unknown-value', { value, keyword: 'x-watermark', values: allowed.join(', ') }), [...pointer, 'x-watermark', index]));
      }
    }
  }
  const parents = new Map<string, string[]>();
  for (const [kind, file] of kindFiles) {
    for (const keyword of ['x-parent-kinds', 'x-expect-children']) {
      for (const [name, index] of stringItems(file.schema[keyword])) if (!kindFiles.has(name)) unknownKind(file, name, keyword, [keyword, index]);
    }
    parents.set(kind, stringList(file.schema['x-parent-kinds']).filter((name) => kindFiles.has(name)));
  }
  for (const [kind, loop] of kindCycles(parents)) {
    const file = kindFiles.get(kind)!;
    const index = stringList(file.schema['x-parent-kinds']).indexOf(loop[1]!);
    problems.push(
      file.source.problem(
        'schema-kind-cycle',
        t('schema.kind-cycle', { loop: loop.join(' → '), kind }),
        ['x-parent-kinds', index],
        'value',
        t('schema.kind-cycle.hint'),
      ),
    );
  }

  const kinds = new Map<string, KindDefinition>();
  for (const [kind, file] of kindFiles) {
    const { schema } = file;
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const linkFields = new Map<string, { kinds: string[]; label: Record<string, string> | undefined }>();
    const translatableFields = new Set<string>();
    for (const [field, property] of Object.entries(properties)) {
      const flags = propertyFlags(property, resolveRef);
      if (flags['x-translatable'] === true) translatableFields.add(field);
      if (field !== 'parent' && Array.isArray(flags['x-link-kinds'])) {
        const label = flags['x-label'] ? stringRecord(flags['x-label']) : undefined;
        linkFields.set(field, { kinds: stringList(flags['x-link-kinds']), label });
      }
    }
    const fieldNames = (keyword: string, allowed: readonly string[], what: 'link' | 'column') => {
      for (const [name, index] of stringItems(schema[keyword])) {
        const fields = allowed.join(', ') || t('schema.unknown-field.none');
        if (!allowed.includes(name)) problems.push(file.source.problem('schema-unknown-field', t(`schema.unknown-field.${what}`, { name, keyword, kind, fields }), [keyword, index]));
      }
    };
    fieldNames('x-council-links', [...linkFields.keys()], 'link');
    fieldNames('x-matrix', [...linkFields.keys()], 'link');
    fieldNames('x-council-columns', [...Object.keys(properties), 'children'], 'column');
    const validate = compiled.get(file);
    if (!validate) continue;
    kinds.set(kind, {
      kind,
      schemaPath: relative(root, file.source.path).split('\\').join('/'),
      schema,
      label: stringRecord(schema['x-label']),
      plural: stringRecord(schema['x-plural'] ?? schema['x-label']),
      parentKinds: stringList(schema['x-parent-kinds']),
      linkFields,
      translatableFields,
      expectInboundLinks: schema['x-expect-inbound-links'] === true,
      expectChildren: stringList(schema['x-expect-children']),
      flags: Object.fromEntries(Object.entries(schema).filter(([key]) => key.startsWith('x-'))),
      validate,
    });
  }
  if (declaring.length === 0 && files.length === paths.length) {
    problems.push({ path: display(root), ruleId: 'schema-invalid', message: t('schema.no-kind') });
  }
  if (problems.length > 0 || !project) return fail();
  const glossaryFile = files.find((file) => declaresGlossary(file.schema, resolveRef));
  const glossaryValidate = glossaryFile ? compiled.get(glossaryFile) : undefined;
  return {
    root,
    project: { ...project, glossaryFields: glossaryFieldsOf(files.map((file) => file.schema), project.languages, resolveRef) },
    kinds,
    ...(glossaryFile && glossaryValidate ? { glossary: { path: relative(root, glossaryFile.source.path).split('\\').join('/'), validate: glossaryValidate } } : {}),
  };
}

/** The schema of the glossary: a list whose items' properties declare `x-glossary`. */
function declaresGlossary(schema: Json, resolve: (ref: string) => Json | undefined): boolean {
  const items = schema['items'];
  const properties = isObject(items) && isObject(items['properties']) ? items['properties'] : undefined;
  return properties !== undefined && Object.values(properties).some((property) => typeof propertyFlags(property, resolve)['x-glossary'] === 'string');
}

/**
 * Which field of a glossary entry holds what: the `x-glossary` keywords of the schema whose items declare them
 * (schema/glossary.schema.json), a `terms` field named by its language; where no schema declares them, the field
 * named by each language, `id`, `definition`, `source` and `note`.
 */
function glossaryFieldsOf(schemas: readonly Json[], languages: readonly string[], resolve: (ref: string) => Json | undefined): GlossaryFields {
  const fields: GlossaryFields = { id: 'id', terms: Object.fromEntries(languages.map((lang) => [lang, lang])), definition: 'definition', source: 'source', note: 'note' };
  for (const schema of schemas) {
    const items = schema['items'];
    const properties = isObject(items) && isObject(items['properties']) ? items['properties'] : undefined;
    if (!properties) continue;
    const roles = Object.entries(properties).flatMap(([name, property]) => {
      const role = propertyFlags(property, resolve)['x-glossary'];
      return typeof role === 'string' ? [[name, role] as const] : [];
    });
    if (roles.length === 0) continue;
    const terms: Record<string, string> = {};
    for (const [name, role] of roles) {
      if (role === 'terms') terms[name] = name;
      else if (role === 'id' || role === 'definition' || role === 'source' || role === 'note') fields[role] = name;
    }
    return { ...fields, terms };
  }
  return fields;
}
