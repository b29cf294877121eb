import type { GlossaryEntry, Item, Link, SchemaSet, SourceFile, StrategyGraph } from './types.ts';

function byOrder(a: Item, b: Item): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function asItem(file: SourceFile): Item | undefined {
  const data = file.data;
  if (!data || typeof data['id'] !== 'string' || typeof data['kind'] !== 'string') return undefined;
  return {
    id: data['id'],
    kind: data['kind'],
    lang: file.lang,
    file,
    data,
    title: typeof data['title'] === 'string' ? data['title'] : data['id'],
    order: typeof data['order'] === 'number' && Number.isFinite(data['order']) ? data['order'] : Number.MAX_SAFE_INTEGER,
    parent: typeof data['parent'] === 'string' ? data['parent'] : undefined,
  };
}

/** The links an item declares, as its schema names them; `parent` first. */
export function declaredLinks(item: Item, schema: SchemaSet): Omit<Link, 'resolved'>[] {
  const definition = schema.kinds.get(item.kind);
  const links: Omit<Link, 'resolved'>[] = [];
  if (item.parent !== undefined) {
    links.push({ from: item.id, field: 'parent', index: undefined, to: item.parent, expectedKinds: definition?.parentKinds ?? [] });
  }
  for (const [field, { kinds }] of definition?.linkFields ?? []) {
    const value = item.data[field];
    const targets = Array.isArray(value) ? value : value === undefined ? [] : [value];
    targets.forEach((to, index) => {
      if (typeof to === 'string') links.push({ from: item.id, field, index: Array.isArray(value) ? index : undefined, to, expectedKinds: kinds });
    });
  }
  return links;
}

/** The item in a language, else in the primary language, else in any. */
function lookup(items: ReadonlyMap<string, ReadonlyMap<string, Item>>, primary: string): StrategyGraph['get'] {
  return (id, lang) => {
    const versions = items.get(id);
    if (!versions) return undefined;
    return (lang !== undefined ? versions.get(lang) : undefined) ?? versions.get(primary) ?? versions.values().next().value;
  };
}

/**
 * The graph with some files swapped for newer versions of themselves (same path) whose front-matter is unchanged:
 * an edit of the body. Ids, links and the hierarchy stay as they were, so they are not rebuilt; the result is what
 * buildGraph would give for the new files. With any front-matter change, call buildGraph instead.
 */
export function withReplacedFiles(graph: StrategyGraph, replacements: ReadonlyMap<string, SourceFile>): StrategyGraph {
  const swap = (item: Item): Item => {
    const file = replacements.get(item.file.path);
    return file?.data ? { ...item, file, data: file.data } : item;
  };
  const items = new Map(graph.items);
  const byFile = new Map(graph.byFile);
  const twins = new Map(graph.twins);
  for (const [path, file] of replacements) {
    const old = graph.byFile.get(path);
    if (old) {
      const item = swap(old);
      byFile.set(path, item);
      const versions = items.get(item.id);
      if (versions?.get(item.lang) === old) items.set(item.id, new Map(versions).set(item.lang, item));
    }
    const pair = twins.get(file.stem);
    if (pair) twins.set(file.stem, new Map(pair).set(file.lang, file));
  }
  return {
    ...graph,
    files: graph.files.map((file) => replacements.get(file.path) ?? file),
    items,
    byFile,
    twins,
    duplicates: graph.duplicates.map(({ item, first }) => ({ item: swap(item), first: swap(first) })),
    get: lookup(items, graph.schema.project.primaryLanguage),
  };
}

/** Builds the graph from parsed files. Unresolved references stay in it as data, for the rules to report. */
export function buildGraph(schema: SchemaSet, files: readonly SourceFile[], glossary: readonly GlossaryEntry[] = [], strays: StrategyGraph['strays'] = [], glossaryFile?: SourceFile): StrategyGraph {
  const items = new Map<string, Map<string, Item>>();
  const byFile = new Map<string, Item>();
  const duplicates: { item: Item; first: Item }[] = [];
  const twins = new Map<string, Map<string, SourceFile>>();

  for (const file of files) {
    let pair = twins.get(file.stem);
    if (!pair) twins.set(file.stem, (pair = new Map()));
    pair.set(file.lang, file);
    const item = asItem(file);
    if (!item) continue;
    byFile.set(file.path, item);
    let versions = items.get(item.id);
    if (!versions) items.set(item.id, (versions = new Map()));
    const first = versions.get(item.lang);
    if (first) duplicates.push({ item, first });
    else versions.set(item.lang, item);
  }

  const primary = schema.project.primaryLanguage;
  const get = lookup(items, primary);

  const outgoing = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  const childItems = new Map<string, Item[]>();
  const rootItems: Item[] = [];
  for (const id of items.keys()) {
    const item = get(id)!;
    const links = declaredLinks(item, schema).map((link) => ({ ...link, resolved: items.has(link.to) }));
    outgoing.set(id, links);
    for (const link of links) {
      let list = incoming.get(link.to);
      if (!list) incoming.set(link.to, (list = []));
      list.push(link);
    }
    if (item.parent === undefined || !items.has(item.parent)) {
      if (item.parent === undefined) rootItems.push(item);
    } else {
      let siblings = childItems.get(item.parent);
      if (!siblings) childItems.set(item.parent, (siblings = []));
      siblings.push(item);
    }
  }
  const children = new Map([...childItems].map(([parent, list]) => [parent, list.sort(byOrder).map((item) => item.id)]));

  return {
    schema,
    files,
    items,
    duplicates,
    byFile,
    roots: rootItems.sort(byOrder).map((item) => item.id),
    children,
    outgoing,
    incoming,
    get,
    twins,
    glossary,
    ...(glossaryFile ? { glossaryFile } : {}),
    strays,
  };
}
