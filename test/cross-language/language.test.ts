import { eld } from 'eld/small';
import { describe, expect, test } from 'vitest';
import { identifyLanguage, MIN_LETTERS, MIN_WORDS } from '../../src/cross-language/language.ts';

const SWEDISH = [
  'Välfärdsområdet ansvarar för att ordna social- och hälsovårdstjänster samt räddningsväsendet för sina invånare.',
  'Vi stärker hemvården och stöder äldre personers möjligheter att bo hemma så länge som möjligt.',
  'Vårdgarantin ska uppfyllas inom primärvården och väntetiderna till läkare ska förkortas.',
  'Välfärdsområdesfullmäktige godkände strategin vid sitt möte i december.',
  'Andelen 75 år fyllda som bor hemma ökar till 94 %.',
  'Lagen om ordnande av social- och hälsovård (612/2021) förutsätter att tjänsterna samordnas.',
];

const FINNISH = [
  'Hyvinvointialue vastaa sosiaali- ja terveyspalvelujen sekä pelastustoimen järjestämisestä asukkailleen.',
  'Vahvistamme kotihoitoa ja tuemme ikääntyneiden mahdollisuuksia asua kotona mahdollisimman pitkään.',
  'Hoitotakuun on toteuduttava perusterveydenhuollossa ja lääkärille pääsyn odotusajat lyhenevät.',
  'Aluevaltuusto hyväksyi strategian joulukuun kokouksessaan.',
  'Kotona asuvien 75 vuotta täyttäneiden osuus nousee 94 %:iin.',
  'Sosiaali- ja terveydenhuollon järjestämisestä annettu laki (612/2021) edellyttää palvelujen yhteensovittamista.',
];

const NAMES = ['Österbottens välfärdsområde', 'Vasa centralsjukhus', 'Pohjanmaan hyvinvointialue', 'Vaasan keskussairaala', 'Sotkanet'];

describe('identifyLanguage: civil-service prose', () => {
  test.each(SWEDISH)('Swedish: %s', (text) => {
    expect(identifyLanguage(text)).toMatchObject({ lang: 'sv', reliable: true });
  });

  test.each(FINNISH)('Finnish: %s', (text) => {
    expect(identifyLanguage(text)).toMatchObject({ lang: 'fi', reliable: true });
  });

  test('English', () => {
    expect(identifyLanguage('The regional council approved the strategy at its meeting in December.')).toMatchObject({
      lang: 'en',
      reliable: true,
    });
  });
});

describe('identifyLanguage: eld limited to Swedish, Finnish and English', () => {
  test.each([
    'Kommunen har ansvar for å gi innbyggerne gode helse- og omsorgstjenester.', // Norwegian
    'Kommunen har ansvaret for at borgerne får gode sundheds- og omsorgsydelser.', // Danish
    'Omavalitsus vastutab selle eest, et elanikud saaksid head tervishoiuteenused.', // Estonian
    'Die Gemeinde ist für die Gesundheitsversorgung ihrer Einwohner verantwortlich.', // German
  ])('a neighbouring language is judged as one of the three: %s', (text) => {
    expect(['sv', 'fi', 'en']).toContain(identifyLanguage(text).lang);
  });

  test('eld\'s shared instance keeps all its languages', () => {
    identifyLanguage(SWEDISH[0]!);
    expect(eld.info().Subset).toBe(false);
    expect(eld.detect('Kommunen har ansvar for å gi innbyggerne gode helse- og omsorgstjenester.').language).toBe('no');
  });
});

describe('identifyLanguage: too little prose to judge', () => {
  test.each(['', 'Hemvård', 'Kotihoito', 'Vi stärker hemvården.', 'Vahvistamme kotihoitoa.', 'Mål 1', '94 %', 'THL:n raportti', 'Se bilaga 2.'])(
    '%j',
    (text) => {
      expect(identifyLanguage(text)).toMatchObject({ lang: undefined, reliable: false });
    },
  );

  test('numbers, links, e-mail and code do not count towards the minimum', () => {
    const text = 'Se https://thl.fi/sv/statistik-och-data och kirjaamo@ovph.fi, `npm run check` 2025–2029 12 500 €';
    const result = identifyLanguage(text);
    expect(result).toMatchObject({ lang: undefined, reliable: false });
    expect(result.judged).not.toMatch(/https|@|npm|\d/);
  });

  test('the thresholds are what the judgement uses', () => {
    expect(MIN_WORDS).toBeGreaterThanOrEqual(4);
    expect(MIN_LETTERS).toBeGreaterThanOrEqual(25);
  });
});

describe('identifyLanguage: what is removed before judging', () => {
  test('acronyms and CamelCase names', () => {
    const { judged } = identifyLanguage('THL och HaiPro samt EU:n och SoteDigi används i uppföljningen av kvaliteten.');
    expect(judged).toBe('och samt och används i uppföljningen av kvaliteten.');
  });

  test('a capitalised word at the start of a sentence is prose', () => {
    expect(identifyLanguage('Vasa är en stad i Österbotten vid kusten.').judged).toBe('Vasa är en stad i Österbotten vid kusten.');
  });

  test('proper names, including their inflected forms and across line breaks', () => {
    const { judged } = identifyLanguage('Tiedot löytyvät Sotkanetista ja Vaasan\nkeskussairaalan raporteista.', { properNames: NAMES });
    expect(judged).toBe('Tiedot löytyvät ja raporteista.');
  });

  test('a name is matched at a word start only', () => {
    expect(identifyLanguage('Rapporten från Sotkanet och ett osotkanet ord.', { properNames: ['Sotkanet'] }).judged).toBe(
      'Rapporten från och ett osotkanet ord.',
    );
  });

  test('numbers go with their unit and case ending', () => {
    expect(identifyLanguage('osuus nousee 94 %:iin vuoteen 2029 mennessä').judged).toBe('osuus nousee vuoteen mennessä');
  });

  test('fenced code', () => {
    expect(identifyLanguage('Före\n```\nkotihoito hoitotakuu\n```\nefter').judged).toBe('Före efter');
  });

  test('composed and decomposed input are judged alike', () => {
    const composed = SWEDISH[0]!;
    expect(identifyLanguage(composed.normalize('NFD'))).toEqual(identifyLanguage(composed));
  });
});

describe('identifyLanguage: proper names must not flip the language', () => {
  const swedishFullOfNames =
    'Pohjanmaan hyvinvointialue och Vaasan keskussairaala följer upp resultaten i Sotkanet och HaiPro varje år.';
  const finnishFullOfNames =
    'Österbottens välfärdsområde ja Vasa centralsjukhus seuraavat tuloksia Sotkanetissa ja HaiProssa joka vuosi.';

  test('Swedish sentence with Finnish names', () => {
    const result = identifyLanguage(swedishFullOfNames, { properNames: NAMES });
    expect(result.lang === 'sv' || result.lang === undefined).toBe(true);
    expect(result.judged).not.toMatch(/Pohjanmaan|Vaasan|Sotkanet|HaiPro/);
  });

  test('Finnish sentence with Swedish names', () => {
    const result = identifyLanguage(finnishFullOfNames, { properNames: NAMES });
    expect(result.lang === 'fi' || result.lang === undefined).toBe(true);
    expect(result.judged).not.toMatch(/Österbottens|Vasa|Sotkanet|HaiPro/);
  });

  test('longer sentences with names are still judged, and correctly', () => {
    expect(
      identifyLanguage(
        'Österbottens välfärdsområde och Vasa centralsjukhus följer tillsammans upp hur väntetiderna inom primärvården utvecklas under året.',
        { properNames: NAMES },
      ),
    ).toMatchObject({ lang: 'sv', reliable: true });
    expect(
      identifyLanguage(
        'Pohjanmaan hyvinvointialue ja Vaasan keskussairaala seuraavat yhdessä, miten perusterveydenhuollon odotusajat kehittyvät vuoden aikana.',
        { properNames: NAMES },
      ),
    ).toMatchObject({ lang: 'fi', reliable: true });
  });

  test('every sentence keeps its language when a Finnish or Swedish name is appended', () => {
    for (const text of SWEDISH) {
      expect(identifyLanguage(`${text} Pohjanmaan hyvinvointialue.`, { properNames: NAMES }).lang).toBe('sv');
    }
    for (const text of FINNISH) {
      expect(identifyLanguage(`${text} Österbottens välfärdsområde.`, { properNames: NAMES }).lang).toBe('fi');
    }
  });
});
