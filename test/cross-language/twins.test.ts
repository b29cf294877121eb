import { describe, expect, test } from 'vitest';
import { alignBlocks, blocksOf, type Block } from '../../src/cross-language/blocks.ts';
import { identifyLanguage } from '../../src/cross-language/language.ts';
import { compareNumbers, extractNumbers } from '../../src/cross-language/numbers.ts';
import { stemMatches } from '../../src/cross-language/stems.ts';
import { parseMarkdown } from './parse-markdown.ts';

/** The modules together, the way cross-language rules will use them on one item's twin files. */

const SV = `---
id: hemvard
---

## Mål

Andelen 75 år fyllda som bor hemma ökar till 94 % under perioden 2025–2029.

Vårdgarantin uppfylls enligt lagen om ordnande av social- och hälsovård (612/2021), 11 §.

- Österbottens välfärdsområde stärker hemvården med 12 500 besök per år.
- Uppföljningen sker i Sotkanet från 1.3.2026.
`;

const FI = `---
id: hemvard
---

## Tavoite

Kotona asuvien 75 vuotta täyttäneiden osuus nousee 94 %:iin kaudella 2025-2029.

Hoitotakuu toteutuu sosiaali- ja terveydenhuollon järjestämisestä annetun lain (612/2021) 11 §:n mukaisesti.

- Pohjanmaan hyvinvointialue vahvistaa kotihoitoa 12 500 käynnillä vuodessa.
- Seurantaa tehdään Sotkanetissa 1.3.2026 alkaen.
`;

const NAMES = ['Österbottens välfärdsområde', 'Pohjanmaan hyvinvointialue', 'Sotkanet'];

function numberDifferences(a: readonly Block[], b: readonly Block[]): string[] {
  return a.flatMap((block, k) => {
    const twin = b[k];
    if (twin === undefined) return [];
    const { onlyInA, onlyInB } = compareNumbers(extractNumbers(block.text), extractNumbers(twin.text));
    return [...onlyInA.map((t) => `block ${k}: ${t.raw} only in sv`), ...onlyInB.map((t) => `block ${k}: ${t.raw} only in fi`)];
  });
}

describe('twin files', () => {
  const sv = blocksOf(parseMarkdown(SV));
  const fi = blocksOf(parseMarkdown(FI));

  test('same structure', () => {
    expect(alignBlocks(sv, fi)).toEqual([]);
  });

  test('same numbers block by block', () => {
    expect(numberDifferences(sv, fi)).toEqual([]);
  });

  test('a mistyped number is found in its block', () => {
    const wrong = blocksOf(parseMarkdown(FI.replace('12 500', '12 000')));
    expect(numberDifferences(sv, wrong)).toEqual(['block 3: 12 500 only in sv', 'block 3: 12 000 only in fi']);
  });

  test('each block is judged to be in its own language, or not judged', () => {
    for (const block of sv) expect([undefined, 'sv']).toContain(identifyLanguage(block.prose, { properNames: NAMES }).lang);
    for (const block of fi) expect([undefined, 'fi']).toContain(identifyLanguage(block.prose, { properNames: NAMES }).lang);
    expect(identifyLanguage(sv[1]!.prose).lang).toBe('sv');
    expect(identifyLanguage(fi[1]!.prose).lang).toBe('fi');
  });

  test('Finnish left in the Swedish file is noticed', () => {
    const mixed = blocksOf(parseMarkdown(SV.replace(/Vårdgarantin uppfylls.*\n/, FI.match(/Hoitotakuu toteutuu.*\n/)![0])));
    expect(identifyLanguage(mixed[2]!.prose)).toMatchObject({ lang: 'fi', reliable: true });
  });

  test('glossary terms are used in both', () => {
    expect(stemMatches(sv[3]!.text, 'hemvård', 'sv')).toBe(true);
    expect(stemMatches(fi[3]!.text, 'kotihoito', 'fi')).toBe(true);
    expect(stemMatches(sv[2]!.text, 'vårdgaranti', 'sv')).toBe(true);
    expect(stemMatches(fi[2]!.text, 'hoitotakuu', 'fi')).toBe(true);
  });
});
