/**
 * What changed between two versions of a strategy, item by item (by id), in every language: items added, removed,
 * moved (another parent, or another place among the siblings it kept), retitled, and split or merged as the newer
 * version declares (its `replaces` role: the ids of the older version's items an item continues); within an item,
 * the fields that changed (old → new) and the text, word by word and block by block (src/changes/text.ts), so that a changed list item,
 * table row or heading is that item, row or heading, not a rewritten block. Used by `strategy diff`, the redline
 * PDF and the site's changes page.
 */
import { textChanges, type BlockChange, type Segment } from './text.ts';
import type { Item, StrategyGraph } from '../model/types.ts';
import { kindPresentation } from '../model/presentation.ts';

/** The text's parts of a change set, for the readers of one (src/changes/format.ts). */
export type { BlockChange, Segment };

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
  /** The older version's id, when the newer version continues the item under a new id (it `replaces` that one alone). */
  previousId?: string;
  /** The older version's items this one continues together (a merge), as declared. */
  mergedFrom?: string[];
  /** For a removed item: the item it was merged into. */
  mergedInto?: string;
  /** The older version's item this one continues with others (a split), as declared. */
  splitFrom?: string;
  /** For a removed item: the items it was split into. */
  splitInto?: string[];
}

export interface ChangeSet {
  languages: readonly string[];
  /** Changed items in the newer version's document order; removed items where they stood in the older one. */
  items: ItemChange[];
  /** Counts by kind and by kind of change. */
  summary: SummaryRow[];
}

/** The kinds of change a summary counts. */
export const COUNTS = ['added', 'removed', 'changed', 'moved', 'split', 'merged'] as const;
export type Count = (typeof COUNTS)[number];

/**
 * One kind's counts. An item split or merged counts there, not as added or removed; a moved item counts as moved and,
 * if its content changed too, as changed; `split` counts older items split into several, `merged` newer items merged
 * from several.
 */
export type SummaryRow = { kind: string } & Record<Count, number>;

/** Fields whose changes are shown in their own way (title, place) or not at all (the translation stamp). */
const OWN_FIELDS = new Set(['id', 'kind', 'title', 'parent', 'order', 'twin-hash']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function languageChange(before: Item | undefined, after: Item | undefined, declared: ReadonlySet<string>): LanguageChange {
  const fields: FieldChange[] = [];
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after?.data ?? {})]);
  for (const field of keys) {
    if (OWN_FIELDS.has(field) || declared.has(field)) continue;
    const [old, now] = [before?.data[field], after?.data[field]];
    if (!same(old, now)) fields.push({ field, old, new: now });
  }
  const title = before && after && before.title !== after.title ? { old: before.title, new: after.title } : undefined;
  return { ...(title ? { title } : {}), fields, text: textChanges(before?.file.body, after?.file.body) };
}

const isEmpty = (change: LanguageChange) => change.title === undefined && change.fields.length === 0 && change.text.length === 0;

/** Every id in document order: depth first from the roots, children by kind (in the order the kinds first appear), then in order. */
function documentOrder(graph: StrategyGraph): string[] {
  const order = new Set<string>();
  const kindOf = (id: string) => graph.get(id)?.kind ?? '';
  const visit = (id: string) => {
    order.add(id);
    // A parent's children by kind, as the site and the PDFs show them (a goal's actions, then its measures).
    const children = graph.children.get(id) ?? [];
    const kinds = [...new Set(children.map(kindOf))];
    for (const kind of kinds) for (const child of children) if (kindOf(child) === kind) visit(child);
  };
  for (const root of graph.roots) visit(root);
  for (const id of graph.items.keys()) order.add(id);
  return [...order];
}

/**
 * The fields that declare something about an item rather than say it: what it replaces, where its text comes from,
 * which language version is the original, what the county is asked. Their changes are not changes of the strategy.
 */
const DECLARATIONS = ['replaces', 'origin', 'text-status', 'open-questions'] as const;

function declarationFields(graph: StrategyGraph): Set<string> {
  return new Set([...graph.schema.kinds.values()].flatMap((definition) => DECLARATIONS.flatMap((role) => kindPresentation(definition).byRole.get(role)?.field ?? [])));
}

/** The ids each item of `graph` declares it continues (its field of role `replaces`). */
function declaredReplacements(graph: StrategyGraph): Map<string, string[]> {
  const declared = new Map<string, string[]>();
  for (const [id, versions] of graph.items) {
    const item = graph.get(id, graph.schema.project.primaryLanguage) ?? [...versions.values()][0]!;
    const definition = graph.schema.kinds.get(item.kind);
    const field = definition ? kindPresentation(definition).byRole.get('replaces')?.field : undefined;
    const value = field ? item.data[field] : undefined;
    if (Array.isArray(value)) declared.set(id, value.filter((v): v is string => typeof v === 'string'));
  }
  return declared;
}

/**
 * How the declared replacements pair the two versions: an older item continued by exactly one newer item, which
 * continues nothing else and is new, is that item under a new id (`renamed`: old id → new id); the rest are splits
 * (an older item continued by several) and merges (a newer item continuing several, or one besides itself). Only
 * declarations of older items that are gone from the newer version count.
 */
function replacements(before: StrategyGraph, after: StrategyGraph, newOrder: readonly string[]) {
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const [id, olds] of declaredReplacements(after)) {
    const gone = olds.filter((old) => before.items.has(old) && !after.items.has(old) && old !== id);
    if (gone.length === 0) continue;
    predecessors.set(id, gone);
    for (const old of gone) successors.set(old, [...(successors.get(old) ?? []), id]);
  }
  const place = new Map(newOrder.map((id, index) => [id, index]));
  for (const news of successors.values()) news.sort((a, b) => place.get(a)! - place.get(b)!);
  const renamed = new Map<string, string>();
  for (const [old, news] of successors) {
    const [only] = news;
    if (news.length === 1 && predecessors.get(only!)!.length === 1 && !before.items.has(only!)) renamed.set(old, only!);
  }
  return { successors, predecessors, renamed };
}

/**
 * The ids of `newSequence` that changed places: those outside the heaviest run that keeps the older version's order
 * (a weighted longest increasing subsequence, by a Fenwick tree of maxima). An item whose own `order` is unchanged
 * weighs more, so that of two swapped siblings the one an editor renumbered is the one that moved. Inserting or
 * removing a sibling moves nothing.
 */
function reordered(oldSequence: readonly string[], newSequence: readonly string[], renumbered: (id: string) => boolean): Set<string> {
  const oldIndex = new Map(oldSequence.map((id, index) => [id, index + 1]));
  const size = oldSequence.length;
  const tree = new Array<number>(size + 1).fill(0);
  const treeAt = new Array<number>(size + 1).fill(-1);
  const best: number[] = [];
  const before: number[] = [];
  newSequence.forEach((id, i) => {
    const position = oldIndex.get(id)!;
    let max = 0;
    let from = -1;
    for (let k = position - 1; k > 0; k -= k & -k) if (tree[k]! > max) [max, from] = [tree[k]!, treeAt[k]!];
    best[i] = max + (renumbered(id) ? 1 : 2);
    before[i] = from;
    for (let k = position; k <= size; k += k & -k) if (best[i]! > tree[k]!) [tree[k], treeAt[k]] = [best[i]!, i];
  });
  let last = best.reduce((top, value, i) => (value > (best[top] ?? -1) ? i : top), -1);
  const kept = new Set<string>();
  for (; last >= 0; last = before[last]!) kept.add(newSequence[last]!);
  return new Set(newSequence.filter((id) => !kept.has(id)));
}

/** The changes from `before` to `after`. Items are matched by id (and by the declared replacements); nothing else is needed of the two versions. */
export function compareVersions(before: StrategyGraph, after: StrategyGraph): ChangeSet {
  const languages = after.schema.project.languages;
  const newOrder = documentOrder(after);
  const { successors, predecessors, renamed } = replacements(before, after, newOrder);
  const declaredFields = new Set([...declarationFields(before), ...declarationFields(after)]);
  const previous = new Map([...renamed].map(([old, now]) => [now, old]));
  /** An older id as the newer version knows it. */
  const current = (id: string | undefined) => (id === undefined ? undefined : renamed.get(id) ?? id);
  const oldOf = (id: string) => before.items.get(previous.get(id) ?? id);
  const oldOrder = documentOrder(before);
  // Removed items go where they stood: after the last item before them in the older version that is still there,
  // in their order.
  const removedAfter = new Map<string | undefined, string[]>();
  let kept: string | undefined;
  for (const id of oldOrder) {
    if (after.items.has(current(id)!)) kept = current(id);
    else removedAfter.set(kept, [...(removedAfter.get(kept) ?? []), id]);
  }
  const order = [...(removedAfter.get(undefined) ?? []), ...newOrder.flatMap((id) => [id, ...(removedAfter.get(id) ?? [])])];
  const first = (versions: ReadonlyMap<string, Item> | undefined) => (versions ? versions.values().next().value : undefined);
  // Moved: another parent, or another place among the siblings that both versions have under that parent.
  const moved = new Set<string>();
  for (const [parent, children] of after.children) {
    const both = children.filter((id) => current(first(oldOf(id))?.parent) === parent);
    const inBoth = new Set(both);
    const oldSequence = (before.children.get(previous.get(parent) ?? parent) ?? []).map((id) => current(id)!).filter((id) => inBoth.has(id));
    const renumbered = (id: string) => first(oldOf(id))?.order !== first(after.items.get(id))?.order;
    for (const id of reordered(oldSequence, both, renumbered)) moved.add(id);
  }
  const items: ItemChange[] = [];
  for (const id of order) {
    const now = after.items.get(id);
    const old = now ? oldOf(id) : before.items.get(id);
    const any = (now ?? old)!.values().next().value!;
    const perLanguage = Object.fromEntries(languages.map((lang) => [lang, languageChange(old?.get(lang), now?.get(lang), declaredFields)]));
    const title = Object.fromEntries(languages.map((lang) => [lang, (now?.get(lang) ?? old?.get(lang))?.title ?? id]));
    const change: ItemChange['change'] = !old ? 'added' : !now ? 'removed' : 'changed';
    const [from, to] = [first(old), first(now)];
    const place =
      from && to && (current(from.parent) !== to.parent || moved.has(id)) ? { from: { parent: current(from.parent), order: from.order }, to: { parent: to.parent, order: to.order } } : undefined;
    const changedLanguages = languages.filter((lang) => !isEmpty(perLanguage[lang]!));
    const previousId = previous.get(id);
    if (change === 'changed' && !place && changedLanguages.length === 0 && !previousId && !predecessors.has(id)) continue;
    const from_ = change === 'removed' ? undefined : predecessors.get(id)?.filter((old) => !renamed.has(old));
    const into = change === 'removed' ? successors.get(id) : undefined;
    const declared: Partial<ItemChange> = {};
    if (previousId) declared.previousId = previousId;
    if (from_ && from_.length > 0) {
      // A merge: several older items, or one older item besides this one's own; a split: an older item continued by several.
      const splitFrom = from_.find((old) => successors.get(old)!.length > 1);
      if (splitFrom) declared.splitFrom = splitFrom;
      else declared.mergedFrom = from_;
    }
    if (into && !renamed.has(id)) {
      if (into.length > 1) declared.splitInto = into;
      else declared.mergedInto = into[0]!;
    }
    items.push({
      id,
      kind: any.kind,
      title,
      change,
      ...(place ? { moved: place } : {}),
      languages: perLanguage,
      ...(change === 'changed' && changedLanguages.length > 0 && changedLanguages.length < languages.length ? { onlyIn: changedLanguages } : {}),
      ...declared,
    });
  }
  const kinds = [...new Set(items.map((item) => item.kind))];
  const summary = kinds.map((kind): SummaryRow => {
    const of = items.filter((item) => item.kind === kind);
    const count = (test: (item: ItemChange) => boolean) => of.filter(test).length;
    return {
      kind,
      added: count((i) => i.change === 'added' && !i.splitFrom && !i.mergedFrom),
      removed: count((i) => i.change === 'removed' && !i.splitInto && !i.mergedInto),
      changed: count((i) => i.change === 'changed' && (i.previousId !== undefined || languages.some((lang) => !isEmpty(i.languages[lang]!)))),
      moved: count((i) => i.moved !== undefined),
      split: count((i) => i.splitInto !== undefined),
      merged: count((i) => i.mergedFrom !== undefined),
    };
  });
  return { languages, items, summary };
}
