import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'duplicate-id',
  scope: 'graph',
  severity: 'error',
  run({ graph, report }) {
    for (const { item, first } of graph.duplicates) {
      report({
        file: item.file,
        message: t('duplicate-id', { id: item.id, lang: item.lang }),
        path: ['id'],
        hint: t('duplicate-id.hint'),
        cause: { file: first.file, path: ['id'], message: t('duplicate-id.cause') },
      });
    }
  },
});
