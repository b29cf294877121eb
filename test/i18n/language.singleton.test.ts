import { describe, expect, test, vi } from 'vitest';

/** Counts how often a detector is built and limited to its languages: once per call would redo it for every block. */
const built = vi.hoisted(() => ({ instances: 0, subsets: 0 }));

vi.mock('eld/small', async (importOriginal) => {
  const original = await importOriginal<typeof import('eld/small')>();
  return {
    ...original,
    eld: {
      ...original.eld,
      newInstance: () => {
        built.instances += 1;
        const instance = original.eld.newInstance();
        const setLanguageSubset = instance.setLanguageSubset.bind(instance);
        instance.setLanguageSubset = (languages) => {
          built.subsets += 1;
          return setLanguageSubset(languages);
        };
        return instance;
      },
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
    expect(built).toEqual({ instances: 0, subsets: 0 });
  });

  test('thousands of blocks share one detector', () => {
    const names = ['Österbottens välfärdsområde', 'Sotkanet'];
    for (let i = 0; i < 4000; i++) identifyLanguage(BLOCKS[i % BLOCKS.length]!, { properNames: names });
    expect(built).toEqual({ instances: 1, subsets: 1 });
  });
});
