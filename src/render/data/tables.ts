/**
 * The open data's tables, declared once: each CSV's columns with their types and their meaning in each language.
 * export.ts writes the rows, the CSV files and, from the same declarations, a Frictionless Table Schema beside each
 * CSV and the data package; the site's data page (site/src/components/pages/DataPage.astro) describes the same.
 */
import type { ItemView, ViewModel } from '../../view/types.ts';
import type { CsvCell } from './csv.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'year';

export interface Column {
  name: string;
  type: FieldType;
  /** What the column holds, per language (sv, fi), and in English for the Table Schema's description. */
  about: { sv: string; fi: string; en: string };
  required?: boolean;
}

export interface Table {
  /** The file's name without `.csv`: measures, items. */
  name: string;
  title: { sv: string; fi: string; en: string };
  about: { sv: string; fi: string; en: string };
  columns: Column[];
  rows: CsvCell[][];
}

const per = (languages: readonly string[], name: string, type: FieldType, about: (lang: string) => Column['about']): Column[] =>
  languages.map((lang) => ({ name: `${name}_${lang}`, type, about: about(lang) }));

const langName: Record<string, { sv: string; fi: string; en: string }> = {
  sv: { sv: 'på svenska', fi: 'ruotsiksi', en: 'in Swedish' },
  fi: { sv: 'på finska', fi: 'suomeksi', en: 'in Finnish' },
};
const inLang = (lang: string) => langName[lang] ?? { sv: `(${lang})`, fi: `(${lang})`, en: `(${lang})` };

/** A kind's name in the plural in a language, from the view (schema/'s labels). */
const kindPlural = (views: Record<string, ViewModel>, ids: string[], lang: string) => (ids[0] ? views[lang]?.items[ids[0]]?.kindPlural : undefined) ?? 'measures';

/** A value of a measure as a number: yes/no measures as 1 and 0. */
const numeric = (value: number | boolean | undefined): number | undefined => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** Every measure (a kind marked `x-measure`): what it measures and its baseline, targets and actuals by year. */
export function measuresTable(views: Record<string, ViewModel>): Table {
  const languages = Object.keys(views);
  const first = views[languages[0]!]!;
  const ids = first.order.filter((id) => first.items[id]!.measure !== undefined);
  const measure = (id: string) => first.items[id]!.measure!;
  const years = (pick: (id: string) => { year: number }[]) => [...new Set(ids.flatMap((id) => pick(id).map((point) => point.year)))].sort((a, b) => a - b);
  const targetYears = years((id) => measure(id).targets);
  const actualYears = years((id) => measure(id).actuals);
  const columns: Column[] = [
    { name: 'id', type: 'string', required: true, about: { sv: 'Id, detsamma på båda språken och i webbplatsens adress', fi: 'Tunniste, sama molemmilla kielillä ja sivuston osoitteessa', en: 'The id, the same in both languages and in the site’s address' } },
    { name: 'parent', type: 'string', about: { sv: 'Id för den del som den hör till', fi: 'Sen osan tunniste, johon se kuuluu', en: 'The id of the item it belongs to' } },
    ...per(languages, 'title', 'string', (lang) => ({ sv: `Namn ${inLang(lang).sv}`, fi: `Nimi ${inLang(lang).fi}`, en: `The name ${inLang(lang).en}` })),
    { name: 'type', type: 'string', about: { sv: 'Typ, som schema/ anger den (till exempel percent, count, yes-no)', fi: 'Tyyppi schema/-kansion mukaan (esimerkiksi percent, count, yes-no)', en: 'The type, as schema/ gives it (e.g. percent, count, yes-no)' } },
    ...per(languages, 'unit', 'string', (lang) => ({ sv: `Enhet ${inLang(lang).sv}`, fi: `Yksikkö ${inLang(lang).fi}`, en: `The unit ${inLang(lang).en}` })),
    { name: 'direction', type: 'string', about: { sv: 'Önskad riktning: increase, decrease eller maintain', fi: 'Tavoiteltu suunta: increase (kasvaa), decrease (vähenee) tai maintain (pysyy ennallaan)', en: 'Which way is better: increase, decrease or maintain' } },
    ...per(languages, 'source', 'string', (lang) => ({ sv: `Datakälla ${inLang(lang).sv}`, fi: `Tietolähde ${inLang(lang).fi}`, en: `The data source ${inLang(lang).en}` })),
    { name: 'baseline_year', type: 'year', about: { sv: 'Utgångslägets år', fi: 'Lähtötason vuosi', en: 'The year of the baseline' } },
    { name: 'baseline_value', type: 'number', about: { sv: 'Utgångsläge (ja/nej-värden: 1 = ja, 0 = nej)', fi: 'Lähtötaso (kyllä/ei-arvot: 1 = kyllä, 0 = ei)', en: 'The baseline (yes/no measures: 1 = yes, 0 = no)' } },
    ...targetYears.map((year): Column => ({ name: `target_${year}`, type: 'number', about: { sv: `Målvärde för ${year}`, fi: `Tavoitearvo vuodelle ${year}`, en: `The target for ${year}` } })),
    ...actualYears.map((year): Column => ({ name: `actual_${year}`, type: 'number', about: { sv: `Utfall ${year}`, fi: `Toteuma vuonna ${year}`, en: `The actual value in ${year}` } })),
  ];
  const rows = ids.map((id) => {
    const values = measure(id);
    const target = new Map(values.targets.map((point) => [point.year, point.value]));
    const actual = new Map(values.actuals.map((point) => [point.year, point.value]));
    return [
      id,
      first.items[id]!.parent,
      ...languages.map((lang) => views[lang]!.items[id]?.title),
      values.type?.value,
      ...languages.map((lang) => views[lang]!.items[id]?.measure?.unit),
      values.direction?.value,
      ...languages.map((lang) => views[lang]!.items[id]?.measure?.source?.text),
      values.baseline?.year,
      numeric(values.baseline?.value),
      ...targetYears.map((year) => numeric(target.get(year))),
      ...actualYears.map((year) => numeric(actual.get(year))),
    ];
  });
  return {
    name: 'measures',
    // Named by the kind's own labels (schema/'s x-plural), as the rest of the interface names kinds.
    title: { sv: kindPlural(views, ids, 'sv'), fi: kindPlural(views, ids, 'fi'), en: 'Measures' },
    about: {
      sv: 'En rad för var och en: vad den mäter, utgångsläget och målvärdena och utfallen per år.',
      fi: 'Yksi rivi kutakin kohden: mitä se mittaa, lähtötaso sekä tavoitearvot ja toteumat vuosittain.',
      en: 'One row each: what it measures, its baseline, and its targets and actual values by year.',
    },
    columns,
    rows,
  };
}

/** The fact of an item with a role (the years of an action, who is responsible), in words. */
const factOf = (item: ItemView | undefined, role: string) => item?.facts.find((fact) => fact.role === role)?.value;

/** Every item of the strategy: its kind, place, title and, where it has one, its status (an action's). */
export function itemsTable(views: Record<string, ViewModel>): Table {
  const languages = Object.keys(views);
  const first = views[languages[0]!]!;
  const columns: Column[] = [
    { name: 'id', type: 'string', required: true, about: { sv: 'Id, detsamma på båda språken och i webbplatsens adress', fi: 'Tunniste, sama molemmilla kielillä ja sivuston osoitteessa', en: 'The id, the same in both languages and in the site’s address' } },
    { name: 'kind', type: 'string', required: true, about: { sv: 'Slag, som schema/ namnger det (x-kind)', fi: 'Laji schema/-kansion mukaan (x-kind)', en: 'The kind, as schema/ names it (x-kind)' } },
    { name: 'parent', type: 'string', about: { sv: 'Id för den del som det hör till', fi: 'Sen osan tunniste, johon se kuuluu', en: 'The id of the item it belongs to' } },
    { name: 'number', type: 'string', about: { sv: 'Avsnittets nummer, till exempel 3.2', fi: 'Osion numero, esimerkiksi 3.2', en: 'The section number, e.g. 3.2' } },
    ...per(languages, 'title', 'string', (lang) => ({ sv: `Namn ${inLang(lang).sv}`, fi: `Nimi ${inLang(lang).fi}`, en: `The title ${inLang(lang).en}` })),
    { name: 'status', type: 'string', about: { sv: 'Status, där en sådan anges (till exempel planned, ongoing, done, delayed, cancelled)', fi: 'Tila, jos sellainen on (esimerkiksi planned, ongoing, done, delayed, cancelled)', en: 'The status, where there is one (e.g. planned, ongoing, done, delayed, cancelled)' } },
    ...per(languages, 'status', 'string', (lang) => ({ sv: `Status i ord ${inLang(lang).sv}`, fi: `Tila sanoin ${inLang(lang).fi}`, en: `The status in words ${inLang(lang).en}` })),
    { name: 'years', type: 'string', about: { sv: 'År som den gäller, till exempel 2026 eller 2025–2027', fi: 'Vuodet, joita se koskee, esimerkiksi 2026 tai 2025–2027', en: 'The years it belongs to, e.g. 2026 or 2025–2027' } },
    ...per(languages, 'responsible', 'string', (lang) => ({ sv: `Ansvarig ${inLang(lang).sv}`, fi: `Vastuutaho ${inLang(lang).fi}`, en: `Who is responsible ${inLang(lang).en}` })),
  ];
  const rows = first.order.map((id) => {
    const item = first.items[id]!;
    return [
      id,
      item.kind,
      item.parent,
      item.number,
      ...languages.map((lang) => views[lang]!.items[id]?.title),
      item.status?.value,
      ...languages.map((lang) => views[lang]!.items[id]?.status?.label),
      factOf(item, 'years'),
      ...languages.map((lang) => factOf(views[lang]!.items[id], 'responsible')),
    ];
  });
  return {
    name: 'items',
    title: { sv: 'Strategins delar', fi: 'Strategian osat', en: 'Items of the strategy' },
    about: {
      sv: 'En rad per del av strategin i dokumentets ordning, med status där en sådan anges.',
      fi: 'Yksi rivi strategian osaa kohden asiakirjan järjestyksessä, tila mukaan lukien, jos sellainen on.',
      en: 'One row per item of the strategy (section, goal, action, measure …) in the document’s order, with the actions’ status.',
    },
    columns,
    rows,
  };
}

/** The tables open data publishes, in order. */
export function openDataTables(views: Record<string, ViewModel>): Table[] {
  return Object.keys(views).length === 0 ? [] : [measuresTable(views), itemsTable(views)];
}
