import { eachNode } from '../../parse/each-node.ts';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';

export default defineRule({
  id: 'raw-html',
  summary: 'Bodies are Markdown only: raw HTML is never published, so it is reported instead of silently dropped.',
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
          message: `Unexpected raw HTML${tag ? ` \`<${tag}>\`` : ''}, expected Markdown`,
          hint: 'write it in Markdown: **bold**, lists, tables and [links](https://...) cover what a strategy needs; raw HTML is left out of the site and the PDFs',
        });
      });
    }
  },
});
