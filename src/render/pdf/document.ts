/**
 * The council PDF as a pdfmake document definition, built from one language's view model.
 * Generic: kinds, their labels and their columns all come from the view model (schema/), never from here.
 * One file, over 300 lines, because its parts (cover, contents, sections, council tables, appendices) are one
 * Builder: they share the table of contents, the codes of the link targets and the flow of pages. What the redline
 * shares with it is in frame.ts.
 */
import type { IdGroup, ItemView, Point, ViewModel } from '../../view/types.ts';
import { councilColumns, councilValue, type CouncilColumn } from '../../view/council.ts';
import { fill, pdfStrings, type PdfStrings } from './locale.ts';
import { hasContent, mdastToPdf } from './mdast.ts';
import { colours, contentWidth, gridLayout, styles } from './styles.ts';
import { estimateHeight, rowHeights } from './estimate.ts';
import type { Content, Margins, PageOrientation, TableCell, TableNode, TDocumentDefinitions, TextNode } from './types.ts';
import { dest, inlineStyles, keepLimit, NUMBER_GAP, pageFrame, sectionHeading, webLink, withHeading, type DefinitionOptions } from './frame.ts';
import { webAddress } from '../../view/paths.ts';

// ---------------------------------------------------------------- reading the view model

/** Items shown as rows of the council table (`x-council-table`: goals). */
export const isCouncilRow = (item: ItemView): boolean => item.councilRow;
/** Items that make a section of their own: a heading, a table-of-contents entry and a bookmark. */
export const isSection = (item: ItemView): boolean => item.heading;
/** Measures, as the schema marks them (`x-measure`). */
export const isMeasure = (item: ItemView): boolean => item.measure !== undefined;

/** A section's heading: its number where the schema numbers its kind, then its title. */
const sectionLabel = (item: ItemView): string => (item.number ? `${item.number}\u2002${item.title}` : item.title);

/**
 * Short codes for the items goals link to (values, promises, strategic goals): V1, V2, VL1, S1 ...
 * The prefix is the first letter of the kind's label; when two kinds share it, the letter where their labels part is added.
 */
export function linkTargetCodes(view: ViewModel): { prefixes: Map<string, string>; codes: Map<string, string> } {
  const prefixes = new Map<string, string>();
  const labels = new Map<string, string>();
  // The link targets (kinds other items are expected to link to) and the matrix's columns: both are shown by code.
  const groups = [...view.linkTargets, ...(view.matrix?.columns ?? []).filter((column) => !view.linkTargets.some((target) => target.key === column.key))];
  for (const group of groups) {
    const label = (view.items[group.ids[0] ?? '']?.kindLabel ?? group.label).trim() || group.key;
    const upper = label.toLocaleUpperCase(view.lang);
    let prefix = upper.charAt(0);
    const taken = () => [...prefixes.values()].includes(prefix);
    if (taken()) {
      const rival = [...labels.entries()].find(([key]) => prefixes.get(key) === prefix)?.[1] ?? '';
      let common = 0;
      while (common < upper.length && upper[common] === rival[common]) common++;
      const letters = upper.slice(Math.max(1, common)).replace(/[^\p{L}]/gu, '');
      for (const letter of letters) {
        prefix = upper.charAt(0) + letter;
        if (!taken()) break;
      }
      if (taken()) prefix = `${upper.charAt(0)}${prefixes.size + 1}-`;
    }
    prefixes.set(group.key, prefix);
    labels.set(group.key, upper);
  }
  const codes = new Map<string, string>();
  for (const group of groups) group.ids.forEach((id, index) => codes.set(id, `${prefixes.get(group.key)}${index + 1}`));
  return { prefixes, codes };
}

// ---------------------------------------------------------------- page flow

/**
 * Collects the content and switches page orientation only where needed: a node that wants another orientation
 * than the current page (or a fresh page) starts a new page with `pageBreak` and `pageOrientation`.
 */
class Flow {
  readonly content: Content[] = [];
  private orientation: PageOrientation = 'portrait';
  private breakPending = false;
  /** Whether the current page holds nothing but headings so far (a new page would leave them alone). */
  private onlyHeadings = true;

  /** The next node starts a new page, unless this page has nothing but headings yet. */
  newPage(): void {
    this.breakPending = this.content.length > 0 && !this.onlyHeadings;
  }

  add(node: Content, orientation: PageOrientation, options: { heading?: boolean } = {}): void {
    if (this.breakPending || orientation !== this.orientation) {
      this.content.push({ stack: [node], pageBreak: 'before', pageOrientation: orientation });
      this.orientation = orientation;
      this.breakPending = false;
      this.onlyHeadings = true;
    } else {
      this.content.push(node);
    }
    this.onlyHeadings &&= options.heading === true;
  }
}

// ---------------------------------------------------------------- the builder

const rowsKeepWhole = (body: TableCell[][], widths: number[], fontSize: number, padding: number): boolean =>
  rowHeights(body, widths, styles, fontSize, padding).every((height) => height < keepLimit);
const contains = (haystack: string, needle: string): boolean => needle !== '' && haystack.toLocaleLowerCase().includes(needle.toLocaleLowerCase());
/** An entry of the table of contents: a heading's destination, its words and its depth. */
interface TocEntry {
  id: string;
  label: string;
  depth: number;
}

/**
 * A portrait table of an appendix whose rows are grouped under the numbered section they belong to (and, below it,
 * under the item that holds them): each group's row spans the table and heads the rows below it.
 */
class GroupedRows {
  readonly body: TableCell[][];
  readonly groupRows = new Set<number>();
  readonly subgroupRows = new Set<number>();
  private readonly columns: number;
  private section: string | undefined;
  private parent: string | undefined;

  constructor(header: TableCell[]) {
    this.columns = header.length;
    this.body = [header];
  }

  private span(text: string, style: string): TableCell[] {
    return [{ text, style, colSpan: this.columns, tag: { type: 'TH', scope: 'Row' } } as TableCell, ...Array.from({ length: this.columns - 1 }, () => ({ text: '' }))];
  }

  /** The rows that follow belong to `section` (a numbered item) and within it to `owner`. */
  under(section: ItemView | undefined, owner?: ItemView): void {
    if (section && section.id !== this.section) {
      this.section = section.id;
      this.parent = undefined;
      this.groupRows.add(this.body.length);
      this.body.push(this.span(`${section.number ?? ''}${NUMBER_GAP}${section.title}`.trim(), 'groupRow'));
    }
    if (owner && owner.id !== this.parent && owner !== section) {
      this.parent = owner.id;
      this.subgroupRows.add(this.body.length);
      this.body.push(this.span(owner.title, 'subgroupRow'));
    }
  }

  row(cells: TableCell[]): void {
    this.body.push(cells);
  }

  /** The table, its first column taking what the fixed widths of the others leave. */
  table(fixed: number[]): TableNode {
    const width = contentWidth.portrait - this.columns * 8 - (this.columns + 1) * 0.5;
    const widths = [Math.floor(width - fixed.reduce((a, b) => a + b, 0)), ...fixed];
    const whole = rowsKeepWhole(this.body, widths, 8.5, 6);
    return {
      table: { headerRows: 1, ...(whole ? { keepWithHeaderRows: 1 } : {}), dontBreakRows: whole, widths, body: this.body },
      layout: gridLayout({ headerRows: 1, groupRows: this.groupRows, subgroupRows: this.subgroupRows }),
      style: 'cell',
      tag: { type: 'Table', rowHeaders: true },
    };
  }
}

class Builder {
  readonly strings: PdfStrings;
  readonly flow = new Flow();
  readonly tocEntries: TocEntry[] = [];
  readonly codes: Map<string, string>;
  readonly prefixes: Map<string, string>;
  readonly measures: ItemView[];
  readonly councilRows: ItemView[];
  private appendixCount = 0;

  readonly view: ViewModel;
  readonly site: string | undefined;

  constructor(view: ViewModel, options: DefinitionOptions) {
    this.view = view;
    this.site = options.site;
    this.strings = pdfStrings(view.lang);
    ({ codes: this.codes, prefixes: this.prefixes } = linkTargetCodes(view));
    const all = view.order.map((id) => view.items[id]!);
    this.measures = all.filter(isMeasure);
    this.councilRows = all.filter(isCouncilRow);
  }

  item(id: string): ItemView {
    const item = this.view.items[id];
    if (!item) throw new Error(`The view model has no item ${id}`);
    return item;
  }

  get title(): string {
    return this.view.root.title;
  }

  /** The nearest numbered ancestor: the section a goal belongs to. */
  numberedAncestor(item: ItemView): ItemView | undefined {
    for (let i = item.ancestors.length - 1; i >= 0; i--) {
      const ancestor = this.view.items[item.ancestors[i]!];
      if (ancestor && isSection(ancestor)) return ancestor;
    }
    return undefined;
  }

  // ---- cover

  cover(): Content {
    const document = this.view.document;
    const period = document.period?.text;
    // The fields schema/ shows on the cover (`x-show: [cover]`), as the site's front page shows its own.
    const body: TableCell[][] = document.cover.map((fact) => [{ text: fact.label, style: 'coverLabel' }, { text: fact.value, style: 'coverValue' }]);
    // Where the strategy is on the web, when the build knows the site's public address.
    if (this.site) {
      const address = webAddress(this.site, this.view.lang);
      body.push([{ text: this.strings.web.site, style: 'coverLabel' }, { text: [webLink(address)], style: 'coverValue' }]);
    }
    return {
      stack: [
        { text: document.organisation ?? '', style: 'coverOrganisation', margin: [0, 0, 0, 150] },
        // The kind ("Servicestrategi") and the period only where the title does not already say them.
        ...(contains(this.title, this.view.root.kindLabel) ? [] : [{ text: this.view.root.kindLabel, style: 'coverKind' }]),
        { text: this.title, style: 'coverTitle' },
        ...(document.subtitle ? [{ text: document.subtitle, style: 'coverSubtitle' }] : []),
        ...(period && !contains(this.title, period) ? [{ text: period, style: 'coverPeriod' }] : []),
        ...(body.length > 0
          ? [
              {
                table: { widths: [120, '*'], body },
                layout: { hLineWidth: (i: number) => (i === 0 ? 1 : 0), vLineWidth: () => 0, hLineColor: () => colours.accent, paddingLeft: () => 0, paddingTop: (i: number) => (i === 0 ? 10 : 3), paddingBottom: () => 3 },
                margin: [0, 170, 0, 0],
                // Label | value: each label heads its row.
                tag: { type: 'Table', rowHeaders: true },
              } as Content,
            ]
          : []),
      ],
    };
  }

  // ---- table of contents and headings

  /** A heading that is also an entry of the table of contents. */
  heading(options: Parameters<typeof sectionHeading>[0]): TextNode {
    this.tocEntries.push({ id: options.id, label: options.label, depth: Math.min(Math.max(options.depth, 1), 3) });
    return sectionHeading(options);
  }

  /**
   * The table of contents: every entry's title and page number (pdfmake's page references), both linking to the
   * heading. Laid out as pdfmake's own `toc` would be, which cannot be tagged: it copies the heading's text.
   */
  toc(): Content {
    const rows: TableCell[][] = this.tocEntries.map(({ id, label, depth }) => {
      const margin: [number, number, number, number] = [(depth - 1) * 16, depth === 1 ? 7 : 2, 0, 0];
      const style = `tocL${depth}`;
      return [
        { text: label, linkToDestination: id, alignment: 'left', style, margin },
        { text: '', pageReference: id, linkToDestination: id, alignment: 'right', style, margin: [0, margin[1], 0, margin[3]] as Margins },
      ];
    });
    const title: TextNode = { text: this.strings.toc, style: 'tocTitle', tag: { type: 'H', level: 1 } };
    if (rows.length === 0) return title;
    return { stack: [title, { table: { dontBreakRows: true, widths: ['*', 'auto'], body: rows }, layout: 'noBorders', tag: { type: 'TOC', depths: this.tocEntries.map((entry) => entry.depth) } }] };
  }

  body(item: ItemView, paragraphStyle?: string, width?: number): Content[] {
    return mdastToPdf(item.body, { imageLabel: this.strings.image, ...(paragraphStyle ? { paragraphStyle } : {}), ...(width ? { width } : {}) });
  }

  // ---- intro: the document's own text, vision and mission

  intro(): void {
    const statements: Content[] = this.view.document.statements.flatMap((statement): Content[] => [
      { text: statement.label, style: 'groupHeading', tag: { type: 'H', below: 1 } },
      { text: statement.text, style: 'introStatement' },
    ]);
    const body = this.body(this.view.root);
    if (body.length === 0 && statements.length === 0) return;
    this.flow.newPage();
    const heading = this.heading({ id: dest('intro'), label: this.strings.intro.title, depth: 1 });
    for (const node of withHeading(heading, [...body, ...statements])) this.flow.add(node, 'portrait');
  }

  // ---- the document's own order

  /** Whether a numbered item opens with a council table, so its heading belongs on the landscape page. */
  leadsWithTable(item: ItemView): boolean {
    if (item.body.children.length > 3) return false;
    const first = item.children[0] ? this.item(item.children[0]) : undefined;
    if (!first) return false;
    if (isCouncilRow(first)) return true;
    return isSection(first) && !hasContent(item.body) && this.leadsWithTable(first);
  }

  children(parent: ItemView, depth: number, orientation: PageOrientation): void {
    const children = parent.children.map((id) => this.item(id));
    const outlineParent = isSection(parent) ? dest(parent.id) : undefined;
    for (let i = 0; i < children.length; ) {
      const child = children[i]!;
      if (isSection(child)) {
        this.numbered(child, depth, outlineParent);
        i++;
        continue;
      }
      // A run of siblings of one kind: goals become one council table, other kinds a list.
      let j = i;
      while (j < children.length && children[j]!.kind === child.kind && !isSection(children[j]!)) j++;
      const run = children.slice(i, j);
      if (isCouncilRow(child)) this.flow.add(this.councilTable(run, outlineParent), 'landscape');
      else for (const node of this.plainRun(run)) this.flow.add(node, orientation === 'landscape' && this.flowIsShort(run) ? 'landscape' : 'portrait');
      i = j;
    }
  }

  /** Small lists may stay on a landscape page; anything longer goes back to portrait. */
  private flowIsShort(run: ItemView[]): boolean {
    return run.length <= 3 && run.every((item) => !hasContent(item.body));
  }

  numbered(item: ItemView, depth: number, outlineParent: string | undefined): void {
    const leads = this.leadsWithTable(item);
    const orientation: PageOrientation = leads ? 'landscape' : 'portrait';
    // Top-level parts start a page; so does a part that opens with a council table (else its heading could be left
    // alone at the foot of the page while the table moves on).
    if (depth === 1 || leads) this.flow.newPage();
    const heading = this.heading({ id: dest(item.id), label: sectionLabel(item), depth, parent: outlineParent, expanded: depth === 1 });
    // The section's facts (a target group ...) under its heading, as its site page shows them.
    const facts: Content[] = item.facts.length > 0 ? [{ text: item.facts.map((fact) => `${fact.label}: ${fact.value}`).join(' · '), style: 'cellMeta', margin: [0, 0, 0, 6] }] : [];
    // And its links (a theme's promises), as every kind's links are printed.
    const links: Content[] = item.links.length > 0 ? [{ stack: item.links.flatMap((group) => this.linkGroup(group)), margin: [0, 0, 0, 8] }] : [];
    const body = [...facts, ...this.body(item, undefined, contentWidth[orientation]), ...links];
    if (body.length === 0) this.flow.add(heading, orientation, { heading: true });
    else for (const node of withHeading(heading, body, contentWidth[orientation])) this.flow.add(node, orientation);
    this.children(item, depth + 1, orientation);
  }

  /** Values, promises, milestones ...: a subheading with the kind's plural, then the items. */
  plainRun(run: ItemView[]): Content[] {
    const first = run[0];
    if (!first) return [];
    const heading: TextNode = { text: first.kindPlural, style: 'groupHeading', tag: { type: 'H', below: 1 } };
    const detailed = run.some((item) => hasContent(item.body) || item.children.length > 0);
    if (!detailed) {
      // Coded items (values, promises ...): the code stands in for the bullet, titles aligned.
      const list: Content = run.every((item) => this.codes.has(item.id))
        ? {
            table: { widths: [30, '*'], body: run.map((item): TableCell[] => [{ text: this.codes.get(item.id)!, bold: true, color: colours.accent }, { text: this.plainLine(item, false).text }]) },
            layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 4, paddingTop: () => 1, paddingBottom: () => 1 },
            margin: [0, 0, 0, 8],
            // Code | title: a list, the code its label.
            tag: { type: 'L' },
          }
        : { ul: run.map((item) => this.plainLine(item)), margin: [0, 0, 0, 8] };
      return withHeading(heading, [list]);
    }
    const blocks: Content[] = [];
    for (const item of run) {
      blocks.push({ text: this.plainLine(item).text, style: 'itemTitle', tag: { type: 'H', below: 2 } }, ...this.body(item));
      for (const group of item.childGroups) blocks.push(...this.plainRun(group.ids.map((id) => this.item(id))));
    }
    return withHeading(heading, blocks);
  }

  /** "V1  För att stärka tilliten" or "Ramavtal som löper ut konkurrensutsätts (2027)". */
  plainLine(item: ItemView, withCode = true): TextNode {
    const code = withCode ? this.codes.get(item.id) : undefined;
    const meta = this.metaParts(item);
    return {
      text: [
        ...(code ? [{ text: `${code}${NUMBER_GAP}`, bold: true, color: colours.accent }] : []),
        item.title,
        ...(meta.length > 0 ? [{ text: ` (${meta.join(', ')})`, color: colours.muted }] : []),
        // Every kind's links, not only a council row's: "Värdelöften: VL1 Vi lyssnar".
        ...item.links.flatMap((group) => [
          { text: `\n${group.label}: `, color: colours.muted },
          group.ids.map((id) => [this.codes.get(id), this.item(id).title].filter(Boolean).join(' ')).join('; '),
        ]),
      ],
      margin: [0, 0, 0, 2],
    };
  }

  // ---- council tables

  /** The facts schema/ shows for the item (`x-show: [facts]`): the years, who is responsible, the status. */
  metaParts(item: ItemView): string[] {
    return item.facts.map((fact) => fact.value);
  }

  /** "92,1 % (2024) → 94 % (2029)" */
  measureSummary(item: ItemView): string | undefined {
    const measure = item.measure;
    if (!measure) return undefined;
    const target = measure.targets.at(-1);
    const value = (point: { year: number; text: string }) => `${point.text} (${point.year})`;
    if (measure.baseline && target) return `${value(measure.baseline)} → ${value(target)}`;
    if (target) return `${measure.labels.targets}: ${value(target)}`;
    if (measure.baseline) return `${measure.labels.baseline}: ${value(measure.baseline)}`;
    return undefined;
  }

  /** A child in a council table's cell: its title, its facts or its measure's values, and its text. */
  entry(item: ItemView, width: number): Content {
    const meta = isMeasure(item) ? [this.measureSummary(item)].filter((x): x is string => x !== undefined) : this.metaParts(item);
    return {
      stack: [{ text: item.title }, ...(meta.length > 0 ? [{ text: meta.join(' · '), style: 'cellMeta' }] : []), ...this.body(item, 'cellP', width)],
      margin: [0, 0, 0, 3],
    };
  }

  councilTable(goals: ItemView[], outlineParent: string | undefined): TableNode {
    const first = goals[0]!;
    // Columns: the goal, then what the schema names (`x-council-columns`: fields, and each kind of child), then the
    // links.
    const columns = councilColumns(goals);
    const withLinks = goals.some((goal) => goal.councilLinks.length > 0);
    const header: TableCell[] = [
      { text: first.kindLabel, style: 'th' },
      ...columns.map((column): TableCell => ({ text: column.label, style: 'th' })),
      ...(withLinks ? [{ text: this.view.labels['links'] ?? 'Links', style: 'th' } as TableCell] : []),
    ];
    // pdfmake's widths leave out the padding (4 + 4) and the vertical lines.
    const usable = contentWidth.landscape - header.length * 8 - (header.length + 1) * 0.5;
    // The goal and link columns get fixed shares; the child columns share the rest by how much text they hold.
    const goalShare = columns.length > 0 ? 0.2 : withLinks ? 0.6 : 1;
    const linkShare = withLinks ? (columns.length > 0 ? 0.22 : 0.4) : 0;
    const textLength = (column: CouncilColumn) =>
      goals.reduce(
        (sum, goal) =>
          sum +
          (column.field !== undefined
            ? councilValue(goal, column.field).length
            : (goal.childGroups.find((g) => g.key === column.key)?.ids ?? []).reduce((n, id) => n + this.item(id).title.length + 12, 0)),
        0,
      );
    const weights = columns.map((column) => Math.sqrt(Math.max(1, textLength(column))));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const childSpace = 1 - goalShare - linkShare;
    const minimum = Math.min(0.14, childSpace / Math.max(1, weights.length));
    let shares = weights.map((w) => Math.max(minimum, (childSpace * w) / weightSum));
    const total = shares.reduce((a, b) => a + b, 0);
    shares = shares.map((share) => (share * childSpace) / total);
    const widths = [goalShare, ...shares, ...(withLinks ? [linkShare] : [])].map((share) => Math.floor(usable * share * 10) / 10);
    const body: TableCell[][] = [header];
    for (const goal of goals) {
      const row: TableCell[] = [
        {
          stack: [
            {
              text: goal.title,
              style: 'cellTitle',
              id: dest(goal.id),
              outline: true,
              outlineText: goal.title,
              ...(outlineParent ? { outlineParentId: outlineParent } : {}),
            },
            ...this.body(goal, 'cellP', widths[0]),
          ],
        },
      ];
      for (const column of columns) {
        if (column.field !== undefined) {
          row.push({ text: councilValue(goal, column.field) });
          continue;
        }
        const group = goal.childGroups.find((g) => g.key === column.key);
        row.push(group ? { ul: group.ids.map((id) => this.entry(this.item(id), widths[row.length]! - 12)), markerColor: colours.muted } : { text: '' });
      }
      if (withLinks) row.push({ stack: goal.councilLinks.flatMap((group) => this.linkGroup(group)) });
      body.push(row);
    }
    // Rows are kept whole (and the header with the first row) unless one is too tall for a page.
    const whole = rowsKeepWhole(body, widths, 8.5, 6);
    return {
      table: { headerRows: 1, ...(whole ? { keepWithHeaderRows: 1 } : {}), dontBreakRows: whole, widths, body },
      layout: gridLayout({ headerRows: 1 }),
      style: 'cell',
      margin: [0, 4, 0, 12],
      // The header row heads the columns, each goal's cell its row.
      tag: { type: 'Table', rowHeaders: true },
    };
  }

  /** "Värderingar" and the items linked to, each a list item with its code as the label: "V2 För att skapa trygghet". */
  linkGroup(group: IdGroup): Content[] {
    return [
      { text: group.label, style: 'cellLabel' },
      {
        stack: group.ids.map((id): Content => {
          const code = this.codes.get(id);
          return { text: [...(code ? [{ text: `${code} `, bold: true, tag: { type: 'Lbl' as const } }] : []), this.item(id).title], margin: [0, 0, 0, 2], tag: { type: 'LI' } };
        }),
        tag: { type: 'L' },
      },
    ];
  }

  // ---- appendices

  appendixHeading(key: string, title: string): TextNode {
    this.appendixCount++;
    return this.heading({ id: dest(`appendix-${key}`), label: `${fill(this.strings.appendix, { number: this.appendixCount })}${NUMBER_GAP}${title}`, depth: 1 });
  }

  measuresAppendix(): void {
    if (this.measures.length === 0) return;
    const s = this.strings.measures;
    // A column for units, actuals and sources only where a measure has them.
    const withActuals = this.measures.some((m) => m.measure!.actuals.length > 0);
    const withUnits = this.measures.some((m) => m.measure!.unit !== undefined);
    const withSources = this.measures.some((m) => m.measure!.source !== undefined);
    const labels = this.measures[0]!.measure!.labels;
    const header: TableCell[] = [this.measures[0]!.kindLabel, ...(withUnits ? [labels.unit] : []), labels.baseline, labels.targets, ...(withActuals ? [labels.actuals] : []), ...(withSources ? [labels.source] : [])].map((label) => ({ text: label, style: 'th' }));
    const grouped = new GroupedRows(header);
    const series = (points: readonly Point[]): string => (points.length === 0 ? s.none : points.map((point) => `${point.year}: ${point.plain}`).join('\n'));
    for (const measure of this.measures) {
      const owner = measure.parent ? this.view.items[measure.parent] : undefined;
      const numbered = owner ? (isSection(owner) ? owner : this.numberedAncestor(owner)) : undefined;
      grouped.under(numbered, owner);
      const values = measure.measure!;
      // The measure's other facts (its type, the direction that counts as better) under its title.
      const described = measure.facts.filter((fact) => fact.value !== values.unit && fact.value !== values.source?.text).map((fact) => fact.value);
      grouped.row([
        described.length > 0 ? { stack: [{ text: measure.title }, { text: described.join(' · '), style: 'cellMeta' }] } : { text: measure.title },
        ...(withUnits ? [{ text: values.unit ?? s.none }] : []),
        { text: values.baseline ? `${values.baseline.plain} (${values.baseline.year})` : s.none },
        { text: series(values.targets) },
        ...(withActuals ? [{ text: series(values.actuals) }] : []),
        ...(withSources ? [{ text: values.source ? [values.source.text, values.source.note].filter(Boolean).join('\n') : s.none }] : []),
      ]);
    }
    const fixed = [...(withUnits ? [44] : []), 62, 62, ...(withActuals ? [62] : []), ...(withSources ? [92] : [])];
    this.flow.newPage();
    const heading = this.appendixHeading('measures', this.measures[0]!.kindPlural);
    this.flow.add(heading, 'portrait');
    this.flow.add(grouped.table(fixed), 'portrait');
  }

  /**
   * What the council is asked to decide knowingly: the parts whose text in this language is not the county's own (a
   * translation nobody has reviewed yet, or the editors' revision of the source), with the language of the original
   * and the source, and the county's open questions. Nothing when there are none (schema/ roles `text-status` and
   * `open-questions`).
   */
  provenanceAppendix(): void {
    const s = this.strings.provenance;
    const items = this.view.order.map((id) => this.item(id));
    const unapproved = items.filter((item) => item.provenance?.unapproved);
    const asked = items.filter((item) => (item.provenance?.questions.length ?? 0) > 0);
    if (unapproved.length === 0 && asked.length === 0) return;
    const lang = this.view.lang;
    const languageName = (other: string) => (this.strings.languages as Record<string, string>)[other] ?? this.view.languageNames[other] ?? other;
    const groupOf = (item: ItemView) => (isSection(item) ? item : this.numberedAncestor(item));
    const titled = (item: ItemView): TableCell => ({ stack: [{ text: item.title }, { text: item.kindLabel, style: 'cellMeta' }] });
    this.flow.newPage();
    this.flow.add(this.appendixHeading('provenance', s.title), 'portrait');
    this.flow.add({ text: s.intro, style: 'lead' }, 'portrait');
    if (unapproved.length > 0) {
      const texts = new GroupedRows([s.part, s.status, s.original, s.source].map((label) => ({ text: label, style: 'th' })));
      for (const item of unapproved) {
        const provenance = item.provenance!;
        texts.under(groupOf(item));
        texts.row([titled(item), { text: provenance.status?.label ?? '' }, { text: provenance.originals.map(languageName).join(', ') || s.none }, { text: provenance.source ?? s.none }]);
      }
      const heading = this.heading({ id: dest('appendix-provenance-texts'), label: fill(s.texts, { count: unapproved.length.toLocaleString(lang) }), depth: 2, parent: dest('appendix-provenance') });
      for (const block of withHeading(heading, [texts.table([74, 58, 150])])) this.flow.add(block, 'portrait');
    }
    if (asked.length > 0) {
      const questions = new GroupedRows([s.part, s.field, s.question].map((label) => ({ text: label, style: 'th' })));
      for (const item of asked) {
        questions.under(groupOf(item));
        for (const question of item.provenance!.questions) questions.row([titled(item), { text: question.field ?? s.none }, { text: question.text }]);
      }
      const count = asked.reduce((sum, item) => sum + item.provenance!.questions.length, 0);
      const heading = this.heading({ id: dest('appendix-provenance-questions'), label: fill(s.questions, { count: count.toLocaleString(lang) }), depth: 2, parent: dest('appendix-provenance') });
      for (const block of withHeading(heading, [questions.table([80, 220])])) this.flow.add(block, 'portrait');
    }
  }

  traceabilityAppendix(): void {
    // The matrix schema/ declares (`x-matrix`): rows of one kind, columns the targets of its link fields.
    const matrix = this.view.matrix;
    if (!matrix) return;
    const targets = matrix.columns;
    const goals = matrix.rows.map((id) => this.item(id));
    this.flow.newPage();
    this.flow.add(this.appendixHeading('links', this.view.labels['links'] ?? 'Links'), 'landscape');
    this.flow.add({ text: this.strings.trace.markExplained, style: 'note' }, 'landscape');
    // Column chunks: whole kinds together while they fit, so wide strategies get several matrices.
    const goalWidth = 230;
    const minCode = 17;
    const maxColumns = Math.max(1, Math.floor((contentWidth.landscape - goalWidth) / minCode));
    const chunks: IdGroup[][] = [[]];
    let used = 0;
    for (const group of targets) {
      for (let start = 0; start < group.ids.length; ) {
        if (used >= maxColumns) {
          chunks.push([]);
          used = 0;
        }
        const take = Math.min(group.ids.length - start, maxColumns - used);
        chunks.at(-1)!.push({ ...group, ids: group.ids.slice(start, start + take) });
        used += take;
        start += take;
      }
    }
    for (const chunk of chunks) this.flow.add(this.matrix(goals, chunk, goalWidth, matrix.rowLabel), 'landscape');
    this.flow.add(this.legend(targets), 'landscape');
  }

  matrix(goals: ItemView[], groups: IdGroup[], goalWidth: number, rowLabel: string): TableNode {
    const ids = groups.flatMap((group) => group.ids);
    const columns = 1 + ids.length;
    // A stronger line where one kind of link target ends and the next begins.
    const boundaries = new Set<number>([1]);
    let column = 1;
    for (const group of groups) boundaries.add((column += group.ids.length));
    const lineWidth = (i: number) => (boundaries.has(i) ? 1 : 0.4);
    // pdfmake's widths leave out the padding (2 + 2) and the vertical lines.
    const usable = contentWidth.landscape - columns * 4 - Array.from({ length: columns + 1 }, (_, i) => lineWidth(i)).reduce((a, b) => a + b, 0);
    const codeWidth = Math.min(30, Math.floor(((usable - goalWidth) / ids.length) * 10) / 10);
    const widths = [Math.floor(usable - codeWidth * ids.length), ...ids.map(() => codeWidth)];
    const groupHeader: TableCell[] = [{ text: '' }];
    for (const group of groups) {
      groupHeader.push({ text: group.label, style: 'th', colSpan: group.ids.length, alignment: 'center' });
      for (let i = 1; i < group.ids.length; i++) groupHeader.push({ text: '' });
    }
    const codeHeader: TableCell[] = [{ text: rowLabel, style: 'th' }, ...ids.map((id): TableCell => ({ text: this.codes.get(id) ?? '', style: 'th', alignment: 'center', fontSize: 8 }))];
    const body: TableCell[][] = [groupHeader, codeHeader];
    const groupRows = new Set<number>();
    let section: string | undefined;
    for (const goal of goals) {
      const numbered = this.numberedAncestor(goal);
      if (numbered && numbered.id !== section) {
        section = numbered.id;
        groupRows.add(body.length);
        body.push([{ text: `${numbered.number ?? ''}${NUMBER_GAP}${numbered.title}`.trim(), style: 'groupRow', colSpan: columns, tag: { type: 'TH', scope: 'Row' } }, ...Array.from({ length: columns - 1 }, () => ({ text: '' }))]);
      }
      const linked = new Set(goal.links.flatMap((group) => group.ids));
      body.push([{ text: goal.title }, ...ids.map((id): TableCell => (linked.has(id) ? { text: this.strings.trace.mark, style: 'mark' } : { text: '' }))]);
    }
    return {
      table: { headerRows: 2, ...(rowsKeepWhole(body, widths, 8.5, 6) ? { keepWithHeaderRows: 1, dontBreakRows: true } : {}), widths, body },
      layout: { ...gridLayout({ headerRows: 2, groupRows }), vLineWidth: lineWidth, paddingLeft: () => 2, paddingRight: () => 2 },
      style: 'cell',
      margin: [0, 0, 0, 12],
      tag: { type: 'Table', rowHeaders: true },
    };
  }

  legend(groups: IdGroup[]): Content {
    const blocks = groups.map((group): Content => ({
      stack: [
        { text: group.label, style: 'cellLabel', fontSize: 8.5 },
        {
          table: {
            widths: [24, '*'],
            body: group.ids.map((id): TableCell[] => [{ text: this.codes.get(id) ?? '', bold: true, color: colours.accent }, { text: this.item(id).title }]),
          },
          layout: 'noBorders',
          style: 'cell',
          tag: { type: 'L' },
        },
      ],
    }));
    // Side by side when the legend fits on a page as one block; else one kind after the other, free to break.
    const title: Content = { text: this.strings.trace.legend, style: 'groupHeading', tag: { type: 'H', below: 1 } };
    const columns: Content = { stack: [title, { columns: blocks, columnGap: 14 }] };
    if (groups.length <= 3 && estimateHeight(columns, contentWidth.landscape, styles) < keepLimit) return { ...columns, unbreakable: true };
    return { stack: [title, ...blocks] };
  }

  // ---- the whole document

  build(): TDocumentDefinitions {
    const view = this.view;
    this.flow.add(this.cover(), 'portrait');
    this.flow.newPage();
    // Filled in once every heading is known.
    const tocSlot: { stack: Content[] } = { stack: [] };
    this.flow.add(tocSlot, 'portrait');
    this.intro();
    for (const id of view.root.children) {
      const child = this.item(id);
      if (isSection(child)) this.numbered(child, 1, undefined);
    }
    // Root children that are not numbered (rare): after the numbered parts, in their order.
    const loose = view.root.children.map((id) => this.item(id)).filter((child) => !isSection(child));
    if (loose.length > 0) {
      this.flow.newPage();
      this.children({ ...view.root, children: loose.map((child) => child.id) }, 1, 'portrait');
    }
    this.measuresAppendix();
    this.traceabilityAppendix();
    this.provenanceAppendix();
    tocSlot.stack.push(this.toc());
    return { ...pageFrame(view, this.flow.content, { title: this.title, cover: true }), languageParts: languageParts(view) };
  }
}

/**
 * The words in another language than the view's that the PDF tags with their language: the glossary's terms of the
 * other languages that are not also terms of this one ("Pohjanmaan hyvinvointialue" in the Swedish text). Proper
 * names the glossary gives alike in both languages stay in the document's language.
 */
export function languageParts(view: ViewModel): { lang: string; terms: string[] }[] {
  const own = new Set(view.glossary.flatMap((entry) => entry.terms[view.lang] ?? []).map((term) => term.toLocaleLowerCase(view.lang)));
  return view.languages
    .filter((lang) => lang !== view.lang)
    .map((lang) => ({
      lang: pdfStrings(lang).languageTag,
      terms: [...new Set(view.glossary.flatMap((entry) => entry.terms[lang] ?? []).filter((term) => term.trim() !== '' && !own.has(term.toLocaleLowerCase(view.lang))))],
    }))
    .filter((part) => part.terms.length > 0);
}

/** The pdfmake document definition for one language's view model. Pure: the same view gives the same definition. */
export function buildDocDefinition(view: ViewModel, options: DefinitionOptions = {}): TDocumentDefinitions {
  const definition = new Builder(view, options).build();
  inlineStyles(definition.content, styles);
  return definition;
}

