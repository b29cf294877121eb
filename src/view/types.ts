import type { Root } from 'mdast';
import type { GlossaryEntry } from '../model/types.ts';

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
  /** All front-matter of this language's file: the renderers read the fields they know. */
  fields: Record<string, unknown>;
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
  /** Flags of the kind from schema/ (`x-council-table`, `x-expect-inbound-links`, ...). */
  flags: Record<string, unknown>;
}

export interface ViewModel {
  lang: string;
  languages: readonly string[];
  languageNames: Record<string, string>;
  /** Labels from schema/project.json in this language (e.g. "Koppling till strategin"). */
  labels: Record<string, string>;
  /** The root item (the document). */
  root: ItemView;
  items: Record<string, ItemView>;
  /** Every id, depth-first in document order. */
  order: string[];
  /** Ids of the items other items link to (values, promises, strategic goals), grouped by kind in order. */
  linkTargets: IdGroup[];
  glossary: readonly GlossaryEntry[];
  /** When the source last changed, as an ISO date-time: used for reproducible output. */
  sourceDate: string;
}

export type { GlossaryEntry } from '../model/types.ts';

