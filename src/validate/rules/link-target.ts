import { defineRule } from '../rule.ts';
import { declaredLinks } from '../../model/graph.ts';
import { allVersions } from '../../model/versions.ts';
import { didYouMean } from '../../util/suggest.ts';
import { oneOf, t } from '../../messages/index.ts';

export default defineRule({
  id: 'link-target',
  scope: 'graph',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. A link field (for a goal: \`values\`, \`promises\`, \`strategic-goals\`; in general any field with
\`x-link-kinds\`) must name an existing item of the kind the schema allows. A near miss gets "did you mean"; a link to
an item of the wrong kind names that item's kind and file.`,
    sv: `Fel. Ett länkfält (för ett mål: \`values\`, \`promises\`, \`strategic-goals\`; allmänt varje fält med \`x-link-kinds\`)
pekar på ett befintligt objekt av en typ som schemat tillåter. Ett nästan rätt id får "menade du"; en länk till ett
objekt av fel typ anger det objektets typ och fil.`,
    fi: `Virhe. Linkkikenttä (tavoitteella \`values\`, \`promises\`, \`strategic-goals\`; yleisesti jokainen kenttä, jolla on
\`x-link-kinds\`) osoittaa olemassa olevaan kohteeseen, jonka tyypin skeema sallii. Lähes oikeasta tunnisteesta saa
vihjeen "tarkoititko"; väärän tyyppiseen kohteeseen osoittava linkki kertoo kohteen tyypin ja tiedoston.`,
  },
  run({ graph, report }) {
    const idsByKind = new Map<string, string[]>();
    for (const [id] of graph.items) {
      const kind = graph.get(id)!.kind;
      idsByKind.set(kind, [...(idsByKind.get(kind) ?? []), id]);
    }
    for (const item of allVersions(graph)) {
      for (const link of declaredLinks(item, graph.schema)) {
        if (link.field === 'parent') continue;
        const path = link.index === undefined ? [link.field] : [link.field, link.index];
        const target = graph.get(link.to);
        const expected = oneOf(link.expectedKinds);
        if (!target) {
          const candidates = link.expectedKinds.flatMap((kind) => idsByKind.get(kind) ?? []);
          const hint = didYouMean(link.to, candidates);
          report({
            file: item.file,
            message: t('link-target.missing', { to: link.to, field: link.field, expected }),
            path,
            hint: hint ?? t('link-target.missing.hint', { expected }),
          });
        } else if (!link.expectedKinds.includes(target.kind)) {
          const hint = didYouMean(link.to, link.expectedKinds.flatMap((kind) => idsByKind.get(kind) ?? []));
          report({
            file: item.file,
            message: t('link-target.kind', { kind: target.kind, to: link.to, field: link.field, expected }),
            path,
            hint: hint ?? t('link-target.kind.hint', { kind: target.kind, expected }),
            cause: { file: target.file, path: ['kind'], message: t('link-target.kind.cause', { to: link.to, kind: target.kind }) },
          });
        }
      }
    }
  },
});
