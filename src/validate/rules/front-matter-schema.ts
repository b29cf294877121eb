import type { ErrorObject } from 'ajv';
import { defineRule } from '../rule.ts';
import { didYouMean } from '../../util/suggest.ts';
import { oneOf, t, type MessageKey } from '../../messages/index.ts';
import { pathOf } from '../../parse/json-pointer.ts';
import type { YamlPath } from '../../model/types.ts';
import { whereField } from '../../cross-language/where.ts';
import { show } from '../show.ts';

const shown = (value: unknown) => show(value, { max: 60, bareStrings: true });

const typeKeys = new Set(['null', 'list', 'mapping', 'string', 'number', 'integer', 'boolean', 'object', 'array']);

/** A JSON type, or what a value is, as the messages name it: `list`, `mapping`, `string`, … in the current language. */
function named(type: string): string {
  return typeKeys.has(type) ? t(`type.${type}` as MessageKey) : type;
}

function typeName(value: unknown): string {
  if (value === null) return named('null');
  if (Array.isArray(value)) return named('list');
  if (typeof value === 'object') return named('mapping');
  return named(typeof value);
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
  const field = path.length ? whereField(path.join('.')) : t('where.front-matter');
  let value: unknown = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: t('front-matter-schema.required', { name: String(params['missingProperty']), where: field, kind }), path };
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const allowed = path.length === 0 ? Object.keys(properties) : [];
      const hint = didYouMean(extra, allowed);
      return {
        message: t('front-matter-schema.additional', { name: extra, where: path.length ? field : t('where.kind', { kind }) }),
        path: [...path, extra],
        at: 'key',
        ...(hint ? { hint } : { hint: t('front-matter-schema.additional.hint') }),
      };
    }
    case 'type':
      return { message: t('front-matter-schema.type', { found: typeName(value), where: field, expected: String(params['type']).split(',').map(named).join(` ${t('word.or')} `) }), path };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return { message: t('front-matter-schema.enum', { value: shown(value), where: field, expected: oneOf(allowed) }), path, ...(hint ? { hint } : {}) };
    }
    case 'const':
      return { message: t('front-matter-schema.const', { value: shown(value), where: field, expected: shown(params['allowedValue']) }), path };
    case 'pattern':
      return {
        message: t('front-matter-schema.pattern', { value: shown(value), where: field, pattern: String(params['pattern']) }),
        path,
        ...(path.at(-1) === 'id' || path[0] === 'parent' || path.length === 2
          ? { hint: t('front-matter-schema.pattern.id.hint') }
          : {}),
      };
    case 'format':
      return {
        message: t('front-matter-schema.format', { value: shown(value), where: field, format: String(params['format']) }),
        path,
        ...(params['format'] === 'date' ? { hint: t('front-matter-schema.format.date.hint') } : {}),
      };
    case 'uniqueItems':
      return { message: t('front-matter-schema.unique', { where: field }), path: [...path, Number(params['i'])] };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'multipleOf':
      return { message: t(`front-matter-schema.${error.keyword}`, { value: shown(value), where: field, limit: String(params['limit'] ?? params['multipleOf']) }), path };
    default:
      return { message: t('front-matter-schema.other', { value: shown(value), where: field, what: error.message ?? t('front-matter-schema.fits') }), path };
  }
}

export default defineRule({
  id: 'front-matter-schema',
  scope: 'file',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. The front-matter must fit its kind's JSON Schema: required fields present, no unknown fields, values of the
right type (\`order: 1\`, not \`order: first\`), enumerations (\`status: draft | proposal | approved\`), ids in
lower-case ASCII, dates as \`YYYY-MM-DD\`. Each problem is reported at the YAML node it is about.`,
    sv: `Fel. Front-matter följer typens JSON-schema: obligatoriska fält finns, inga okända fält, värden av rätt typ
(\`order: 1\`, inte \`order: first\`), uppräknade värden (\`status: draft | proposal | approved\`), id med små bokstäver
a–z, datum som \`ÅÅÅÅ-MM-DD\`. Varje problem rapporteras vid den YAML-nod det gäller.`,
    fi: `Virhe. Front matter on tyypin JSON-skeeman mukainen: pakolliset kentät ovat mukana, tuntemattomia kenttiä ei ole,
arvot ovat oikeaa tyyppiä (\`order: 1\`, ei \`order: first\`), luetellut arvot (\`status: draft | proposal | approved\`),
tunnisteet pienin kirjaimin a–z, päivämäärät muodossa \`VVVV-KK-PP\`. Jokaisesta ongelmasta ilmoitetaan siinä
YAML-solmussa, jota se koskee.`,
  },
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
