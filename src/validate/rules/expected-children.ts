import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { oneOf, t } from '../../messages/index.ts';

export default defineRule({
  id: 'expected-children',
  scope: 'graph',
  severity: 'warn',
  group: 'structure',
  docs: {
    en: `Warning. A goal should have at least one measure (\`x-expect-children\` in the goal schema): a goal that cannot be
followed up cannot be reported to the council.`,
    sv: `Varning. Ett mål har minst en mätare (\`x-expect-children\` i målets schema): ett mål som inte kan följas upp kan inte
rapporteras till fullmäktige.`,
    fi: `Varoitus. Tavoitteella on vähintään yksi mittari (\`x-expect-children\` tavoitteen skeemassa): tavoitetta, jota ei voi
seurata, ei voi raportoida valtuustolle.`,
  },
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      const expected = graph.schema.kinds.get(item.kind)?.expectChildren ?? [];
      if (expected.length === 0) continue;
      const kinds = new Set((graph.children.get(item.id) ?? []).map((id) => graph.get(id)?.kind));
      const missing = expected.filter((kind) => !kinds.has(kind));
      if (missing.length === 0) continue;
      report({
        file: item.file,
        message: t('expected-children', { kind: item.kind, missing: oneOf(missing, 'or-a') }),
        path: ['id'],
        hint: t('expected-children.hint', { command: `npx strategy new ${missing[0]} --parent ${item.id}` }),
      });
    }
  },
});
