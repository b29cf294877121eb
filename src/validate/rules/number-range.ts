import { defineRule } from '../rule.ts';
import { fieldName, findInFrontMatter, sourceAt } from '../parsed-text.ts';
import { pathOf } from '../../parse/json-pointer.ts';
import type { SourceFile, StrategyGraph, YamlPath } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

/** 9 007 199 254 740 991: up to here every whole number is a double of its own, beyond it neighbours share one. */
const largest = Number.MAX_SAFE_INTEGER;

const outOfRange = (value: unknown): value is number => typeof value === 'number' && !(Math.abs(value) <= largest);

/** Whether the data holds such a number anywhere: a quick look, without paths (deeper than 200 levels: maybe). */
function holdsOne(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return outOfRange(value);
  if (!value || typeof value !== 'object') return false;
  if (depth > 200) return true;
  if (Array.isArray(value)) return value.some((item) => holdsOne(item, depth + 1));
  for (const key of Object.keys(value)) if (holdsOne((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

/**
 * The paths at which the kind's schema already refuses the value (a wrong type, a bound, an unknown field):
 * front-matter-schema reports those, and a number there is no number of the schema's.
 */
function refusedBySchema(file: SourceFile, graph: StrategyGraph): ((path: YamlPath) => boolean) | undefined {
  const kind = file.data?.['kind'];
  const definition = typeof kind === 'string' ? graph.schema.kinds.get(kind) : undefined;
  if (!definition) return undefined;
  if (definition.validate(file.data)) return () => false;
  const refused = (definition.validate.errors ?? []).map((error) => {
    const path = pathOf(error.instancePath);
    const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: unknown }).additionalProperty : undefined;
    // An unknown field is refused with everything in it; any other error, at its own value.
    return extra === undefined ? { at: path.join('/'), within: false } : { at: [...path, String(extra)].join('/'), within: true };
  });
  return (path) => {
    const at = path.map(String).join('/');
    return refused.some((where) => at === where.at || (where.within && at.startsWith(`${where.at}/`)));
  };
}

/** "`10000000000000001` is read as 10000000000000000", when it is; else the textbook case. */
function readAs(written: string, number: number): string {
  if (/^[+-]?\d+$/.test(written) && BigInt(written) !== BigInt(number)) return t('number-range.read-as', { written: `\`${written}\``, read: String(BigInt(number)) });
  return t('number-range.read-as', { written: '9007199254740993', read: '9007199254740992' });
}

export default defineRule({
  id: 'number-range',
  scope: 'file',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. A number in the front-matter is finite, and at most 9 007 199 254 740 991 (2^53 − 1) in size wherever the
schema takes a number: a measure's \`baseline\`, \`targets\` and \`actuals\` values, a Sotkanet \`indicator\`. Beyond that,
neighbouring whole numbers are stored as one: \`10000000000000001\` is read as \`10000000000000000\`, so a baseline and a
target that differ as written may be equal, or differ by less than a chart, a table or the open data can show.
\`.inf\`, \`-.inf\`, \`.nan\` and numbers too large for a double (\`1e309\`) have no place on a chart nor in JSON, and are
reported in any field. A number the schema refuses anyway (\`order\` above its maximum, a field it does not declare) is
left to front-matter-schema. Fix: give the figure in a larger unit (thousands, millions), or write the figure itself.`,
    sv: `Fel. Ett tal i front-matter är ändligt och till beloppet högst 9 007 199 254 740 991 (2^53 − 1) där schemat tar ett
tal: en mätares \`baseline\`, \`targets\` och \`actuals\`, en Sotkanet-\`indicator\`. Över det lagras närliggande heltal som
ett och samma: \`10000000000000001\` läses som \`10000000000000000\`, så att ett utgångsvärde och ett mål som skiljer sig
som skrivna kan vara lika, eller skilja sig mindre än ett diagram, en tabell eller öppna data kan visa. \`.inf\`,
\`-.inf\`, \`.nan\` och tal som är för stora för ett flyttal (\`1e309\`) hör inte hemma i ett diagram eller i JSON och
rapporteras i alla fält. Ett tal som schemat ändå inte godtar (\`order\` över sitt maximum, ett fält schemat inte anger)
lämnas till front-matter-schema. Åtgärd: ange talet i en större enhet (tusental, miljoner) eller skriv själva talet.`,
    fi: `Virhe. Front matterin luku on äärellinen ja itseisarvoltaan enintään 9 007 199 254 740 991 (2^53 − 1) siellä, missä
skeema ottaa luvun: mittarin \`baseline\`, \`targets\` ja \`actuals\`, Sotkanetin \`indicator\`. Sitä suuremmat vierekkäiset
kokonaisluvut tallentuvat samaksi luvuksi: \`10000000000000001\` luetaan lukuna \`10000000000000000\`, joten kirjoitettuina
eroavat lähtötaso ja tavoite voivat olla samat tai erota vähemmän kuin kaavio, taulukko tai avoin data pystyy
näyttämään. Arvoilla \`.inf\`, \`-.inf\`, \`.nan\` ja liukuluvuksi liian suurilla luvuilla (\`1e309\`) ei ole paikkaa
kaaviossa eikä JSONissa, ja niistä ilmoitetaan kaikissa kentissä. Luku, jota skeema ei muutenkaan hyväksy (\`order\` yli
enimmäisarvonsa, kenttä, jota skeema ei määrittele), jätetään säännölle front-matter-schema. Korjaus: ilmoita luku
suuremmassa yksikössä (tuhansina, miljoonina) tai kirjoita itse luku.`,
  },
  run({ graph, report }) {
    for (const file of graph.files) {
      if (!holdsOne(file.data)) continue;
      const found = findInFrontMatter(file.data, (value, at) => at === 'value' && outOfRange(value));
      if (found.length === 0) continue;
      let refused: ((path: YamlPath) => boolean) | undefined | null = null;
      for (const { path, value } of found) {
        const number = value as number;
        const place = file.locate(path);
        const written = sourceAt(file, place).trim() || String(number);
        const shown = written.length > 40 ? `${written.slice(0, 37)}...` : written;
        if (!Number.isFinite(number)) {
          // No schema type takes these (JSON has none of them): the schema's own message would only say "number".
          report({
            file,
            path,
            message: t(Number.isNaN(number) ? 'number-range.nan' : 'number-range.infinite', { shown, field: fieldName(path) }),
            hint: t('number-range.non-finite.hint'),
          });
          continue;
        }
        // A number the schema refuses anyway (`order: 2^64` is above its maximum) is front-matter-schema's.
        if (refused === null) refused = refusedBySchema(file, graph);
        if (!refused || refused(path)) continue;
        report({
          file,
          path,
          message: t('number-range.unsafe', { shown, field: fieldName(path) }),
          hint: t('number-range.unsafe.hint', { example: readAs(written, number) }),
        });
      }
    }
  },
});
