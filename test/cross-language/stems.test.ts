import { describe, expect, test } from 'vitest';
import { stemMatches } from '../../src/cross-language/stems.ts';

describe('stemMatches: Finnish', () => {
  test.each([
    ['kotihoito', ['kotihoito', 'kotihoidon', 'kotihoitoon', 'kotihoidossa', 'kotihoitoa', 'kotihoidosta', 'kotihoidolle', 'Kotihoidon']],
    ['hoitotakuu', ['hoitotakuu', 'hoitotakuun', 'hoitotakuuta', 'hoitotakuuseen', 'hoitotakuussa']],
    ['palveluasuminen', ['palveluasumisen', 'palveluasumista', 'palveluasumiseen', 'palveluasumisessa', 'palveluasumiset']],
    ['hoito', ['hoidon', 'hoitoa', 'hoidossa', 'hoitoon']],
    ['kunta', ['kunnan', 'kunnassa', 'kuntaa', 'kuntien']],
    ['hyvinvointialue', ['hyvinvointialueen', 'hyvinvointialueella', 'hyvinvointialueiden']],
  ])('%s matches its inflected forms', (term, forms) => {
    for (const form of forms) expect(stemMatches(`Tässä on ${form} mukana.`, term, 'fi'), form).toBe(true);
  });

  test.each([
    ['kotihoito', 'Asumme kodissa ja koti on tärkeä.'],
    ['kotihoito', 'Palaan kotiin.'],
    ['kotihoito', 'Hoito on hyvää.'],
    ['kotihoito', 'Kotipalvelu toimii.'],
    ['hoitotakuu', 'Hoitotyö on raskasta.'],
    ['palveluasuminen', 'Palvelu ja asuminen erikseen.'],
    ['palveluasuminen', 'Palveluasiakas tuli.'],
    ['hoitotakuu', 'Takuu ei koske hoitoa.'],
  ])('%s does not match %j', (term, text) => {
    expect(stemMatches(text, term, 'fi')).toBe(false);
  });

  test('a multiword term, every word inflected', () => {
    expect(stemMatches('Tehostetun palveluasumisen paikkoja lisätään.', 'tehostettu palveluasuminen', 'fi')).toBe(true);
    expect(stemMatches('Tehostetussa palveluasumisessa asuu 300 henkilöä.', 'tehostettu palveluasuminen', 'fi')).toBe(true);
    expect(stemMatches('Sosiaali- ja terveyspalvelujen järjestäminen.', 'sosiaali- ja terveyspalvelut', 'fi')).toBe(true);
  });

  test('a multiword term needs its words next to each other and in order', () => {
    expect(stemMatches('Tehostettu hoito ja palveluasuminen.', 'tehostettu palveluasuminen', 'fi')).toBe(false);
    expect(stemMatches('Palveluasuminen tehostettu.', 'tehostettu palveluasuminen', 'fi')).toBe(false);
  });

  test('composed and decomposed letters are the same', () => {
    expect(stemMatches('Väestön ikääntyminen'.normalize('NFD'), 'ikääntyminen', 'fi')).toBe(true);
    expect(stemMatches('ikääntymisen', 'ikääntyminen'.normalize('NFD'), 'fi')).toBe(true);
  });

  test('a term longer than the text, or an empty term, matches nothing', () => {
    expect(stemMatches('kotihoito', 'kotihoito ja hoitotakuu', 'fi')).toBe(false);
    expect(stemMatches('kotihoito', '', 'fi')).toBe(false);
    expect(stemMatches('', 'kotihoito', 'fi')).toBe(false);
  });

  test('known limitation: a compound built on the term also matches', () => {
    expect(stemMatches('Kotihoitaja tuli.', 'kotihoito', 'fi')).toBe(true);
  });
});

describe('stemMatches: Swedish', () => {
  test.each([
    ['hemvård', ['hemvård', 'hemvården', 'hemvårdens', 'Hemvården']],
    ['vårdgaranti', ['vårdgarantin', 'vårdgarantins', 'vårdgarantier', 'vårdgarantierna']],
    ['serviceboende', ['serviceboendet', 'serviceboenden', 'serviceboendena', 'serviceboendets']],
    ['välfärdsområde', ['välfärdsområdet', 'välfärdsområdets', 'välfärdsområden', 'välfärdsområdena']],
    ['åtgärd', ['åtgärden', 'åtgärder', 'åtgärderna']],
    ['ålderdomshem', ['ålderdomshemmet', 'ålderdomshemmen']],
    ['utvärdering', ['utvärderingen', 'utvärderingar', 'utvärderingarna']],
    ['nyckeltal', ['nyckeltalen', 'nyckeltalet']],
    ['indikator', ['indikatorn', 'indikatorer', 'indikatorerna']],
  ])('%s matches its inflected forms', (term, forms) => {
    for (const form of forms) expect(stemMatches(`Här nämns ${form} också.`, term, 'sv'), form).toBe(true);
  });

  test.each([
    ['hemvård', 'Vi bor hemma i vårt hem.'],
    ['hemvård', 'Hemvårdsavgiften höjs.'],
    ['vårdgaranti', 'Vården är god.'],
    ['vård', 'Vårdgarantin uppfylls.'],
    ['vård', 'Under våren.'],
    ['serviceboende', 'Service och boende.'],
    ['hemtjänst', 'Hemvården ordnas.'],
  ])('%s does not match %j', (term, text) => {
    expect(stemMatches(text, term, 'sv')).toBe(false);
  });

  test('multiword terms', () => {
    expect(stemMatches('Effektiviserat serviceboende ordnas.', 'effektiviserat serviceboende', 'sv')).toBe(true);
    expect(stemMatches('Det effektiviserade serviceboendet byggs ut.', 'effektiviserat serviceboende', 'sv')).toBe(true);
    expect(stemMatches('Social- och hälsovården ordnas.', 'social- och hälsovård', 'sv')).toBe(true);
    expect(stemMatches('Social vård och hälsa.', 'social- och hälsovård', 'sv')).toBe(false);
  });

  test('the language decides the rule: the Finnish prefix rule would accept a Swedish compound', () => {
    expect(stemMatches('hemvårdsavgiften', 'hemvård', 'sv')).toBe(false);
    expect(stemMatches('hemvårdsavgiften', 'hemvård', 'fi')).toBe(true);
  });
});
