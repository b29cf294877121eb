import { execFileSync } from 'node:child_process';
import { toHast } from 'mdast-util-to-hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { Root as HastRoot } from 'hast';
import type { ProjectConfig, StrategyGraph } from '../model/types.ts';
import type { AccessibilityView, IdGroup, ItemView, ViewModel } from './types.ts';
import { documentOf, factsAt, factsNamed, measureOf, statusOf } from './facts.ts';
import { kindPresentation } from '../model/presentation.ts';
import { buildChangesView } from './changes.ts';
import { provenanceOf } from './provenance.ts';
import type { ChangeSet } from '../changes/compare.ts';
import type { Decision } from '../changes/versions.ts';
import { t } from '../messages/index.ts';

/** A strategy with no item to build from (check has nothing to say against an empty folder). */
export class EmptyStrategyError extends Error {
  override name = 'EmptyStrategyError';
}

const footnoteLabels: Record<string, { footnoteLabel: string; footnoteBackLabel: string }> = {
  sv: { footnoteLabel: 'Fotnoter', footnoteBackLabel: 'Tillbaka till texten' },
  fi: { footnoteLabel: 'Alaviitteet', footnoteBackLabel: 'Takaisin tekstiin' },
};

/**
 * Markdown to HTML with every raw HTML node dropped and the result sanitised (GitHub's allow-list).
 * mdast-util-to-hast already prefixes the ids it makes (footnotes) with `user-content-`, and raw HTML, the only
 * other source of ids, is dropped: so the sanitiser must not prefix them a second time, or footnote links break.
 */
export function bodyToHtml(body: Root, lang?: string): string {
  const labels = lang ? footnoteLabels[lang] : undefined;
  const hast = toHast(body, { allowDangerousHtml: false, ...(labels ?? {}) }) as HastRoot;
  return toHtml(sanitize(hast, { ...defaultSchema, clobberPrefix: '' }) as HastRoot);
}

export function itemHref(lang: string, id: string): string {
  return `/${lang}/${id}/`;
}

/** Where the date of a build's output (the accessibility statement's, the PDFs' creation date) came from. */
export interface ContentDate {
  iso: string;
  from: 'document' | 'SOURCE_DATE_EPOCH' | 'git' | 'none';
  /** strategy/ has changes that no commit holds (from `git`: the date is older than the content). */
  uncommitted: boolean;
}

const git = (strategyDir: string, args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, { cwd: strategyDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
};

/**
 * The date the output carries, from the content: the document's own date (its field with `x-role: date`), else
 * SOURCE_DATE_EPOCH, else the last commit that touched the strategy folder, else the epoch (reproducible output).
 */
export function contentDate(strategyDir: string, documentDate?: string): ContentDate {
  const status = git(strategyDir, ['status', '--porcelain', '--', '.']);
  const uncommitted = status !== undefined && status.trim() !== '';
  if (documentDate && /^\d{4}-\d{2}-\d{2}$/.test(documentDate) && !Number.isNaN(Date.parse(documentDate))) return { iso: new Date(`${documentDate}T00:00:00Z`).toISOString(), from: 'document', uncommitted };
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return { iso: new Date(Number(epoch) * 1000).toISOString(), from: 'SOURCE_DATE_EPOCH', uncommitted };
  const iso = git(strategyDir, ['log', '-1', '--format=%cI', '--', '.'])?.trim();
  if (iso) return { iso: new Date(iso).toISOString(), from: 'git', uncommitted };
  return { iso: new Date(0).toISOString(), from: 'none', uncommitted };
}

/** The date of the output as an ISO date-time (contentDate without the document's own date). */
export function sourceDate(strategyDir: string): string {
  return contentDate(strategyDir).iso;
}

/** project.json's `accessibility` in one language: each entry a text, or language → text. */
function accessibilityOf(raw: ProjectConfig['accessibility'], lang: string, organisation: string | undefined): AccessibilityView {
  const text = (key: string): string | undefined => {
    const value = raw?.[key];
    const found = typeof value === 'string' ? value : value?.[lang];
    return found && found.trim() ? found.trim() : undefined;
  };
  const [feedback, authority, authorityUrl] = [text('feedback'), text('authority'), text('authorityUrl')];
  return { institution: text('institution') ?? organisation ?? '', ...(feedback ? { feedback } : {}), ...(authority ? { authority } : {}), ...(authorityUrl ? { authorityUrl } : {}) };
}

function groupBy(ids: string[], keyOf: (id: string) => string, labelOf: (key: string) => string): IdGroup[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyOf(id);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups].map(([key, list]) => ({ key, label: labelOf(key), ids: list }));
}

/** The per-language view model the site and the PDFs both read, so they cannot disagree. */
export function buildViewModel(
  graph: StrategyGraph,
  lang: string,
  options: { strategyDir: string; sourceDate?: string; changes?: { set: ChangeSet; before: StrategyGraph; decision: Decision } },
): ViewModel {
  const { schema } = graph;
  const kindOf = (id: string) => graph.get(id)!.kind;
  const plural = (kind: string) => schema.kinds.get(kind)?.plural[lang] ?? kind;
  const items: Record<string, ItemView> = {};
  const order: string[] = [];

  const visit = (id: string, ancestors: string[], number: string | undefined) => {
    const item = graph.get(id, lang)!;
    const definition = schema.kinds.get(item.kind);
    const presentation = definition ? kindPresentation(definition) : undefined;
    const children = [...(graph.children.get(id) ?? [])];
    const links = [...(definition?.linkFields ?? [])]
      .map(([field, link]) => ({
        key: field,
        label: link.label?.[lang] ?? field,
        ids: (graph.outgoing.get(id) ?? []).filter((l) => l.field === field && l.resolved && link.kinds.includes(kindOf(l.to))).map((l) => l.to),
      }))
      .filter((group) => group.ids.length > 0);
    const inbound = [...new Set((graph.incoming.get(id) ?? []).filter((l) => l.field !== 'parent' && graph.items.has(l.from)).map((l) => l.from))];
    items[id] = {
      id,
      kind: item.kind,
      kindLabel: definition?.label[lang] ?? item.kind,
      kindPlural: plural(item.kind),
      lang,
      title: item.title,
      number,
      data: item.data,
      facts: presentation ? factsAt(presentation, item.data, lang, 'facts') : [],
      measure: presentation ? measureOf(presentation, item.data, lang) : undefined,
      status: presentation ? statusOf(presentation, item.data, lang) : undefined,
      heading: presentation?.heading ?? false,
      body: item.file.body,
      bodyHtml: bodyToHtml(item.file.body, lang),
      parent: item.parent,
      ancestors,
      children,
      childGroups: groupBy(children, kindOf, plural),
      links,
      linkedFrom: groupBy(inbound, kindOf, plural),
      href: itemHref(lang, id),
      alternates: Object.fromEntries(schema.project.languages.map((l) => [l, itemHref(l, id)])),
      source: item.file.path,
      linkTarget: definition?.expectInboundLinks ?? false,
      councilRow: presentation?.councilRow ?? false,
      councilColumns: presentation?.councilColumns ?? ['children'],
      councilFacts: presentation ? factsNamed(presentation, item.data, lang, presentation.councilColumns) : [],
      councilLinks: presentation?.councilLinks.length ? links.filter((group) => presentation.councilLinks.includes(group.key)) : links,
      provenance: presentation ? provenanceOf(graph, id, presentation, lang) : undefined,
    };
    order.push(id);
    let counter = 0;
    for (const child of children) {
      const numbered = schema.kinds.get(kindOf(child))?.flags['x-numbered'] === true;
      const childNumber = numbered ? (number ? `${number}.${++counter}` : String(++counter)) : undefined;
      visit(child, [...ancestors, id], childNumber);
    }
  };

  const [rootId] = graph.roots;
  if (!rootId) throw new EmptyStrategyError(t('build.no-root'));
  visit(rootId, [], undefined);

  const isTarget = (kind: string) => schema.kinds.get(kind)?.expectInboundLinks === true;
  const targetKinds = [...new Set(order.map((id) => items[id]!.kind).filter(isTarget))];
  const linkTargets = targetKinds
    .map((kind) => ({ key: kind, label: plural(kind), ids: order.filter((id) => items[id]!.kind === kind) }))
    .filter((group) => group.ids.length > 0);

  // The link matrix: rows of the kinds that declare `x-matrix`, columns the targets of those link fields.
  const matrixKinds = new Map<string, readonly string[]>();
  for (const [kind, definition] of schema.kinds) {
    const { matrix } = kindPresentation(definition);
    if (matrix.length > 0) matrixKinds.set(kind, matrix);
  }
  const rows = order.filter((id) => matrixKinds.has(items[id]!.kind));
  const columnKinds = [...new Set([...matrixKinds].flatMap(([kind, fields]) => fields.flatMap((field) => schema.kinds.get(kind)?.linkFields.get(field)?.kinds ?? [])))];
  const columns = columnKinds.map((kind) => ({ key: kind, label: plural(kind), ids: order.filter((id) => items[id]!.kind === kind) })).filter((group) => group.ids.length > 0);
  const changes = options.changes ? buildChangesView(options.changes.set, options.changes.before, graph, options.changes.decision, lang) : undefined;
  if (changes) for (const item of changes.items) if (items[item.id]) items[item.id]!.changedSince = { label: changes.changedSince, href: `${changes.href}#${item.anchor}` };
  const rootDefinition = schema.kinds.get(items[rootId]!.kind);
  const document = rootDefinition ? documentOf(kindPresentation(rootDefinition), items[rootId]!.data, lang) : { statements: [], cover: [], front: [] };

  return {
    lang,
    languages: schema.project.languages,
    languageNames: schema.project.languageNames,
    labels: Object.fromEntries(Object.entries(schema.project.labels).map(([key, byLang]) => [key, byLang[lang] ?? key])),
    root: items[rootId]!,
    document,
    accessibility: accessibilityOf(schema.project.accessibility, lang, document.organisation),
    matrix: rows.length > 0 && columns.length > 0 ? { rows, rowLabel: plural(items[rows[0]!]!.kind), columns } : undefined,
    items,
    order,
    linkTargets,
    glossary: graph.glossary,
    sourceDate: options.sourceDate ?? sourceDate(options.strategyDir),
    license: schema.project.openData?.license ?? { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' },
    ...(changes ? { changes } : {}),
  };
}
