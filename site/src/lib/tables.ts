/** Table models for the site: the council table of a section and the tables of a goal's children. */
import type { IdGroup, ItemView, ViewModel } from '../../../src/view/types.ts';
import { councilColumns, councilValue } from '../../../src/view/council.ts';
import { itemLink } from './routes.ts';
import { t } from './i18n.ts';
import { baselineOf, isMeasure, pointText, targetsOf, targetYears } from './measure.ts';

export interface LinkRef {
  id: string;
  title: string;
  href: string;
  /** A short addition after the link, e.g. a measure's last target "2029: 94 %". */
  note?: string;
}

export function linkRef(view: ViewModel, id: string, note?: string): LinkRef {
  const item = view.items[id];
  const title = item ? (item.number ? `${item.number} ${item.title}` : item.title) : id;
  return { id, title, href: itemLink(view, id), ...(note ? { note } : {}) };
}

export function groupRefs(view: ViewModel, group: IdGroup): { key: string; label: string; refs: LinkRef[] } {
  return { key: group.key, label: group.label, refs: group.ids.filter((id) => view.items[id]).map((id) => linkRef(view, id)) };
}

/** What an item holds, for lists of items: "Mål: 3 · Delmål: 2". */
export function contentsNote(item: ItemView): string | undefined {
  return item.childGroups.length > 0 ? item.childGroups.map((group) => `${group.label}: ${group.ids.length}`).join(' · ') : undefined;
}

/** The last target of a measure-like item, for short summaries. */
export function lastTargetNote(item: ItemView): string | undefined {
  const targets = targetsOf(item);
  const last = targets[targets.length - 1];
  return last ? `${t(item.lang, 'point.target')} ${pointText(last)}` : undefined;
}

export interface CouncilTable {
  kind: string;
  /** The rows' kind in plural ("Mål" / "Tavoitteet"), for the heading above the table. */
  heading: string;
  caption: string;
  rowHeader: string;
  columns: { key: string; label: string }[];
  linksHeader: string;
  /** A cell: the row's children of one kind as links, or the value of a field (`x-council-columns`). */
  rows: { ref: LinkRef; cells: (LinkRef[] | string)[]; links: { key: string; label: string; refs: LinkRef[] }[] }[];
}

/** The children of an item flagged `x-council-table` (goals), one table per kind: row | child groups | links. */
export function councilTables(view: ViewModel, item: ItemView): CouncilTable[] {
  const rowsByKind = new Map<string, ItemView[]>();
  for (const id of item.children) {
    const child = view.items[id];
    if (!child?.councilRow) continue;
    rowsByKind.set(child.kind, [...(rowsByKind.get(child.kind) ?? []), child]);
  }
  return [...rowsByKind].map(([kind, rows]) => {
    // The columns the schema names (`x-council-columns`): fields, and each kind of child.
    const columns = councilColumns(rows);
    return {
      kind,
      heading: rows[0]!.kindPlural,
      caption: t(view.lang, 'council.caption', { section: item.number ? `${item.number} ${item.title}` : item.title, kinds: rows[0]!.kindPlural }),
      rowHeader: rows[0]!.kindLabel,
      columns: columns.map(({ key, label }) => ({ key, label })),
      linksHeader: view.labels['links'] ?? 'links',
      rows: rows.map((row) => ({
        ref: linkRef(view, row.id),
        cells: columns.map((column): LinkRef[] | string => {
          if (column.field !== undefined) return councilValue(row, column.field);
          const group = row.childGroups.find((g) => g.key === column.key);
          return (group?.ids ?? []).map((id) => {
            const child = view.items[id];
            return linkRef(view, id, child && isMeasure(child) ? lastTargetNote(child) : undefined);
          });
        }),
        links: row.councilLinks.map((group) => groupRefs(view, group)),
      })),
    };
  });
}

/** Ids of the children shown in council tables, so the page does not list them twice. */
export function councilRowIds(view: ViewModel, item: ItemView): Set<string> {
  return new Set(item.children.filter((id) => view.items[id]?.councilRow === true));
}

export interface ChildTable {
  key: string;
  caption: string;
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { ref: LinkRef; cells: string[] }[];
}

/**
 * A group of children as a table when they carry facts (years, responsible, status for actions; for measures their
 * type, baseline and targets by year); undefined when a plain list says it all.
 */
export function childTable(view: ViewModel, group: IdGroup): ChildTable | undefined {
  const items = group.ids.map((id) => view.items[id]).filter((i): i is ItemView => i !== undefined);
  if (items.length === 0) return undefined;
  const lang = view.lang;
  const measures = items.every(isMeasure);
  const columns: { key: string; label: string; cell: (item: ItemView) => string }[] = [];
  // The facts schema/ shows, in its order; of a measure's facts only its type, as its values get columns of their own.
  for (const item of items) {
    for (const fact of item.facts) {
      if (columns.some((column) => column.key === fact.field) || (measures && fact.role !== 'measure-type')) continue;
      columns.push({ key: fact.field, label: fact.label, cell: (row) => row.facts.find((f) => f.field === fact.field)?.value ?? '' });
    }
  }
  if (items.some((item) => baselineOf(item))) {
    columns.push({
      key: 'baseline',
      label: items.find((item) => item.measure)!.measure!.labels.baseline,
      cell: (item) => {
        const baseline = baselineOf(item);
        return baseline ? pointText(baseline) : '';
      },
    });
  }
  for (const year of targetYears(items)) {
    columns.push({
      key: `target-${year}`,
      label: t(lang, 'field.targetYear', { year }),
      cell: (item) => targetsOf(item).find((p) => p.year === year)?.text ?? '',
    });
  }
  if (columns.length === 0) return undefined;
  return {
    key: group.key,
    caption: group.label,
    rowHeader: items[0]!.kindLabel,
    columns: columns.map(({ key, label }) => ({ key, label })),
    rows: items.map((item) => ({ ref: linkRef(view, item.id), cells: columns.map((column) => column.cell(item)) })),
  };
}
