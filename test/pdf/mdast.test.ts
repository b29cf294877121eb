import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { mdastToPdf, mdStyles } from '../../src/render/pdf/mdast.ts';

const md = (source: string): Root => unified().use(remarkParse).use(remarkGfm).parse(source);
const convert = (source: string) => mdastToPdf(md(source), { imageLabel: 'Bild' });
const json = (source: string) => JSON.stringify(convert(source));

describe('mdastToPdf', () => {
  test('a paragraph with emphasis, strong, strikethrough and inline code', () => {
    const [p] = convert('Vi *stöder* **tilliten** och ~~inte~~ `kod`.');
    expect(p).toEqual({
      text: ['Vi ', { text: 'stöder', italics: true }, ' ', { text: 'tilliten', bold: true }, ' och ', { text: 'inte', decoration: 'lineThrough' }, ' ', { text: 'kod', style: mdStyles.code, tag: { type: 'Code' } }, '.'],
      style: mdStyles.paragraph,
    });
  });

  test('nested emphasis keeps both marks; soft line breaks become spaces, hard ones stay', () => {
    const [p] = convert('***båda***\nrad två  \nrad tre');
    expect(p).toMatchObject({ text: [{ text: 'båda', italics: true, bold: true }, ' rad två', '\n', 'rad tre'] });
  });

  test('http(s) and mailto links become PDF links; other links stay plain text', () => {
    const [p] = convert('[THL](https://thl.fi/) [post](mailto:a@b.fi) [lokal](../mal/) [js](javascript:alert(1))');
    const parts = (p as { text: unknown[] }).text;
    expect(parts[0]).toMatchObject({ text: 'THL', link: 'https://thl.fi/' });
    expect(parts[2]).toMatchObject({ text: 'post', link: 'mailto:a@b.fi' });
    expect(parts[4]).toBe('lokal');
    expect(parts[6]).toBe('js');
    expect(JSON.stringify(p)).not.toContain('javascript');
  });

  test('reference links resolve through their definitions, which are not rendered themselves', () => {
    const blocks = convert('Se [Sotkanet][s].\n\n[s]: https://sotkanet.fi/');
    expect(blocks).toHaveLength(1);
    expect(JSON.stringify(blocks[0])).toContain('"link":"https://sotkanet.fi/"');
  });

  test('raw HTML is dropped, inline and as blocks', () => {
    const out = json('<div onclick="x()">block</div>\n\nText <b>fet</b> <script>alert(1)</script> slut.');
    expect(out).not.toMatch(/<div|<b>|<script|onclick|alert/);
    expect(out).toContain('slut.');
  });

  test('nested unordered and ordered lists, with a start number', () => {
    const [list] = convert('- ett\n- två\n  1. a\n  2. b\n- tre');
    expect(list).toMatchObject({ ul: [{ text: ['ett'] }, { stack: [{ text: ['två'] }, { ol: [{ text: ['a'] }, { text: ['b'] }] }] }, { text: ['tre'] }] });
    const [ordered] = convert('3. tre\n4. fyra');
    expect(ordered).toMatchObject({ ol: [{ text: ['tre'] }, { text: ['fyra'] }], start: 3 });
  });

  test('task list items get a box', () => {
    expect(json('- [x] klar\n- [ ] inte klar')).toMatch(/☑.*klar.*☐.*inte klar/);
  });

  test('a GFM table repeats its header row, keeps rows whole and aligns columns', () => {
    const [table] = convert('| År | Kostnader |\n|---|---:|\n| 2024 | 1 012,5 |\n| 2025 | 1 048,0 |');
    expect(table).toMatchObject({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        body: [
          [{ text: ['År'], style: mdStyles.tableHeader }, { text: ['Kostnader'], alignment: 'right' }],
          [{ text: ['2024'], style: mdStyles.tableCell }, { text: ['1 012,5'], alignment: 'right' }],
          [{ text: ['2025'] }, { text: ['1 048,0'] }],
        ],
      },
    });
  });

  test('headings map to subheading styles (## and deeper) and stay with the next paragraph', () => {
    const blocks = convert('## Ekonomi\n\nText.\n\n### Detaljer\n\n#### Mer\n\n- a\n- b');
    expect(blocks[0]).toMatchObject({ unbreakable: true, stack: [{ text: ['Ekonomi'], style: 'mdH2' }, { text: ['Text.'] }] });
    expect(blocks[1]).toMatchObject({ text: ['Detaljer'], style: 'mdH3' });
    expect(blocks[2]).toMatchObject({ unbreakable: true, stack: [{ style: 'mdH4' }, { ul: [{}, {}] }] });
    expect(convert('# Ett')[0]).toMatchObject({ style: 'mdH2' });
  });

  test('blockquote, thematic break and fenced code', () => {
    const [quote, rule, code] = convert('> Citat\n\n---\n\n```\n  indraget\n```');
    expect(quote).toMatchObject({ table: { body: [[{ stack: [{ text: ['Citat'] }] }]] }, italics: true });
    expect(rule).toMatchObject({ table: { body: [[{ text: '' }]] } });
    expect(code).toMatchObject({ table: { body: [[{ text: '  indraget', preserveLeadingSpaces: true, style: mdStyles.code }]] } });
  });

  test('images are never fetched: their alt text stands in', () => {
    const out = json('![Karta över Österbotten](https://example.com/karta.png)');
    expect(out).toContain('[Bild: Karta över Österbotten]');
    expect(out).not.toContain('example.com');
  });

  test('footnotes are gathered at the end of the body', () => {
    const blocks = convert('Text[^1].\n\n[^1]: Källa: THL.');
    expect(JSON.stringify(blocks[0])).toContain('"sup":true');
    expect(JSON.stringify(blocks.at(-1))).toContain('Källa: THL.');
  });

  test('an empty body gives no content', () => {
    expect(convert('')).toEqual([]);
  });

  test('a table too wide for its place (a council-table cell) is shown row by row, each cell after its heading', () => {
    const source = '| År | Mål | Utfall | Källa |\n|---|---|---|---|\n| 2025 | 94 % | 92,1 % | Sotkanet |\n| 2026 | 95 % | – | Sotkanet |';
    // Portrait text width: four columns fit, as a grid.
    expect(JSON.stringify(mdastToPdf(md(source), { imageLabel: 'Bild' }))).toContain('"widths":["auto","auto","auto","auto"]');
    // The width of a council table's goal column holds no four columns: no grid that would run into the next column.
    const narrow = mdastToPdf(md(source), { imageLabel: 'Bild', width: 110 });
    const text = JSON.stringify(narrow);
    expect(text).not.toContain('"widths"');
    const plain = (t: unknown): string =>
      typeof t === 'string' ? t : Array.isArray(t) ? t.map(plain).join('') : t !== null && typeof t === 'object' && 'text' in t ? plain(t.text) : '';
    const rows = (narrow[0] as { stack: { stack: { text: unknown[] }[] }[] }).stack;
    // Zero-width spaces are where a long word may break: drawn as nothing.
    const lines = rows.map((row) => row.stack.map((cell) => plain(cell.text).replaceAll('\u200B', '')));
    expect(rows[0]!.stack[0]!.text[0]).toMatchObject({ text: ['År'], bold: true });
    expect(lines[0]).toEqual(['År: 2025', 'Mål: 94 %', 'Utfall: 92,1 %', 'Källa: Sotkanet']);
    expect(lines[1]).toEqual(['År: 2026', 'Mål: 95 %', 'Utfall: –', 'Källa: Sotkanet']);
  });
});
