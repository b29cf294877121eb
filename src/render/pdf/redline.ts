/**
 * The redline PDF: what changed since the council's last decision, beside the council PDF of the same language and
 * on the same pages (pageFrame). Built from the view model's `changes` (src/view/changes.ts), which gives every word
 * but the PDF's own few (locales/, `redline`): the title and the intro, a legend, the summary by kind, then every
 * changed item in the document's order with its fields before and after and its text word by word. Deleted words
 * are struck through and inserted ones underlined, so that the marking survives a black-and-white print; the colour
 * only helps.
 */
import { COUNTS } from '../../changes/compare.ts';
import type { ChangedItemView, ChangeSegment, ChangesView, ViewModel } from '../../view/types.ts';
import { dest, inlineStyles, pageFrame, sectionHeading, webLink, withHeading, type DefinitionOptions } from './frame.ts';
import { webAddress } from '../../view/paths.ts';
import { fill, pdfStrings, type PdfStrings } from './locale.ts';
import { colours, contentWidth, gridLayout, styles } from './styles.ts';
import type { Content, Inline, TableCell, TableNode, TDocumentDefinitions, TextNode } from './types.ts';

/** The redline's title: "Servicestrategi 2025–2029 – Ändringar jämfört med beslutet 11.03.2024 § 8". */
export function redlineTitle(view: ViewModel, changes: ChangesView): string {
  return fill(pdfStrings(view.lang).redline.title, { document: view.root.title, changes: changes.title });
}

const SPACE = /^(\s*)([\s\S]*?)(\s*)$/;

/**
 * Changed words as runs of text: deletions struck through, insertions underlined. The spaces around a changed run
 * stay unmarked (an underlined space reads as a stray line), and a deletion directly followed by an insertion gets
 * a space between them, or "048,0051,3" would read as one number.
 *
 * A screen reader cannot see the lines, so each changed run is a Span whose alternate description (/Alt) says what
 * it is, in the site's words: "[tillagt: 95 %, slut på tillägget]". /Alt, because it describes the element and is
 * what assistive technology reads in its place, while /ActualText must be the exact replacement of the characters
 * shown (copying and searching use it), and a visible prefix would change the printed page.
 */
export function markedText(segments: readonly ChangeSegment[], words: ChangesView['words']): Inline[] {
  const out: Inline[] = [];
  segments.forEach((segment, index) => {
    if (segment.op === '=') {
      out.push(segment.text);
      return;
    }
    const [, before = '', changed = '', after = ''] = SPACE.exec(segment.text) ?? [];
    if (before) out.push(before);
    if (changed) {
      const alt = segment.op === '+' ? `[${words.inserted} ${changed}, ${words.insertedEnd}]` : `[${words.deleted} ${changed}, ${words.deletedEnd}]`;
      out.push({ text: changed, style: segment.op === '+' ? 'inserted' : 'deleted', tag: { type: 'Span', alt } });
    }
    const next = segments[index + 1];
    if (after) out.push(after);
    else if (next && next.op !== '=' && next.op !== segment.op && !/^\s/.test(next.text)) out.push(' ');
  });
  return out;
}

/** "Mål: Allt fler äldre bor hemma"; the title alone where it starts with the kind ("Servicestrategi 2025–2029"). */
function itemLabel(item: ChangedItemView, s: PdfStrings): string {
  const kind = item.kindLabel.toLocaleLowerCase();
  const title = item.title.toLocaleLowerCase();
  if (kind !== '' && title.startsWith(kind) && !/^\p{L}/u.test(title.slice(kind.length))) return item.title;
  return fill(s.redline.itemHeading, { kind: item.kindLabel, title: item.title });
}

class Redline {
  readonly strings: PdfStrings;
  readonly view: ViewModel;
  readonly changes: ChangesView;
  readonly site: string | undefined;

  constructor(view: ViewModel, changes: ChangesView, options: DefinitionOptions) {
    this.view = view;
    this.changes = changes;
    this.site = options.site;
    this.strings = pdfStrings(view.lang);
  }

  /** The organisation and the document above the redline's own title, as on the council PDF's cover. */
  opening(): Content[] {
    const { organisation } = this.view.document;
    return [
      ...(organisation ? [{ text: organisation, style: 'coverOrganisation', margin: [0, 0, 0, 18] } as Content] : []),
      { text: this.view.root.title, style: 'redlineDocument' },
      { text: this.changes.title, style: 'h1', tag: { type: 'H', level: 1 } },
      // The same changes on the site, when the build knows its public address.
      ...(this.site ? [{ text: [`${this.strings.web.changes}: `, webLink(webAddress(this.site, this.view.lang, 'changes'))], style: 'meta', margin: [0, 0, 0, 8] } as Content] : []),
    ];
  }

  /** Teckenförklaring: a sample of an insertion and of a deletion, each with what it means. */
  legend(): Content {
    const words = this.changes.words;
    const row = (style: string, meaning: string): TableCell[] => [{ text: markedText([{ op: style === 'inserted' ? '+' : '-', text: this.strings.redline.sample }], words) }, { text: meaning }];
    return {
      table: {
        widths: ['auto', '*'],
        body: [[{ text: words.legend, bold: true, colSpan: 2, tag: { type: 'TH', scope: 'Column' } }, { text: '' }], row('inserted', words.legendInserted), row('deleted', words.legendDeleted)],
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.6 : 0),
        vLineWidth: () => 0,
        hLineColor: () => colours.rule,
        paddingLeft: (i) => (i === 0 ? 0 : 10),
        paddingRight: () => 0,
        paddingTop: (i) => (i === 0 ? 5 : 1),
        paddingBottom: (i, node) => (i === node.table.body.length - 1 ? 5 : 1),
      },
      fontSize: 9.5,
      margin: [0, 0, 0, 6],
      tag: { type: 'Table' },
    };
  }

  /** Kinds down, the six kinds of change across, the totals last; zeros greyed so the changes stand out. */
  summary(): TableNode {
    const { words, summary, totals } = this.changes;
    const count = (n: number): TextNode => ({ text: String(n), alignment: 'right', ...(n === 0 ? { style: 'zero' } : {}) });
    const header: TableCell[] = [{ text: words.kind, style: 'th' }, ...COUNTS.map((key): TableCell => ({ text: words.counts[key], style: 'th', alignment: 'right' }))];
    const rows = summary.map((row): TableCell[] => [{ text: row.label }, ...COUNTS.map((key) => count(row.counts[key]))]);
    const total: TableCell[] = [{ text: words.total, bold: true }, ...COUNTS.map((key): TableCell => ({ ...count(totals[key]), bold: true }))];
    const body = [header, ...rows, total];
    const grid = gridLayout({ headerRows: 1, groupRows: new Set([body.length - 1]) });
    return {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['*', ...COUNTS.map(() => 'auto' as const)], body },
      // The totals under a line as strong as the header's.
      layout: { ...grid, hLineWidth: (i, node) => (i === node.table.body.length - 1 ? 0.8 : grid.hLineWidth!(i, node)) },
      style: 'mdTd',
      margin: [0, 2, 0, 12],
      tag: { type: 'Table', rowHeaders: true },
    };
  }

  /**
   * Uppgift | Förut | Nu; an added item's without Förut, a removed one's without Nu. Where part of a value stayed
   * ("2026: 93 %, 2029: 94 %" → "… 95 %"), the view marks the words that went in the old value and the new ones in
   * the new, so that the difference need not be looked for.
   */
  fields(item: ChangedItemView): Content[] {
    if (item.fields.length === 0) return [];
    const words = this.changes.words;
    const values = (field: ChangedItemView['fields'][number]): TableCell[] =>
      [field.before, field.after].filter((side, index) => (index === 0 ? item.change !== 'added' : item.change !== 'removed')).map((side): TableCell => ({ text: markedText(side, words) }));
    const columns = item.change === 'added' ? [words.after] : item.change === 'removed' ? [words.before] : [words.before, words.after];
    const body: TableCell[][] = [
      [words.field, ...columns].map((text): TableCell => ({ text, style: 'th' })),
      ...item.fields.map((field): TableCell[] => [{ text: field.label, bold: true }, ...values(field)]),
    ];
    return [{ table: { headerRows: 1, keepWithHeaderRows: 1, widths: [120, ...columns.map(() => '*' as const)], body }, layout: gridLayout({ headerRows: 1 }), style: 'mdTd', margin: [0, 3, 0, 6], tag: { type: 'Table', rowHeaders: true } }];
  }

  /**
   * The item's text, block by block, behind a rule at the left (the document's words apart from the redline's): list
   * items as a list, other blocks but paragraphs named ("Tabellrad: 2025 | 1 048,0 051,3"); a block mostly rewritten
   * as its old text struck through and its new text under it.
   */
  text(item: ChangedItemView): Content[] {
    if (item.text.length === 0) return [];
    const labels: Record<string, string> = this.strings.redline.blocks;
    const rows: TableCell[][] = [];
    let list: Content[] | undefined;
    for (const block of item.text) {
      const label = Object.hasOwn(labels, block.type) ? labels[block.type] : undefined;
      // The block's kind before its first part: a rewritten block's new text follows its old one unnamed.
      const nodes = block.parts.map((segments, index): TableCell => ({
        text: [...(label && index === 0 ? [{ text: `${label}: `, style: 'blockLabel' }] : []), ...markedText(segments, this.changes.words)],
        style: 'changeText',
      }));
      if (block.type !== 'listItem') {
        list = undefined;
        rows.push([nodes.length === 1 ? nodes[0]! : { stack: nodes }]);
        continue;
      }
      if (!list) rows.push([{ ul: (list = []), markerColor: colours.muted, style: 'changeText' }]);
      list.push(nodes.length === 1 ? nodes[0]! : { stack: nodes });
    }
    return [
      {
        table: { widths: ['*'], body: rows },
        layout: { hLineWidth: () => 0, vLineWidth: (i) => (i === 0 ? 2 : 0), vLineColor: () => colours.rule, paddingLeft: () => 9, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 3 },
        margin: [0, 3, 0, 4],
        // The rule at the left only sets the item's text apart.
        tag: { type: 'Div' },
      },
    ];
  }

  item(item: ChangedItemView, parent: string): Content[] {
    const words = this.changes.words;
    const heading = sectionHeading({ id: dest(item.anchor), label: itemLabel(item, this.strings), depth: 3, parent });
    const [table, ...rest] = [...this.fields(item), ...this.text(item)];
    // The heading, what happened to the item and the first of its changes stay on one page.
    const first: Content = {
      stack: [
        { text: item.changeLabel, style: 'changeLabel' },
        ...(item.place ? [{ text: `${words.partOf}: ${item.place}`, style: 'changeNote' } as Content] : []),
        ...item.notes.map((note): Content => ({ text: note, style: 'changeNote' })),
        ...(item.titleChange ? [{ text: [{ text: `${words.titleField}: `, bold: true }, ...markedText(item.titleChange, words)], margin: [0, 2, 0, 2] } as Content] : []),
        ...(table ? [table] : []),
      ],
    };
    return withHeading(heading, [first, ...rest], contentWidth.portrait);
  }

  build(): TDocumentDefinitions {
    const { changes, view } = this;
    const words = changes.words;
    const content: Content[] = [...this.opening()];
    if (changes.empty) {
      // The intro promises a summary and the changed parts; with none, the redline says so instead.
      content.push({ text: words.noChanges, style: 'lead' });
    } else {
      content.push({ text: changes.intro, style: 'lead' }, this.legend());
      content.push(...withHeading(sectionHeading({ id: dest('changes-summary'), label: words.summary, depth: 2 }), [this.summary()]));
      const inOrder = dest('changes-in-order');
      content.push(sectionHeading({ id: inOrder, label: words.inOrder, depth: 2, expanded: true }));
      for (const item of changes.items) content.push(...this.item(item, inOrder));
    }
    return pageFrame(view, content, { title: redlineTitle(view, changes), cover: false });
  }
}

/** The redline's pdfmake document definition for one language's view model, which must carry `changes`. Pure. */
export function buildRedlineDefinition(view: ViewModel, options: DefinitionOptions = {}): TDocumentDefinitions {
  if (!view.changes) throw new Error(`The ${view.lang} view model has no changes: there is no approved version to compare with`);
  const definition = new Redline(view, view.changes, options).build();
  inlineStyles(definition.content, styles);
  return definition;
}
