import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentHash, normalisedText } from '../../src/cross-language/blocks.ts';
import { FUZZ_RUNS } from './fuzz-runs.ts';
import { parseMarkdown } from './parse-markdown.ts';

const hash = (markdown: string, frontMatter: readonly string[] = []): string => contentHash(parseMarkdown(markdown), frontMatter);

const ORIGINAL = `---
id: hemvard
---

## Mål

Andelen 75 år fyllda som bor hemma ökar till 94 % fram till år 2029.

- Vi stärker hemvården.
- Vi utvecklar [vårdgarantin](https://ovph.fi/sv/vardgaranti).
`;

describe('contentHash', () => {
  test('twelve hex digits', () => {
    expect(hash(ORIGINAL)).toMatch(/^[0-9a-f]{12}$/);
  });

  test.each([
    ['emphasis', ORIGINAL.replace('hemvården', '*hemvården*').replace('Mål', '**Mål**')],
    ['other emphasis markers', ORIGINAL.replace('hemvården', '_hemvården_').replace('94 %', '__94 %__')],
    ['line wrapping', ORIGINAL.replace('bor hemma ökar', 'bor\nhemma\nökar')],
    ['extra blank lines', ORIGINAL.replace('## Mål\n', '\n\n## Mål\n\n\n')],
    ['trailing spaces', ORIGINAL.replace(/\n/g, '   \n')],
    ['hard line break instead of a soft one', ORIGINAL.replace('bor hemma', 'bor  \nhemma')],
    ['list marker', ORIGINAL.replace(/^- /gm, '* ')],
    ['loose list', ORIGINAL.replace('- Vi stärker hemvården.\n', '- Vi stärker hemvården.\n\n')],
    ['ATX heading closed', ORIGINAL.replace('## Mål', '## Mål ##')],
    ['setext heading', ORIGINAL.replace('## Mål', 'Mål\n---')],
    ['reference link', ORIGINAL.replace('(https://ovph.fi/sv/vardgaranti)', '[vg]') + '\n[vg]: https://ovph.fi/sv/vardgaranti\n'],
    ['editor comment', ORIGINAL + '\n<!-- kolla siffran med THL -->\n'],
    ['decomposed letters (NFD)', ORIGINAL.normalize('NFD')],
    ['no-break space in a number', ORIGINAL.replace('94 %', '94\u00A0%')],
    ['soft hyphen', ORIGINAL.replace('hemvården', 'hem\u00ADvården')],
    ['different front-matter YAML', ORIGINAL.replace('id: hemvard', 'id: hemvard\nstatus: draft')],
  ])('formatting only: %s', (_, edited) => {
    expect(normalisedText(parseMarkdown(edited), [])).toBe(normalisedText(parseMarkdown(ORIGINAL), []));
    expect(hash(edited)).toBe(hash(ORIGINAL));
  });

  test.each([
    ['a word', ORIGINAL.replace('stärker', 'förbättrar')],
    ['a number', ORIGINAL.replace('94 %', '95 %')],
    ['a year', ORIGINAL.replace('2029', '2030')],
    ['a decimal', ORIGINAL.replace('94 %', '94,5 %')],
    ['a letter', ORIGINAL.replace('hemvården', 'hemvárden')],
    ['a link target', ORIGINAL.replace('/vardgaranti', '/vardgarantin')],
    ['a new list item', ORIGINAL.replace('- Vi stärker', '- Nytt.\n- Vi stärker')],
    ['a paragraph split in two', ORIGINAL.replace('bor hemma ökar', 'bor hemma.\n\nÖkar')],
    ['punctuation', ORIGINAL.replace('2029.', '2029!')],
    ['words in a code block', `${ORIGINAL}\n\`\`\`\nA --> B\n\`\`\`\n`],
  ])('content: %s', (_, edited) => {
    expect(hash(edited)).not.toBe(hash(ORIGINAL));
  });

  test('translatable front-matter counts, its whitespace does not', () => {
    expect(hash(ORIGINAL, ['Hemvård', 'Vi stärker hemvården.'])).not.toBe(hash(ORIGINAL));
    expect(hash(ORIGINAL, ['Hemvård', 'Vi stärker  hemvården.\n'])).toBe(hash(ORIGINAL, ['Hemvård', 'Vi stärker hemvården.']));
    expect(hash(ORIGINAL, ['Hemvård', 'Vi stärker hemvården.'])).not.toBe(hash(ORIGINAL, ['Hemvård', 'Vi stärker hemvården!']));
  });

  test('the normalised text, line by line', () => {
    expect(normalisedText(parseMarkdown(ORIGINAL), ['Hemvård'])).toBe(
      [
        'Hemvård',
        'Mål',
        'Andelen 75 år fyllda som bor hemma ökar till 94 % fram till år 2029.',
        'Vi stärker hemvården. Vi utvecklar vårdgarantin. <https://ovph.fi/sv/vardgaranti>',
      ].join('\n'),
    );
  });
});

/** Random paragraphs and lists written with random formatting; the hash must only follow the words. */
describe('contentHash properties', () => {
  const WORDS = ['hemvård', 'vårdgaranti', 'kotihoito', 'hoitotakuu', 'Österbotten', 'välfärd', 'äldre', 'osuus', 'ökar', '94 %', '2029', '3,5', '12 500', 'år'];
  const word = fc.constantFrom(...WORDS);
  const paragraph = fc.array(word, { minLength: 1, maxLength: 12 });
  const block = fc.record({ list: fc.boolean(), items: fc.array(paragraph, { minLength: 1, maxLength: 4 }) });
  const document = fc.array(block, { minLength: 1, maxLength: 5 });

  const formatting = fc.record({
    wrapEvery: fc.integer({ min: 1, max: 8 }),
    emphasis: fc.array(fc.constantFrom('', '*', '_', '**', '__'), { minLength: 12, maxLength: 12 }),
    marker: fc.constantFrom('-', '*', '+'),
    blankLines: fc.integer({ min: 1, max: 3 }),
    trailing: fc.constantFrom('', ' ', '   '),
    nfd: fc.boolean(),
  });

  type Document = { list: boolean; items: string[][] }[];
  type Formatting = typeof formatting extends fc.Arbitrary<infer F> ? F : never;

  function write(doc: Document, f: Formatting): string {
    const line = (words: string[]): string =>
      words
        .map((w, k) => {
          const mark = /^\p{L}+$/u.test(w) ? (f.emphasis[k] ?? '') : '';
          return `${mark}${w}${mark}`;
        })
        .map((w, k) => (k > 0 && k % f.wrapEvery === 0 ? `\n${w}` : w))
        .join(' ')
        .replace(/ \n/g, `${f.trailing}\n`);
    const blocks = doc.map((b) =>
      b.list ? b.items.map((item) => `${f.marker} ${line(item).replace(/\n/g, '\n  ')}`).join('\n') : b.items.map(line).join(' '),
    );
    // A list directly after a list with the same marker would merge; a paragraph between keeps them apart.
    const text = blocks.join(`\n${'\n'.repeat(f.blankLines)}`);
    return f.nfd ? text.normalize('NFD') : text;
  }

  function listsSeparated(doc: Document): boolean {
    return doc.every((b, k) => !(b.list && doc[k - 1]?.list));
  }

  test('formatting never changes the hash', () => {
    fc.assert(
      fc.property(document, formatting, formatting, (doc, f1, f2) => {
        fc.pre(listsSeparated(doc));
        expect(hash(write(doc, f1))).toBe(hash(write(doc, f2)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('changing one word always changes the hash', () => {
    fc.assert(
      fc.property(document, formatting, fc.nat(), fc.nat(), fc.nat(), word, (doc, f, b, i, w, replacement) => {
        fc.pre(listsSeparated(doc));
        const target = doc[b % doc.length]!;
        const item = target.items[i % target.items.length]!;
        const index = w % item.length;
        fc.pre(item[index] !== replacement);
        const changed = doc.map((x) => ({ ...x, items: x.items.map((words) => (words === item ? words.map((v, k) => (k === index ? replacement : v)) : words)) }));
        expect(hash(write(changed, f))).not.toBe(hash(write(doc, f)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
