/**
 * The site's public address, from the one setting SITE_URL: https://strategi.example.fi/ at a domain's root, or
 * https://owner.github.io/strategy/ under a path (GitHub and GitLab Pages serve a project there). Its origin makes
 * hreflang, canonical, sitemap and Open Graph addresses absolute; its path is where every page, asset and search
 * file lies (Astro's `base`).
 */
import { t } from '../../messages/index.ts';

export interface SiteAddress {
  /** https://owner.github.io */
  origin: string;
  /** The path the site lies under, with a slash at each end: "/strategy/", or "/" at the root. */
  base: string;
  /** origin + base: https://owner.github.io/strategy/ */
  href: string;
}

/** Thrown for a SITE_URL that is not an http(s) address: the message (in the current language) says what was given and what is expected. */
export class SiteUrlError extends Error {
  constructor(reason: 'not-url' | 'scheme' | 'parts', value: string) {
    super(t(`site-url.${reason}`, { value }));
  }
}

/**
 * Reads SITE_URL. Undefined (or empty) gives undefined: the site then works at any domain's root, with relative
 * hreflang and canonical links and no sitemap. A query, a fragment, or a scheme other than http(s) is refused.
 */
export function siteAddress(value: string | undefined): SiteAddress | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteUrlError('not-url', text);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError('scheme', text);
  if (url.search || url.hash || url.username || url.password) throw new SiteUrlError('parts', text);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, base, href: `${url.origin}${base}` };
}
