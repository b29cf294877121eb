/**
 * Generates the editor-side configuration from schema/, so that it never disagrees with `check`:
 *
 * - cms/config.yml: a Sveltia CMS / Decap CMS configuration, one collection per kind, with both languages
 *   edited side by side (i18n `multiple_files`: `x.sv.md` beside `x.fi.md`).
 * - .vscode/front-matter.schema.json: one self-contained JSON Schema (draft-07, no `$ref` to other files) that
 *   picks the kind's rules by the front-matter's `kind`, for editors' YAML support.
 *
 *   node src/cms/generate.ts            write both files
 *   node src/cms/generate.ts --check    exit 1 when a committed file is not what the generator writes
 *   node src/cms/generate.ts --help     the options; a bad option, or a schema/ with problems, exits 2
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Document } from 'yaml';
import { loadSchemaSet, SchemaError } from '../load/schema.ts';
import type { KindDefinition, SchemaSet } from '../model/types.ts';
import { isYear, kindProperties, schemaTypes, type JsonSchema, type PropertyInfo } from '../edit/schema-props.ts';
import { count, isLang, langFromEnv, languages, t, withLang, type MessageKey } from '../messages/index.ts';
import { describeNodeError, takeLang } from '../cli.ts';

export interface GenerateOptions {
  /** The strategy folder, relative to the repository root. */
  strategyFolder?: string;
}

type Field = Record<string, unknown>;

/** Kinds from the top of the hierarchy down, then by name: the order editors meet them in. */
export function kindsInOrder(schema: SchemaSet): KindDefinition[] {
  const depth = new Map<string, number>();
  const depthOf = (kind: string, seen = new Set<string>()): number => {
    const known = depth.get(kind);
    if (known !== undefined) return known;
    const definition = schema.kinds.get(kind);
    if (!definition || definition.parentKinds.length === 0 || seen.has(kind)) return 0;
    seen.add(kind);
    const value = 1 + Math.min(...definition.parentKinds.map((parent) => depthOf(parent, seen)));
    depth.set(kind, value);
    return value;
  };
  return [...schema.kinds.values()].sort((a, b) => depthOf(a.kind) - depthOf(b.kind) || (a.kind < b.kind ? -1 : 1));
}

function bilingual(labels: Record<string, string>, languages: readonly string[], fallback: string): string {
  const values = [...new Set(languages.map((lang) => labels[lang]).filter((v): v is string => Boolean(v)))];
  return values.length > 0 ? values.join(' / ') : fallback;
}

/** A word of the CMS's own (a folder, the text), in each project language: from the catalogues of the messages. */
function ownLabel(key: MessageKey, languages: readonly string[]): string {
  return [...new Set(languages.map((lang) => t(key, {}, isLang(lang) ? lang : 'en')))].join(' / ');
}

function label(schema: JsonSchema, name: string, languages: readonly string[]): string {
  const labels = schema['x-label'];
  return labels && typeof labels === 'object' ? bilingual(labels as Record<string, string>, languages, name) : name;
}

/** The hint under a field: the schema's `x-hint` in every project language. */
function hintOf(schema: JsonSchema, languages: readonly string[]): string | undefined {
  const hints = schema['x-hint'];
  return hints && typeof hints === 'object' ? bilingual(hints as Record<string, string>, languages, '') || undefined : undefined;
}

/** The collection that lists every item, hidden from the editors: the target of links that take several kinds. */
const anyItem = 'any-item';

/** A link field: a relation to its kind's collection, or to every item filtered by kind when it takes several kinds. */
function relation(kinds: readonly string[], multiple: boolean): Field {
  return {
    widget: 'relation',
    collection: kinds.length === 1 ? kinds[0] : anyItem,
    value_field: 'id',
    search_fields: ['title', 'id'],
    display_fields: ['title', 'id'],
    ...(kinds.length > 1 ? { filters: [{ field: 'kind', values: [...kinds] }] } : {}),
    ...(multiple ? { multiple: true } : {}),
  };
}

/**
 * How a field is translated (Decap CMS's `i18n`, as Sveltia CMS reads it too): translatable fields per language;
 * language-neutral ones duplicated from the primary language. Decap duplicates only fields that are not lists or
 * objects; an object is translated with its fields duplicated, a list is edited on the primary side and copied to
 * the others by the workflow on CMS branches (`src/ci/cms-branch.ts`).
 */
function i18nOf(translatable: boolean, base: Field): boolean | 'duplicate' {
  if (translatable) return true;
  return base['widget'] === 'object' || base['widget'] === 'list' ? true : 'duplicate';
}

/** The widget for a property, from its JSON Schema: the same mapping for top-level and nested fields. */
function widget(schema: JsonSchema, linkKinds: readonly string[], name: string, languages: readonly string[]): Field {
  const types = schemaTypes(schema);
  if ('const' in schema) return { widget: 'hidden', default: schema['const'] };
  if (Array.isArray(schema['enum'])) return { widget: 'select', options: schema['enum'] };
  if (linkKinds.length > 0) return relation(linkKinds, types.includes('array'));
  if (types.includes('object')) {
    const properties = Object.entries((schema['properties'] ?? {}) as Record<string, JsonSchema>);
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    return { widget: 'object', fields: properties.map(([key, value]) => field({ name: key, schema: value, required: required.has(key), translatable: false, linkKinds: [] }, languages, 'nested')) };
  }
  if (types.includes('array')) {
    const items = (schema['items'] ?? {}) as JsonSchema;
    if (schemaTypes(items).includes('object')) {
      const nested = widget(items, [], name, languages) as { fields: Field[] };
      return { widget: 'list', fields: nested.fields };
    }
    return { widget: 'list', field: { name: 'item', label: label(schema, name, languages), ...widget(items, [], name, languages) } };
  }
  if (isYear(schema) || types.includes('integer')) {
    return { widget: 'number', value_type: 'int', ...(typeof schema['minimum'] === 'number' ? { min: schema['minimum'] } : {}), ...(typeof schema['maximum'] === 'number' ? { max: schema['maximum'] } : {}) };
  }
  // [number, boolean] (a target of a yes-no measure): the CMS has no widget for both; numbers here, true/false in the file.
  if (types.includes('number')) return { widget: 'number', value_type: 'float' };
  if (types.includes('boolean')) return { widget: 'boolean' };
  if (schema['format'] === 'date') return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
  const long = typeof schema['maxLength'] === 'number' && schema['maxLength'] > 300;
  return {
    widget: long ? 'text' : 'string',
    ...(typeof schema['pattern'] === 'string' ? { pattern: [schema['pattern'], ownLabel('cms.pattern', languages).replaceAll('{pattern}', String(schema['pattern']))] } : {}),
  };
}

/** A widget whose nested fields are all optional, as they are while the object itself is absent. */
function optional(base: Field): Field {
  if (!Array.isArray(base['fields'])) return base;
  return { ...base, fields: (base['fields'] as Field[]).map((inner) => ({ ...optional(inner), required: false })) };
}

/** One field; at the top of a collection (`top`) it says how it is translated, nested in an object it is duplicated. */
function field(property: PropertyInfo, languages: readonly string[], place: 'top' | 'nested'): Field {
  const { name, schema } = property;
  // The translation stamp is kept as it is in each language's file (it records the other file): hidden, per language.
  const isStamp = name === 'twin-hash';
  const widgetOf = isStamp ? { widget: 'hidden' } : widget(schema, property.linkKinds, name, languages);
  // What an optional object requires, it requires only when it is given: the CMS would insist on it always.
  const base = property.required ? widgetOf : optional(widgetOf);
  const hint = hintOf(schema, languages);
  return {
    name,
    label: label(schema, name, languages),
    ...base,
    ...(property.required ? {} : { required: false }),
    i18n: place === 'nested' ? 'duplicate' : isStamp ? true : i18nOf(property.translatable, base),
    ...(hint && base['widget'] !== 'hidden' ? { hint } : {}),
  };
}

/** A Decap language code the interface is translated into: the primary language where Decap has it. */
export const cmsInterfaceLanguages = ['sv', 'en'] as const;

export function cmsConfig(schema: SchemaSet, options: GenerateOptions = {}): Record<string, unknown> {
  const { languages, primaryLanguage } = schema.project;
  const folder = options.strategyFolder ?? 'strategy';
  const common = {
    folder,
    extension: 'md',
    format: 'frontmatter',
    // Every item where the strategy keeps it: the editor opens the folders as a tree, and a new item is saved in
    // the folder chosen in `path` (the folder of the item it sits under, or one inside it).
    nested: { depth: 12, summary: '{{title}}' },
    meta: { path: { widget: 'string', label: ownLabel('cms.folder', languages) } },
    // An item's images are saved in `images/` beside it and linked by a path relative to the item, which check accepts
    // (unsafe-link: inside strategy/, relative).
    media_folder: 'images',
    public_folder: 'images',
    identifier_field: 'id',
    summary: '{{title}}',
    sortable_fields: ['order', 'title'],
    i18n: true,
  };
  const body = { name: 'body', label: bilingual(schema.project.labels['text'] ?? {}, languages, ownLabel('cms.text', languages)), widget: 'markdown', required: false, i18n: true };
  return {
    backend: { name: 'github', repo: 'OWNER/REPOSITORY', branch: 'main' },
    publish_mode: 'editorial_workflow',
    locale: (cmsInterfaceLanguages as readonly string[]).includes(primaryLanguage) ? primaryLanguage : 'en',
    // The media library's own folder; each collection saves an item's images beside it instead (media_folder '').
    media_folder: `${folder}/images`,
    public_folder: 'images',
    i18n: { structure: 'multiple_files', locales: [...languages], default_locale: primaryLanguage },
    collections: [
      ...kindsInOrder(schema).map((kind) => ({
        name: kind.kind,
        label: bilingual(kind.plural, languages, kind.kind),
        label_singular: bilingual(kind.label, languages, kind.kind),
        ...common,
        filter: { field: 'kind', value: kind.kind },
        // The root kind (the document) is one item, never a second.
        create: kind.parentKinds.length > 0,
        fields: [...kindProperties(schema, kind).map((property) => field(property, languages, 'top')), body],
      })),
      {
        name: anyItem,
        label: ownLabel('cms.any-item', languages),
        ...common,
        hide: true,
        create: false,
        fields: [
          { name: 'id', label: 'id', widget: 'string', i18n: 'duplicate' },
          { name: 'kind', label: 'kind', widget: 'string', i18n: 'duplicate' },
          { name: 'title', label: 'title', widget: 'string', i18n: true },
        ],
      },
    ],
  };
}

const header = `Generated by \`node src/cms/generate.ts\` from schema/: edit schema/ and run it again, never this file.
For Decap CMS 3 (and Sveltia CMS): one collection per kind, both languages side by side, the folders as a tree.
Set backend.repo to the strategy's repository before use. See cms/README.md.`;

export function renderCmsConfig(schema: SchemaSet, options: GenerateOptions = {}): string {
  const doc = new Document(cmsConfig(schema, options));
  doc.commentBefore = header
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  return doc.toString({ lineWidth: 0 });
}

function withoutExtensions(schema: JsonSchema): JsonSchema {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('x-') && key !== '$ref' && key !== '$id' && key !== '$schema')
        .map(([key, inner]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k, clean(v)])) : clean(inner)]),
    );
  };
  return clean(schema) as JsonSchema;
}

/** One JSON Schema for any front-matter, self-contained, choosing the kind's rules by `kind`. */
export function frontMatterSchema(schema: SchemaSet): JsonSchema {
  const kinds = kindsInOrder(schema);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Strategy front-matter',
    description: 'Generated by `node src/cms/generate.ts` from schema/ (the source of truth): each kind\'s rules, selected by `kind`.',
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: kinds.map((k) => k.kind), description: 'The kind of item; it decides the other fields.' } },
    allOf: kinds.map((kind) => {
      const properties = Object.fromEntries(kindProperties(schema, kind).map((p) => [p.name, withoutExtensions(p.schema)]));
      const descriptions = Object.fromEntries(
        Object.entries(properties).map(([name, value]) => {
          const property = kindProperties(schema, kind).find((p) => p.name === name)!;
          const note = property.translatable ? `In this file's language.` : 'Language-neutral: the same in every language version.';
          return [name, { ...value, description: [value['description'], note].filter(Boolean).join(' ') }];
        }),
      );
      return {
        if: { properties: { kind: { const: kind.kind } }, required: ['kind'] },
        then: {
          title: bilingual(kind.label, schema.project.languages, kind.kind),
          required: kind.schema['required'] ?? [],
          properties: descriptions,
          additionalProperties: kind.schema['additionalProperties'] ?? true,
        },
      };
    }),
  };
}

export function renderFrontMatterSchema(schema: SchemaSet): string {
  return `${JSON.stringify(frontMatterSchema(schema), null, 2)}\n`;
}

export const outputs = { cms: 'cms/config.yml', editorSchema: '.vscode/front-matter.schema.json' } as const;

const usage = () => t('help.generate', { cms: outputs.cms, editorSchema: outputs.editorSchema, languages: languages.join('|') });

/**
 * The generator's command line: 0 written or current, 1 stale (with --check), 2 a bad option or a bad schema/. It
 * speaks the language `--lang` names, else the one of LC_ALL, LC_MESSAGES or LANG, else English.
 */
export function main(argv: string[], io = { out: (text: string) => void process.stdout.write(text), err: (text: string) => void process.stderr.write(text) }): number {
  const { lang, bad, rest } = takeLang(argv);
  return withLang(lang ?? langFromEnv(), () => {
    if (bad !== undefined) {
      io.err(`generate: ${t('cli.bad-lang', { lang: bad, languages: languages.join(', ') })}\n`);
      return 2;
    }
    return generate(rest, io);
  });
}

function generate(args: string[], io: { out: (text: string) => void; err: (text: string) => void }): number {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { schema: { type: 'string', default: 'schema' }, check: { type: 'boolean', default: false }, 'strategy-folder': { type: 'string', default: 'strategy' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    io.err(`generate: ${describeNodeError(error) ?? (error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (values.help) {
    io.out(usage());
    return 0;
  }
  let schema: SchemaSet;
  try {
    schema = loadSchemaSet(resolve(values.schema));
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    io.err(`${error.message}\n${t('cms.generate.schema-problems', { problems: count(error.problems.length, 'cli.problem.one', 'cli.problem.other') })}\n`);
    return 2;
  }
  const files: [string, string][] = [
    [outputs.cms, renderCmsConfig(schema, { strategyFolder: values['strategy-folder'] })],
    [outputs.editorSchema, renderFrontMatterSchema(schema)],
  ];
  let stale = 0;
  for (const [path, text] of files) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (values.check) {
      io.err(`${t('cms.generate.stale', { path })}\n`);
      stale++;
    } else {
      writeFileSync(join(path), text);
      io.out(`${t('cli.wrote', { path })}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
