/**
 * The accessibility statement's account of the council PDFs and the change PDFs, criterion by criterion of WCAG 2.1
 * A and AA as EN 301 549 (chapter 10, non-web documents) applies them: what each PDF meets and how that is known.
 * Every "meets" rests on a test of the built PDFs (test/pdf/: the Matterhorn checkpoints in pdfua.ts, the structure
 * and reading order in tagged.test.ts, PDF/A in pdf.test.ts); the criteria a PDF of ours has nothing to test against
 * (audio, video, forms, time limits) are left out, as the statement's introduction says.
 */
export type PdfResult = 'meets' | 'partly' | 'not' | 'exempt';

export interface PdfCriterion {
  /** The WCAG 2.1 success criterion (or criteria, where one account serves both). */
  criterion: string;
  result: PdfResult;
  /** What the criterion asks of a PDF, and how ours stand, in each language. */
  text: Record<'sv' | 'fi', string>;
}

export const pdfResultLabels: Record<PdfResult, Record<'sv' | 'fi', string>> = {
  meets: { sv: 'Uppfylls', fi: 'Täyttyy' },
  partly: { sv: 'Uppfylls delvis', fi: 'Täyttyy osittain' },
  not: { sv: 'Uppfylls inte', fi: 'Ei täyty' },
  exempt: { sv: 'Gäller inte dokument', fi: 'Ei koske asiakirjoja' },
};

export const pdfCriteria: readonly PdfCriterion[] = [
  {
    criterion: '1.1.1',
    result: 'meets',
    text: {
      sv: 'Textalternativ: dokumenten innehåller inga bilder eller diagram; utgångsvärden och målvärden står i tabeller, och en bild i en text visas som sin alternativa text.',
      fi: 'Tekstivastineet: asiakirjoissa ei ole kuvia eikä kaavioita; lähtötasot ja tavoitearvot ovat taulukoissa, ja tekstissä oleva kuva näytetään sen tekstivastineena.',
    },
  },
  {
    criterion: '1.3.1',
    result: 'meets',
    text: {
      sv: 'Struktur: rubriker på rätt nivå, stycken, listor med etiketter, tabeller med rubrikceller för kolumner och rader, innehållsförteckning och länkar finns i dokumentets struktur (taggad PDF/UA-1).',
      fi: 'Rakenne: oikean tason otsikot, kappaleet, luettelot tunnisteineen, taulukot sarake- ja riviotsikoineen, sisällysluettelo ja linkit ovat asiakirjan rakenteessa (merkitty PDF/UA-1).',
    },
  },
  {
    criterion: '1.3.2',
    result: 'meets',
    text: {
      sv: 'Läsordning: strukturens ordning är dokumentets; sidhuvud, sidfot, sidnummer och vattenstämpel är markerade som utfyllnad och läses inte upp mitt i texten.',
      fi: 'Lukujärjestys: rakenteen järjestys on asiakirjan järjestys; ylä- ja alatunniste, sivunumerot ja vesileima on merkitty taustaelementeiksi, eikä niitä lueta tekstin keskellä.',
    },
  },
  {
    criterion: '1.3.3, 1.4.1',
    result: 'meets',
    text: {
      sv: 'Inte bara färg eller form: i ändringsdokumenten är tillagd text understruken och struken text genomstruken, och en skärmläsare läser upp vad som har lagts till eller strukits; färgen är bara ett stöd.',
      fi: 'Ei pelkkää väriä tai muotoa: muutosasiakirjoissa lisätty teksti on alleviivattu ja poistettu yliviivattu, ja ruudunlukuohjelma kertoo, mitä on lisätty tai poistettu; väri on vain apuna.',
    },
  },
  {
    criterion: '1.4.3',
    result: 'meets',
    text: {
      sv: 'Kontrast: all text har en kontrast på minst 4,5:1 mot sin bakgrund, också i tabellernas tonade rader och på vattenstämpelns ljusa ton.',
      fi: 'Kontrasti: kaiken tekstin kontrasti taustaansa on vähintään 4,5:1, myös taulukoiden sävytetyillä riveillä ja vesileiman vaalealla sävyllä.',
    },
  },
  {
    criterion: '1.4.4, 1.4.5',
    result: 'meets',
    text: {
      sv: 'Förstoring och text som bild: all text är text med inbäddade typsnitt och en teckenkarta, så den kan förstoras, kopieras och sökas; ingen text är en bild.',
      fi: 'Suurentaminen ja tekstiä esittävät kuvat: kaikki teksti on tekstiä upotetuin fontein ja merkkikartoin, joten sen voi suurentaa, kopioida ja hakea; mikään teksti ei ole kuva.',
    },
  },
  {
    criterion: '1.4.10',
    result: 'not',
    text: {
      sv: 'Anpassning till skärmens bredd: en PDF-sida har fast storlek (A4) och radbryts inte om. Samma innehåll finns på webbplatsen, där det anpassar sig till en bredd på 320 pixlar.',
      fi: 'Mukautuminen näytön leveyteen: PDF-sivun koko on kiinteä (A4), eikä teksti rivity uudelleen. Sama sisältö on verkkosivustolla, jossa se mukautuu 320 kuvapisteen leveyteen.',
    },
  },
  {
    criterion: '2.1.1, 2.4.3',
    result: 'meets',
    text: {
      sv: 'Tangentbord och fokusordning: länkarna nås med tangentbordet i strukturens ordning; dokumenten har inga formulär.',
      fi: 'Näppäimistö ja kohdistusjärjestys: linkit saavutetaan näppäimistöllä rakenteen järjestyksessä; asiakirjoissa ei ole lomakkeita.',
    },
  },
  {
    criterion: '2.4.1, 2.4.6',
    result: 'meets',
    text: {
      sv: 'Rubriker och bokmärken: varje avsnitt har en beskrivande rubrik och ett bokmärke, och innehållsförteckningen länkar till avsnitten.',
      fi: 'Otsikot ja kirjanmerkit: jokaisella osiolla on kuvaava otsikko ja kirjanmerkki, ja sisällysluettelo linkittää osioihin.',
    },
  },
  {
    criterion: '2.4.2',
    result: 'meets',
    text: {
      sv: 'Titel: dokumentets titel finns i metadata och visas i stället för filnamnet.',
      fi: 'Otsikko: asiakirjan otsikko on metatiedoissa, ja se näytetään tiedostonimen sijaan.',
    },
  },
  {
    criterion: '2.4.4',
    result: 'meets',
    text: {
      sv: 'Länkarnas syfte: en länk i innehållsförteckningen är avsnittets rubrik och sidnummer, en länk till webbplatsen är adressen själv, och varje länk har en beskrivning.',
      fi: 'Linkin tarkoitus: sisällysluettelon linkki on osion otsikko ja sivunumero, verkkosivuston linkki on itse osoite, ja jokaisella linkillä on kuvaus.',
    },
  },
  {
    criterion: '2.4.5',
    result: 'exempt',
    text: {
      sv: 'Flera sätt att hitta innehåll gäller inte enskilda dokument (EN 301 549, 10.2.4.5). Dokumenten har ändå innehållsförteckning och bokmärken.',
      fi: 'Useat tavat löytää sisältöä eivät koske yksittäisiä asiakirjoja (EN 301 549, 10.2.4.5). Asiakirjoissa on silti sisällysluettelo ja kirjanmerkit.',
    },
  },
  {
    criterion: '3.1.1',
    result: 'meets',
    text: {
      sv: 'Dokumentets språk: den svenska versionen är märkt som svenska, den finska som finska.',
      fi: 'Asiakirjan kieli: ruotsinkielinen versio on merkitty ruotsiksi ja suomenkielinen suomeksi.',
    },
  },
  {
    criterion: '3.1.2',
    result: 'partly',
    text: {
      sv: 'Språket i delar av texten: namn och termer på det andra språket är märkta med sitt språk när de finns i strategins ordlista (till exempel ett finskt namn i den svenska texten). Andra ord och citat på det andra språket är inte märkta.',
      fi: 'Tekstin osien kieli: toisenkieliset nimet ja termit on merkitty omalla kielellään, kun ne ovat strategian sanastossa (esimerkiksi ruotsinkielinen nimi suomenkielisessä tekstissä). Muita toisenkielisiä sanoja ja lainauksia ei ole merkitty.',
    },
  },
  {
    criterion: '4.1.2',
    result: 'meets',
    text: {
      sv: 'Namn och roll: varje länk är en länk i strukturen med en beskrivning; dokumenten har inga formulärfält eller knappar.',
      fi: 'Nimi ja rooli: jokainen linkki on rakenteessa linkki, jolla on kuvaus; asiakirjoissa ei ole lomakekenttiä eikä painikkeita.',
    },
  },
];
