import { describe, expect, test, vi } from 'vitest';

/** Counts how often a detector is built: building one per call would reload the n-gram table each time. */
const built = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../src/i18n/subset-detector.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/i18n/subset-detector.ts')>();
  return {
    ...original,
    newSubsetDetector: () => {
      built.count += 1;
      return original.newSubsetDetector();
    },
  };
});

const { identifyLanguage } = await import('../../src/i18n/language.ts');

const BLOCKS = [
  'Välfärdsområdet ansvarar för att ordna social- och hälsovårdstjänster samt räddningsväsendet för sina invånare.',
  'Hyvinvointialue vastaa sosiaali- ja terveyspalvelujen sekä pelastustoimen järjestämisestä asukkailleen.',
  'Vi stärker hemvården och stöder äldre personers möjligheter att bo hemma så länge som möjligt.',
  'Vahvistamme kotihoitoa ja tuemme ikääntyneiden mahdollisuuksia asua kotona mahdollisimman pitkään.',
];

describe('identifyLanguage: one detector for the process', () => {
  test('no detector is built before the first call', () => {
    expect(built.count).toBe(0);
  });

  test('thousands of blocks share one detector', () => {
    const names = ['Österbottens välfärdsområde', 'Sotkanet'];
    for (let i = 0; i < 4000; i++) identifyLanguage(BLOCKS[i % BLOCKS.length]!, { properNames: names });
    expect(built.count).toBe(1);
  });
});
