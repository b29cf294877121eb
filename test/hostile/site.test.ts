/**
 * The website built from hostile content is harmless: no script of the content runs in Chromium, no `javascript:`
 * URL, event handler, frame or foreign script is in any page, every page carries a restrictive Content-Security-Policy,
 * and neither the build nor the browser fetches anything from a trap server the content points at.
 *
 * `check` refuses this strategy (raw-html, unsafe-link are errors) and `build` with it; the site is built here
 * without that gate (unchecked-site.ts), so that what is tested is the second line of defence: bodyToHtml's
 * sanitising, the templates' escaping and the CSP. The front-matter payloads (HTML-like titles, an organisation name
 * that closes <title>) pass check, so they would reach a real build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadStrategy } from '../../src/pipeline.ts';
import { serveStatic, type StaticServer } from '../../src/render/site/serve.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { chromiumArgs, chromiumPath, hasChromium, listFiles } from '../site/helpers.ts';
import { writeHostileStrategy } from './hostile-strategy.ts';
import { startTrap, type Trap } from './trap.ts';

let trap: Trap;
let temp = '';
let strategyDir = '';
let outDir = '';
let pages: string[] = [];
let requestsDuringBuild: string[] = [];

beforeAll(async () => {
  trap = await startTrap();
  const parent = join(repoRoot, 'site/.astro');
  mkdirSync(parent, { recursive: true });
  temp = mkdtempSync(join(parent, 'test-hostile-'));
  strategyDir = join(temp, 'strategy');
  outDir = join(temp, 'site');
  writeHostileStrategy(strategyDir, trap.url);
  const result = spawnSync(process.execPath, [join(repoRoot, 'test/hostile/unchecked-site.ts'), strategyDir, repoSchema, outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' },
  });
  if (result.status !== 0) throw new Error(`Unchecked site build failed:\n${result.stdout}\n${result.stderr}`);
  requestsDuringBuild = [...trap.requests];
  pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
});

afterAll(async () => {
  await trap?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const read = (page: string) => readFileSync(join(outDir, page), 'utf8');

/** One attribute of a start tag: its name, and its value quoted or not. */
const ATTRIBUTE = /\s([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/** A start tag, its attribute values quoted or not: what an HTML tokenizer reads as one tag. */
const TAG = /<[a-z][^\s/>]*(?:\s+[^\s"'=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/gi;

describe('the site built from a hostile strategy', () => {
  it('comes from a strategy that check refuses for raw HTML and unsafe links', () => {
    const { messages } = loadStrategy(strategyDir, { schemaDir: repoSchema });
    const rules = new Set(messages.filter((m) => m.fatal === true).map((m) => m.ruleId));
    expect(rules).toContain('raw-html');
    expect(rules).toContain('unsafe-link');
    expect(pages.length).toBeGreaterThan(30);
  });

  it('was built without fetching anything from the trap the content points at', () => {
    expect(requestsDuringBuild).toEqual([]);
  });

  it('gives every page a restrictive Content-Security-Policy <meta> in <head>, before any script or stylesheet', () => {
    for (const page of pages) {
      const html = read(page);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
      expect(meta, page).not.toBeNull();
      const head = html.slice(0, html.search(/<\/head>/i));
      expect(head.indexOf(meta![0]), page).toBeGreaterThan(-1);
      for (const tag of [/<script/i, /<link[^>]*stylesheet/i]) {
        const at = html.search(tag);
        if (at !== -1) expect(at, `${page}: ${tag} before the CSP`).toBeGreaterThan(meta!.index);
      }
      const policy = new Map(
        meta![1]!
          .replace(/&#39;|&apos;/g, "'")
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!, values]),
      );
      expect(policy.get('default-src'), page).toEqual(["'self'"]);
      expect(policy.get('object-src'), page).toEqual(["'none'"]);
      expect(policy.get('base-uri'), page).toBeDefined();
      expect(policy.get('form-action'), page).toBeDefined();
      for (const directive of ['script-src', 'default-src', 'style-src', 'img-src', 'connect-src', 'font-src', 'base-uri', 'form-action']) {
        for (const value of policy.get(directive) ?? []) {
          expect(["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'blob:'], `${page}: ${directive} ${value}`).not.toContain(value);
          if (directive !== 'img-src') expect(value, `${page}: ${directive}`).not.toBe('data:');
        }
      }
      expect(policy.get('script-src') ?? policy.get('default-src'), page).toContain("'self'");
    }
  });

  it('has no script but the site\'s own files, no event handler, frame, object, base, refresh, foreign form or javascript: URL in its HTML', () => {
    for (const page of pages) {
      const html = read(page);
      // The tags as a browser reads them: a quoted attribute value is part of its tag, whatever it holds (a title
      // with "</title><script>" in a meta description is text there, not an element).
      const tags = [...html.matchAll(TAG)];
      for (const tag of tags.filter((match) => /^<script\b/i.test(match[0]))) {
        expect(tag[0], `${page}: ${tag[0].slice(0, 80)}`).toMatch(/\ssrc="\/[^/]/);
        const end = tag.index + tag[0].length;
        expect(html.slice(end, html.indexOf('</script>', end)), page).toBe('');
      }
      for (const [tag] of tags) {
        // Its attributes, each name with its value unquoted.
        const attributes = [...tag.matchAll(ATTRIBUTE)].map((m) => ({ name: m[1]!.toLowerCase(), value: (m[2] ?? '').replace(/^["']|["']$/g, '') }));
        const value = (name: string) => attributes.find((attribute) => attribute.name === name)?.value;
        expect(attributes.filter((attribute) => /^on/.test(attribute.name)).map((a) => a.name), page).toEqual([]);
        expect(tag, page).not.toMatch(/^<(iframe|frame|object|embed|base|style|applet)\b/i);
        // The site's own search form only: to a page of the site.
        if (/^<form\b/i.test(tag)) expect(value('action'), page).toMatch(/^\/[^/]/);
        if (/^<meta\b/i.test(tag)) expect(value('http-equiv') ?? '', page).not.toMatch(/refresh/i);
        for (const name of ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href']) expect(value(name) ?? '', `${page}: ${tag.slice(0, 80)}`).not.toMatch(/^\s*(javascript|vbscript|data:text)/i);
        expect(tag, page).not.toContain(trap.url.replace('http://', '') + '/script.js');
      }
    }
  });

  it('never links or loads the SVG with a script: no SVG from the strategy is copied to the site', () => {
    const svgs = listFiles(outDir).filter((file) => /\.svgz?$/i.test(file));
    expect(svgs).toEqual(['favicon.svg']);
  });
});

describe.skipIf(!hasChromium)('the hostile site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no script of the content on any page, has no javascript: link in the DOM, and fetches nothing from the trap', { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The sanitised HTML keeps <img src> to other sites (check reports them); the CSP must stop the browser there.
    const foreign: string[] = [];
    const blocked: string[] = [];
    const isForeign = (url: string) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('about:');
    page.on('requestfinished', (request) => {
      if (isForeign(request.url())) foreign.push(request.url());
    });
    page.on('requestfailed', (request) => {
      if (!isForeign(request.url())) return;
      if (/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(request.failure()?.errorText ?? '')) blocked.push(request.url());
      else foreign.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
    });
    for (const path of pages) {
      const url = `${server.url}/${path.replace(/index\.html$/, '')}`;
      await page.goto(url, { waitUntil: 'load' });
      // Give timers, onload and onerror handlers a moment to fire, and hover over everything once.
      await page.mouse.move(10, 10);
      await page.mouse.move(400, 300);
      await page.waitForTimeout(50);
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        const w = window as unknown as { __pwned?: unknown };
        if (w.__pwned !== undefined) bad.push(`window.__pwned = ${String(w.__pwned)}`);
        for (const element of Array.from(document.querySelectorAll('*'))) {
          const tag = element.tagName.toLowerCase();
          if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) bad.push(`<${tag}>`);
          if (tag === 'form' && !(element as HTMLFormElement).action.startsWith(location.origin)) bad.push(`<form action="${(element as HTMLFormElement).action}">`);
          if (tag === 'script' && !(element as HTMLScriptElement).src) bad.push('inline <script>');
          for (const attribute of Array.from(element.attributes)) {
            const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
            if (/^on/i.test(attribute.name)) bad.push(`<${tag} ${attribute.name}>`);
            if (/^(javascript|vbscript):|^data:text/.test(value)) bad.push(`<${tag} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
          }
        }
        const links = Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).protocol);
        if (links.some((protocol) => !['http:', 'https:', 'mailto:', 'tel:'].includes(protocol))) bad.push(`link protocols ${[...new Set(links)].join(' ')}`);
        return bad;
      });
      expect(found, url).toEqual([]);
    }
    await context.close();
    expect(foreign).toEqual([]);
    expect(trap.requests).toEqual([]);
    // The payloads did try: their images were there, and the policy refused them.
    expect(blocked.some((url) => url.startsWith(trap.url))).toBe(true);
  });
});
