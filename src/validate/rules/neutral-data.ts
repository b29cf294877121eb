import { defineRule } from '../rule.ts';
import { reportOnTwins } from '../pair-report.ts';
import { show } from '../show.ts';
import { sameData, twinPairs } from '../../model/twins.ts';
import { t } from '../../messages/index.ts';

const shown = (value: unknown) => show(value, { max: 50 });

export default defineRule({
  id: 'neutral-data',
  scope: 'pair',
  severity: 'error',
  group: 'cross-language',
  docs: {
    en: `Error. Front-matter that is not text (id, kind, parent, order, links, years, status, type, direction, baseline,
targets, source: every field the schema does not mark \`x-translatable\`) is identical in both twins. A difference is
reported on both files, each with the other as the cause. Fix: decide which side is right and copy it, by hand or with
\`npx strategy fix --from sv --apply\` (copies the Swedish side's neutral data to the Finnish twin).`,
    sv: `Fel. Front-matter som inte är text (id, typ, överordnad, ordning, länkar, år, status, typ av mätare, riktning,
utgångsvärde, mål, källa: varje fält som schemat inte märker \`x-translatable\`) är identisk i båda versionerna. En
skillnad rapporteras i båda filerna, med den andra som orsak. Åtgärd: avgör vilken sida som är rätt och kopiera den,
för hand eller med \`npx strategy fix --from sv --apply\` (kopierar den svenska sidans språkneutrala data till den
finska).`,
    fi: `Virhe. Front matter, joka ei ole tekstiä (tunniste, tyyppi, yläkohde, järjestys, linkit, vuodet, tila, mittarin
tyyppi, suunta, lähtötaso, tavoitteet, lähde: jokainen kenttä, jota skeema ei merkitse \`x-translatable\`), on sama
molemmissa versioissa. Erosta ilmoitetaan molemmissa tiedostoissa, ja kummankin syy on toinen. Korjaus: päätä, kumpi
puoli on oikein, ja kopioi se käsin tai komennolla \`npx strategy fix --from sv --apply\` (kopioi ruotsinkielisen
puolen kielestä riippumattomat tiedot suomenkieliseen).`,
  },
  run({ graph, report }) {
    for (const [a, b] of twinPairs(graph)) {
      if (!a.data || !b.data) continue;
      const kind = typeof a.data['kind'] === 'string' ? a.data['kind'] : undefined;
      const translatable = (kind && graph.schema.kinds.get(kind)?.translatableFields) || new Set<string>();
      const fields = [...new Set([...Object.keys(a.data), ...Object.keys(b.data)])];
      for (const field of fields) {
        // The stamp records the other file, so it differs by design.
        if (translatable.has(field) || field === 'twin-hash') continue;
        const va = a.data[field];
        const vb = b.data[field];
        if (sameData(va, vb)) continue;
        // Each side at the field, or at its front-matter where the field is missing.
        const at = (value: unknown) => (value === undefined ? [] : [field]);
        reportOnTwins(report, { file: a, path: at(va) }, { file: b, path: at(vb) }, (side, other) => {
          const mine = side.file.data![field];
          const theirs = other.file.data![field];
          return {
            message:
              mine !== undefined
                ? t('neutral-data.differs', { field, mine: shown(mine), lang: other.file.lang, theirs: shown(theirs) })
                : t('neutral-data.missing', { field, lang: other.file.lang, theirs: shown(theirs) }),
            hint: t('neutral-data.hint', { command: `npx strategy fix --from ${graph.schema.project.languages.join('|')} --apply` }),
          };
        });
      }
    }
  },
});
