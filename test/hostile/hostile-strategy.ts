/**
 * A strategy for the renderer tests: the mini fixture with hostile Markdown in its bodies (script, iframe, on*
 * attributes, javascript: and data: links, an SVG with a script, images and links to a trap address) and hostile text
 * in its front-matter (titles, the organisation, units, labels that try to close a tag and open a script).
 * Every payload tries to set `window.__pwned` or to fetch something from `trap`.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures.ts';

export const miniStrategy = join(repoRoot, 'test/fixtures/mini/strategy');

export const svgWithScript = (trap: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="window.__pwned = 1">
  <script>window.__pwned = 1; fetch('${trap}/svg-script');</script>
  <image href="${trap}/svg-image.png" width="10" height="10"/>
</svg>
`;

/** Markdown that check reports (raw-html, unsafe-link) and the renderers must neutralise anyway. */
export const hostileMarkdown = (trap: string) => `
<script>window.__pwned = 1</script>

<script src="${trap}/script.js"></script>

<iframe src="javascript:window.__pwned = 1"></iframe>

<iframe srcdoc="<script>parent.__pwned = 1</script>" src="${trap}/iframe"></iframe>

<div onclick="window.__pwned = 1" onmouseover="window.__pwned = 1" style="position:fixed;inset:0">x</div>

Text <img src="x" onerror="window.__pwned = 1"> and <span onmouseover="window.__pwned = 1">hover</span>.

<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 1"><script>window.__pwned = 1</script></svg>

<object data="javascript:window.__pwned = 1"></object> <embed src="${trap}/embed">

<meta http-equiv="refresh" content="0;url=javascript:window.__pwned = 1">

<base href="${trap}/">

<form action="javascript:window.__pwned = 1"><button formaction="javascript:window.__pwned = 1">x</button></form>

<link rel="stylesheet" href="${trap}/style.css">

<style>@import url(${trap}/import.css); body { background: url(${trap}/background.png) }</style>

[a](javascript:window.__pwned=1) [b](JaVaScRiPt:window.__pwned=1) [c](java&#x09;script:window.__pwned=1) <javascript:window.__pwned=1> [d](data:text/html,<script>window.__pwned=1</script>) [e](vbscript:msgbox) [f][js]

![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiPjwvc3ZnPg==) ![s](diagram.svg) ![t](${trap}/pixel.png) ![u][img] ![v](../../../../etc/passwd)

[js]: javascript:window.__pwned=1
[img]: ${trap}/reference.png

[x](https://example.fi/" onmouseover="window.__pwned=1) [y](${trap}/link)

| <script>window.__pwned=1</script> | [z](javascript:window.__pwned=1) |
|---|---|
| <img src=x onerror=window.__pwned=1> | ![w](${trap}/cell.png) |

\`<script>window.__pwned=1</script>\` and <https://example.fi/?q=<script>window.__pwned=1</script>>

\`\`\`html
<script>window.__pwned = 1</script>
\`\`\`
`;

/** Text that is valid front-matter and passes check, but is HTML-like: the templates must escape it. */
export const hostileText = {
  organisation: 'Österbottens välfärdsområde </title><script>window.__pwned = 1</script>',
  title: '<script>window.__pwned = 1</script> Ekonomi',
  attributeBreak: '"><img src=x onerror="window.__pwned = 1"> \' onmouseover=\'window.__pwned = 1',
  vision: '<svg onload="window.__pwned = 1"></svg> Olika språk förenar',
  unit: '<iframe src="javascript:window.__pwned = 1">',
  label: 'javascript:window.__pwned = 1',
};

const yaml = (value: string) => JSON.stringify(value);

function edit(dir: string, path: string, change: (text: string) => string): void {
  const file = join(dir, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Copies the mini fixture to `dir` and makes it hostile. */
export function writeHostileStrategy(dir: string, trap: string): void {
  cpSync(miniStrategy, dir, { recursive: true });
  writeFileSync(join(dir, 'diagram.svg'), svgWithScript(trap));
  writeFileSync(join(dir, 'general/diagram.svg'), svgWithScript(trap));
  for (const lang of ['sv', 'fi']) {
    edit(dir, `document.${lang}.md`, (text) =>
      text
        .replace(/^organisation: .*$/m, `organisation: ${yaml(hostileText.organisation)}`)
        .replace(/^vision: .*$/m, `vision: ${yaml(hostileText.vision)}`)
        .replace(/^mission: .*$/m, `mission: ${yaml(hostileText.attributeBreak)}`)
        .concat(hostileMarkdown(trap)),
    );
    edit(dir, `general/finance.${lang}.md`, (text) => text.replace(/^title: .*$/m, `title: ${yaml(hostileText.title)}`).concat(hostileMarkdown(trap)));
    edit(dir, `services/home/goal.${lang}.md`, (text) => text.replace(/^title: .*$/m, `title: ${yaml(hostileText.attributeBreak)}`).concat(hostileMarkdown(trap)));
    edit(dir, `services/home/measure.${lang}.md`, (text) =>
      text.replace(/^unit: .*$/m, `unit: ${yaml(hostileText.unit)}`).replace(/^source-label: .*$/m, `source-label: ${yaml(hostileText.label)}`),
    );
    edit(dir, `services/home/robots.${lang}.md`, (text) => text.replace(/^responsible: .*$/m, `responsible: ${yaml(hostileText.attributeBreak)}`));
    edit(dir, `services/section.${lang}.md`, (text) => text.replace(/^target-group: .*$/m, `target-group: ${yaml(hostileText.unit)}`));
    edit(dir, `framing/value-trust.${lang}.md`, (text) => text.replace(/^title: .*$/m, `title: ${yaml(`</title><script>window.__pwned = 1</script>${hostileText.title}`)}`));
  }
}
