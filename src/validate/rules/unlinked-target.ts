import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';

export default defineRule({
  id: 'unlinked-target',
  summary: 'Every value, promise and strategic goal (every kind with `x-expect-inbound-links`) is served by at least one link.',
  severity: 'warn',
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      if (!graph.schema.kinds.get(item.kind)?.expectInboundLinks) continue;
      const served = (graph.incoming.get(item.id) ?? []).some((link) => link.field !== 'parent');
      if (served) continue;
      report({
        file: item.file,
        message: `Unexpected ${item.kind} \`${item.id}\` that nothing links to, expected at least one item that serves it`,
        path: ['id'],
        hint: `add \`${item.id}\` to the links of the goals that serve it`,
      });
    }
  },
});
