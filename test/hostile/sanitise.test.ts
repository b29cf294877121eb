/**
 * bodyToHtml (src/view/build.ts) on hostile Markdown: raw HTML is dropped, links and images keep only safe URLs,
 * no attribute can carry an event handler. In Chromium, the same payloads rendered without sanitising do run (so the
 * test's payloads are live) and rendered through bodyToHtml do not, with no Content-Security-Policy to help.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import { parseFile } from '../../src/parse/parse-file.ts';
import { bodyToHtml } from '../../src/view/build.ts';
import { chromiumArgs, chromiumPath, hasChromium } from '../site/helpers.ts';
import { hostileMarkdown } from './hostile-strategy.ts';

/** Nothing listens on port 9: a page that tries to load from it gets nowhere. */
const nowhere = 'http://127.0.0.1:9';

const body = (markdown: string) => parseFile({ path: 'x.sv.md', lang: 'sv', stem: 'x' }, new TextEncoder().encode(`---\nid: x\n---\n\n${markdown}\n`)).body;

/** The unsafe rendering bodyToHtml must not be: raw HTML passed through, nothing sanitised. */
const unsafeHtml = (markdown: string) => toHtml(toHast(body(markdown), { allowDangerousHtml: true }) as HastRoot, { allowDangerousHtml: true });

const vectors: Record<string, string> = {
  'script element': '<script>window.__pwned = 1</script>',
  'inline script': 'Text <script>window.__pwned = 1</script> text.',
  'img onerror': '<img src="x" onerror="window.__pwned = 1">',
  'div onclick': '<div onclick="window.__pwned = 1">x</div>',
  'svg onload': '<svg onload="window.__pwned = 1"></svg>',
  'svg script': '<svg><script>window.__pwned = 1</script></svg>',
  'iframe javascript': '<iframe src="javascript:window.__pwned = 1"></iframe>',
  'iframe srcdoc': '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  'object': '<object data="javascript:window.__pwned = 1"></object>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned = 1">',
  'base': `<base href="${nowhere}/">`,
  'form': '<form action="javascript:window.__pwned = 1"><button>x</button></form>',
  'style': `<style>body { background: url(${nowhere}/x.png) }</style>`,
  'link javascript': '[a](javascript:window.__pwned=1)',
  'link javascript capitals': '[a](JaVaScRiPt:window.__pwned=1)',
  'link javascript entity': '[a](&#106;avascript:window.__pwned=1)',
  'link javascript tab': '[a](java&#x09;script:window.__pwned=1)',
  'autolink javascript': '<javascript:window.__pwned=1>',
  'reference javascript': '[a][r]\n\n[r]: javascript:window.__pwned=1',
  'link data': '[a](data:text/html,<script>window.__pwned=1</script>)',
  'link vbscript': '[a](vbscript:msgbox)',
  'image data svg': '![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiPjwvc3ZnPg==)',
  'image javascript': '![i](javascript:window.__pwned=1)',
  'link title breaking out': '[a](https://example.fi/ "x\\" onmouseover=\\"window.__pwned=1")',
  'link destination breaking out': '[a](<https://example.fi/" onmouseover="window.__pwned=1>)',
  'table cell html': '| <script>window.__pwned=1</script> | <img src=x onerror=window.__pwned=1> |\n|---|---|\n| a | b |',
  'footnote html': 'Text[^1].\n\n[^1]: <img src=x onerror=window.__pwned=1>',
  'code span': '`<script>window.__pwned=1</script>`',
  'code block': '```html\n<script>window.__pwned=1</script>\n```',
  'html comment closing early': '<!-- --><script>window.__pwned=1</script> -->',
  'entity-encoded tag': '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
};

/** The attributes of each start tag, as hast-util-to-html writes them (values in double quotes, `"` escaped). */
function startTags(html: string): { tag: string; name: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-z][a-z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map((match) => ({
    tag: match[0],
    name: match[1]!.toLowerCase(),
    attributes: [...match[2]!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2] ?? ''] as [string, string]),
  }));
}

function expectHarmless(html: string, name: string): void {
  // Every `<` that is not markup is escaped, so every tag is one of these.
  expect(startTags(html).length, name).toBe((html.match(/<[a-z]/gi) ?? []).length);
  for (const { tag, name: element, attributes } of startTags(html)) {
    expect(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'style', 'base', 'meta', 'form', 'link', 'button', 'input', 'applet', 'math'], `${name}: ${tag}`).not.toContain(element);
    for (const [attribute, value] of attributes) {
      expect(attribute, `${name}: ${tag}`).not.toMatch(/^(on|srcdoc$|style$|formaction$)/);
      if (['href', 'src', 'action', 'data', 'cite', 'background', 'poster'].includes(attribute)) {
        expect(value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/[\s\u0000-\u001f]/g, ''), `${name}: ${tag}`).not.toMatch(/^(javascript|vbscript|data):/i);
      }
    }
  }
}

describe('bodyToHtml on hostile Markdown', () => {
  it.each(Object.entries(vectors))('%s: no element, attribute or URL that can run script', (name, markdown) => {
    expectHarmless(bodyToHtml(body(markdown)), name);
  });

  it('keeps the text of the page, escaped, and the safe links', () => {
    const html = bodyToHtml(body('Se [rapporten](https://example.fi/rapport) och `<b>` &lt;i&gt;.'));
    expect(html).toContain('<a href="https://example.fi/rapport">rapporten</a>');
    expect(html).toContain('<code>&#x3C;b></code>');
    expect(html).toContain('&#x3C;i>');
  });

  it('neutralises the whole hostile block the site test uses', () => {
    expectHarmless(bodyToHtml(body(hostileMarkdown(nowhere))), 'hostile block');
  });
});

describe.skipIf(!hasChromium)('bodyToHtml in Chromium, without a Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pwned = async (html: string): Promise<unknown> => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><html><body>${html}</body></html>`, { waitUntil: 'load' });
      await page.mouse.move(5, 5);
      await page.mouse.move(300, 200);
      await page.waitForTimeout(50);
      return await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    } finally {
      await page.close();
    }
  };

  it('the payloads are live: rendered without sanitising, they run', async () => {
    expect(await pwned(unsafeHtml(vectors['script element']!))).toBe(1);
    expect(await pwned(unsafeHtml(vectors['img onerror']!))).toBe(1);
    expect(await pwned(unsafeHtml(hostileMarkdown(nowhere)))).toBe(1);
  });

  it('through bodyToHtml, none of them runs', async () => {
    expect(await pwned(bodyToHtml(body(hostileMarkdown(nowhere))))).toBeUndefined();
    expect(await pwned(Object.values(vectors).map((markdown) => bodyToHtml(body(markdown))).join('\n'))).toBeUndefined();
  });
});
