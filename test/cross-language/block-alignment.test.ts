import { describe, expect, test } from 'vitest';
import { alignBlocks, blocksOf, type Block } from '../../src/cross-language/blocks.ts';
import { parseMarkdown } from './parse-markdown.ts';

const blocks = (markdown: string): Block[] => blocksOf(parseMarkdown(markdown));
const align = (a: string, b: string) => alignBlocks(blocks(a), blocks(b));

const SV = `---
id: hemvard
---

## Mål

Andelen 75 år fyllda som bor hemma ökar till 94 %.

## Åtgärder

- Vi stärker [hemvården](https://ovph.fi/sv/hemvard).
- Vi utvecklar vårdgarantin.
- Vi följer upp i Sotkanet.

| Indikator | 2025 | 2029 |
| --- | --- | --- |
| Hemma | 92 % | 94 % |
`;

const FI = `---
id: hemvard
---

## Tavoite

Kotona asuvien 75 vuotta täyttäneiden osuus nousee 94 %:iin.

## Toimenpiteet

- Vahvistamme [kotihoitoa](https://ovph.fi/sv/hemvard).
- Kehitämme hoitotakuuta.
- Seuraamme Sotkanetissa.

| Mittari | 2025 | 2029 |
| --- | --- | --- |
| Kotona | 92 % | 94 % |
`;

describe('alignBlocks', () => {
  test('twins with the same structure match', () => {
    expect(align(SV, FI)).toEqual([]);
  });

  test('an inserted paragraph is one mismatch, and the blocks after it line up again', () => {
    const longer = FI.replace('## Toimenpiteet', 'Ylimääräinen kappale.\n\n## Toimenpiteet');
    expect(align(SV, longer)).toEqual([{ kind: 'onlyInB', indexA: 2, indexB: 2, reason: 'paragraph with no counterpart' }]);
  });

  test('a missing block is reported once, with where it belongs in the other file', () => {
    const shorter = FI.replace(/\n## Tavoite\n/, '\n');
    expect(align(SV, shorter)).toEqual([{ kind: 'onlyInA', indexA: 0, indexB: 0, reason: 'heading level 2 with no counterpart' }]);
  });

  test('a block missing at the end', () => {
    expect(align('Ett.\n\nTvå.', 'Yksi.')).toEqual([{ kind: 'onlyInA', indexA: 1, indexB: 1, reason: 'paragraph with no counterpart' }]);
  });

  test('heading level', () => {
    expect(align(SV, FI.replace('## Toimenpiteet', '### Toimenpiteet'))).toEqual([
      { kind: 'signature', indexA: 2, indexB: 2, reason: 'heading level 2 vs 3' },
    ]);
  });

  test('list item count', () => {
    expect(align(SV, FI.replace('- Seuraamme Sotkanetissa.\n', '- Seuraamme Sotkanetissa.\n- Ja lisäksi.\n'))).toEqual([
      { kind: 'signature', indexA: 3, indexB: 3, reason: 'list with 3 items vs 4 items' },
    ]);
  });

  test('list nesting', () => {
    expect(align('- a\n- b\n  - b1\n  - b2\n- c', '- a\n- b\n  - b1\n- c')).toEqual([
      { kind: 'signature', indexA: 0, indexB: 0, reason: 'list nesting 3[0,2,0] vs 3[0,1,0]' },
    ]);
  });

  test('numbered vs bulleted list', () => {
    expect(align('1. a\n2. b', '- a\n- b')).toEqual([
      { kind: 'signature', indexA: 0, indexB: 0, reason: 'numbered list with 2 items vs bulleted list with 2 items' },
    ]);
  });

  test('table columns', () => {
    const twoColumns = FI.replace('| Mittari | 2025 | 2029 |\n| --- | --- | --- |\n| Kotona | 92 % | 94 % |', '| Mittari | 2029 |\n| --- | --- |\n| Kotona | 94 % |');
    expect(align(SV, twoColumns)).toEqual([{ kind: 'signature', indexA: 4, indexB: 4, reason: 'table 2×3 vs 2×2' }]);
  });

  test('code language', () => {
    expect(align('```mermaid\nx\n```', '```\nx\n```')).toEqual([
      { kind: 'signature', indexA: 0, indexB: 0, reason: 'code language mermaid vs none' },
    ]);
  });

  test('a block of another kind in the same place is one changed block', () => {
    expect(align('Ett.\n\nTvå.\n\nTre.', 'Yksi.\n\n| a | b |\n| - | - |\n\nKolme.')).toEqual([
      { kind: 'signature', indexA: 1, indexB: 1, reason: 'paragraph vs table 1×2' },
    ]);
  });

  test('same-type blocks pair up first inside a gap', () => {
    expect(align('# R\n\nExtra.\n\n- a\n- b\n- c\n\n# S', '# R\n\n- a\n- b\n- c\n- d\n\n# S')).toEqual([
      { kind: 'onlyInA', indexA: 1, indexB: 1, reason: 'paragraph with no counterpart' },
      { kind: 'signature', indexA: 2, indexB: 1, reason: 'list with 3 items vs 4 items' },
    ]);
  });

  test('one error each for several independent differences', () => {
    const changed = FI.replace('## Tavoite', '### Tavoite').replace('- Kehitämme hoitotakuuta.\n', '').concat('\nLoppukappale.\n');
    expect(align(SV, changed)).toEqual([
      { kind: 'signature', indexA: 0, indexB: 0, reason: 'heading level 2 vs 3' },
      { kind: 'signature', indexA: 3, indexB: 3, reason: 'list with 3 items vs 2 items' },
      { kind: 'onlyInB', indexA: 5, indexB: 5, reason: 'paragraph with no counterpart' },
    ]);
  });

  test('link targets', () => {
    expect(align(SV, FI.replace('https://ovph.fi/sv/hemvard', 'https://ovph.fi/fi/kotihoito'))).toEqual([
      {
        kind: 'links',
        indexA: 3,
        indexB: 3,
        reason: 'links differ (only in a: https://ovph.fi/sv/hemvard; only in b: https://ovph.fi/fi/kotihoito)',
      },
    ]);
  });

  test('a missing link', () => {
    expect(align('[a](https://a.fi) och [b](https://b.fi)', '[a](https://a.fi) ja b')).toEqual([
      { kind: 'links', indexA: 0, indexB: 0, reason: 'links differ (only in a: https://b.fi)' },
    ]);
  });

  test('the same links in another order', () => {
    expect(align('[a](https://a.fi) [b](https://b.fi)', '[b](https://b.fi) [a](https://a.fi)')).toEqual([
      { kind: 'links', indexA: 0, indexB: 0, reason: 'same links in a different order' },
    ]);
  });

  test('a caller-given link equality for language-specific pages', () => {
    const sameWithoutLanguage = (x: string, y: string): boolean => x.replace('/sv/', '/fi/') === y.replace('/sv/', '/fi/');
    const a = blocks('[Hemvård](https://ovph.fi/sv/hemvard)');
    const b = blocks('[Kotihoito](https://ovph.fi/fi/hemvard)');
    expect(alignBlocks(a, b)).toHaveLength(1);
    expect(alignBlocks(a, b, { linksEqual: sameWithoutLanguage })).toEqual([]);
  });

  test('empty sides', () => {
    expect(alignBlocks([], [])).toEqual([]);
    expect(align('', '# A\n\nB.')).toEqual([
      { kind: 'onlyInB', indexA: 0, indexB: 0, reason: 'heading level 1 with no counterpart' },
      { kind: 'onlyInB', indexA: 0, indexB: 1, reason: 'paragraph with no counterpart' },
    ]);
  });
});
