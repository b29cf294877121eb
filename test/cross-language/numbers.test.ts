import { describe, expect, test } from 'vitest';
import { compareNumbers, extractNumbers } from '../../src/cross-language/numbers.ts';

const keys = (text: string): string[] => extractNumbers(text).map((token) => token.key);
const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('extractNumbers: real sentences', () => {
  test('the same share in Swedish and Finnish', () => {
    const sv = 'Andelen 75 år fyllda som bor hemma ökar till 94 %.';
    const fi = 'Kotona asuvien 75 vuotta täyttäneiden osuus nousee 94 %:iin.';
    expect(keys(sv)).toEqual(['75', '94%']);
    expect(keys(fi)).toEqual(['75', '94%']);
    expect(compareNumbers(extractNumbers(sv), extractNumbers(fi))).toEqual({ onlyInA: [], onlyInB: [] });
  });

  test('a statute reference and a section', () => {
    expect(keys('Lagen om ordnande av social- och hälsovård (612/2021), 11 §')).toEqual(['law:612/2021', '11§']);
    expect(keys('Laki sosiaali- ja terveydenhuollon järjestämisestä (612/2021) 11 §:n mukaan')).toEqual([
      'law:612/2021',
      '11§',
    ]);
  });

  test('a plan period and a budget', () => {
    const sv = 'Under perioden 2025–2029 minskar kostnaderna med 12 500 000 euro, det vill säga 3,5 %.';
    const fi = 'Kaudella 2025-2029 kustannukset pienenevät 12500000 eurolla eli 3,5 %.';
    expect(keys(sv)).toEqual(['2025', '2029', '12500000', '3.5%']);
    expect(keys(fi)).toEqual(keys(sv));
  });
});

describe('extractNumbers: decimals and thousands', () => {
  test('decimal comma is a decimal point', () => {
    expect(keys('3,5')).toEqual(['3.5']);
    expect(keys('0,25')).toEqual(['0.25']);
  });

  test('trailing zeros of a decimal do not change the quantity', () => {
    expect(keys('3,50')).toEqual(['3.5']);
    expect(keys('2,0')).toEqual(['2']);
  });

  test('space, no-break space, narrow no-break space or nothing between thousands', () => {
    for (const written of ['12 500', `12${NBSP}500`, `12${NNBSP}500`, '12500']) expect(keys(written)).toEqual(['12500']);
    expect(keys('1 234 567,89')).toEqual(['1234567.89']);
  });

  test('two years in a row are not one number', () => {
    expect(keys('2025 2026')).toEqual(['2025', '2026']);
    expect(keys('år 2025 100 personer')).toEqual(['2025', '100']);
  });

  test('a comma followed by a space separates list items', () => {
    expect(keys('1, 2 och 3')).toEqual(['1', '2', '3']);
    expect(keys('12, 500')).toEqual(['12', '500']);
  });

  test('only three-digit groups join a head', () => {
    expect(keys('12 50')).toEqual(['12', '50']);
    expect(keys('12 5000')).toEqual(['12', '5000']);
  });

  test('numbers glued to letters are identifiers', () => {
    expect(keys('SDG3, H1N1 och CO2')).toEqual([]);
  });
});

describe('extractNumbers: percent and units', () => {
  test('percent is part of the key, with or without a space', () => {
    for (const written of ['94 %', '94%', `94${NBSP}%`, `94${NNBSP}%`, '94 procent', '94 prosenttia']) {
      expect(keys(written)).toEqual(['94%']);
    }
    expect(keys('94')).not.toEqual(keys('94 %'));
  });

  test('percentage points differ from percent', () => {
    expect(keys('2 procentenheter')).toEqual(['2pp']);
    expect(keys('2 %-enheter')).toEqual(['2pp']);
    expect(keys('2 prosenttiyksikköä')).toEqual(['2pp']);
    expect(keys('2 %-yksikköä')).toEqual(['2pp']);
  });

  test('a section sign before or after the number', () => {
    expect(keys('11 §')).toEqual(['11§']);
    expect(keys('§ 11')).toEqual(['11§']);
    expect(keys('11 §:ssä')).toEqual(['11§']);
  });
});

describe('extractNumbers: Finnish case endings', () => {
  test.each([
    ['94 %:iin', '94%'],
    ['2025:ssä', '2025'],
    ['3:lla', '3'],
    ['12 500:lla', '12500'],
    ['3,5:llä', '3.5'],
    ['7.3.2025:stä', '2025-03-07'],
    ['612/2021:n', 'law:612/2021'],
  ])('%s', (written, key) => {
    expect(extractNumbers(written)).toEqual([{ key, raw: written, offset: 0, length: written.length }]);
  });

  test('decades in either language', () => {
    expect(keys('1990-luvulla')).toEqual(['1990']);
    expect(keys('1990-talet')).toEqual(['1990']);
  });

  test('a hyphenated word after the number', () => {
    expect(keys('5-åriga barn')).toEqual(['5']);
    expect(keys('5-vuotiaat lapset')).toEqual(['5']);
  });
});

describe('extractNumbers: minus signs and ranges', () => {
  test('hyphen-minus, en dash and minus sign in front of a number', () => {
    for (const written of ['-5', '–5', '−5', 'värdet -5', 'arvo –5']) expect(keys(written)).toEqual(['-5']);
    expect(keys('förändring −5 %')).toEqual(['-5%']);
    expect(keys('(−2)')).toEqual(['-2']);
  });

  test('minus zero is zero', () => {
    expect(keys('−0')).toEqual(['0']);
    expect(keys('-0,0')).toEqual(['0']);
  });

  test('a hyphen inside a word is no minus', () => {
    expect(keys('covid-19')).toEqual(['19']);
    expect(keys('sote-2023')).toEqual(['2023']);
  });

  test.each(['2025–2029', '2025-2029', '2025 – 2029', '2025 - 2029', `2025${NBSP}–${NBSP}2029`])('range %s', (written) => {
    expect(keys(written)).toEqual(['2025', '2029']);
  });

  test('negative numbers in ranges', () => {
    expect(keys('−5–−3')).toEqual(['-5', '-3']);
    expect(keys('-5 – -3')).toEqual(['-5', '-3']);
    expect(keys('5–−3')).toEqual(['5', '-3']);
  });

  test('the unit of a range applies to both ends', () => {
    expect(keys('10–20 %')).toEqual(['10%', '20%']);
    expect(keys('10 %–20 %')).toEqual(['10%', '20%']);
    expect(keys('11–13 §')).toEqual(['11§', '13§']);
    expect(keys('10 och 20 %')).toEqual(['10', '20%']);
  });

  test('offsets point at each end of the range', () => {
    expect(extractNumbers('åren 2025–2029')).toEqual([
      { key: '2025', raw: '2025', offset: 5, length: 4 },
      { key: '2029', raw: '2029', offset: 10, length: 4 },
    ]);
  });
});

describe('extractNumbers: dates and times', () => {
  test.each(['7.3.2025', '07.03.2025', '2025-03-07', '7 mars 2025', '7. maaliskuuta 2025', 'den 7 mars 2025'])('%s', (written) => {
    expect(keys(written)).toEqual(['2025-03-07']);
  });

  test('day and month without a year', () => {
    expect(keys('från 1.5. framåt')).toEqual(['--05-01']);
    expect(keys('1 maj')).toEqual(['--05-01']);
    expect(keys('1. toukokuuta')).toEqual(['--05-01']);
  });

  test('impossible dates are not dates', () => {
    expect(keys('31.2.2025')).not.toContain('2025-02-31');
    expect(keys('2025-13-01')).not.toContain('2025-13-01');
  });

  test('clock times', () => {
    expect(keys('kl. 9.30')).toEqual(['time:09:30']);
    expect(keys('klo 09:30')).toEqual(['time:09:30']);
    expect(keys('klo 9.00–16.00')).toEqual(['time:09:00', 'time:16:00']);
  });
});

describe('extractNumbers: slashes and sequences', () => {
  test('statute references are one token', () => {
    expect(keys('612/2021')).toEqual(['law:612/2021']);
    expect(keys('980 / 2012')).toEqual(['law:980/2012']);
    expect(keys(`1326${NBSP}/2010`)).toEqual(['law:1326/2010']);
  });

  test('other slashes separate numbers, so "94 / 1 000" equals "94 per 1 000"', () => {
    expect(keys('jour 24/7')).toEqual(['24', '7']);
    expect(keys('förordning (EU) 2016/679')).toEqual(['2016', '679']);
    expect(keys('lähestyy maan keskiarvoa (94 / 1 000 samanikäistä)')).toEqual(keys('närmar sig landets genomsnitt (94 per 1 000 i samma åldersgrupp)'));
  });

  test('dotted section numbers', () => {
    expect(keys('se avsnitt 2.1.3')).toEqual(['seq:2.1.3']);
  });

  test('an ordinal at the start of a sentence reads the same in both languages', () => {
    expect(keys('3. Mål för perioden')).toEqual(['3']);
    expect(keys('3. Kauden tavoitteet')).toEqual(['3']);
  });
});

describe('compareNumbers', () => {
  test('a multiset difference by key', () => {
    const a = extractNumbers('5, 5, 7 och 94 %');
    const b = extractNumbers('5, 7, 8 ja 94');
    const result = compareNumbers(a, b);
    expect(result.onlyInA.map((token) => token.raw)).toEqual(['5', '94 %']);
    expect(result.onlyInB.map((token) => token.raw)).toEqual(['8', '94']);
  });

  test('order does not matter', () => {
    expect(compareNumbers(extractNumbers('1, 2, 3'), extractNumbers('3, 1, 2'))).toEqual({ onlyInA: [], onlyInB: [] });
  });

  test('empty sides', () => {
    expect(compareNumbers([], extractNumbers('2025'))).toEqual({
      onlyInA: [],
      onlyInB: [{ key: '2025', raw: '2025', offset: 0, length: 4 }],
    });
  });
});
