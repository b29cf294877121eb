import type { Root } from 'mdast';
import type { GlossaryEntry } from '../model/types.ts';
import type { Count, ItemChange } from '../changes/compare.ts';
import type { Segment } from '../changes/text.ts';

/** A labelled group of item ids, e.g. the actions of a goal or the values a goal serves. */
export interface IdGroup {
  /** The kind (child and inbound groups) or the field (link groups) the group is about. */
  key: string;
  label: string;
  ids: string[];
}

/** One item in one language, as plain data for the renderers. */
export interface ItemView {
  id: string;
  kind: string;
  /** The kind's name in this language, singular and plural: "Mål" / "Tavoite". */
  kindLabel: string;
  kindPlural: string;
  lang: string;
  title: string;
  /** Section numbering in document order, e.g. "3.2"; only for items that are numbered (sections, chapters). */
  number: string | undefined;
  /**
   * The front-matter of this language's file, as open data publishes it (src/render/data/). No renderer reads it:
   * what a reader sees is in `facts`, `measure` and `status`, which schema/ declares.
   */
  data: Record<string, unknown>;
  /** The fields schema/ shows among the item's facts (`x-show: [facts]`), in the schema's order, in words. */
  facts: Fact[];
  /** Values and meaning of a measure (a kind marked `x-measure`). */
  measure: MeasureView | undefined;
  /** The field with `x-role: status`, in words. */
  status: StatusView | undefined;
  /** The item makes a section (`x-heading` or `x-numbered`): a heading, a table-of-contents entry and a bookmark. */
  heading: boolean;
  /** The Markdown body as mdast (for the PDF) and as sanitised HTML (for the site). */
  body: Root;
  bodyHtml: string;
  parent: string | undefined;
  /** From the root down to the parent. */
  ancestors: string[];
  children: string[];
  /** Children grouped by kind, in the order their kinds first appear. */
  childGroups: IdGroup[];
  /** Outbound links by field (values, promises, strategic goals), resolved ones only. */
  links: IdGroup[];
  /** Items that link here (not as parent), grouped by their kind. */
  linkedFrom: IdGroup[];
  /** Site path of this item, e.g. /sv/goal-older-home-care/ */
  href: string;
  /** Site path of the same item in each language. */
  alternates: Record<string, string>;
  /** The source file, relative to the strategy folder. */
  source: string;
  /** Other items are expected to link here (`x-expect-inbound-links`: values, promises, strategic goals). */
  linkTarget: boolean;
  /** Its kind's items are the rows of council tables (`x-council-table`). */
  councilRow: boolean;
  /** The council table's columns after the title (`x-council-columns`): field names, and `children` (by kind). */
  councilColumns: readonly string[];
  /** The values of the fields among those columns, whether or not they are among the facts. */
  councilFacts: Fact[];
  /** The links of the council table's link column: the groups of the fields `x-council-links` names, or all. */
  councilLinks: IdGroup[];
  /** "Ändrad sedan 11.03.2024" and where on the changes page, when the item changed since the last approved version. */
  changedSince?: { label: string; href: string };
  /** Where its text comes from, this language version's status and the county's open questions (schema roles). */
  provenance: ProvenanceView | undefined;
}

/** One field as a reader gets it: its label and its value in words. */
export interface Fact {
  field: string;
  /** The field's `x-role`, if it has one. */
  role: string | undefined;
  label: string;
  value: string;
  /** An external page for the value (a Sotkanet indicator). */
  url?: string;
  /** A second line, e.g. the author's description of a data source. */
  note?: string;
}

/** A measured or planned value in a year, and the value in words with its unit ("94 %", "ja"). */
export interface Point {
  year: number;
  value: number | boolean;
  text: string;
  /** The value in words without its unit, for tables with a unit column of their own: "94". */
  plain: string;
}

export interface MeasureView {
  type?: { value: string; label: string };
  unit?: string;
  direction?: { value: string; label: string };
  baseline: Point | undefined;
  targets: Point[];
  actuals: Point[];
  source?: { text: string; url?: string; note?: string };
  /** Where the chart's value axis starts (`x-role: axis-start`); zero when the measure does not say. */
  axisFrom: number;
  /** The schema's labels of the measure's fields in this language. */
  labels: { unit: string; baseline: string; targets: string; actuals: string; source: string };
}

export interface StatusView {
  value: string;
  label: string;
  /** The schema gives this value a watermark (`x-watermark`): a draft, a proposal. */
  watermark: boolean;
}

/** The document's metadata, from the fields with roles. */
export interface DocumentView {
  organisation?: string;
  subtitle?: string;
  period?: { start: number; end: number; text: string };
  status?: StatusView;
  version?: string;
  /** Fields with `x-role: statement` (a vision, a mission), in the schema's order. */
  statements: { field: string; label: string; text: string }[];
  /** The fields shown on the PDF's cover (`x-show: [cover]`) and on the site's front page (`[front]`). */
  cover: Fact[];
  front: Fact[];
}

/** The accessibility statement's institution, its feedback channel and its supervising authority (links). */
export interface AccessibilityView {
  /** Who publishes the site: project.json's `institution`, else the document's organisation. */
  institution: string;
  feedback?: string;
  authority?: string;
  authorityUrl?: string;
}

/** The link matrix: its rows (items of the kinds with `x-matrix`) and its columns (their link targets, by kind). */
export interface MatrixView {
  rows: string[];
  /** The rows' kind, in the plural: the heading of the row column. */
  rowLabel: string;
  columns: IdGroup[];
}

export interface ViewModel {
  lang: string;
  languages: readonly string[];
  languageNames: Record<string, string>;
  /** Labels from schema/project.json in this language (e.g. "Koppling till strategin"). */
  labels: Record<string, string>;
  /** The root item (the document). */
  root: ItemView;
  /** The root's metadata. */
  document: DocumentView;
  matrix: MatrixView | undefined;
  /** What the accessibility statement names, from project.json's `accessibility` in this language. */
  accessibility: AccessibilityView;
  items: Record<string, ItemView>;
  /** Every id, depth-first in document order. */
  order: string[];
  /** Ids of the items other items link to (values, promises, strategic goals), grouped by kind in order. */
  linkTargets: IdGroup[];
  glossary: readonly GlossaryEntry[];
  /** When the source last changed, as an ISO date-time: used for reproducible output. */
  sourceDate: string;
  /** What changed since the last approved version (versions/), when there is one. */
  changes?: ChangesView;
  /** The open data's licence: project.json's `openData.license`, else CC BY 4.0. */
  license: { name: string; title: string; path: string };
}

/** Where an item's text comes from and how far this language version can be relied on (src/view/provenance.ts). */
export interface ProvenanceView {
  /** "Servicestrategi 2025–2027, välfärdsområdesfullmäktige 11.03.2024 § 8: Ekonomiska förutsättningar (per 3/2024)". */
  source?: string;
  /** The month the item's figures refer to, "3/2024", when older than the source. */
  asOf?: string;
  /** This language version's status, and its label ("Översättning, inte granskad"). */
  status?: { value: string; label: string };
  /** This version is not the county's own text: a translation not yet reviewed, or the editors' revision. */
  unapproved: boolean;
  /** Languages whose version is the original, when this one is not. */
  originals: string[];
  /** The county's open questions, in this language, with the label of the field each is about. */
  questions: { field?: string; text: string }[];
}

/** What changed since the council last decided, in one language (src/view/changes.ts). */
/** A piece of changed text: kept, deleted or inserted words. */
export type ChangeSegment = Segment;

export interface ChangedBlockView {
  /** paragraph, heading, listItem, tableRow …: a table row's cells are joined by " | ". */
  type: string;
  change: 'added' | 'removed' | 'changed';
  /**
   * What to show: one part, word by word, where most of the text stayed; else two, the old text whole (deleted) and
   * the new text whole (inserted), as a text mostly rewritten does not read as islands of "och" and "för".
   */
  parts: ChangeSegment[][];
}

export interface ChangedFieldView {
  label: string;
  /** The old value, its removed words marked where most of it stayed (`[]` for an added item). */
  before: ChangeSegment[];
  /** The new value, its inserted words marked where most of it stayed (`[]` for a removed item). */
  after: ChangeSegment[];
}

export interface ChangedItemView {
  id: string;
  /** The fragment of the item on the changes page. */
  anchor: string;
  kindLabel: string;
  /** The title in this language (the older one for a removed item). */
  title: string;
  change: ItemChange['change'];
  /** "Tillagd", "Borttagen", "Ändrad". */
  changeLabel: string;
  /** The item's page, for an item the strategy still has. */
  href?: string;
  /** The title word by word (or old and new whole, as a block's parts), when it changed in this language. */
  titleChange?: ChangeSegment[];
  /** Where the item stands in the newer version (its parent's title), or stood, for a removed item. */
  place?: string;
  /** Moves, splits, merges and "only the Swedish version changed", in words. */
  notes: string[];
  fields: ChangedFieldView[];
  text: ChangedBlockView[];
}

export interface ChangesView {
  /** "Ändringar jämfört med beslutet 11.03.2024 § 8". */
  title: string;
  intro: string;
  /** "Ändrad sedan 11.03.2024": the link on each changed item's page. */
  changedSince: string;
  /** The changes page on the site. */
  href: string;
  empty: boolean;
  summary: { kind: string; label: string; counts: Record<Count, number> }[];
  totals: Record<Count, number>;
  items: ChangedItemView[];
  /** The renderers' words: headings, column heads, the legend and the screen reader's labels of insertions and deletions. */
  words: {
    summary: string;
    inOrder: string;
    noChanges: string;
    legend: string;
    legendInserted: string;
    legendDeleted: string;
    inserted: string;
    deleted: string;
    insertedEnd: string;
    deletedEnd: string;
    kind: string;
    total: string;
    field: string;
    before: string;
    after: string;
    titleField: string;
    /** "Del av": before an item's place. */
    partOf: string;
    counts: Record<Count, string>;
  };
}

export type { GlossaryEntry } from '../model/types.ts';

