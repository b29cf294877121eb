import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { didYouMean, oneOf } from '../../util/suggest.ts';

export default defineRule({
  id: 'parent-kind',
  summary: "An item's parent exists and is of a kind its schema allows (`x-parent-kinds`).",
  severity: 'error',
  run({ graph, report }) {
    for (const item of allVersions(graph)) {
      const definition = graph.schema.kinds.get(item.kind);
      if (!definition || item.parent === undefined) continue;
      const allowed = definition.parentKinds;
      if (allowed.length === 0) {
        report({ file: item.file, message: `Unexpected \`parent\` on a ${item.kind}, expected none: a ${item.kind} is a root`, path: ['parent'], at: 'key', hint: 'remove the `parent` line' });
        continue;
      }
      const parent = graph.get(item.parent, item.lang);
      if (!parent) {
        const candidates = [...graph.items.keys()].filter((id) => allowed.includes(graph.get(id)!.kind));
        report({
          file: item.file,
          message: `Unexpected parent \`${item.parent}\`, expected the id of an existing ${oneOf(allowed)}`,
          path: ['parent'],
          hint: didYouMean(item.parent, candidates) ?? `no item has this id; a ${item.kind} sits under a ${oneOf(allowed)}`,
        });
      } else if (!allowed.includes(parent.kind)) {
        report({
          file: item.file,
          message: `Unexpected ${parent.kind} \`${parent.id}\` as parent of a ${item.kind}, expected a ${oneOf(allowed)}`,
          path: ['parent'],
          hint: `move this ${item.kind} under a ${oneOf(allowed)}, or allow ${parent.kind} in x-parent-kinds of ${definition.schemaPath}`,
          cause: { file: parent.file, path: ['kind'], message: `\`${parent.id}\` is a ${parent.kind}` },
        });
      }
    }
  },
});
