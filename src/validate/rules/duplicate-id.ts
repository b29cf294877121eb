import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'duplicate-id',
  summary: 'Every id is unique within one language.',
  severity: 'error',
  run({ graph, report }) {
    for (const { item, first } of graph.duplicates) {
      report({
        file: item.file,
        message: `Unexpected duplicate id \`${item.id}\`, expected an id no other ${item.lang} file uses`,
        path: ['id'],
        hint: 'give this item a new id; ids are permanent, so keep the older one',
        cause: { file: first.file, path: ['id'], message: 'first defined here' },
      });
    }
  },
});
