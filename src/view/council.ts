/** A council table's columns, from a run of rows of one kind: what both the site and the PDF lay out. */
import type { ItemView } from './types.ts';

export interface CouncilColumn {
  /** The child kind, or `field:<name>` for a field's column. */
  key: string;
  label: string;
  /** The field whose value fills the column; undefined for a kind of child. */
  field?: string;
}

/**
 * The columns after the row's title, as the rows' kind declares them (`x-council-columns`): a field's column where
 * some row has a value for it, and for `children` each kind of child in order of first appearance.
 */
export function councilColumns(rows: readonly ItemView[]): CouncilColumn[] {
  const columns: CouncilColumn[] = [];
  for (const name of rows[0]?.councilColumns ?? []) {
    if (name === 'children') {
      for (const row of rows) for (const group of row.childGroups) if (!columns.some((column) => column.key === group.key)) columns.push({ key: group.key, label: group.label });
      continue;
    }
    const label = rows.flatMap((row) => row.councilFacts).find((fact) => fact.field === name)?.label;
    if (label !== undefined) columns.push({ key: `field:${name}`, label, field: name });
  }
  return columns;
}

/** A row's value in a field's column, '' when it has none. */
export function councilValue(row: ItemView, field: string): string {
  return row.councilFacts.find((fact) => fact.field === field)?.value ?? '';
}
