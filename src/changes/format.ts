/** A change set in words: for a terminal, as Markdown (a pull request comment, a job summary), or as JSON. */
import { COUNTS, type BlockChange, type ChangeSet, type FieldChange, type ItemChange, type Segment } from './compare.ts';

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

function blockLine(block: BlockChange, style: 'human' | 'markdown'): string {
  const text = block.change === 'changed' ? words(block.words ?? [], style) : (block.change === 'added' ? block.new : block.old) ?? '';
  const mark = block.change === 'added' ? (style === 'human' ? '+' : 'added') : block.change === 'removed' ? (style === 'human' ? '-' : 'removed') : style === 'human' ? '~' : 'changed';
  return `${mark} ${block.type}: ${text.replace(/\t/g, ' | ').replace(/\n/g, ' / ')}`;
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

const verb: Record<ItemChange['change'], string> = { added: 'added', removed: 'removed', changed: 'changed' };

/** "moved: under a → under b", or "new place under a (order 2 → 5)" among the same siblings. */
function movedText(moved: NonNullable<ItemChange['moved']>, code: (id: string) => string = (id) => id): string {
  const parent = (id: string | undefined) => (id === undefined ? '(root)' : code(id));
  if (moved.from.parent === moved.to.parent) return `new place under ${parent(moved.to.parent)} (order ${moved.from.order} → ${moved.to.order})`;
  return `moved: under ${parent(moved.from.parent)} → under ${parent(moved.to.parent)}`;
}

/** "added", "split into a, b", "merged from a, b", "changed (was old-id)". */
function what(item: ItemChange, code: (id: string) => string = (id) => id): string {
  const ids = (list: readonly string[]) => list.map(code).join(', ');
  if (item.splitInto) return `split into ${ids(item.splitInto)}`;
  if (item.mergedInto) return `merged into ${code(item.mergedInto)}`;
  if (item.splitFrom) return `${verb[item.change]}, split from ${code(item.splitFrom)}`;
  if (item.mergedFrom) return `${item.change === 'added' ? '' : `${verb[item.change]}, `}merged from ${ids(item.mergedFrom)}`;
  return item.previousId ? `${verb[item.change]} (was ${code(item.previousId)})` : verb[item.change];
}

function summaryLine(set: ChangeSet): string {
  if (set.items.length === 0) return 'no changes';
  const parts = set.summary.map((row) => `${row.kind}: ${COUNTS.filter((count) => row[count] > 0).map((count) => `${row[count]} ${count}`).join(', ')}`);
  return `${set.items.length} item${set.items.length === 1 ? '' : 's'} changed (${parts.join('; ')})`;
}

function human(set: ChangeSet, brief: boolean): string {
  const lines = [summaryLine(set)];
  for (const item of set.items) {
    const mark = item.change === 'added' ? '+' : item.change === 'removed' ? '-' : '~';
    lines.push('', `${mark} ${item.kind} ${item.id} ${what(item)}: ${set.languages.map((lang) => item.title[lang]).join(' / ')}`);
    if (item.moved) lines.push(`    ${movedText(item.moved)}`);
    if (item.onlyIn) lines.push(`    changed in ${item.onlyIn.join(', ')} only`);
    if (item.change !== 'changed' || brief) continue;
    const neutral = neutralFields(set, item);
    for (const field of neutral) lines.push(`    ${field.field}: ${show(field.old)} → ${show(field.new)}`);
    for (const lang of set.languages) {
      const change = item.languages[lang]!;
      if (change.title) lines.push(`    ${lang} title: ${change.title.old} → ${change.title.new}`);
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
  out.push('', `| kind | ${COUNTS.join(' | ')} |`, `|---|${COUNTS.map(() => '---:').join('|')}|`, ...set.summary.map((row) => `| ${row.kind} | ${COUNTS.map((count) => row[count]).join(' | ')} |`), '');
  for (const item of set.items) {
    out.push(`- **${what(item, (id) => `\`${id}\``)}** ${item.kind} \`${item.id}\`: ${set.languages.map((lang) => cell(item.title[lang] ?? '')).join(' / ')}`);
    if (item.moved) out.push(`  - ${movedText(item.moved, (id) => `\`${id}\``)}`);
    if (item.onlyIn) out.push(`  - changed in ${item.onlyIn.join(', ')} only`);
    if (item.change !== 'changed' || brief) continue;
    const neutral = neutralFields(set, item);
    for (const field of neutral) out.push(`  - \`${field.field}\`: ${cell(show(field.old))} → ${cell(show(field.new))}`);
    for (const lang of set.languages) {
      const change = item.languages[lang]!;
      if (change.title) out.push(`  - ${lang} title: ~~${cell(change.title.old)}~~ → <ins>${cell(change.title.new)}</ins>`);
      for (const field of ownFields(neutral, item, lang)) out.push(`  - ${lang} \`${field.field}\`: ${cell(show(field.old))} → ${cell(show(field.new))}`);
      for (const block of change.text) out.push(`  - ${lang} ${cell(blockLine(block, 'markdown'))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The change set in a format; `brief`: the counts and one line per item, without fields and text (JSON is always whole). */
export function formatChanges(set: ChangeSet, format: ChangeFormat, title = 'Changes to the strategy', brief = false): string {
  if (format === 'json') return `${JSON.stringify(set, null, 2)}\n`;
  return format === 'markdown' ? markdown(set, title, brief) : human(set, brief);
}
