import { defineRule } from '../rule.ts';
import { didYouMean, oneOf } from '../../util/suggest.ts';

export default defineRule({
  id: 'unknown-kind',
  summary: 'The `kind` of an item is one that schema/ declares.',
  severity: 'error',
  run({ graph, report }) {
    const known = [...graph.schema.kinds.keys()].sort();
    for (const file of graph.files) {
      if (!file.data) continue;
      const kind = file.data['kind'];
      if (typeof kind === 'string' && graph.schema.kinds.has(kind)) continue;
      const hint = typeof kind === 'string' ? didYouMean(kind, known) : undefined;
      report({
        file,
        message:
          kind === undefined
            ? `Unexpected missing \`kind\`, expected one of ${oneOf(known)}`
            : `Unexpected kind \`${String(kind)}\`, expected one of ${oneOf(known)}`,
        path: kind === undefined ? [] : ['kind'],
        hint: hint ?? 'add `kind:` with one of the kinds in schema/kinds/',
      });
    }
  },
});
