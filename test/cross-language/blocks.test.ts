import { describe, expect, test } from 'vitest';
import { blocksOf, type Block } from '../../src/cross-language/blocks.ts';
import { parseMarkdown } from './parse-markdown.ts';

const blocks = (markdown: string): Block[] => blocksOf(parseMarkdown(markdown));
const signatures = (markdown: string): string[] => blocks(markdown).map((block) => block.signature);

describe('blocksOf', () => {
  test('a whole item body, front-matter skipped', () => {
    const markdown = `---
id: hemvard
title: Hemvård
---

## Mål

Andelen 75 år fyllda som bor hemma ökar till **94 %**.

1. Första
2. Andra
   - a
   - b
3. Tredje

| Indikator | 2025 | 2029 |
| --- | ---: | ---: |
| Hemma | 92 % | 94 % |
| Vårdgaranti | 80 % | 95 % |
| Väntetid | 14 | 7 |

> Citat ur lagen.

\`\`\`mermaid
graph TD
\`\`\`

---

<div class="note">Obs</div>
`;
    expect(blocks(markdown).map(({ type, signature }) => [type, signature])).toEqual([
      ['heading', 'heading:2'],
      ['paragraph', 'paragraph'],
      ['list', 'list:ordered:3[0,2,0]'],
      ['table', 'table:4x3'],
      ['blockquote', 'blockquote'],
      ['code', 'code:mermaid'],
      ['thematicBreak', 'thematicBreak'],
      ['html', 'html'],
    ]);
  });

  test('a body without front-matter starts with its first block', () => {
    expect(signatures('# Titel\n\nText.')).toEqual(['heading:1', 'paragraph']);
  });

  test('an empty body has no blocks', () => {
    expect(blocks('---\nid: x\n---\n')).toEqual([]);
  });

  test('plain text without formatting markers', () => {
    expect(blocks('Det *här* är **viktigt** och `kod`.')[0]?.text).toBe('Det här är viktigt och kod.');
  });

  test('prose leaves out code, inline code and HTML', () => {
    const [paragraph, code] = blocks('Kör `npm run check` före <kbd>Enter</kbd> varje gång.\n\n```\nkotihoito\n```');
    expect(paragraph?.text).toBe('Kör npm run check före <kbd>Enter</kbd> varje gång.');
    expect(paragraph?.prose).toBe('Kör  före Enter varje gång.');
    expect(code?.prose).toBe('');
  });

  test('a hard line break does not glue words', () => {
    expect(blocks('Rad ett  \nrad två\\\nrad tre')[0]?.text).toBe('Rad ett\nrad två\nrad tre');
  });

  test("list items' paragraphs belong to the list block, one line each", () => {
    const list = blocks('- Hemvård\n- Vårdgaranti\n  1. inom primärvården\n  2. inom specialsjukvården\n\n  Mer text.\n- 12\n- 500');
    expect(list).toHaveLength(1);
    expect(list[0]?.text).toBe('Hemvård\nVårdgaranti\ninom primärvården\ninom specialsjukvården\nMer text.\n12\n500');
  });

  test("table cells belong to the table block, separated so numbers don't merge", () => {
    const [table] = blocks('| a | b |\n| - | - |\n| 12 | 500 |');
    expect(table?.signature).toBe('table:2x2');
    expect(table?.text).toBe('a\tb\n12\t500');
  });

  test('list shapes', () => {
    expect(signatures('- a\n- b\n- c')).toEqual(['list:unordered:3']);
    expect(signatures('1. a\n2. b')).toEqual(['list:ordered:2']);
    expect(signatures('- a\n  - a1\n    - x\n    - y\n- b')).toEqual(['list:unordered:2[1[2],0]']);
    expect(signatures('- a\n\n  - a1\n\n  text\n\n  1. b1\n- b')).toEqual(['list:unordered:2[1+1,0]']);
  });

  test('heading levels, setext included', () => {
    expect(signatures('Titel\n=====\n\nUnder\n-----\n\n### Tre')).toEqual(['heading:1', 'heading:2', 'heading:3']);
  });

  test('code without a language', () => {
    expect(signatures('```\nx\n```\n\n    indented')).toEqual(['code', 'code']);
  });

  test('link and image targets in order, reference links resolved, definitions not blocks', () => {
    const markdown = `Se [THL](https://thl.fi/sv) och [lagen][finlex] samt ![graf](bilder/graf.png) och <https://sotkanet.fi>.

[finlex]: https://www.finlex.fi/sv/laki/alkup/2021/20210612
[oanvänd]: https://example.org
`;
    const result = blocks(markdown);
    expect(result.map((block) => block.signature)).toEqual(['paragraph']);
    expect(result[0]?.links).toEqual([
      'https://thl.fi/sv',
      'https://www.finlex.fi/sv/laki/alkup/2021/20210612',
      'bilder/graf.png',
      'https://sotkanet.fi',
    ]);
  });

  test('an undefined reference is plain text, not a link', () => {
    expect(blocks('Se [saknas][x].')[0]?.links).toEqual([]);
  });

  test('links inside lists and tables are collected per block', () => {
    const result = blocks('- [a](https://a.fi)\n- [b](https://b.fi)\n\n| [c](https://c.fi) |\n| - |');
    expect(result.map((block) => block.links)).toEqual([['https://a.fi', 'https://b.fi'], ['https://c.fi']]);
  });

  test('image alt text is part of the text', () => {
    expect(blocks('![Hemvårdens andel](graf.png)')[0]?.text).toBe('Hemvårdens andel');
  });

  test('editor comments are not blocks, other HTML is', () => {
    expect(signatures('<!-- TODO: översätt -->\n\nText.\n\n<!-- a -->\n<!-- b -->\n\n<details>x</details>')).toEqual(['paragraph', 'html']);
  });

  test('blockquote is one block', () => {
    const result = blocks('> Ett\n>\n> - två\n> - tre');
    expect(result.map((block) => [block.signature, block.text])).toEqual([['blockquote', 'Ett\ntvå\ntre']]);
  });

  test('footnote definitions are blocks of their own', () => {
    expect(signatures('Text.[^1]\n\n[^1]: Källa.')).toEqual(['paragraph', 'footnoteDefinition:1']);
  });

  test('positions point into the file, after the front-matter', () => {
    const result = blocks('---\nid: x\n---\n\n# Rubrik\n\nStycke\npå två rader.\n');
    expect(result.map((block) => block.position)).toEqual([
      { start: { line: 5, column: 1, offset: 15 }, end: { line: 5, column: 9, offset: 23 } },
      { start: { line: 7, column: 1, offset: 25 }, end: { line: 8, column: 14, offset: 45 } },
    ]);
  });

  test('a tree built in code, without positions, points at the top', () => {
    const result = blocksOf({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] });
    expect(result[0]?.position).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  });
});
