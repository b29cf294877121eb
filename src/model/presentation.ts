/**
 * How schema/ says an item is presented: the role, label and places of each field (`x-role`, `x-label`,
 * `x-enum-labels`, `x-show`, `x-watermark` on a property) and what a kind makes (`x-heading`, `x-numbered`,
 * `x-council-table`, `x-council-links`, `x-matrix`, `x-measure`). docs/content-format.md describes the keywords.
 * The view model (src/view/build.ts) reads presentation only from here, so no renderer needs a field's name; the
 * rules and the change set read it too, which is why it sits with the schema's model rather than in the view.
 */
import type { KindDefinition } from './types.ts';

/** What a field means to a reader, whatever the county calls it. */
export const roles = [
  'organisation',
  'subtitle',
  'period',
  'approving-body',
  'meeting',
  'status',
  'version',
  'statement',
  'legal-basis',
  'date',
  'measure-type',
  'unit',
  'direction',
  'baseline',
  'targets',
  'actuals',
  'source',
  'source-label',
  'years',
  'year',
  'responsible',
  'replaces',
  'origin',
  'text-status',
  'open-questions',
  'axis-start',
] as const;
export type Role = (typeof roles)[number];

/** Where a field is shown: among the item's facts, on the PDF's cover, on the site's front page. */
export type Place = 'facts' | 'cover' | 'front';

type Labels = Record<string, string>;

export interface FieldPresentation {
  field: string;
  role: Role | undefined;
  /** Language → label. */
  label: Labels;
  /** Enum value → language → label. */
  enumLabels: Record<string, Labels>;
  show: ReadonlySet<Place>;
  /** Status values that carry a watermark. */
  watermark: ReadonlySet<string>;
  /** The property's own schema, for nested presentation (a source's type labels and links). */
  schema: Record<string, unknown>;
}

export interface KindPresentation {
  fields: FieldPresentation[];
  byRole: ReadonlyMap<Role, FieldPresentation>;
  /** The kind makes a section: a heading, a table-of-contents entry and a bookmark. */
  heading: boolean;
  /** Its headings carry section numbers ("3.2"). */
  numbered: boolean;
  /** Its items are the rows of council tables. */
  councilRow: boolean;
  /** A council table's columns after the row's title: field names, and `children` for the row's children by kind. */
  councilColumns: readonly string[];
  /** The link fields whose links make a council table's link column. */
  councilLinks: readonly string[];
  /** The link fields whose targets are the columns of the link matrix, when this kind's items are its rows. */
  matrix: readonly string[];
  measure: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const labels = (value: unknown): Labels => (isRecord(value) ? (Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Labels) : {});
const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);

/** A field's presentation from its property schema. */
export function fieldPresentation(field: string, property: Record<string, unknown>): FieldPresentation {
  const role = property['x-role'];
  return {
    field,
    role: isRole(role) ? role : undefined,
    label: labels(property['x-label']),
    enumLabels: isRecord(property['x-enum-labels']) ? Object.fromEntries(Object.entries(property['x-enum-labels']).map(([value, byLang]) => [value, labels(byLang)])) : {},
    show: new Set(strings(property['x-show']).filter((place): place is Place => place === 'facts' || place === 'cover' || place === 'front')),
    watermark: new Set(strings(property['x-watermark'])),
    schema: property,
  };
}

const cache = new WeakMap<KindDefinition, KindPresentation>();

/** A kind's presentation, read once per kind. */
export function kindPresentation(definition: KindDefinition): KindPresentation {
  const known = cache.get(definition);
  if (known) return known;
  const properties = isRecord(definition.schema['properties']) ? definition.schema['properties'] : {};
  const fields = Object.entries(properties).flatMap(([field, property]) => (isRecord(property) ? [fieldPresentation(field, property)] : []));
  const byRole = new Map<Role, FieldPresentation>();
  for (const field of fields) if (field.role && field.role !== 'statement' && !byRole.has(field.role)) byRole.set(field.role, field);
  const flags = definition.flags;
  const numbered = flags['x-numbered'] === true;
  const presentation: KindPresentation = {
    fields,
    byRole,
    heading: flags['x-heading'] === true || numbered,
    numbered,
    councilRow: flags['x-council-table'] === true,
    councilColumns: strings(flags['x-council-columns']).length > 0 ? strings(flags['x-council-columns']) : ['children'],
    councilLinks: strings(flags['x-council-links']),
    matrix: strings(flags['x-matrix']),
    measure: flags['x-measure'] === true,
  };
  cache.set(definition, presentation);
  return presentation;
}

/** A label in a language, else in any language, else the fallback. */
export function labelIn(byLang: Labels, lang: string, fallback: string): string {
  return byLang[lang] ?? Object.values(byLang)[0] ?? fallback;
}
