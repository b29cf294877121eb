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
