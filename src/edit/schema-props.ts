/**
 * Reading a kind's properties from schema/, with `$ref`s to other schema files resolved, for tools that write
 * front-matter (the `new` skeleton) or describe it (the CMS configuration). Nothing here knows a kind by name.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KindDefinition, SchemaSet } from '../model/types.ts';

export type JsonSchema = Record<string, unknown>;

const fileCache = new Map<string, JsonSchema>();

function readSchemaFile(path: string): JsonSchema {
  let schema = fileCache.get(path);
  if (!schema) {
    schema = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
    fileCache.set(path, schema);
  }
  return schema;
}

function pointer(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const part of path.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/**
 * A property schema with its `$ref` chain merged in (the property's own keywords win), relative to the file at
 * `file`. Nested `properties` and `items` are resolved too.
 */
export function resolveSchema(node: JsonSchema, file: string, depth = 0): JsonSchema {
  if (depth > 20) return node;
  let merged: JsonSchema = { ...node };
  let base = file;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const [target = '', fragment = ''] = ref.split('#');
    base = target ? join(dirname(file), target) : file;
    const referenced = pointer(readSchemaFile(base), fragment);
    if (referenced) {
      const { $ref: _ignored, ...own } = node;
      merged = { ...resolveSchema(referenced, base, depth + 1), ...own };
    }
  }
  const properties = merged['properties'];
  if (properties && typeof properties === 'object') {
    merged['properties'] = Object.fromEntries(
      Object.entries(properties as Record<string, JsonSchema>).map(([key, value]) => [key, resolveSchema(value, base, depth + 1)]),
    );
  }
  const items = merged['items'];
  if (items && typeof items === 'object' && !Array.isArray(items)) merged['items'] = resolveSchema(items as JsonSchema, base, depth + 1);
  return merged;
}

export interface PropertyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
  translatable: boolean;
  /** For `parent` and link fields: the kinds an id here may point at. */
  linkKinds: readonly string[];
}

/** The kind's properties in the order the schema declares them. */
export function kindProperties(schemaSet: SchemaSet, kind: KindDefinition): PropertyInfo[] {
  const file = join(schemaSet.root, kind.schemaPath);
  const properties = (kind.schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(kind.schema['required']) ? (kind.schema['required'] as string[]) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const schema = resolveSchema(raw, file);
    const linkKinds = Array.isArray(schema['x-link-kinds']) ? (schema['x-link-kinds'] as string[]) : [];
    return { name, schema, required: required.has(name), translatable: kind.translatableFields.has(name), linkKinds };
  });
}

export function schemaTypes(schema: JsonSchema): string[] {
  const type = schema['type'];
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

/** A four-digit integer: a year. */
export function isYear(schema: JsonSchema): boolean {
  return schemaTypes(schema).includes('integer') && Number(schema['minimum']) >= 1000 && Number(schema['maximum']) <= 9999;
}

/** A short description of what a value must look like, for a comment beside an empty field. */
export function describeValue(schema: JsonSchema, linkKinds: readonly string[] = []): string {
  if (Array.isArray(schema['enum'])) return `one of: ${(schema['enum'] as unknown[]).map(String).join(', ')}`;
  if ('const' in schema) return `always ${JSON.stringify(schema['const'])}`;
  const types = schemaTypes(schema);
  if (linkKinds.length > 0 && types.includes('array')) return `a list of ids of ${linkKinds.join(' / ')} items, e.g. [id-1, id-2]`;
  if (linkKinds.length > 0) return `the id of a ${linkKinds.join(' or ')}`;
  if (types.includes('object')) {
    const properties = Object.entries((schema['properties'] ?? {}) as Record<string, JsonSchema>);
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    const shown = properties.filter(([key]) => required.has(key));
    return `{ ${(shown.length > 0 ? shown : properties).map(([key, value]) => `${key}: ${placeholder(value)}`).join(', ')} }`;
  }
  if (types.includes('array')) {
    const items = (schema['items'] ?? {}) as JsonSchema;
    return `a list, e.g. [${placeholder(items)}]`;
  }
  if (isYear(schema)) return 'a year, e.g. 2026';
  if (types.includes('integer')) return 'a whole number';
  if (types.includes('number')) return 'a number';
  if (types.includes('boolean')) return 'true or false';
  if (schema['format'] === 'date') return 'a date, YYYY-MM-DD';
  if (types.includes('string')) return 'text';
  return 'a value';
}

function placeholder(schema: JsonSchema): string {
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map(String).join(' | ');
  const types = schemaTypes(schema);
  if (isYear(schema)) return 'YYYY';
  if (types.includes('object')) return '{ … }';
  if (types.includes('integer') || types.includes('number')) return 'N';
  if (schema['format'] === 'date') return 'YYYY-MM-DD';
  return '…';
}
