/** /robots.txt: every page may be crawled; the sitemap's address when SITE_URL gives the public address. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) => new Response(robotsTxt(site), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
