import { defineRule } from '../rule.ts';
import { reservation } from '../../model/reserved-ids.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'reserved-id',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    for (const file of graph.files) {
      const id = file.data?.['id'];
      if (typeof id !== 'string') continue;
      const reserved = reservation(id, languages);
      if (!reserved) continue;
      report({
        file,
        path: ['id'],
        ...(reserved.by === 'page'
          ? {
              message: t('reserved-id.page', { id, page: t(`reserved-id.page.${reserved.page}`), address: `/${reserved.lang}/${reserved.slug}/` }),
              hint: t('reserved-id.page.hint', { address: `/${reserved.lang}/${id}/`, example: `${id}-${String(file.data?.['kind'] ?? 'item')}` }),
            }
          : {
              message: t('reserved-id.device', { id, name: reserved.name }),
              hint: t('reserved-id.device.hint', { name: reserved.name }),
            }),
      });
    }
  },
});
