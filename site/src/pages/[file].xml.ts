/** /sitemap.xml, when SITE_URL gives the public address (a sitemap takes absolute addresses only): src/lib/sitemap.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getViews } from '../data.ts';
import { sitemapXml } from '../lib/sitemap.ts';

export const getStaticPaths = (() => (import.meta.env.SITE ? [{ params: { file: 'sitemap' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => new Response(sitemapXml(getViews(), site!), { headers: { 'content-type': 'application/xml' } });
