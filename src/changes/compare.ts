/**
 * What changed between two versions of a strategy, item by item (by id), in every language: items added, removed,
 * moved (another parent or place) and retitled; within an item, the fields that changed (old → new) and the text,
 * word by word and block by block, so that a changed list item, table row or heading is that item, row or heading,
 * not a rewritten block. Used by `strategy diff`.
 */
import type { Root } from 'mdast';
import { operations } from '../edit/diff.ts';
import { blocksOf, type Block } from '../i18n/block-list.ts';
import type { Item, StrategyGraph } from '../model/types.ts';

/** A run of words kept, removed or added. */
export interface Segment {
  op: '=' | '-' | '+';
  text: string;
}

/** One block of an item's text (a paragraph, a heading, a list item, a table row ...) that changed. */
export interface BlockChange {
  /** The block's kind: paragraph, heading, listItem, tableRow, code ... */
  type: string;
  change: 'added' | 'removed' | 'changed';
  old?: string;
  new?: string;
  /** Word by word, for a changed block. */
  words?: Segment[];
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** An item's changes in one language. */
export interface LanguageChange {
  title?: { old: string; new: string };
  fields: FieldChange[];
  text: BlockChange[];
}

export interface ItemChange {
  id: string;
  kind: string;
  /** The title in the newer version (the older one for a removed item), per language. */
  title: Record<string, string>;
  change: 'added' | 'removed' | 'changed';
  /** A new parent or a new place among its siblings. */
  moved?: { from: { parent: string | undefined; order: number }; to: { parent: string | undefined; order: number } };
  /** Per language: what changed in that language's file. */
  languages: Record<string, LanguageChange>;
  /** The languages whose files changed, when not all did: "changed in sv only". */
  onlyIn?: string[];
}

export interface ChangeSet {
  languages: readonly string[];
  /** Changed items in the newer version's document order; removed items where they stood in the older one. */
  items: ItemChange[];
  /** Counts by kind and by kind of change. */
  summary: { kind: string; added: number; removed: number; changed: number }[];
}

/** Fields whose changes are shown in their own way (title, place) or not at all (the translation stamp). */
const OWN_FIELDS = new Set(['id', 'kind', 'title', 'parent', 'order', 'twin-hash']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Words and the spaces and punctuation between them, so that a diff keeps the text's own spacing. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,:/-]*[\p{L}\p{N}]|[\p{L}\p{N}]|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

/** The words of two texts aligned: runs kept, removed and added. */
export function wordDiff(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const op of operations(tokens(before), tokens(after))) {
    const kind = op.kind === ' ' ? '=' : op.kind;
    const last = segments.at(-1);
    if (last && last.op === kind) last.text += op.line;
    else segments.push({ op: kind, text: op.line });
  }
  return segments;
}

/**
 * The units an item's text is compared in: each block, with lists and tables split into their items and rows
 * (block-list.ts writes those one per line), so that one changed row is one changed unit.
 */
function units(body: Root): { type: string; text: string }[] {
  return blocksOf(body).flatMap((block: Block) => {
    if (block.type === 'list' || block.type === 'table') {
      const type = block.type === 'list' ? 'listItem' : 'tableRow';
      return block.text.split('\n').filter((line) => line.trim() !== '').map((line) => ({ type, text: line }));
    }
    return [{ type: block.type === 'heading' ? `heading` : block.type, text: block.text }];
  });
}

/** The text changes of one language's body: units removed and added, and a removed one followed by an added one of the same type as one changed unit. */
export function textChanges(before: Root | undefined, after: Root | undefined): BlockChange[] {
  const a = before ? units(before) : [];
  const b = after ? units(after) : [];
  const key = (unit: { type: string; text: string }) => `${unit.type}\u0000${unit.text}`;
  const ops = operations(a.map(key), b.map(key));
  const changes: BlockChange[] = [];
  let removed: { type: string; text: string }[] = [];
  let added: { type: string; text: string }[] = [];
  const flush = () => {
    // Pair removed and added units of one type in order: each pair is a changed unit, word by word.
    while (removed.length > 0 || added.length > 0) {
      const old = removed[0];
      const match = old ? added.findIndex((unit) => unit.type === old.type) : -1;
      if (old && match >= 0) {
        for (const unit of added.splice(0, match)) changes.push({ type: unit.type, change: 'added', new: unit.text });
        const next = added.shift()!;
        removed.shift();
        changes.push({ type: old.type, change: 'changed', old: old.text, new: next.text, words: wordDiff(old.text, next.text) });
      } else if (old) {
        removed.shift();
        changes.push({ type: old.type, change: 'removed', old: old.text });
      } else {
        for (const unit of added.splice(0)) changes.push({ type: unit.type, change: 'added', new: unit.text });
      }
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op.kind === ' ') {
      flush();
      i++;
      j++;
    } else if (op.kind === '-') removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  flush();
  return changes;
}

function languageChange(before: Item | undefined, after: Item | undefined): LanguageChange {
  const fields: FieldChange[] = [];
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after?.data ?? {})]);
  for (const field of keys) {
    if (OWN_FIELDS.has(field)) continue;
    const [old, now] = [before?.data[field], after?.data[field]];
    if (!same(old, now)) fields.push({ field, old, new: now });
  }
  const title = before && after && before.title !== after.title ? { old: before.title, new: after.title } : undefined;
  return { ...(title ? { title } : {}), fields, text: textChanges(before?.file.body, after?.file.body) };
}

const isEmpty = (change: LanguageChange) => change.title === undefined && change.fields.length === 0 && change.text.length === 0;

/** Every id in document order: depth first from the roots, children in order. */
function documentOrder(graph: StrategyGraph): string[] {
  const order = new Set<string>();
  const visit = (id: string) => {
    order.add(id);
    for (const child of graph.children.get(id) ?? []) visit(child);
  };
  for (const root of graph.roots) visit(root);
  for (const id of graph.items.keys()) order.add(id);
  return [...order];
}

/** The changes from `before` to `after`. Items are matched by id; nothing else is needed of the two versions. */
export function compareVersions(before: StrategyGraph, after: StrategyGraph): ChangeSet {
  const languages = after.schema.project.languages;
  const newOrder = documentOrder(after);
  const oldOrder = documentOrder(before);
  // Removed items go where they stood: after the last item before them in the older version that is still there,
  // in their order.
  const removedAfter = new Map<string | undefined, string[]>();
  let kept: string | undefined;
  for (const id of oldOrder) {
    if (after.items.has(id)) kept = id;
    else removedAfter.set(kept, [...(removedAfter.get(kept) ?? []), id]);
  }
  const order = [...(removedAfter.get(undefined) ?? []), ...newOrder.flatMap((id) => [id, ...(removedAfter.get(id) ?? [])])];
  const items: ItemChange[] = [];
  for (const id of order) {
    const [old, now] = [before.items.get(id), after.items.get(id)];
    const any = (now ?? old)!.values().next().value!;
    const perLanguage = Object.fromEntries(languages.map((lang) => [lang, languageChange(old?.get(lang), now?.get(lang))]));
    const title = Object.fromEntries(languages.map((lang) => [lang, (now?.get(lang) ?? old?.get(lang))?.title ?? id]));
    const change: ItemChange['change'] = !old ? 'added' : !now ? 'removed' : 'changed';
    const first = (versions: ReadonlyMap<string, Item> | undefined) => (versions ? [...versions.values()][0] : undefined);
    const [from, to] = [first(old), first(now)];
    const moved = from && to && (from.parent !== to.parent || from.order !== to.order) ? { from: { parent: from.parent, order: from.order }, to: { parent: to.parent, order: to.order } } : undefined;
    const changedLanguages = languages.filter((lang) => !isEmpty(perLanguage[lang]!));
    if (change === 'changed' && !moved && changedLanguages.length === 0) continue;
    items.push({
      id,
      kind: any.kind,
      title,
      change,
      ...(moved ? { moved } : {}),
      languages: perLanguage,
      ...(change === 'changed' && changedLanguages.length > 0 && changedLanguages.length < languages.length ? { onlyIn: changedLanguages } : {}),
    });
  }
  const kinds = [...new Set(items.map((item) => item.kind))];
  const summary = kinds.map((kind) => {
    const of = items.filter((item) => item.kind === kind);
    return { kind, added: of.filter((i) => i.change === 'added').length, removed: of.filter((i) => i.change === 'removed').length, changed: of.filter((i) => i.change === 'changed').length };
  });
  return { languages, items, summary };
}
