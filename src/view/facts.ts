/**
 * An item's fields as a reader gets them, formatted once per language from the schema's presentation
 * (presentation.ts): its facts, its measure values, its status, and for the document its cover and front page.
 * The site and the PDFs both show these strings, so they cannot word or format a value differently.
 */
import { fill, formatDate, formatNumber, formatValue, yearsText } from './format.ts';
import { labelIn, type FieldPresentation, type KindPresentation, type Place, type Role } from '../model/presentation.ts';
import type { DocumentView, Fact, MeasureView, Point, StatusView } from './types.ts';
import words from './words.json' with { type: 'json' };

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/** The view's own words (not the county's): "§ 45" / "45 §", "indikator 3261". */
export function word(lang: string, key: keyof (typeof words)['sv'], vars: Record<string, string | number> = {}): string {
  const table = (words as Record<string, Record<string, string>>)[lang] ?? words.sv;
  return fill(table[key] ?? words.sv[key], vars);
}

function enumLabel(field: FieldPresentation, value: unknown, lang: string): string {
  return labelIn(field.enumLabels[String(value)] ?? {}, lang, String(value));
}

/** A source of data: its type's label (or a named register), the indicator, a link where the schema gives one. */
function sourceFact(field: FieldPresentation, value: unknown, lang: string, note: string | undefined): Omit<Fact, 'field' | 'role' | 'label'> | undefined {
  if (!isRecord(value)) return note ? { value: note } : undefined;
  const properties = isRecord(field.schema['properties']) ? field.schema['properties'] : {};
  const typeSchema = isRecord(properties['type']) ? properties['type'] : {};
  const typeLabels = isRecord(typeSchema['x-enum-labels']) ? (typeSchema['x-enum-labels'] as Record<string, Record<string, string>>) : {};
  const urls = isRecord(typeSchema['x-enum-urls']) ? (typeSchema['x-enum-urls'] as Record<string, unknown>) : {};
  const indicatorSchema = isRecord(properties['indicator']) ? properties['indicator'] : {};
  const type = value['type'];
  const typeText = type === undefined ? undefined : labelIn(typeLabels[String(type)] ?? {}, lang, String(type));
  const name = typeof value['name'] === 'string' ? nonEmpty(value['name']) : undefined;
  const indicator = typeof value['indicator'] === 'number' ? value['indicator'] : undefined;
  const indicatorText = indicator === undefined ? undefined : `${labelIn(isRecord(indicatorSchema['x-label']) ? (indicatorSchema['x-label'] as Record<string, string>) : {}, lang, '#')} ${indicator}`;
  const text = [typeText && name ? `${typeText}: ${name}` : (name ?? typeText), indicatorText].filter(Boolean).join(', ');
  const template = typeof urls[String(type)] === 'string' ? (urls[String(type)] as string) : undefined;
  const url = template && indicator !== undefined ? fill(template, { lang, indicator }) : undefined;
  if (!text) return note ? { value: note } : undefined;
  return { value: text, ...(url ? { url } : {}), ...(note && note !== text ? { note } : {}) };
}

/** One field's value in words, by its role and its shape; undefined when there is nothing to say. */
export function valueText(field: FieldPresentation, value: unknown, lang: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (field.role) {
    case 'period':
      return isRecord(value) && typeof value['start'] === 'number' && typeof value['end'] === 'number' ? `${value['start']}–${value['end']}` : undefined;
    case 'meeting': {
      if (!isRecord(value) || typeof value['date'] !== 'string') return undefined;
      const date = formatDate(value['date'], lang);
      return typeof value['section'] === 'number' ? `${date}, ${word(lang, 'meetingSection', { section: value['section'] })}` : date;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang) : undefined;
    case 'years':
      return Array.isArray(value) ? nonEmpty(yearsText(value.filter((year): year is number => typeof year === 'number'))) : undefined;
    default:
      break;
  }
  if (Object.keys(field.enumLabels).length > 0 && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return enumLabel(field, value, lang);
  if (typeof value === 'string') return nonEmpty(value);
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return formatValue(value, lang);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')) return nonEmpty(value.map((entry) => (typeof entry === 'number' ? String(entry) : entry)).join(', '));
  return undefined;
}

/**
 * A field's value in words wherever it is shown alone (an old and a new value side by side): dated values as
 * "2026: 93 %, 2029: 95 %", a source as its reader sees it, anything else as `valueText` says it, or as data.
 */
export function anyValueText(presentation: KindPresentation | undefined, name: string, data: Data, lang: string): string | undefined {
  const value = data[name];
  if (value === undefined || value === null) return undefined;
  const field = presentation?.fields.find((candidate) => candidate.field === name);
  if (!field) return typeof value === 'string' ? value : JSON.stringify(value);
  if (field.role === 'targets' || field.role === 'actuals' || field.role === 'baseline') {
    const unitValue = presentation && byRole(presentation, data, 'unit')?.value;
    const list = points(value, lang, typeof unitValue === 'string' ? nonEmpty(unitValue) : undefined);
    if (list.length > 0) return list.map((point) => `${point.year}: ${point.text}`).join(', ');
  }
  if (field.role === 'source') {
    const source = sourceFact(field, value, lang, undefined);
    if (source) return source.value;
  }
  return valueText(field, value, lang) ?? JSON.stringify(value);
}

/** The fields shown at a place, in the schema's order, as label and value. */
export function factsAt(presentation: KindPresentation, data: Data, lang: string, place: Place): Fact[] {
  return factsOf(presentation, data, lang, presentation.fields.filter((field) => field.show.has(place)));
}

/** The named fields (a council table's columns), in the order named, as label and value. */
export function factsNamed(presentation: KindPresentation, data: Data, lang: string, names: readonly string[]): Fact[] {
  return factsOf(presentation, data, lang, names.flatMap((name) => presentation.fields.filter((field) => field.field === name)));
}

function factsOf(presentation: KindPresentation, data: Data, lang: string, fields: readonly FieldPresentation[]): Fact[] {
  const note = nonEmpty(typeof data[presentation.byRole.get('source-label')?.field ?? ''] === 'string' ? (data[presentation.byRole.get('source-label')!.field] as string) : undefined);
  return fields.flatMap((field): Fact[] => {
    const base = { field: field.field, role: field.role, label: labelIn(field.label, lang, field.field) };
    if (field.role === 'source') {
      const fact = sourceFact(field, data[field.field], lang, note);
      return fact ? [{ ...base, ...fact }] : [];
    }
    const value = valueText(field, data[field.field], lang);
    return value === undefined ? [] : [{ ...base, value }];
  });
}

/** The field of a role and its raw value. */
function byRole(presentation: KindPresentation, data: Data, role: Role): { field: FieldPresentation; value: unknown } | undefined {
  const field = presentation.byRole.get(role);
  return field && data[field.field] !== undefined ? { field, value: data[field.field] } : undefined;
}

/** The item's status in words, and whether the schema gives that value a watermark. */
export function statusOf(presentation: KindPresentation, data: Data, lang: string): StatusView | undefined {
  const status = byRole(presentation, data, 'status');
  if (!status || (typeof status.value !== 'string' && typeof status.value !== 'number')) return undefined;
  return { value: String(status.value), label: enumLabel(status.field, status.value, lang), watermark: status.field.watermark.has(String(status.value)) };
}

function points(raw: unknown, lang: string, unit: string | undefined): Point[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .filter((entry): entry is Data => isRecord(entry) && typeof entry['year'] === 'number' && (typeof entry['value'] === 'number' || typeof entry['value'] === 'boolean'))
    .map((entry) => ({ year: entry['year'] as number, value: entry['value'] as number | boolean, text: formatValue(entry['value'], lang, unit), plain: formatValue(entry['value'], lang) }))
    .sort((a, b) => a.year - b.year);
}

/** A measure's values and what they mean, for kinds the schema marks `x-measure`. */
export function measureOf(presentation: KindPresentation, data: Data, lang: string): MeasureView | undefined {
  if (!presentation.measure) return undefined;
  const role = (name: Role) => byRole(presentation, data, name);
  const label = (name: Role, fallback: string) => labelIn(presentation.byRole.get(name)?.label ?? {}, lang, fallback);
  const unitValue = role('unit')?.value;
  const unit = typeof unitValue === 'string' ? nonEmpty(unitValue) : undefined;
  const type = role('measure-type');
  const direction = role('direction');
  const sourceField = presentation.byRole.get('source');
  const noteValue = role('source-label')?.value;
  const source = sourceField ? sourceFact(sourceField, data[sourceField.field], lang, typeof noteValue === 'string' ? nonEmpty(noteValue) : undefined) : undefined;
  return {
    ...(type ? { type: { value: String(type.value), label: enumLabel(type.field, type.value, lang) } } : {}),
    ...(unit ? { unit } : {}),
    ...(direction ? { direction: { value: String(direction.value), label: enumLabel(direction.field, direction.value, lang) } } : {}),
    baseline: points(role('baseline')?.value, lang, unit)[0],
    targets: points(role('targets')?.value, lang, unit),
    actuals: points(role('actuals')?.value, lang, unit),
    ...(source ? { source: { text: source.value, ...(source.url ? { url: source.url } : {}), ...(source.note ? { note: source.note } : {}) } } : {}),
    axisFrom: typeof role('axis-start')?.value === 'number' ? (role('axis-start')!.value as number) : 0,
    labels: {
      unit: label('unit', 'unit'),
      baseline: label('baseline', 'baseline'),
      targets: label('targets', 'targets'),
      actuals: label('actuals', 'actuals'),
      source: label('source', 'source'),
    },
  };
}

/** The document's own metadata: what its cover, its front page and its running header say. */
export function documentOf(presentation: KindPresentation, data: Data, lang: string): DocumentView {
  const text = (name: Role) => {
    const found = byRole(presentation, data, name);
    return found ? valueText(found.field, found.value, lang) : undefined;
  };
  const period = byRole(presentation, data, 'period');
  const status = statusOf(presentation, data, lang);
  const statements = presentation.fields.flatMap((field) => {
    const value = field.role === 'statement' ? valueText(field, data[field.field], lang) : undefined;
    return value ? [{ field: field.field, label: labelIn(field.label, lang, field.field), text: value }] : [];
  });
  const organisation = text('organisation');
  const subtitle = text('subtitle');
  const version = text('version');
  return {
    ...(organisation ? { organisation } : {}),
    ...(subtitle ? { subtitle } : {}),
    ...(period && isRecord(period.value) && typeof period.value['start'] === 'number' && typeof period.value['end'] === 'number'
      ? { period: { start: period.value['start'], end: period.value['end'], text: valueText(period.field, period.value, lang)! } }
      : {}),
    ...(status ? { status } : {}),
    ...(version ? { version } : {}),
    statements,
    cover: factsAt(presentation, data, lang, 'cover'),
    front: factsAt(presentation, data, lang, 'front'),
  };
}
