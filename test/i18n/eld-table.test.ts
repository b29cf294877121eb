import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/medium';
import { describe, expect, test } from 'vitest';
import {
  installedTable,
  shippedSubset,
  subsetFileFromInstalled,
  subsetTable,
  SUBSET_LANGUAGES,
} from '../../src/i18n/eld-table.ts';
import { identifyLanguage } from '../../src/i18n/language.ts';
import { newSubsetDetector } from '../../src/i18n/subset-detector.ts';

/** Every paragraph, list item and table row of the strategy's bodies and the test fixtures' Markdown. */
function paragraphsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const paragraph of body.split(/\n\s*\n|\n(?=[-*|] |\d+\. )/)) {
      if (paragraph.trim() !== '') found.push(paragraph.trim());
    }
  }
  return found;
}

/** Close languages and mixtures, where the 57 dropped languages' entries would matter if they could. */
const CRAFTED = [
  'Kommunen har ansvar for å gi innbyggerne gode helse- og omsorgstjenester.', // Norwegian
  'Kommunen har ansvaret for at borgerne får gode sundheds- og omsorgsydelser.', // Danish
  'Omavalitsus vastutab selle eest, et elanikud saaksid head tervishoiuteenused.', // Estonian
  'Die Gemeinde ist für die Gesundheitsversorgung ihrer Einwohner verantwortlich.', // German
  'Sveitarfélagið ber ábyrgð á heilbrigðisþjónustu íbúanna.', // Icelandic
  'The county is responsible for organising health and social services for its residents.',
  'Välfärdsområdet ansvarar för tjänsterna. Hyvinvointialue vastaa palveluista.',
  'Vi stärker hemvården. We strengthen home care.',
  'Tämä on lyhyt.',
  'ok',
  '',
  'Здравоохранение и социальные услуги для жителей региона.',
  '医疗和社会服务',
  'ÅÄÖ åäö šž € – “citat” ’apostrof’',
];

describe('eld-sv-fi-en.json', () => {
  test('is the installed eld table cut to sv, fi and en: run npm run eld-table when this fails', async () => {
    expect(shippedSubset()).toEqual(await subsetFileFromInstalled());
  });

  test('holds far fewer n-grams than the full table, each only with entries of the three languages', async () => {
    const full = await installedTable();
    const subset = shippedSubset();
    const indexes = Object.keys(full.languages).filter((index) => (SUBSET_LANGUAGES as readonly string[]).includes(full.languages[index]!));
    expect(indexes).toHaveLength(3);
    expect(Object.keys(subset.ngrams).length).toBeLessThan(Object.keys(full.ngrams).length / 5);
    for (const entry of Object.values(subset.ngrams)) {
      expect(Object.keys(entry).every((index) => indexes.includes(index))).toBe(true);
    }
  });
});

describe('subsetTable', () => {
  test('keeps the wanted languages’ entries and indexes, drops n-grams left without one', () => {
    const full = {
      type: 'T',
      languages: { 0: 'de', 1: 'fi', 2: 'sv' },
      ngrams: { ' aa': { 0: 5, 1: 7 }, ' bb': { 0: 3 }, ' cc': { 2: 1, 0: 2 } },
    };
    expect(subsetTable(full, ['sv', 'fi'])).toEqual({
      type: 'T',
      languages: full.languages,
      ngrams: { ' aa': { 1: 7 }, ' cc': { 2: 1 } },
    });
  });
});

describe('the subset detector answers as stock eld (all 60 languages) limited to sv, fi and en', () => {
  const stock = eld.newInstance();
  stock.setLanguageSubset([...SUBSET_LANGUAGES]);
  const ours = newSubsetDetector();
  const texts = [...paragraphsUnder('strategy'), ...paragraphsUnder('test/fixtures'), ...CRAFTED];
  // identifyLanguage gives eld the text without names, numbers and links: compare on that too.
  const judged = texts.map((text) => identifyLanguage(text).judged);

  test('on every paragraph of strategy/ and the fixtures, raw and as identifyLanguage cleans it', () => {
    expect(texts.length).toBeGreaterThan(500);
    let differences = 0;
    for (const text of [...texts, ...judged]) {
      const a = stock.detect(text);
      const b = ours.detect(text);
      const same = a.language === b.language && a.isReliable() === b.reliable && JSON.stringify(a.getScores()) === JSON.stringify(b.scores());
      if (!same) {
        differences++;
        expect
          .soft({ text, language: b.language, reliable: b.reliable, scores: b.scores() })
          .toEqual({ text, language: a.language, reliable: a.isReliable(), scores: a.getScores() });
      }
    }
    expect(differences).toBe(0);
  });

  test('tells Swedish, Finnish and English apart, reliably', () => {
    expect(ours.detect('Välfärdsområdet ansvarar för att ordna social- och hälsovårdstjänster för sina invånare.').language).toBe('sv');
    expect(ours.detect('Hyvinvointialue vastaa sosiaali- ja terveyspalvelujen järjestämisestä asukkailleen.').language).toBe('fi');
    const english = ours.detect('The regional council approved the strategy at its meeting in December.');
    expect([english.language, english.reliable]).toEqual(['en', true]);
  });
});
