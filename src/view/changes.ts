/**
 * What changed since the council last decided, as a reader gets it in one language: the redline PDF and the site's
 * changes page both read this, so they say the same thing in the same words. Computed from the change set
 * (src/changes/compare.ts) of the last approved version (versions/) and the strategy being built.
 */
import { COUNTS, type ChangeSet, type Count, type SummaryRow } from '../changes/compare.ts';
import { wordDiff } from '../changes/text.ts';
import type { Decision } from '../changes/versions.ts';
import type { StrategyGraph } from '../model/types.ts';
import { specialSlug } from '../model/reserved-ids.ts';
import { anyValueText, word } from './facts.ts';
import { kindPresentation } from '../model/presentation.ts';
import type { ChangedBlockView, ChangedFieldView, ChangedItemView, ChangeSegment, ChangesView } from './types.ts';

const letters = (text: string): number => text.replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * Whether a changed text reads best word by word: one change in it (a word or a number replaced, words added), or
 * most of it stayed (at least half the letters and digits of the longer of the old and the new text).
 */
export function mostlyKept(segments: readonly ChangeSegment[]): boolean {
  const changes = segments.filter((segment, index) => segment.op !== '=' && segments[index - 1]?.op !== (segment.op === '+' ? '-' : '+')).length;
  if (changes <= 1) return true;
  const count = (ops: readonly string[]) => segments.filter((segment) => ops.includes(segment.op)).reduce((sum, segment) => sum + letters(segment.text), 0);
  return count(['=']) >= 0.5 * Math.max(count(['=', '-']), count(['=', '+']));
}

/** A changed text as the parts to show (see ChangedBlockView.parts). */
export function shownParts(segments: readonly ChangeSegment[]): ChangeSegment[][] {
  if (mostlyKept(segments)) return [[...segments]];
  const side = (left: ChangeSegment['op'], op: ChangeSegment['op']): ChangeSegment => ({ op, text: segments.filter((segment) => segment.op !== left).map((segment) => segment.text).join('') });
  return [side('+', '-'), side('-', '+')].filter((segment) => segment.text.trim() !== '').map((segment) => [segment]);
}

/** A changed value as its two sides: the removed words marked in the old, the inserted in the new, where most stayed. */
function valueSides(before: string, after: string): { before: ChangeSegment[]; after: ChangeSegment[] } {
  const segments = wordDiff(before, after);
  if (!mostlyKept(segments)) return { before: [{ op: '=', text: before }], after: [{ op: '=', text: after }] };
  return { before: segments.filter((segment) => segment.op !== '+'), after: segments.filter((segment) => segment.op !== '-') };
}

/** "11.03.2024", as decisions are cited. */
export function decisionDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** A block's text as one line: table cells by " | ", lines by " / ". */
const line = (text: string) => text.replace(/\t/g, ' | ').replace(/\n/g, ' / ');

/** The changes page's site path in a language. */
export function changesHref(lang: string): string {
  return `/${lang}/${specialSlug(lang, 'changes')}/`;
}

/**
 * The changes from the approved version `before` (decided by `decision`) to `after`, in `lang`, from their change
 * set `set`: counts by kind, and each changed item with its fields old → new and its text word by word.
 */
export function buildChangesView(set: ChangeSet, before: StrategyGraph, after: StrategyGraph, decision: Decision, lang: string): ChangesView {
  const w = (key: string, vars: Record<string, string | number> = {}) => word(lang, key as never, vars);
  const date = decisionDate(decision.date);
  const cited = decision.section === undefined ? date : w('decision', { date, section: decision.section });
  const body = decision.body[lang] ?? Object.values(decision.body)[0] ?? '';
  const kindLabel = (kind: string, plural = false) => {
    const definition = after.schema.kinds.get(kind) ?? before.schema.kinds.get(kind);
    return (plural ? definition?.plural[lang] : definition?.label[lang]) ?? kind;
  };
  const titleOf = (id: string | undefined) => {
    if (id === undefined) return '–';
    return after.get(id, lang)?.title ?? before.get(id, lang)?.title ?? id;
  };
  const list = (ids: readonly string[]) => ids.map((id) => `”${titleOf(id)}”`).join(', ');
  const root = after.roots[0];
  const hrefOf = (id: string) => (id === root ? `/${lang}/` : `/${lang}/${id}/`);

  const items = set.items.map((change): ChangedItemView => {
    const now = change.change === 'removed' ? undefined : after.get(change.id, lang);
    const old = before.get(change.previousId ?? change.id, lang);
    const own = change.languages[lang];
    const notes: string[] = [];
    if (change.moved) {
      const { from, to } = change.moved;
      notes.push(from.parent === to.parent ? w('newPlace', { parent: `”${titleOf(to.parent)}”` }) : w('movedTo', { from: `”${titleOf(from.parent)}”`, to: `”${titleOf(to.parent)}”` }));
    }
    if (change.splitInto) notes.push(w('splitInto', { items: list(change.splitInto) }));
    if (change.splitFrom) notes.push(w('splitFrom', { item: list([change.splitFrom]) }));
    if (change.mergedFrom) notes.push(w('mergedFrom', { items: list(change.mergedFrom) }));
    if (change.mergedInto) notes.push(w('mergedInto', { item: list([change.mergedInto]) }));
    if (change.onlyIn) for (const other of change.onlyIn) notes.push(w(`onlyIn.${other}`));
    const presentation = (item: typeof now) => {
      const definition = item ? after.schema.kinds.get(item.kind) ?? before.schema.kinds.get(item.kind) : undefined;
      return definition ? kindPresentation(definition) : undefined;
    };
    const shown = presentation(now ?? old);
    const definition = after.schema.kinds.get(change.kind) ?? before.schema.kinds.get(change.kind);
    const fields = (own?.fields ?? []).map((field): ChangedFieldView => {
      const link = definition?.linkFields.get(field.field);
      const label = link?.label?.[lang] ?? shown?.fields.find((candidate) => candidate.field === field.field)?.label[lang] ?? field.field;
      const text = (item: typeof now, value: unknown) => {
        if (value === undefined || (Array.isArray(value) && value.length === 0)) return w('none');
        // Links in words: the titles of the items linked to.
        if (link && Array.isArray(value)) return value.map((id) => `”${titleOf(String(id))}”`).join(', ');
        return anyValueText(presentation(item) ?? shown, field.field, { ...(item?.data ?? {}), [field.field]: value }, lang) ?? w('none');
      };
      if (change.change === 'added') return { label, before: [], after: [{ op: '=', text: text(now, field.new) }] };
      if (change.change === 'removed') return { label, before: [{ op: '=', text: text(old, field.old) }], after: [] };
      const [was, is] = [text(old, field.old), text(now, field.new)];
      // A value set or unset: the other side is the dash, which has no words to mark.
      if (was === w('none') || is === w('none')) return { label, before: [{ op: '=', text: was }], after: [{ op: '=', text: is }] };
      return { label, ...valueSides(was, is) };
    });
    const text = (own?.text ?? []).map((block): ChangedBlockView => ({
      type: block.type,
      change: block.change,
      parts:
        block.change === 'changed'
          ? shownParts((block.words ?? []).map((segment) => ({ op: segment.op, text: line(segment.text) })))
          : [[{ op: block.change === 'added' ? '+' : '-', text: line((block.change === 'added' ? block.new : block.old) ?? '') }]],
    }));
    const parentId = (now ?? old)?.parent;
    return {
      id: change.id,
      anchor: `change-${change.id}`,
      kindLabel: kindLabel(change.kind),
      title: change.title[lang] ?? change.id,
      change: change.change,
      changeLabel: w(`change.${change.change}`),
      ...(change.change === 'removed' ? {} : { href: hrefOf(change.id) }),
      ...(own?.title ? { titleChange: shownParts(wordDiff(own.title.old, own.title.new)).flat() } : {}),
      ...(parentId !== undefined ? { place: titleOf(parentId) } : {}),
      notes,
      fields,
      text,
    };
  });
  const countsOf = (row: SummaryRow) => Object.fromEntries(COUNTS.map((count) => [count, row[count]])) as Record<Count, number>;
  const summary = set.summary.map((row) => ({ kind: row.kind, label: kindLabel(row.kind, true), counts: countsOf(row) }));
  const totals = Object.fromEntries(COUNTS.map((count) => [count, summary.reduce((sum, row) => sum + row.counts[count], 0)])) as Record<Count, number>;
  return {
    title: w('changesTitle', { decision: cited }),
    intro: w(items.length === 0 ? 'changesIntroEmpty' : 'changesIntro', { body: lowerFirst(body), decision: cited }),
    changedSince: w('changedSince', { date }),
    href: changesHref(lang),
    empty: items.length === 0,
    summary,
    totals,
    items,
    words: {
      summary: w('summary'),
      inOrder: w('inOrder'),
      noChanges: w('noChanges'),
      legend: w('legend'),
      legendInserted: w('legendInserted'),
      legendDeleted: w('legendDeleted'),
      inserted: w('inserted'),
      deleted: w('deleted'),
      insertedEnd: w('insertedEnd'),
      deletedEnd: w('deletedEnd'),
      kind: w('kind'),
      total: w('total'),
      field: w('field'),
      before: w('before'),
      after: w('after'),
      titleField: w('titleField'),
      partOf: w('partOf'),
      counts: Object.fromEntries(COUNTS.map((count) => [count, w(`count.${count}`)])) as Record<Count, string>,
    },
  };
}
