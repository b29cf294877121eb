import { defineRule } from '../rule.ts';
import { sameData, twinPairs } from '../../model/twins.ts';
import { t } from '../../messages/index.ts';

/** YAML's names for the numbers JSON has none for. */
const nonFinite = (value: number) => (Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf');

function show(value: unknown): string {
  const marker = '\u0000';
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${marker}${nonFinite(v)}${marker}` : v));
  // JSON would show `.nan` and `.inf` as null: show them as written.
  const text = json === undefined ? t('word.nothing') : json.replace(/"\\u0000([^"\\]*)\\u0000"/g, '$1');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

export default defineRule({
  id: 'neutral-data',
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
        for (const [file, other, mine, theirs] of [
          [a, b, va, vb],
          [b, a, vb, va],
        ] as const) {
          const present = mine !== undefined;
          report({
            file,
            message: present
              ? t('neutral-data.differs', { field, mine: show(mine), lang: other.lang, theirs: show(theirs) })
              : t('neutral-data.missing', { field, lang: other.lang, theirs: show(theirs) }),
            path: present ? [field] : [],
            hint: t('neutral-data.hint', { command: `npx strategy fix --from ${graph.schema.project.languages.join('|')} --apply` }),
            cause: { file: other, path: theirs === undefined ? [] : [field], message: t('twin.cause', { lang: other.lang }) },
          });
        }
      }
    }
  },
});
