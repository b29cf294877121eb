import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';

export default defineRule({
  id: 'unlinked-target',
  summary: 'Every item of a kind with `x-expect-inbound-links` (a value, a promise, a strategic goal) is served by at least one link.',
  severity: 'warn',
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      if (!graph.schema.kinds.get(item.kind)?.expectInboundLinks) continue;
      const served = (graph.incoming.get(item.id) ?? []).some((link) => link.field !== 'parent');
      if (served) continue;
      // Which kinds may link here, and through which field: from the schema, whatever the county calls them.
      const from = [...graph.schema.kinds.values()].flatMap((kind) => [...kind.linkFields].filter(([, link]) => link.kinds.includes(item.kind)).map(([field]) => `\`${field}\` of a ${kind.kind}`));
      report({
        file: item.file,
        message: `Unexpected ${item.kind} \`${item.id}\` that nothing links to, expected at least one item that serves it`,
        path: ['id'],
        hint: from.length > 0 ? `add \`${item.id}\` to the ${from.join(', or the ')} that serves it` : `no kind in the schema links to ${item.kind}: give one a link field with \`x-link-kinds: [${item.kind}]\``,
      });
    }
  },
});
