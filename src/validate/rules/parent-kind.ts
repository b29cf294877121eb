import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { didYouMean } from '../../util/suggest.ts';
import { oneOf, t } from '../../messages/index.ts';

export default defineRule({
  id: 'parent-kind',
  scope: 'graph',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. \`parent\` must name an existing item of a kind listed in the schema's \`x-parent-kinds\`: a goal sits under a
section, an action or a measure under a goal. A root kind (the document) has no parent.`,
    sv: `Fel. \`parent\` pekar på ett befintligt objekt av en typ i schemats \`x-parent-kinds\`: ett mål ligger under ett avsnitt,
en åtgärd eller en mätare under ett mål. En rottyp (dokumentet) har ingen överordnad.`,
    fi: `Virhe. \`parent\` osoittaa olemassa olevaan kohteeseen, jonka tyyppi on skeeman \`x-parent-kinds\`-luettelossa: tavoite
on osion alla, toimenpide tai mittari tavoitteen alla. Juurityypillä (asiakirjalla) ei ole yläkohdetta.`,
  },
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      const definition = graph.schema.kinds.get(item.kind);
      if (!definition || item.parent === undefined) continue;
      const allowed = definition.parentKinds;
      if (allowed.length === 0) {
        report({ file: item.file, message: t('parent-kind.root', { kind: item.kind }), path: ['parent'], at: 'key', hint: t('parent-kind.root.hint') });
        continue;
      }
      const parent = graph.get(item.parent, item.lang);
      if (!parent) {
        const candidates = [...graph.items.keys()].filter((id) => allowed.includes(graph.get(id)!.kind));
        report({
          file: item.file,
          message: t('parent-kind.missing', { parent: item.parent, allowed: oneOf(allowed) }),
          path: ['parent'],
          hint: didYouMean(item.parent, candidates) ?? t('parent-kind.missing.hint', { kind: item.kind, allowed: oneOf(allowed) }),
        });
      } else if (!allowed.includes(parent.kind)) {
        report({
          file: item.file,
          message: t('parent-kind.kind', { parentKind: parent.kind, parent: parent.id, kind: item.kind, allowed: oneOf(allowed) }),
          path: ['parent'],
          hint: t('parent-kind.kind.hint', { kind: item.kind, allowed: oneOf(allowed), parentKind: parent.kind, schema: definition.schemaPath }),
          cause: { file: parent.file, path: ['kind'], message: t('link-target.kind.cause', { to: parent.id, kind: parent.kind }) },
        });
      }
    }
  },
});
