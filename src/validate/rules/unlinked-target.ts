import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'unlinked-target',
  scope: 'graph',
  severity: 'warn',
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      if (!graph.schema.kinds.get(item.kind)?.expectInboundLinks) continue;
      const served = (graph.incoming.get(item.id) ?? []).some((link) => link.field !== 'parent');
      if (served) continue;
      // Which kinds may link here, and through which field: from the schema, whatever the county calls them.
      const from = [...graph.schema.kinds.values()].flatMap((kind) => [...kind.linkFields].filter(([, link]) => link.kinds.includes(item.kind)).map(([field]) => t('unlinked-target.field', { field, kind: kind.kind })));
      report({
        file: item.file,
        message: t('unlinked-target', { kind: item.kind, id: item.id }),
        path: ['id'],
        hint: from.length > 0 ? t('unlinked-target.hint', { id: item.id, fields: from.join(t('unlinked-target.or-the')) }) : t('unlinked-target.no-kind.hint', { kind: item.kind }),
      });
    }
  },
});
