import type { ValidateFunction } from 'ajv';

export type { ParseProblem, Place, Point, SourceFile, YamlPath } from '../parse/types.ts';
import type { Place, SourceFile } from '../parse/types.ts';

/**
 * An entry under the strategy folder that is never read: not named like an item (`notes.txt`, `x.en.md`, `README.md`),
 * a hidden file named like one (`.x.sv.md`), or a symbolic link or special file not named like one. Images and the
 * files the project names (its glossary, its notes) are not strays.
 */
export interface Stray {
  /** Relative to the strategy root, with forward slashes. */
  path: string;
  what: 'file' | 'symlink' | 'special';
  /** `language`: named `x.<code>.md` with a code that is not one of the project's languages. */
  why: 'name' | 'language' | 'hidden';
  /** The language code of an `x.<code>.md` name. */
  lang?: string;
}

/** One language version of an item. */
export interface Item {
  id: string;
  kind: string;
  lang: string;
  file: SourceFile;
  data: Record<string, unknown>;
  title: string;
  order: number;
  parent: string | undefined;
}

/** A reference from one item to another, kept even when its target does not exist. */
export interface Link {
  from: string;
  /** The front-matter field that holds the reference (`parent` for the hierarchy). */
  field: string;
  /** Index inside the field when it is a list. */
  index: number | undefined;
  to: string;
  /** The kinds the schema allows at the target. */
  expectedKinds: readonly string[];
  /** False when no item has the id `to`. */
  resolved: boolean;
}

export interface KindDefinition {
  kind: string;
  /** The schema file that declares this kind, relative to the schema root. */
  schemaPath: string;
  schema: Record<string, unknown>;
  label: Record<string, string>;
  plural: Record<string, string>;
  /** Kinds allowed as parent; empty for a root kind. */
  parentKinds: readonly string[];
  /** Front-matter fields that reference other items, other than `parent`, with the kinds they may point at. */
  linkFields: ReadonlyMap<string, { kinds: readonly string[]; label: Record<string, string> | undefined }>;
  /** Fields written in the file's own language. All others are language-neutral. */
  translatableFields: ReadonlySet<string>;
  /** Warn when no item links here (values, promises, strategic goals). */
  expectInboundLinks: boolean;
  /** Warn when the item has no child of these kinds (a goal without a measure). */
  expectChildren: readonly string[];
  /** Extra flags from the schema (`x-*` keywords) that renderers may read. */
  flags: Record<string, unknown>;
  validate: ValidateFunction;
}

export interface ProjectConfig {
  languages: readonly string[];
  primaryLanguage: string;
  languageNames: Record<string, string>;
  labels: Record<string, Record<string, string>>;
  glossary: string | undefined;
  /** Which field of a glossary entry holds what (schema/glossary.schema.json's `x-role`s, else these defaults). */
  glossaryFields: GlossaryFields;
  /** Names written the same in every language (Sotkanet, HaiPro): never judged as text of one language. */
  properNames: readonly string[];
  /**
   * Files in the strategy folder that are notes for its editors, not items (`MIGRATION.md`), relative to it: never
   * read, and not reported as strays.
   */
  notes: readonly string[];
  /** Warnings the county accepts for good: a rule on an item (by id) or a file (by its path in the strategy folder), and why. */
  acknowledged: readonly Acknowledgement[];
  /** Per language, the project's own words the spelling rule accepts (names of places, organisations, terms). */
  spelling: Readonly<Record<string, readonly string[]>>;
  /**
   * What the accessibility statement names (`institution`, `authority`, `feedback`, `authorityUrl`, ...), each a text
   * or language → text, as schema/project.json gives it; undefined when it gives none.
   */
  accessibility: Readonly<Record<string, string | Record<string, string>>> | undefined;
  /** The open data's licence (`openData.license`: an SPDX id, its name and its address), when project.json gives one. */
  openData?: { license: { name: string; title: string; path: string } };
}

/** The field names of a glossary entry: the terms by language, and the id, definition, source and note. */
export interface GlossaryFields {
  id: string;
  /** Language → the field with that language's terms. */
  terms: Readonly<Record<string, string>>;
  definition: string;
  source: string;
  note: string;
}

export interface Acknowledgement {
  rule: string;
  id?: string;
  path?: string;
  reason: string;
}

export interface SchemaSet {
  root: string;
  project: ProjectConfig;
  kinds: ReadonlyMap<string, KindDefinition>;
  /** The glossary's schema, compiled (schema/glossary.schema.json: the file whose items declare `x-glossary`). */
  glossary?: { path: string; validate: ValidateFunction };
}

/**
 * One termbase entry: the same concept's terms in each language, each in its base form (the first the preferred
 * term), what the concept is in each language, and where that wording comes from. The field names are the
 * glossary schema's (schema/glossary.schema.json, by `x-role`).
 */
export interface GlossaryEntry {
  id: string;
  terms: Record<string, string[]>;
  /** The definition in each language. */
  definition?: Record<string, string>;
  /** The source of the definition, a short citation (an Act and its section, a termbank), when it has one. */
  source?: string;
  note?: string;
  /** Where each term is written in the glossary file, in the order of `terms`; absent for an entry built in code. */
  places?: Record<string, Place[]>;
}

/** The whole strategy: every item, its place in the hierarchy, and links in both directions. */
export interface StrategyGraph {
  schema: SchemaSet;
  files: readonly SourceFile[];
  /** Items by id, then by language. Only the first definition of an id per language is kept here. */
  items: ReadonlyMap<string, ReadonlyMap<string, Item>>;
  /** Later definitions of an id already taken, with the first one. */
  duplicates: readonly { item: Item; first: Item }[];
  /** The item a file defines, by file path. */
  byFile: ReadonlyMap<string, Item>;
  /** Ids of root items (no parent), in order. */
  roots: readonly string[];
  /** Child ids by parent id, in order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Links (including `parent`) by source id, from the primary language's file when there is one. */
  outgoing: ReadonlyMap<string, readonly Link[]>;
  /** Links by target id. */
  incoming: ReadonlyMap<string, readonly Link[]>;
  /** The item in a language, else in any language. */
  get(id: string, lang?: string): Item | undefined;
  /** The sv↔fi termbase. */
  glossary: readonly GlossaryEntry[];
  /** The glossary file, for messages about its entries: its text, named as messages name it; absent without one. */
  glossaryFile?: SourceFile;
  /** Files by stem, then language: the twins. */
  twins: ReadonlyMap<string, ReadonlyMap<string, SourceFile>>;
  /** Entries under the strategy folder that are never read, each with an empty file that messages are attached to. */
  strays: readonly (Stray & { file: SourceFile })[];
}
