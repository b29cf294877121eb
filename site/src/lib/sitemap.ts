/**
 * sitemap.xml and robots.txt. A sitemap takes absolute addresses only, so there is one only when SITE_URL gives
 * the public address; each page is listed with its twins in the other languages (hreflang alternates), as search
 * engines read them. The search pages and the root item's page (the front page's duplicate) are left out.
 */
import type { ViewModel } from '../../../src/view/types.ts';
import { absoluteUrl, slugRoutes, specialSlug } from './routes.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every page a search engine should know, each as its path in every language (root paths, without the base). */
export function sitemapPages(views: Record<string, ViewModel>): Record<string, string>[] {
  const first = Object.values(views)[0];
  if (!first) return [];
  const languages = first.languages;
  const pages: Record<string, string>[] = [Object.fromEntries(languages.map((lang) => [lang, `/${lang}/`]))];
  const seen = new Set<string>();
  for (const route of slugRoutes(views)) {
    if (route.page === 'search') continue;
    const key = route.page === 'item' ? `item:${route.id}` : route.page;
    if (seen.has(key) || (route.page === 'item' && route.id === first.root.id)) continue;
    seen.add(key);
    if (route.page === 'item') pages.push({ ...first.items[route.id]!.alternates });
    else pages.push(Object.fromEntries(languages.filter((lang) => route.page !== 'changes' || views[lang]?.changes).map((lang) => [lang, `/${lang}/${specialSlug(lang, route.page)}/`])));
  }
  return pages;
}

export function sitemapXml(views: Record<string, ViewModel>, site: URL | string): string {
  const primary = Object.values(views)[0]?.languages[0];
  const entries = sitemapPages(views).flatMap((page) =>
    Object.values(page).map((path) => {
      const links = Object.entries(page).map(([lang, other]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${escape(absoluteUrl(other, site))}"/>`);
      const fallback = primary && page[primary] ? [`<xhtml:link rel="alternate" hreflang="x-default" href="${escape(absoluteUrl(page[primary]!, site))}"/>`] : [];
      return `<url><loc>${escape(absoluteUrl(path, site))}</loc>${[...links, ...fallback].join('')}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(site: URL | string | undefined): string {
  return `User-agent: *\nAllow: /\n${site ? `Sitemap: ${absoluteUrl('/sitemap.xml', site)}\n` : ''}`;
}
