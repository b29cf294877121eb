/**
 * Planning a new item: its id, its folder and file names, its order among siblings and the front-matter
 * skeleton of each language version, all derived from schema/ and the current strategy. Nothing is written here.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { KindDefinition, StrategyGraph } from '../model/types.ts';
import { didYouMean } from '../util/suggest.ts';
import { oneOf, t } from '../messages/index.ts';
import { describeValue, kindProperties, type PropertyInfo } from './schema-props.ts';
import { slugify } from './slug.ts';

/** Whether anything stands at a path: a file, a folder, or a symbolic link (a dangling one too). */
function present(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

export class NewItemError extends Error {
  override name = 'NewItemError';
}

export interface NewItemRequest {
  kind: string;
  parent: string;
  /** Title by language; languages without one get an empty title with a comment. */
  titles: Readonly<Record<string, string>>;
  /** Source of randomness for ids without a title; replaceable in tests. */
  randomHex?: () => string;
}

export interface NewItemPlan {
  id: string;
  kind: string;
  parent: string;
  order: number | undefined;
  /** Folder relative to the strategy root, with forward slashes ('' for the root). */
  folder: string;
  /** Whether the folder is new: the item gets a numbered folder of its own, as its siblings have. */
  createFolder: boolean;
  stem: string;
  /** One file per language, paths relative to the strategy root. */
  files: { lang: string; path: string; text: string }[];
}

function takenIds(graph: StrategyGraph): Set<string> {
  const ids = new Set(graph.items.keys());
  for (const file of graph.files) if (typeof file.data?.['id'] === 'string') ids.add(file.data['id']);
  return ids;
}

function freshId(kind: string, title: string | undefined, taken: Set<string>, randomHex: () => string): string {
  const slug = title ? slugify(title, Math.max(8, 60 - kind.length)) : '';
  if (slug) {
    const base = `${kind}-${slug}`;
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
  for (;;) {
    const id = `${kind}-${randomHex()}`;
    if (!taken.has(id)) return id;
  }
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return sorted[0] && (sorted.length === 1 || sorted[0][1] > sorted[1]![1]) ? sorted[0][0] : undefined;
}

/** A YAML scalar on one line, quoted only when it has to be. */
function scalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function skeleton(
  properties: readonly PropertyInfo[],
  known: Record<string, unknown>,
  languageName: string,
): string {
  const lines = ['---'];
  for (const property of properties) {
    const { name, schema } = property;
    if (name in known && known[name] !== undefined) {
      lines.push(`${name}: ${scalar(known[name])}`);
    } else if ('const' in schema) {
      lines.push(`${name}: ${scalar(schema['const'])}`);
    } else if (property.required) {
      const what = name === 'title' ? `the title in ${languageName}` : property.translatable ? `${describeValue(schema)} in ${languageName}` : describeValue(schema, property.linkKinds);
      lines.push(`${name}: # fill in: ${what}`);
    }
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n`;
}

export function planNewItem(graph: StrategyGraph, strategyRoot: string, request: NewItemRequest): NewItemPlan {
  const { schema } = graph;
  const { languages, primaryLanguage, languageNames } = schema.project;
  const definition: KindDefinition | undefined = schema.kinds.get(request.kind);
  if (!definition) {
    const hint = didYouMean(request.kind, schema.kinds.keys());
    throw new NewItemError(`${t('new.kind', { kind: request.kind, kinds: oneOf([...schema.kinds.keys()].sort()) })}${hint ? `; ${hint}` : ''}`);
  }
  if (definition.parentKinds.length === 0) {
    throw new NewItemError(t('new.root', { kind: request.kind, schema: `schema/${definition.schemaPath}` }));
  }
  const parent = graph.get(request.parent, primaryLanguage);
  if (!parent) {
    const hint = didYouMean(request.parent, graph.items.keys());
    throw new NewItemError(`${t('new.parent', { parent: request.parent })}${hint ? `; ${hint}` : ''}`);
  }
  if (!definition.parentKinds.includes(parent.kind)) {
    const allowed = [...graph.items.values()]
      .map((versions) => versions.values().next().value!)
      .filter((item) => definition.parentKinds.includes(item.kind))
      .map((item) => item.id);
    const example = allowed.length > 0 && allowed.length <= 8 ? t('new.parent-kind.example', { items: oneOf(allowed) }) : '';
    throw new NewItemError(`${t('new.parent-kind', { parent: parent.id, parentKind: parent.kind, kind: request.kind, allowed: oneOf(definition.parentKinds), schema: `schema/${definition.schemaPath}` })}${example}`);
  }

  const siblings = (graph.children.get(parent.id) ?? []).map((id) => graph.get(id, primaryLanguage)!).filter((item) => item.kind === request.kind);
  const properties = kindProperties(schema, definition);
  const hasOrder = properties.some((p) => p.name === 'order');
  const orders = siblings.map((item) => item.data['order']).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const order = hasOrder ? (orders.length > 0 ? Math.max(...orders) + 1 : 1) : undefined;

  const primaryTitle = request.titles[primaryLanguage]?.trim() || undefined;
  const randomHex = request.randomHex ?? (() => randomBytes(3).toString('hex'));
  const id = freshId(request.kind, primaryTitle, takenIds(graph), randomHex);

  const dirOf = (path: string) => (posix.dirname(path) === '.' ? '' : posix.dirname(path));
  const within = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
  const parentFolder = dirOf(parent.file.path);
  const slug = slugify(primaryTitle ?? '') || id.slice(request.kind.length + 1);
  const number = (width: number) => String(order ?? siblings.length + 1).padStart(width, '0');
  const digits = (names: readonly string[]) => Math.max(...names.map((name) => /^\d+/.exec(name)![0].length));

  let folder: string;
  let base: string;
  let createFolder = false;
  const siblingFolders = siblings.map((item) => dirOf(item.file.path));
  const shared = mostCommon(siblingFolders);
  const ownFolders = siblingFolders.map((dir) => posix.basename(dir));
  const ownNames = new Set(siblings.map((item) => posix.basename(item.file.stem)));
  if (
    siblings.length > 0 &&
    new Set(siblingFolders).size === siblings.length &&
    siblingFolders.every((dir) => dirOf(dir) === parentFolder && dir !== parentFolder) &&
    ownFolders.every((name) => /^\d+-/.test(name)) &&
    ownNames.size === 1
  ) {
    // Each sibling has a numbered folder of its own (`01-no-queues/goal.sv.md`): so does the new item.
    let candidate = within(parentFolder, `${number(digits(ownFolders))}-${slug}`);
    for (let n = 2; present(join(strategyRoot, candidate)); n++) candidate = within(parentFolder, `${number(digits(ownFolders))}-${slug}-${n}`);
    folder = candidate;
    base = [...ownNames][0]!;
    createFolder = true;
  } else {
    // Where the siblings of this kind live together (`goal/measures/`), unless that folder is one sibling's own
    // (its children live there too); else beside the parent.
    const owned = (dir: string) =>
      siblings.some((sibling) =>
        (graph.children.get(sibling.id) ?? []).some((child) => {
          const at = dirOf(graph.get(child, primaryLanguage)!.file.path);
          return at === dir || at.startsWith(`${dir}/`);
        }),
      );
    folder = shared !== undefined && !owned(shared) ? shared : parentFolder;
    // Follow the siblings' naming: `03-name` when they are numbered, else the id.
    const names = siblings.filter((item) => dirOf(item.file.path) === folder).map((item) => posix.basename(item.file.stem));
    const numbered = names.length > 0 && names.every((name) => /^\d+-/.test(name));
    base = numbered ? `${number(digits(names))}-${slug}` : id;
  }
  const taken = (stem: string) => graph.twins.has(within(folder, stem)) || languages.some((lang) => present(join(strategyRoot, folder, `${stem}.${lang}.md`)));
  let stem = base;
  for (let n = 2; taken(stem); n++) stem = `${base}-${n}`;

  const files = languages.map((lang) => {
    const known: Record<string, unknown> = { id, kind: request.kind, parent: parent.id, order, title: request.titles[lang]?.trim() || undefined };
    return {
      lang,
      path: within(folder, `${stem}.${lang}.md`),
      text: skeleton(properties, known, languageNames[lang] ?? lang),
    };
  });
  return { id, kind: request.kind, parent: parent.id, order, folder, createFolder, stem, files };
}
