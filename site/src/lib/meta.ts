/**
 * What search engines and link previews read of a page: its description (meta description, Open Graph). An item's
 * own summary is the first paragraph of its text; an item without text is described by what it is and where it
 * belongs, in words of the page's language.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ItemView, ViewModel } from '../../../src/view/types.ts';
import { t } from './i18n.ts';

/** Search engines show about 155–160 characters; a longer text is cut at a word and ends in an ellipsis. */
export const descriptionLength = 160;

/** At most `length` characters, cut at the last space before that (a word never cut in two), with "…" when cut. */
export function shorten(text: string, length = descriptionLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The plain text of the first paragraph of a Markdown body (a heading, list or table first: the first paragraph after it). */
export function firstParagraph(body: Root | undefined): string | undefined {
  const paragraph = body?.children.find((node: RootContent) => node.type === 'paragraph');
  const text = paragraph ? toString(paragraph).trim() : '';
  return text || undefined;
}

/** An item's description: its own summary, else "<kind> in <strategy>: <title>. <parent>." */
export function itemDescription(view: ViewModel, item: ItemView): string {
  const own = firstParagraph(item.body);
  if (own) return shorten(own);
  const parent = item.parent && item.parent !== view.root.id ? view.items[item.parent] : undefined;
  const parentTitle = parent ? (parent.number ? `${parent.number} ${parent.title}` : parent.title) : undefined;
  const text = t(view.lang, parentTitle ? 'meta.itemIn' : 'meta.item', {
    kind: item.kindLabel,
    title: item.number ? `${item.number} ${item.title}` : item.title,
    strategy: view.root.title,
    organisation: view.document.organisation ?? '',
    parent: parentTitle ?? '',
  });
  return shorten(text);
}

/** The front page's description: the document's own summary, else its first statement (a vision), else its title and organisation. */
export function frontDescription(view: ViewModel): string {
  const own = firstParagraph(view.root.body) ?? view.document.statements[0]?.text;
  return shorten(own ?? t(view.lang, 'meta.front', { strategy: view.root.title, organisation: view.document.organisation ?? '' }));
}

/** Open Graph's locale of a language: sv → sv_FI, fi → fi_FI (the counties are in Finland). */
export function ogLocale(lang: string): string {
  return `${lang}_FI`;
}

/** The description of one of the site's own pages (the map, search, download ...). */
export function pageDescription(view: ViewModel, page: string): string {
  return shorten(t(view.lang, `meta.page.${page}`, { strategy: view.root.title, organisation: view.document.organisation ?? '' }));
}
