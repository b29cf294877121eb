import { describe, expect, test } from 'vitest';
import { stemMatches, type StemLanguage } from '../../src/cross-language/stems.ts';
import { nativeMorphology, stemsOnly, type Morphology } from '../../src/cross-language/morphology.ts';

// Each language has two paths: the native checker's (Voikko for Finnish, Hunspell for Swedish; CI has both) and the
// stems alone, where the checker is not installed. The tests name the path they test; what holds on both is run on both.
const native = nativeMorphology();
const paths: [string, Morphology][] = [
  ['Voikko and Hunspell', native],
  ['stems alone', stemsOnly],
];
const withVoikko = native.fi !== undefined;
const withHunspell = native.sv !== undefined;

describe.each(paths)('stemMatches: Finnish, %s', (path, morphology) => {
  const matches = (text: string, term: string, lang: StemLanguage = 'fi') => stemMatches(text, term, lang, morphology);

  test.runIf(path === 'stems alone' || withVoikko).each([
    ['kotihoito', ['kotihoito', 'kotihoidon', 'kotihoitoon', 'kotihoidossa', 'kotihoitoa', 'kotihoidosta', 'kotihoidolle', 'Kotihoidon']],
    ['hoitotakuu', ['hoitotakuu', 'hoitotakuun', 'hoitotakuuta', 'hoitotakuuseen', 'hoitotakuussa']],
    ['palveluasuminen', ['palveluasumisen', 'palveluasumista', 'palveluasumiseen', 'palveluasumisessa', 'palveluasumiset']],
    ['hoito', ['hoidon', 'hoitoa', 'hoidossa', 'hoitoon']],
    ['kunta', ['kunnan', 'kunnassa', 'kuntaa', 'kuntien']],
    ['hyvinvointialue', ['hyvinvointialueen', 'hyvinvointialueella', 'hyvinvointialueiden', 'hyvinvointialueita']],
    ['tavoite', ['tavoitteen', 'tavoitteita', 'tavoitteiden', 'tavoitteeseen']],
    ['mittari', ['mittarin', 'mittarit', 'mittareita', 'mittarien']],
    ['asiakas', ['asiakkaan', 'asiakkaita', 'asiakkaiden', 'asiakasta']],
    ['toimintakyky', ['toimintakyvyn', 'toimintakykyä', 'toimintakykyyn']],
    ['valtuustokausi', ['valtuustokauden', 'valtuustokautta', 'valtuustokaudelle']],
    ['käsittelyaika', ['käsittelyajan', 'käsittelyajat', 'käsittelyaikaa']],
  ])('%s matches its inflected forms', (term, forms) => {
    for (const form of forms) expect(matches(`Tässä on ${form} mukana.`, term), form).toBe(true);
  });

  test.runIf(path === 'stems alone' || withVoikko).each([
    ['kotihoito', 'Asumme kodissa ja koti on tärkeä.'],
    ['kotihoito', 'Palaan kotiin.'],
    ['kotihoito', 'Hoito on hyvää.'],
    ['kotihoito', 'Kotipalvelu toimii.'],
    ['hoitotakuu', 'Hoitotyö on raskasta.'],
    ['palveluasuminen', 'Palvelu ja asuminen erikseen.'],
    ['palveluasuminen', 'Palveluasiakas tuli.'],
    ['hoitotakuu', 'Takuu ei koske hoitoa.'],
    // Words that share the first letters of a base form but are other words.
    ['hyvinvointialue', 'Edistämme hyvinvointia ja terveyttä.'],
    ['tavoite', 'Palvelut tavoittavat asukkaat.'],
    ['mittari', 'Tulosta mitataan vuosittain.'],
    ['missio', 'Missä palvelut ovat?'],
    ['asiakas', 'Asia käsitellään asiakirjassa.'],
    ['kiireetön hoito', 'Kiireellinen hoito annetaan heti.'],
    ['yhdenvertaisuus', 'Asukkaat ovat yhdenvertaiset.'],
    ['strategia', 'Strategiset tavoitteet ohjaavat työtä.'],
  ])('%s does not match %j', (term, text) => {
    expect(matches(text, term)).toBe(false);
  });

  test.runIf(path === 'stems alone' || withVoikko)('a multiword term, every word inflected', () => {
    expect(matches('Tehostetun palveluasumisen paikkoja lisätään.', 'tehostettu palveluasuminen')).toBe(true);
    expect(matches('Tehostetussa palveluasumisessa asuu 300 henkilöä.', 'tehostettu palveluasuminen')).toBe(true);
    expect(matches('Sosiaali- ja terveyspalvelujen järjestäminen.', 'sosiaali- ja terveyspalvelu')).toBe(true);
    expect(matches('Strategisten tavoitteiden toteutuminen.', 'strateginen tavoite')).toBe(true);
    expect(matches('Hoidon tarpeen arvioinnissa.', 'hoidon tarpeen arviointi')).toBe(true);
  });

  test.runIf(path === 'stems alone' || withVoikko)('a multiword term needs its words next to each other and in order', () => {
    expect(matches('Tehostettu hoito ja palveluasuminen.', 'tehostettu palveluasuminen')).toBe(false);
    expect(matches('Palveluasuminen tehostettu.', 'tehostettu palveluasuminen')).toBe(false);
  });

  test.runIf(path === 'stems alone' || withVoikko)('composed and decomposed letters are the same', () => {
    expect(matches('Väestön ikääntyminen'.normalize('NFD'), 'ikääntyminen')).toBe(true);
    expect(matches('ikääntymisen', 'ikääntyminen'.normalize('NFD'))).toBe(true);
  });

  test.runIf(path === 'stems alone' || withVoikko)('a term longer than the text, or an empty term, matches nothing', () => {
    expect(matches('kotihoito', 'kotihoito ja hoitotakuu')).toBe(false);
    expect(matches('kotihoito', '')).toBe(false);
    expect(matches('', 'kotihoito')).toBe(false);
  });
});

describe.runIf(withVoikko)('stemMatches: Finnish with Voikko', () => {
  const matches = (text: string, term: string) => stemMatches(text, term, 'fi', native);

  test('a compound that begins with the term, at a part boundary, matches', () => {
    expect(matches('Hyvinvointialuestrategiassa linjataan.', 'hyvinvointialue')).toBe(true);
    expect(matches('Tasa-arvo-ohjelman laatiminen.', 'tasa-arvo')).toBe(true);
  });

  test('a compound whose first part only looks like the term does not', () => {
    expect(matches('Kotihoitaja tuli.', 'kotihoito')).toBe(false);
    expect(matches('Kumppanuuspöytä kokoontuu.', 'kumppani')).toBe(false);
    expect(matches('Työkyvyttömyyseläkkeellä olevat.', 'työkyky')).toBe(false);
  });

  test('the first half of a compound written apart matches', () => {
    expect(matches('Yhteydenotot potilas- ja sosiaaliasiavastaaviin.', 'potilas')).toBe(true);
  });

  test('a gradation that drops a consonant is a form too', () => {
    expect(matches('Omaishoidon tuen saajat.', 'omaishoidon tuki')).toBe(true);
  });
});

describe('stemMatches: Finnish, stems alone', () => {
  test('known limitations: a compound built on the term matches, and so does a word sharing the stem', () => {
    expect(stemMatches('Kotihoitaja tuli.', 'kotihoito', 'fi', stemsOnly)).toBe(true);
    expect(stemMatches('Työkyvyttömyyseläkkeellä olevat.', 'työkyky', 'fi', stemsOnly)).toBe(true);
  });
});

describe.each(paths)('stemMatches: Swedish, %s', (path, morphology) => {
  const matches = (text: string, term: string, lang: StemLanguage = 'sv') => stemMatches(text, term, lang, morphology);

  test.runIf(path === 'stems alone' || withHunspell).each([
    ['hemvård', ['hemvård', 'hemvården', 'hemvårdens', 'Hemvården']],
    ['vårdgaranti', ['vårdgarantin', 'vårdgarantins', 'vårdgarantier', 'vårdgarantierna']],
    ['serviceboende', ['serviceboendet', 'serviceboenden', 'serviceboendena', 'serviceboendets']],
    ['välfärdsområde', ['välfärdsområdet', 'välfärdsområdets', 'välfärdsområden', 'välfärdsområdena']],
    ['åtgärd', ['åtgärden', 'åtgärder', 'åtgärderna']],
    ['ålderdomshem', ['ålderdomshemmet', 'ålderdomshemmen']],
    ['utvärdering', ['utvärderingen', 'utvärderingar', 'utvärderingarna']],
    ['nyckeltal', ['nyckeltalen', 'nyckeltalet']],
    ['indikator', ['indikatorn', 'indikatorer', 'indikatorerna']],
    ['kund', ['kunden', 'kunder', 'kunderna', 'kundens']],
    ['närtjänst', ['närtjänster', 'närtjänsterna']],
  ])('%s matches its inflected forms', (term, forms) => {
    for (const form of forms) expect(matches(`Här nämns ${form} också.`, term), form).toBe(true);
  });

  test.runIf(path === 'stems alone' || withHunspell).each([
    ['hemvård', 'Vi bor hemma i vårt hem.'],
    ['hemvård', 'Hemvårdsavgiften höjs.'],
    ['vårdgaranti', 'Vården är god.'],
    ['vård', 'Vårdgarantin uppfylls.'],
    ['vård', 'Under våren.'],
    ['serviceboende', 'Service och boende.'],
    ['hemtjänst', 'Hemvården ordnas.'],
  ])('%s does not match %j', (term, text) => {
    expect(matches(text, term)).toBe(false);
  });

  test.runIf(path === 'stems alone' || withHunspell)('multiword terms', () => {
    expect(matches('Effektiviserat serviceboende ordnas.', 'effektiviserat serviceboende')).toBe(true);
    expect(matches('Det effektiviserade serviceboendet byggs ut.', 'effektiviserat serviceboende')).toBe(true);
    expect(matches('Social- och hälsovården ordnas.', 'social- och hälsovård')).toBe(true);
    expect(matches('Social vård och hälsa.', 'social- och hälsovård')).toBe(false);
    expect(matches('De köpta tjänsterna följs upp.', 'köpt tjänst')).toBe(true);
  });

  test.runIf(path === 'stems alone' || withVoikko)('the language decides the rule: the Finnish rule would accept a Swedish compound', () => {
    expect(matches('hemvårdsavgiften', 'hemvård', 'sv')).toBe(false);
    expect(matches('hemvårdsavgiften', 'hemvård', 'fi')).toBe(true);
  });
});

describe('stemMatches: Swedish, the word of its own', () => {
  test.runIf(withHunspell)('with Hunspell, a word the dictionary knows as its own is not a form of the term: kunde (could) is not kund', () => {
    expect(stemMatches('Hon kunde inte komma.', 'kund', 'sv', native)).toBe(false);
  });

  test('stems alone: known limitation, kunde matches kund', () => {
    expect(stemMatches('Hon kunde inte komma.', 'kund', 'sv', stemsOnly)).toBe(true);
  });
});
