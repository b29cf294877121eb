import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { oneOf, t } from '../../messages/index.ts';

export default defineRule({
  id: 'expected-children',
  scope: 'graph',
  severity: 'warn',
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
