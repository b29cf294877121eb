import { defineRule } from '../rule.ts';
import { declaredLinks } from '../../model/graph.ts';
import { allVersions } from '../../model/versions.ts';
import { didYouMean, oneOf } from '../../util/suggest.ts';

export default defineRule({
  id: 'link-target',
  summary: 'A link names an existing item of a kind the schema allows for that field.',
  severity: 'error',
  run({ graph, report }) {
    const idsByKind = new Map<string, string[]>();
    for (const [id] of graph.items) {
      const kind = graph.get(id)!.kind;
      idsByKind.set(kind, [...(idsByKind.get(kind) ?? []), id]);
    }
    for (const item of allVersions(graph)) {
      for (const link of declaredLinks(item, graph.schema)) {
        if (link.field === 'parent') continue;
        const path = link.index === undefined ? [link.field] : [link.field, link.index];
        const target = graph.get(link.to);
        const expected = oneOf(link.expectedKinds);
        if (!target) {
          const candidates = link.expectedKinds.flatMap((kind) => idsByKind.get(kind) ?? []);
          const hint = didYouMean(link.to, candidates);
          report({
            file: item.file,
            message: `Unexpected link to \`${link.to}\` in \`${link.field}\`, expected the id of an existing ${expected}`,
            path,
            hint: hint ?? `no item has this id; see the ${expected} items in strategy/`,
          });
        } else if (!link.expectedKinds.includes(target.kind)) {
          const hint = didYouMean(link.to, link.expectedKinds.flatMap((kind) => idsByKind.get(kind) ?? []));
          report({
            file: item.file,
            message: `Unexpected link to ${target.kind} \`${link.to}\` in \`${link.field}\`, expected a ${expected}`,
            path,
            hint: hint ?? `move the link to the field for ${target.kind} items, or link a ${expected}`,
            cause: { file: target.file, path: ['kind'], message: `\`${link.to}\` is a ${target.kind}` },
          });
        }
      }
    }
  },
});
