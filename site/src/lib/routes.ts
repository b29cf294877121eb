/**
 * Site paths. Items live at their view-model href (/sv/<id>/); the site's own pages at localised slugs. The view
 * model's paths start at the site's root; every link the site writes goes through `withBase`, which puts them under
 * the path the site is published at (SITE_URL's path, Astro's `base`: /strategy/sv/<id>/).
 */
import type { ItemView, ViewModel } from '../../../src/view/types.ts';
// The pages and their localised slugs are declared with the ids they reserve, which check refuses (reserved-id).
import { specialPages, specialSlug, type SpecialPage } from '../../../src/model/reserved-ids.ts';

export { specialPages, specialSlug, type SpecialPage };

/** The path the site is published under, with a slash at each end ("/" at a domain's root). */
export const base = normaliseBase((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/');

function normaliseBase(value: string): string {
  const withLeading = value.startsWith('/') ? value : `/${value}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/**
 * A path from the site's root (/sv/x/, /pdf/x.pdf, /favicon.svg) as the published site has it: under the base path.
 * Addresses of other sites, fragments (#main) and relative links are left as they are.
 */
export function withBase(path: string, under = base): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return `${under}${path.slice(1)}`;
}

/**
 * An absolute address of a page (for hreflang, canonical, sitemap, Open Graph) when the public address is known
 * (Astro's `site`), else the path under the base.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  const based = withBase(path);
  return site ? new URL(based, site).href : based;
}

export function specialHref(lang: string, page: SpecialPage): string {
  return withBase(`/${lang}/${specialSlug(lang, page)}/`);
}

export function frontHref(lang: string): string {
  return withBase(`/${lang}/`);
}

/** Where a link to an item goes: the root item is the front page, every other item its own page. */
export function itemLink(view: ViewModel, id: string): string {
  if (id === view.root.id) return frontHref(view.lang);
  const href = view.items[id]?.href;
  return href ? withBase(href) : frontHref(view.lang);
}

/** The same page in every language, for the language switch and hreflang: paths from the site's root, without the base. */
export function specialAlternates(languages: readonly string[], page: SpecialPage): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [lang, `/${lang}/${specialSlug(lang, page)}/`]));
}

export function frontAlternates(languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [lang, `/${lang}/`]));
}

export function itemAlternates(view: ViewModel, item: ItemView): Record<string, string> {
  return item.id === view.root.id ? frontAlternates(view.languages) : item.alternates;
}

export type Route = { lang: string; slug: string } & ({ page: 'item'; id: string } | { page: SpecialPage });

/** Every page under /<lang>/<slug>/: one per item and language, and the site's own pages (changes: when there is an approved version). */
export function slugRoutes(views: Record<string, ViewModel>): Route[] {
  const routes: Route[] = [];
  for (const [lang, view] of Object.entries(views)) {
    for (const id of view.order) routes.push({ lang, slug: id, page: 'item', id });
    // The changes page only where there is an approved version to compare with.
    for (const page of specialPages) if (page !== 'changes' || view.changes) routes.push({ lang, slug: specialSlug(lang, page), page });
  }
  return routes;
}

/** An item whose id is one of the site's own slugs would have no page: refuse to build rather than hide it. */
export function checkRoutes(views: Record<string, ViewModel>): void {
  const seen = new Map<string, string>();
  for (const route of slugRoutes(views)) {
    const path = `/${route.lang}/${route.slug}/`;
    const what = route.page === 'item' ? `item "${route.id}"` : `the ${route.page} page`;
    const before = seen.get(path);
    if (before) throw new Error(`Two pages want ${path}: ${before} and ${what}. Rename the item's id.`);
    seen.set(path, what);
  }
}
