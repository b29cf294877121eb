import type { ErrorObject } from 'ajv';
import { defineRule } from '../rule.ts';
import { didYouMean, oneOf } from '../../util/suggest.ts';
import { pathOf } from '../json-pointer.ts';
import type { YamlPath } from '../../model/types.ts';

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

const isNonFinite = (value: unknown) => typeof value === 'number' && !Number.isFinite(value);

interface Described {
  message: string;
  path: YamlPath;
  at?: 'key' | 'value';
  hint?: string;
}

/** Words an ajv error the way an editor reads it, at the YAML node it is about. */
function describe(error: ErrorObject, kind: string, data: unknown, properties: Record<string, unknown>): Described {
  const path = pathOf(error.instancePath);
  const field = path.length ? `\`${path.join('.')}\`` : 'the front-matter';
  let value: unknown = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: `Unexpected missing \`${String(params['missingProperty'])}\` in ${field}, expected it in a ${kind}`, path };
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = path.length === 0 ? Object.keys(properties) : [];
      const hint = didYouMean(extra, allowed);
      return {
        message: `Unexpected field \`${extra}\` in ${path.length ? field : `a ${kind}`}, expected only the fields its schema declares`,
        path: [...path, extra],
        at: 'key',
        ...(hint ? { hint } : { hint: 'remove the field, or declare it in the schema' }),
      };
    }
    case 'type':
      return { message: `Unexpected ${typeName(value)} in ${field}, expected ${String(params['type']).replace(',', ' or ')}`, path };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return { message: `Unexpected \`${show(value)}\` in ${field}, expected ${oneOf(allowed)}`, path, ...(hint ? { hint } : {}) };
    }
    case 'const':
      return { message: `Unexpected \`${show(value)}\` in ${field}, expected \`${show(params['allowedValue'])}\``, path };
    case 'pattern':
      return {
        message: `Unexpected \`${show(value)}\` in ${field}, expected text matching \`${String(params['pattern'])}\``,
        path,
        ...(path.at(-1) === 'id' || path[0] === 'parent' || path.length === 2
          ? { hint: 'ids use lower-case letters a–z, digits and hyphens, e.g. `goal-older-home-care`' }
          : {}),
      };
    case 'format':
      return {
        message: `Unexpected \`${show(value)}\` in ${field}, expected a ${String(params['format'])}`,
        path,
        ...(params['format'] === 'date' ? { hint: 'write dates as YYYY-MM-DD, e.g. 2025-06-16' } : {}),
      };
    case 'uniqueItems':
      return { message: `Unexpected repeated item in ${field}, expected each item once`, path: [...path, Number(params['i'])] };
    default:
      return { message: `Unexpected \`${show(value)}\` in ${field}, expected a value that ${error.message ?? 'fits the schema'}`, path };
  }
}

export default defineRule({
  id: 'front-matter-schema',
  summary: "Front-matter fits its kind's JSON Schema in schema/kinds/.",
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const kind = file.data?.['kind'];
      if (typeof kind !== 'string') continue;
      const definition = graph.schema.kinds.get(kind);
      if (!definition) continue;
      if (definition.validate(file.data)) continue;
      const properties = (definition.schema['properties'] ?? {}) as Record<string, unknown>;
      for (const error of definition.validate.errors ?? []) {
        if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
        // A number that is not finite (`.inf`, `.nan`, `1e309`) fits no type; number-range says so in those words.
        if (isNonFinite(valueAt(file.data, pathOf(error.instancePath)))) continue;
        const { message, path, at, hint } = describe(error, kind, file.data, properties);
        report({ file, message, path, ...(at ? { at } : {}), ...(hint ? { hint } : {}) });
      }
    }
  },
});
