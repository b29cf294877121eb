/**
 * Parallel Swedish/Finnish vocabulary and sentence templates for the synthetic strategies.
 * Every template yields the same numbers and the same glossary terms (schema: strategy/glossary.yaml)
 * in both languages, so a generated pair is a faithful translation as far as `check` can tell.
 */

export type Rng = () => number;

export interface Service {
  sv: string;
  svDef: string;
  fi: string;
  fiGen: string;
  slug: string;
}
export interface Group {
  sv: string;
  fi: string;
  fiGen: string;
  slug: string;
  svTarget: string;
  fiTarget: string;
}
export interface Place {
  sv: string;
  fi: string;
  svIn: string;
  fiIn: string;
}

export const services: readonly Service[] = [
  { sv: 'hemvård', svDef: 'hemvården', fi: 'kotihoito', fiGen: 'kotihoidon', slug: 'home-care' },
  { sv: 'närståendevård', svDef: 'närståendevården', fi: 'omaishoito', fiGen: 'omaishoidon', slug: 'informal-care' },
  { sv: 'primärvård', svDef: 'primärvården', fi: 'perusterveydenhuolto', fiGen: 'perusterveydenhuollon', slug: 'primary-care' },
  { sv: 'barnskydd', svDef: 'barnskyddet', fi: 'lastensuojelu', fiGen: 'lastensuojelun', slug: 'child-welfare' },
  { sv: 'munhälsovård', svDef: 'munhälsovården', fi: 'suun terveydenhuolto', fiGen: 'suun terveydenhuollon', slug: 'oral-health' },
  { sv: 'öppenvård', svDef: 'öppenvården', fi: 'avohoito', fiGen: 'avohoidon', slug: 'open-care' },
  { sv: 'boendeservice', svDef: 'boendeservicen', fi: 'asumispalvelut', fiGen: 'asumispalvelujen', slug: 'housing' },
  { sv: 'barnrådgivning', svDef: 'barnrådgivningen', fi: 'lastenneuvola', fiGen: 'lastenneuvolan', slug: 'child-clinic' },
  { sv: 'skolhälsovård', svDef: 'skolhälsovården', fi: 'kouluterveydenhuolto', fiGen: 'kouluterveydenhuollon', slug: 'school-health' },
  { sv: 'rehabilitering', svDef: 'rehabiliteringen', fi: 'kuntoutus', fiGen: 'kuntoutuksen', slug: 'rehabilitation' },
  { sv: 'missbrukarvård', svDef: 'missbrukarvården', fi: 'päihdehoito', fiGen: 'päihdehoidon', slug: 'substance-care' },
  { sv: 'mentalvård', svDef: 'mentalvården', fi: 'mielenterveystyö', fiGen: 'mielenterveystyön', slug: 'mental-health' },
  { sv: 'utkomststöd', svDef: 'utkomststödet', fi: 'toimeentulotuki', fiGen: 'toimeentulotuen', slug: 'social-assistance' },
  { sv: 'egenvård', svDef: 'egenvården', fi: 'omahoito', fiGen: 'omahoidon', slug: 'self-care' },
];

export const groups: readonly Group[] = [
  { sv: 'äldre personer', fi: 'ikäihmiset', fiGen: 'ikäihmisten', slug: 'older', svTarget: 'Äldre personer', fiTarget: 'Ikäihmiset' },
  { sv: 'barn och unga', fi: 'lapset ja nuoret', fiGen: 'lasten ja nuorten', slug: 'children', svTarget: 'Barn och unga', fiTarget: 'Lapset ja nuoret' },
  { sv: 'barnfamiljer', fi: 'lapsiperheet', fiGen: 'lapsiperheiden', slug: 'families', svTarget: 'Barnfamiljer', fiTarget: 'Lapsiperheet' },
  { sv: 'personer i arbetsför ålder', fi: 'työikäiset', fiGen: 'työikäisten', slug: 'working-age', svTarget: 'Personer i arbetsför ålder', fiTarget: 'Työikäiset' },
  { sv: 'personer med funktionsnedsättning', fi: 'vammaiset henkilöt', fiGen: 'vammaisten henkilöiden', slug: 'disability', svTarget: 'Personer med funktionsnedsättning', fiTarget: 'Vammaiset henkilöt' },
  { sv: 'studerande', fi: 'opiskelijat', fiGen: 'opiskelijoiden', slug: 'students', svTarget: 'Studerande', fiTarget: 'Opiskelijat' },
  { sv: 'invandrare', fi: 'maahanmuuttajat', fiGen: 'maahanmuuttajien', slug: 'immigrants', svTarget: 'Invandrare', fiTarget: 'Maahanmuuttajat' },
  { sv: 'unga vuxna', fi: 'nuoret aikuiset', fiGen: 'nuorten aikuisten', slug: 'young-adults', svTarget: 'Unga vuxna', fiTarget: 'Nuoret aikuiset' },
];

export const places: readonly Place[] = [
  { sv: 'Vasa', fi: 'Vaasa', svIn: 'i Vasa', fiIn: 'Vaasassa' },
  { sv: 'Jakobstad', fi: 'Pietarsaari', svIn: 'i Jakobstad', fiIn: 'Pietarsaaressa' },
  { sv: 'Närpes', fi: 'Närpiö', svIn: 'i Närpes', fiIn: 'Närpiössä' },
  { sv: 'Kristinestad', fi: 'Kristiinankaupunki', svIn: 'i Kristinestad', fiIn: 'Kristiinankaupungissa' },
  { sv: 'Korsholm', fi: 'Mustasaari', svIn: 'i Korsholm', fiIn: 'Mustasaaressa' },
  { sv: 'Nykarleby', fi: 'Uusikaarlepyy', svIn: 'i Nykarleby', fiIn: 'Uudessakaarlepyyssä' },
  { sv: 'Kronoby', fi: 'Kruunupyy', svIn: 'i Kronoby', fiIn: 'Kruunupyyssä' },
  { sv: 'Malax', fi: 'Maalahti', svIn: 'i Malax', fiIn: 'Maalahdella' },
  { sv: 'Laihela', fi: 'Laihia', svIn: 'i Laihela', fiIn: 'Laihialla' },
  { sv: 'Larsmo', fi: 'Luoto', svIn: 'i Larsmo', fiIn: 'Luodossa' },
];

export const areas = [
  { sv: 'Tjänster för hela befolkningen', fi: 'Koko väestön palvelut', slug: 'population' },
  { sv: 'Tjänster för barn, unga och familjer', fi: 'Lasten, nuorten ja perheiden palvelut', slug: 'families' },
  { sv: 'Tjänster för personer i arbetsför ålder', fi: 'Työikäisten palvelut', slug: 'working-age' },
  { sv: 'Tjänster för äldre personer', fi: 'Ikäihmisten palvelut', slug: 'older' },
  { sv: 'Sjukhustjänster och akutvård', fi: 'Sairaalapalvelut ja päivystys', slug: 'hospital' },
  { sv: 'Flerproducentmodell och nya samarbetsformer', fi: 'Monituottajuusmalli ja uudet yhteistyömuodot', slug: 'multi-producer' },
] as const;

export const framingWords = {
  values: [
    ['För att stärka tilliten', 'Luottamusta vahvistaen'],
    ['För människan, med människan', 'Ihmiseltä ihmiselle'],
    ['Tryggt och säkert', 'Turvallisesti'],
    ['Öppet och ärligt', 'Avoimesti ja rehellisesti'],
    ['Modigt och nytänkande', 'Rohkeasti ja uudistaen'],
    ['Hållbart för framtiden', 'Kestävästi tulevaisuutta varten'],
    ['Tillsammans med invånarna', 'Yhdessä asukkaiden kanssa'],
  ],
  promises: [
    ['Vi ger en trygg start i livet', 'Annamme turvallisen alun elämälle'],
    ['Vi stöder livskvaliteten i vardagen', 'Tuemme arjen elämänlaatua'],
    ['Vi erbjuder ett skyddsnät när livet är svårt', 'Tarjoamme turvaverkon elämän vaikeina hetkinä'],
    ['Våra tjänster är lätta att nå', 'Palvelumme ovat helposti saavutettavissa'],
    ['Vi ger ett värdigt slut på livet', 'Tarjoamme ihmisarvoisen elämän loppuvaiheen'],
    ['Våra tjänster är effektiva och verkningsfulla', 'Palvelumme ovat tehokkaita ja vaikuttavia'],
  ],
  strategicGoals: [
    ['Förebyggande tjänster i första hand', 'Ennaltaehkäisevät palvelut ensisijaisina'],
    ['Tyngdpunkten flyttas till lättare tjänster', 'Painopiste siirtyy kevyempiin palveluihin'],
    ['Kunnig och välmående personal', 'Osaava ja hyvinvoiva henkilöstö'],
    ['Digitala tjänster som en naturlig del av vården', 'Digitaaliset palvelut luontevana osana hoitoa'],
    ['Värdeskapande och kostnadseffektiva tjänster', 'Lisäarvoa tuottavat ja kustannustehokkaat palvelut'],
    ['Vi tar hand om varandra', 'Pidämme huolta toisistamme'],
  ],
} as const;

export const responsibles = [
  ['Direktören för serviceområdet', 'Palvelualueen johtaja'],
  ['Ledande överläkaren', 'Johtava ylilääkäri'],
  ['Ledande socialarbetaren', 'Johtava sosiaalityöntekijä'],
  ['Resultatenhetschefen', 'Tulosyksikön päällikkö'],
  ['Utvecklingschefen', 'Kehittämispäällikkö'],
  ['Chefen för personalförvaltningen', 'Henkilöstöhallinnon päällikkö'],
] as const;

/** The numbers a paragraph states, formatted once and written identically in both languages. */
export interface Figures {
  y1: number;
  y2: number;
  pct: string;
  pct2: string;
  n: string;
  dec: string;
  eur: string;
  days: number;
}

export interface Slots {
  svc: Service;
  grp: Group;
  place: Place;
  f: Figures;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Template = (s: Slots) => [string, string];

/** Paragraphs of goals, measures and chapters: 2 sentences, numbers and terms mirrored. */
export const paragraphs: readonly Template[] = [
  ({ svc, grp, place, f }) => [
    `År ${f.y1} stödde ${svc.svDef} ${place.svIn} sammanlagt ${f.n} personer ur gruppen ${grp.sv}. Målet är att andelen som klarar sig hemma ökar till ${f.pct} % senast år ${f.y2}.`,
    `Vuonna ${f.y1} ${svc.fi} tuki ${place.fiIn} yhteensä ${f.n} henkilöä ryhmästä ${grp.fi}. Tavoitteena on, että kotona pärjäävien osuus nousee ${f.pct} %:iin viimeistään vuonna ${f.y2}.`,
  ],
  ({ svc, grp, f }) => [
    `Väntetiden till ${svc.svDef} har förkortats till ${f.days} dagar. Genom att arbeta förebyggande och flytta tyngdpunkten till lättare tjänster hjälper vi ${grp.sv} tidigare än i dag.`,
    `Odotusaika ${svc.fiGen} palveluihin on lyhentynyt ${f.days} päivään. Painottamalla ennaltaehkäisyä ja kevyempiä palveluja autamme aiempaa varhemmin (${grp.fi}).`,
  ],
  ({ svc, place, f }) => [
    `Kostnaderna för ${svc.svDef} ${place.svIn} uppgick till ${f.eur} miljoner euro år ${f.y1}, vilket är ${f.dec} % mindre än året innan. Samtidigt har antalet besök ökat med ${f.pct2} %.`,
    `${cap(svc.fiGen)} kustannukset ${place.fiIn} olivat ${f.eur} miljoonaa euroa vuonna ${f.y1}, mikä on ${f.dec} % vähemmän kuin edellisenä vuonna. Samaan aikaan käyntien määrä on kasvanut ${f.pct2} %.`,
  ],
  ({ svc, grp, f }) => [
    `Av de tillfrågade inom gruppen ${grp.sv} var ${f.pct} % nöjda med ${svc.svDef}. Enkäten genomförs på nytt år ${f.y2}, och resultaten jämförs med läget år ${f.y1}.`,
    `Kyselyyn vastanneista (${grp.fi}) ${f.pct} % oli tyytyväisiä ${svc.fiGen} toimintaan. Kysely toistetaan vuonna ${f.y2}, ja tuloksia verrataan vuoden ${f.y1} tilanteeseen.`,
  ],
  ({ svc, place, f }) => [
    `Personalen inom ${svc.svDef} ${place.svIn} omfattar ${f.n} årsverken. Vi utbildar personalen i nya arbetssätt så att minst ${f.pct} % har gått utbildningen före år ${f.y2}.`,
    `${cap(svc.fiGen)} henkilöstö ${place.fiIn} on ${f.n} henkilötyövuotta. Koulutamme henkilöstöä uusiin toimintatapoihin niin, että vähintään ${f.pct} % on käynyt koulutuksen ennen vuotta ${f.y2}.`,
  ],
  ({ svc, grp, f }) => [
    `Digitala tjänster kompletterar ${svc.svDef}: år ${f.y1} sköttes ${f.pct2} % av kontakterna digitalt. Andelen ska öka till ${f.pct} % utan att tjänsterna blir svårare att nå för ${grp.sv}.`,
    `Digitaaliset palvelut täydentävät ${svc.fiGen} palveluja: vuonna ${f.y1} yhteydenotoista ${f.pct2} % hoidettiin digitaalisesti. Osuus nousee ${f.pct} %:iin ilman, että palvelujen saavutettavuus heikkenee (${grp.fi}).`,
  ],
  ({ svc, place, f }) => [
    `Samarbetet med tredje sektorn ${place.svIn} stärks. År ${f.y1} deltog ${f.n} frivilliga i verksamhet som stöder ${svc.svDef}, och målet för ${f.y2} är en ökning med ${f.dec} %.`,
    `Yhteistyötä kolmannen sektorin kanssa vahvistetaan ${place.fiIn}. Vuonna ${f.y1} ${f.n} vapaaehtoista osallistui toimintaan, joka tukee ${svc.fiGen} työtä, ja tavoite vuodelle ${f.y2} on ${f.dec} %:n kasvu.`,
  ],
  ({ svc, grp, f }) => [
    `Handläggningstiden inom ${svc.svDef} var i genomsnitt ${f.days} dagar år ${f.y1}. Vi följer upp den varje månad och rapporterar till välfärdsområdesstyrelsen, så att ${grp.sv} får beslut i tid.`,
    `${cap(svc.fiGen)} käsittelyaika oli keskimäärin ${f.days} päivää vuonna ${f.y1}. Seuraamme sitä kuukausittain ja raportoimme aluehallitukselle, jotta ${grp.fi} saavat päätöksen ajallaan.`,
  ],
  ({ svc, place, f }) => [
    `Servicenätverket ${place.svIn} ses över under perioden ${f.y1}–${f.y2}. Efter översynen ska ${f.pct} % av invånarna nå ${svc.svDef} inom ${f.days} kilometer.`,
    `Palveluverkko ${place.fiIn} tarkastellaan kaudella ${f.y1}–${f.y2}. Tarkastelun jälkeen ${f.pct} % asukkaista pääsee ${svc.fiGen} palveluihin ${f.days} kilometrin säteellä.`,
  ],
  ({ svc, grp, f }) => [
    `Vi inför en gemensam modell för ${svc.svDef} där klienten och de anhöriga deltar i planeringen. Modellen prövas först med ${f.n} personer ur gruppen ${grp.sv} år ${f.y1}.`,
    `Otamme käyttöön yhteisen ${svc.fiGen} mallin, jossa asiakas ja omaiset osallistuvat suunnitteluun. Mallia kokeillaan ensin ${f.n} henkilön kanssa (${grp.fi}) vuonna ${f.y1}.`,
  ],
  ({ svc, place, f }) => [
    `Andelen köptjänster inom ${svc.svDef} ${place.svIn} var ${f.pct2} % år ${f.y1}. En produktionssättsanalys görs före år ${f.y2} och jämför kostnaderna per klient.`,
    `Ostopalvelujen osuus ${svc.fiGen} palveluista ${place.fiIn} oli ${f.pct2} % vuonna ${f.y1}. Tuotantotapa-analyysi tehdään ennen vuotta ${f.y2}, ja siinä verrataan kustannuksia asiakasta kohden.`,
  ],
  ({ grp, place, f }) => [
    `Sjuklighetsindexet ${place.svIn} var ${f.dec} år ${f.y1}, under landets medeltal. Skillnaderna mellan befolkningsgrupperna är ändå stora, och ${grp.sv} behöver riktat stöd.`,
    `Sairastavuusindeksi ${place.fiIn} oli ${f.dec} vuonna ${f.y1}, alle maan keskiarvon. Väestöryhmien väliset erot ovat kuitenkin suuria, ja ${grp.fi} tarvitsevat kohdennettua tukea.`,
  ],
];

/** Short list items. */
export const listItems: readonly Template[] = [
  ({ svc, f }) => [`${cap(svc.svDef)} utvecklas i samarbete med kommunerna (${f.y1}).`, `${cap(svc.fi)} kehittyy yhteistyössä kuntien kanssa (${f.y1}).`],
  ({ grp, f }) => [`Fler ${grp.sv} får stöd i tid: ${f.pct} % inom en vecka.`, `Yhä useampi saa tukea ajoissa (${grp.fi}): ${f.pct} % viikon kuluessa.`],
  ({ place, f }) => [`Nya arbetssätt prövas ${place.svIn} under år ${f.y2}.`, `Uusia toimintatapoja kokeillaan ${place.fiIn} vuonna ${f.y2}.`],
  ({ svc, f }) => [`Kostnaderna för ${svc.svDef} minskar med ${f.dec} %.`, `${cap(svc.fiGen)} kustannukset pienenevät ${f.dec} %.`],
  ({ f }) => [`Personalen utbildas i nya digitala tjänster, ${f.n} personer.`, `Henkilöstö koulutetaan uusiin digitaalisiin palveluihin, ${f.n} henkilöä.`],
  ({ grp, f }) => [`Vi samlar respons från ${grp.sv} två gånger per år, senast ${f.y2}.`, `Keräämme palautetta kahdesti vuodessa (${grp.fi}), viimeistään ${f.y2}.`],
];

export const headings: readonly Template[] = [
  ({ svc }) => [`Läget inom ${svc.svDef}`, `${cap(svc.fiGen)} tilanne`],
  ({ grp }) => [`Det här går bra för ${grp.sv}`, `Tämä sujuu hyvin: ${grp.fi}`],
  ({ place }) => [`Utvecklingen ${place.svIn}`, `Kehitys ${place.fiIn}`],
  () => ['De största utmaningarna', 'Suurimmat haasteet'],
  () => ['Vad ska vi satsa på?', 'Mihin panostamme?'],
  ({ svc }) => [`Kostnader och finansiering av ${svc.svDef}`, `${cap(svc.fiGen)} kustannukset ja rahoitus`],
];

export const goalTitles: readonly Template[] = [
  ({ svc, grp }) => [`${cap(svc.svDef)} ger stöd i rätt tid för ${grp.sv}`, `${cap(svc.fi)} tukee oikea-aikaisesti (${grp.fi})`],
  ({ svc, place }) => [`Tillgången till ${svc.svDef} förbättras ${place.svIn}`, `${cap(svc.fiGen)} saatavuus paranee ${place.fiIn}`],
  ({ grp }) => [`Tidigt stöd och förebyggande arbete för ${grp.sv}`, `Varhainen tuki ja ennaltaehkäisevä työ: ${grp.fi}`],
  ({ svc }) => [`${cap(svc.svDef)} blir mer kostnadseffektiv`, `${cap(svc.fi)} tehostuu kustannuksiltaan`],
  ({ svc, grp }) => [`${cap(grp.sv)} deltar i utvecklingen av ${svc.svDef}`, `${cap(grp.fi)} osallistuvat ${svc.fiGen} kehittämiseen`],
];

export const actionTitles: readonly Template[] = [
  ({ svc, place }) => [`En gemensam modell för ${svc.svDef} tas i bruk ${place.svIn}`, `Yhteinen ${svc.fiGen} malli otetaan käyttöön ${place.fiIn}`],
  ({ svc }) => [`Personalen inom ${svc.svDef} utbildas i nya arbetssätt`, `${cap(svc.fiGen)} henkilöstö koulutetaan uusiin toimintatapoihin`],
  ({ grp }) => [`Ett digitalt stöd för ${grp.sv} utvecklas`, `Digitaalinen tuki kehitetään (${grp.fi})`],
  ({ svc, place }) => [`Servicenätverket för ${svc.svDef} ${place.svIn} ses över`, `${cap(svc.fiGen)} palveluverkko ${place.fiIn} tarkastellaan`],
  ({ svc }) => [`Respons om ${svc.svDef} samlas in regelbundet`, `${cap(svc.fiGen)} palautetta kerätään säännöllisesti`],
  ({ grp, place }) => [`Samarbetet med tredje sektorn för ${grp.sv} ${place.svIn} stärks`, `Yhteistyö kolmannen sektorin kanssa vahvistuu ${place.fiIn} (${grp.fi})`],
];

export interface MeasureTemplate {
  type: 'percent' | 'count' | 'days' | 'euro' | 'yes-no';
  unit?: readonly [string, string];
  title: Template;
}

export const measureTemplates: readonly MeasureTemplate[] = [
  { type: 'percent', unit: ['%', '%'], title: ({ grp, svc }) => [`Andelen ${grp.sv} som är nöjda med ${svc.svDef}`, `${cap(svc.fiGen)} toimintaan tyytyväisten osuus (${grp.fi})`] },
  { type: 'percent', unit: ['%', '%'], title: ({ svc }) => [`Andelen digitala kontakter inom ${svc.svDef}`, `Digitaalisten yhteydenottojen osuus ${svc.fiGen} palveluissa`] },
  { type: 'count', unit: ['personer', 'henkilöä'], title: ({ svc, place }) => [`Antalet klienter inom ${svc.svDef} ${place.svIn}`, `${cap(svc.fiGen)} asiakkaiden määrä ${place.fiIn}`] },
  { type: 'count', unit: ['st', 'kpl'], title: ({ grp }) => [`Antalet utvecklingsprojekt för ${grp.sv}`, `Kehittämishankkeiden määrä (${grp.fi})`] },
  { type: 'days', unit: ['dagar', 'päivää'], title: ({ svc }) => [`Väntetiden till ${svc.svDef} i dagar`, `Odotusaika ${svc.fiGen} palveluihin päivinä`] },
  { type: 'euro', unit: ['euro', 'euroa'], title: ({ svc }) => [`Kostnaderna per klient inom ${svc.svDef}`, `${cap(svc.fiGen)} kustannukset asiakasta kohden`] },
  { type: 'yes-no', title: ({ svc, place }) => [`En gemensam modell för ${svc.svDef} är i bruk ${place.svIn}`, `Yhteinen ${svc.fiGen} malli on käytössä ${place.fiIn}`] },
];

export const tableHeaders = {
  places: (f: Figures): [string[], string[]] => [
    ['Kommun', `År ${f.y1}`, `År ${f.y2}`, 'Förändring (%)'],
    ['Kunta', `Vuosi ${f.y1}`, `Vuosi ${f.y2}`, 'Muutos (%)'],
  ],
  indicators: (f: Figures): [string[], string[]] => [
    ['Indikator', `Österbotten ${f.y1}`, 'Hela landet'],
    ['Indikaattori', `Pohjanmaa ${f.y1}`, 'Koko maa'],
  ],
};

export const indicatorRows: readonly (readonly [string, string])[] = [
  ['Sjuklighetsindex', 'Sairastavuusindeksi'],
  ['Andel 75 år fyllda som bor hemma (%)', 'Kotona asuvat 75 vuotta täyttäneet (%)'],
  ['Väntetid till barnskyddet i dagar', 'Odotusaika lastensuojeluun päivinä'],
  ['Besök inom primärvården per invånare', 'Perusterveydenhuollon käynnit asukasta kohden'],
  ['Andel närståendevårdare som fått stöd (%)', 'Tukea saaneiden omaishoitajien osuus (%)'],
  ['Kostnader för hemvården per klient (euro)', 'Kotihoidon kustannukset asiakasta kohden (euroa)'],
  ['Personal per årsverke inom öppenvården', 'Avohoidon henkilöstö henkilötyövuotta kohden'],
  ['Invånare som nått egenvården digitalt (%)', 'Omahoitoa digitaalisesti käyttäneet asukkaat (%)'],
];

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Thousands separated by a space, as both languages write them. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function decimal(rng: Rng, min: number, max: number): string {
  return `${int(rng, min, max)},${int(rng, 1, 9)}`;
}

export function figures(rng: Rng): Figures {
  const y1 = int(rng, 2022, 2025);
  return {
    y1,
    y2: int(rng, 2026, 2029),
    pct: String(int(rng, 55, 98)),
    pct2: String(int(rng, 5, 45)),
    n: grouped(int(rng, 12, 24000)),
    dec: decimal(rng, 1, 30),
    eur: decimal(rng, 1, 90),
    days: int(rng, 3, 90),
  };
}

export function slots(rng: Rng, fixed: Partial<Slots> = {}): Slots {
  return {
    svc: fixed.svc ?? pick(rng, services),
    grp: fixed.grp ?? pick(rng, groups),
    place: fixed.place ?? pick(rng, places),
    f: figures(rng),
  };
}
