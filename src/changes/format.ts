/**
 * A change set in words: for a terminal, as Markdown (a pull request comment, a job summary), or as JSON. The words
 * around the items (what happened to each, the counts, the headings) are in the current language; the titles and the
 * text are each language's own; JSON is the same in every language.
 */
import { COUNTS, type BlockChange, type ChangeSet, type Count, type FieldChange, type ItemChange, type Segment } from './compare.ts';
import { blockName } from '../cross-language/where.ts';
import { count, t, type MessageKey } from '../messages/index.ts';

export type ChangeFormat = 'human' | 'markdown' | 'json';

const show = (value: unknown): string => (value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value));

function words(segments: readonly Segment[], style: 'human' | 'markdown'): string {
  return segments
    .map((segment) => {
      if (segment.op === '=') return segment.text;
      const text = segment.text;
      if (style === 'human') return segment.op === '-' ? `[-${text}-]` : `{+${text}+}`;
      return segment.op === '-' ? `~~${text.trim() ? text : ' '}~~` : `<ins>${text}</ins>`;
    })
    .join('');
}

/** The name of a unit of text: a block's (`paragraph`), or a list's item or a table's row. */
const unitName = (type: string) => (type === 'listItem' || type === 'tableRow' ? t(`diff.unit.${type}`) : blockName(type));

const mark = (change: BlockChange['change'] | ItemChange['change']) => (change === 'added' ? '+' : change === 'removed' ? '-' : '~');

function blockLine(block: BlockChange, style: 'human' | 'markdown'): string {
  const text = block.change === 'changed' ? words(block.words ?? [], style) : (block.change === 'added' ? block.new : block.old) ?? '';
  const what = style === 'human' ? `${mark(block.change)} ${unitName(block.type)}` : t(`diff.unit.${block.change}`, { unit: unitName(block.type) });
  return `${what}: ${text.replace(/\t/g, ' | ').replace(/\n/g, ' / ')}`;
}

const fieldKey = (field: FieldChange) => JSON.stringify([field.field, field.old, field.new]);

/** Field changes the same in every language (language-neutral data: targets, years): said once. */
function neutralFields(set: ChangeSet, item: ItemChange): FieldChange[] {
  const [first, ...rest] = set.languages.map((lang) => item.languages[lang]!.fields);
  return (first ?? []).filter((field) => rest.every((fields) => fields.some((other) => fieldKey(other) === fieldKey(field))));
}

/** A language's own field changes: those not in `neutral`, which are said once for all. */
function ownFields(neutral: readonly FieldChange[], item: ItemChange, lang: string): FieldChange[] {
  const keys = new Set(neutral.map(fieldKey));
  return item.languages[lang]!.fields.filter((field) => !keys.has(fieldKey(field)));
}

/** "moved: under a → under b", or "new place under a (order 2 → 5)" among the same siblings. */
function movedText(moved: NonNullable<ItemChange['moved']>, code: (id: string) => string = (id) => id): string {
  const parent = (id: string | undefined) => (id === undefined ? t('diff.root') : code(id));
  if (moved.from.parent === moved.to.parent) return t('diff.new-place', { parent: parent(moved.to.parent), from: moved.from.order, to: moved.to.order });
  return t('diff.moved', { from: parent(moved.from.parent), to: parent(moved.to.parent) });
}

/** "added", "split into a, b", "merged from a, b", "changed (was old-id)". */
function what(item: ItemChange, code: (id: string) => string = (id) => id): string {
  const ids = (list: readonly string[]) => list.map(code).join(', ');
  const verb = t(`diff.item.${item.change}`);
  if (item.splitInto) return t('diff.split-into', { ids: ids(item.splitInto) });
  if (item.mergedInto) return t('diff.merged-into', { id: code(item.mergedInto) });
  if (item.splitFrom) return t('diff.split-from', { verb, id: code(item.splitFrom) });
  if (item.mergedFrom) return item.change === 'added' ? t('diff.merged-from', { ids: ids(item.mergedFrom) }) : t('diff.merged-from.verb', { verb, ids: ids(item.mergedFrom) });
  return item.previousId ? t('diff.was', { verb, id: code(item.previousId) }) : verb;
}

/** "3 added", "1 tillagt", "2 poistettua". */
const counted = (n: number, what: Count) => count(n, `diff.count.${what}.one` as MessageKey, `diff.count.${what}.other` as MessageKey);

function summaryLine(set: ChangeSet): string {
  if (set.items.length === 0) return t('diff.none');
  const parts = set.summary.map((row) => `${row.kind}: ${COUNTS.filter((what) => row[what] > 0).map((what) => counted(row[what], what)).join(', ')}`);
  return t(set.items.length === 1 ? 'diff.summary.one' : 'diff.summary.other', { n: set.items.length, parts: parts.join('; ') });
}

const onlyIn = (item: ItemChange) => t('diff.only-in', { languages: item.onlyIn!.join(', ') });

function human(set: ChangeSet, brief: boolean): string {
  const lines = [summaryLine(set)];
  for (const item of set.items) {
    lines.push('', `${mark(item.change)} ${item.kind} ${item.id} ${what(item)}: ${set.languages.map((lang) => item.title[lang]).join(' / ')}`);
    if (item.moved) lines.push(`    ${movedText(item.moved)}`);
    if (item.onlyIn) lines.push(`    ${onlyIn(item)}`);
    if (item.change !== 'changed' || brief) continue;
    const neutral = neutralFields(set, item);
    for (const field of neutral) lines.push(`    ${field.field}: ${show(field.old)} → ${show(field.new)}`);
    for (const lang of set.languages) {
      const change = item.languages[lang]!;
      if (change.title) lines.push(`    ${lang} ${t('diff.title')}: ${change.title.old} → ${change.title.new}`);
      for (const field of ownFields(neutral, item, lang)) lines.push(`    ${lang} ${field.field}: ${show(field.old)} → ${show(field.new)}`);
      for (const block of change.text) lines.push(`    ${lang} ${blockLine(block, 'human')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Table cells in Markdown: no line breaks, no pipes. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdown(set: ChangeSet, title: string, brief: boolean): string {
  const out = [`### ${title}`, '', summaryLine(set)];
  if (set.items.length === 0) return `${out.join('\n')}\n`;
  const head = [t('diff.column.kind'), ...COUNTS.map((what) => t(`diff.column.${what}`))];
  out.push('', `| ${head.join(' | ')} |`, `|---|${COUNTS.map(() => '---:').join('|')}|`, ...set.summary.map((row) => `| ${row.kind} | ${COUNTS.map((what) => row[what]).join(' | ')} |`), '');
  for (const item of set.items) {
    out.push(`- **${what(item, (id) => `\`${id}\``)}** ${item.kind} \`${item.id}\`: ${set.languages.map((lang) => cell(item.title[lang] ?? '')).join(' / ')}`);
    if (item.moved) out.push(`  - ${movedText(item.moved, (id) => `\`${id}\``)}`);
    if (item.onlyIn) out.push(`  - ${onlyIn(item)}`);
    if (item.change !== 'changed' || brief) continue;
    const neutral = neutralFields(set, item);
    for (const field of neutral) out.push(`  - \`${field.field}\`: ${cell(show(field.old))} → ${cell(show(field.new))}`);
    for (const lang of set.languages) {
      const change = item.languages[lang]!;
      if (change.title) out.push(`  - ${lang} ${t('diff.title')}: ~~${cell(change.title.old)}~~ → <ins>${cell(change.title.new)}</ins>`);
      for (const field of ownFields(neutral, item, lang)) out.push(`  - ${lang} \`${field.field}\`: ${cell(show(field.old))} → ${cell(show(field.new))}`);
      for (const block of change.text) out.push(`  - ${lang} ${cell(blockLine(block, 'markdown'))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The change set in a format, its words in the current language; `brief`: the counts and one line per item, without
 * fields and text (JSON is always whole, and the same in every language).
 */
export function formatChanges(set: ChangeSet, format: ChangeFormat, title = t('diff.heading'), brief = false): string {
  if (format === 'json') return `${JSON.stringify(set, null, 2)}\n`;
  return format === 'markdown' ? markdown(set, title, brief) : human(set, brief);
}
