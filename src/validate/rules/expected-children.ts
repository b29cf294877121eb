import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { oneOf } from '../../util/suggest.ts';

export default defineRule({
  id: 'expected-children',
  summary: 'An item has a child of each kind its schema expects (`x-expect-children`): a goal has a measure.',
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
        message: `Unexpected ${item.kind} without a ${oneOf(missing, 'or a')}, expected at least one`,
        path: ['id'],
        hint: `add one with \`npx strategy new ${missing[0]} --parent ${item.id}\``,
      });
    }
  },
});
