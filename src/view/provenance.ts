/**
 * Where an item's text comes from and how far this language version can be relied on, from the fields schema/ gives
 * the roles `origin`, `text-status` and `open-questions`: the source document (its name in this language), the part
 * of it, the month of older figures, this version's status, the language of the original, and the county's open
 * questions. The site's notice on a translated page and the PDF's appendix both read this.
 */
import type { StrategyGraph } from '../model/types.ts';
import { word } from './facts.ts';
import { labelIn, type FieldPresentation, type KindPresentation } from '../model/presentation.ts';
import type { ProvenanceView } from './types.ts';

type Data = Record<string, unknown>;
const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The status values that are the county's own text or its approval: everything else is unapproved. */
const APPROVED = new Set(['original', 'approved-translation']);

function sourceName(field: FieldPresentation, origin: Data, lang: string): string | undefined {
  const properties = isRecord(field.schema['properties']) ? field.schema['properties'] : {};
  const sourceSchema = isRecord(properties['source']) ? properties['source'] : {};
  const labels = isRecord(sourceSchema['x-enum-labels']) ? (sourceSchema['x-enum-labels'] as Record<string, Record<string, string>>) : {};
  const source = origin['source'];
  return typeof source === 'string' ? labelIn(labels[source] ?? {}, lang, source) : undefined;
}

/** "2024-03" → "3/2024". */
const monthText = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? `${Number(value.slice(5))}/${value.slice(0, 4)}` : undefined);

/** An item's provenance in `lang`, or undefined when its kind declares none of the three roles. */
export function provenanceOf(graph: StrategyGraph, id: string, presentation: KindPresentation, lang: string): ProvenanceView | undefined {
  const originField = presentation.byRole.get('origin');
  const statusField = presentation.byRole.get('text-status');
  const questionsField = presentation.byRole.get('open-questions');
  if (!originField && !statusField && !questionsField) return undefined;
  const data = graph.get(id, lang)?.data ?? {};
  const origin = originField && isRecord(data[originField.field]) ? (data[originField.field] as Data) : undefined;
  const asOf = origin ? monthText(origin['as-of']) : undefined;
  const name = originField && origin ? sourceName(originField, origin, lang) : undefined;
  const part = origin && typeof origin['part'] === 'string' ? origin['part'] : undefined;
  const source = name ? `${name}${part ? `: ${part}` : ''}${asOf ? ` (${word(lang, 'asOf', { month: asOf })})` : ''}` : undefined;
  const statusOf = (language: string) => {
    const value = statusField ? graph.get(id, language)?.data[statusField.field] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const value = statusOf(lang);
  const status = statusField && value ? { value, label: labelIn(statusField.enumLabels[value] ?? {}, lang, value) } : undefined;
  const labelOf = (field: string) => presentation.fields.find((candidate) => candidate.field === field)?.label[lang] ?? field;
  const raw = questionsField ? data[questionsField.field] : undefined;
  const questions = (Array.isArray(raw) ? raw : []).filter(isRecord).flatMap((question) =>
    typeof question['text'] === 'string' ? [{ ...(typeof question['field'] === 'string' ? { field: labelOf(question['field']) } : {}), text: question['text'] }] : [],
  );
  const unapproved = value !== undefined && !APPROVED.has(value);
  const originals = unapproved ? graph.schema.project.languages.filter((other) => other !== lang && statusOf(other) === 'original') : [];
  return { ...(source ? { source } : {}), ...(asOf ? { asOf } : {}), ...(status ? { status } : {}), unapproved, originals, questions };
}
