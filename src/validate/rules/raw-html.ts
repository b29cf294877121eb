import { eachNode } from '../../parse/each-node.ts';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'raw-html',
  scope: 'file',
  severity: 'error',
  group: 'safety',
  docs: {
    en: `Error. Bodies are Markdown. Raw HTML (\`<script>\`, \`<iframe>\`, \`<div onclick>\`) is never passed to the site or the PDFs,
and this rule says where it was, so nothing disappears unnoticed. HTML comments (notes to editors) are allowed.`,
    sv: `Fel. Texterna är Markdown. Rå HTML (\`<script>\`, \`<iframe>\`, \`<div onclick>\`) förs aldrig vidare till webbplatsen
eller PDF-filerna, och denna regel säger var den fanns, så att inget försvinner obemärkt. HTML-kommentarer
(anteckningar till redaktörerna) är tillåtna.`,
    fi: `Virhe. Tekstit ovat Markdownia. Raakaa HTML:ää (\`<script>\`, \`<iframe>\`, \`<div onclick>\`) ei koskaan välitetä
sivustolle eikä PDF-tiedostoihin, ja tämä sääntö kertoo, missä se oli, jottei mitään katoa huomaamatta.
HTML-kommentit (muistiinpanot toimittajille) ovat sallittuja.`,
  },
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
