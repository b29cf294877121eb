import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { KindDefinition, ProjectConfig, SchemaSet } from '../model/types.ts';
import { walk } from './discover.ts';

/** Keywords our schemas add to JSON Schema. Declared to ajv so strict mode still catches typos. */
const ownKeywords = [
  'x-kind',
  'x-label',
  'x-plural',
  'x-parent-kinds',
  'x-link-kinds',
  'x-translatable',
  'x-expect-inbound-links',
  'x-expect-children',
  'x-council-table',
  'x-body',
  'x-numbered',
  'x-measure',
  'x-enum-urls',
  'x-role',
  'x-enum-labels',
  'x-show',
  'x-watermark',
  'x-heading',
  'x-council-columns',
  'x-council-links',
  'x-matrix',
];

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new SchemaError(`Cannot read schema ${path}: ${(error as Error).message}`);
  }
}

export class SchemaError extends Error {
  override name = 'SchemaError';
}

function walkJsonFiles(dir: string): string[] {
  return [...walk(dir)]
    .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Resolves `$ref`s far enough to read our `x-*` keywords on a property. */
function propertyFlags(property: unknown, resolve: (ref: string) => Record<string, unknown> | undefined): Record<string, unknown> {
  if (!property || typeof property !== 'object') return {};
  const own = property as Record<string, unknown>;
  const ref = typeof own['$ref'] === 'string' ? resolve(own['$ref']) : undefined;
  return { ...(ref ?? {}), ...own };
}

/**
 * Reads schema/: project.json and every `*.schema.json` that declares `x-kind`.
 * The kinds, their hierarchy and their links come only from here.
 */
export function loadSchemaSet(root: string): SchemaSet {
  const projectRaw = readJson(join(root, 'project.json'));
  const project: ProjectConfig = {
    languages: stringList(projectRaw['languages']),
    primaryLanguage: String(projectRaw['primaryLanguage'] ?? stringList(projectRaw['languages'])[0] ?? ''),
    languageNames: stringRecord(projectRaw['languageNames']),
    labels: Object.fromEntries(
      Object.entries((projectRaw['labels'] as Record<string, unknown>) ?? {}).map(([k, v]) => [k, stringRecord(v)]),
    ),
    glossary: typeof projectRaw['glossary'] === 'string' ? projectRaw['glossary'] : undefined,
    properNames: stringList(projectRaw['properNames']),
    notes: stringList(projectRaw['notes']),
  };
  if (project.languages.length === 0) throw new SchemaError(`${join(root, 'project.json')}: "languages" must list at least one language`);

  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  for (const keyword of ownKeywords) ajv.addKeyword({ keyword, schemaType: ['string', 'boolean', 'array', 'object'] });

  const schemas = walkJsonFiles(root).map((path) => ({ path, schema: readJson(path) }));
  for (const { schema, path } of schemas) {
    try {
      ajv.addSchema(schema);
    } catch (error) {
      throw new SchemaError(`${path}: ${(error as Error).message}`);
    }
  }
  const byId = new Map(schemas.map(({ schema }) => [String(schema['$id']), schema]));
  const resolveRef = (ref: string): Record<string, unknown> | undefined => {
    const [file, pointer = ''] = ref.split('#');
    const target = [...byId.entries()].find(([id]) => file && id.endsWith(file.replace(/^(\.\.\/)+/, '')))?.[1];
    if (!target) return undefined;
    let node: unknown = target;
    for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
    return node as Record<string, unknown> | undefined;
  };

  const kinds = new Map<string, KindDefinition>();
  for (const { path, schema } of schemas) {
    const kind = schema['x-kind'];
    if (typeof kind !== 'string') continue;
    if (kinds.has(kind)) throw new SchemaError(`${path}: kind "${kind}" is already declared by ${kinds.get(kind)!.schemaPath}`);
    const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
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
    const validate = ajv.getSchema(String(schema['$id']));
    if (!validate) throw new SchemaError(`${path}: schema has no usable $id`);
    kinds.set(kind, {
      kind,
      schemaPath: relative(root, path).split('\\').join('/'),
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
  if (kinds.size === 0) throw new SchemaError(`${root}: no schema declares a kind ("x-kind")`);
  for (const definition of kinds.values()) {
    for (const parentKind of definition.parentKinds) {
      if (!kinds.has(parentKind)) throw new SchemaError(`${definition.schemaPath}: x-parent-kinds names unknown kind "${parentKind}"`);
    }
    for (const [field, link] of definition.linkFields) {
      for (const target of link.kinds) {
        if (!kinds.has(target)) throw new SchemaError(`${definition.schemaPath}: ${field} links to unknown kind "${target}"`);
      }
    }
  }
  return { root, project, kinds };
}
