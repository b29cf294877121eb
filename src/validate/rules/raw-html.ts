import { eachNode } from '../../parse/each-node.ts';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'raw-html',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      eachNode(file.body, (node) => {
        if (node.type !== 'html') return;
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
        const tag = /<\/?([a-z][a-z0-9-]*)/i.exec(node.value)?.[1]?.toLowerCase();
        report({
          file,
          place: node.position as Place,
          message: tag ? t('raw-html.tag', { tag: `<${tag}>` }) : t('raw-html'),
          hint: t('raw-html.hint'),
        });
      });
    }
  },
});
