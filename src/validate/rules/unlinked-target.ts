import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'unlinked-target',
  scope: 'graph',
  severity: 'warn',
  group: 'structure',
  docs: {
    en: `Warning. Every value, value promise and strategic goal (every kind with \`x-expect-inbound-links\`) should be served
by at least one goal. An unlinked one is either missing from the goals' links or no longer part of the strategy.`,
    sv: `Varning. Varje värdering, värdelöfte och strategiskt mål (varje typ med \`x-expect-inbound-links\`) stöds av minst ett
mål. Ett objekt utan länkar saknas antingen bland målens länkar eller hör inte längre till strategin.`,
    fi: `Varoitus. Jokaista arvoa, arvolupausta ja strategista tavoitetta (jokaista tyyppiä, jolla on
\`x-expect-inbound-links\`) tukee vähintään yksi tavoite. Kohde, johon ei linkitetä, joko puuttuu tavoitteiden
linkeistä tai ei enää kuulu strategiaan.`,
  },
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
