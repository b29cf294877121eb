import { visit } from 'unist-util-visit';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/** What is wrong with a link or image target, if anything. */
export function linkProblem(url: string, isImage: boolean): string | undefined {
  const trimmed = url.trim().replace(/[\u0000-\u001f\s]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && !allowedSchemes.has(scheme)) return `\`${scheme}:\` address`;
  if (!isImage) return undefined;
  if (scheme) return 'image from another site';
  if (trimmed.startsWith('/') || trimmed.startsWith('\\')) return 'absolute image path';
  return undefined;
}

export default defineRule({
  id: 'unsafe-link',
  summary: 'Links use http(s), mailto or tel; images are files inside strategy/, given by a relative path that stays inside it.',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const depth = file.path.split('/').length - 1;
      visit(file.body, (node) => {
        if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
        const url = (node as { url: string }).url;
        const isImage = node.type === 'image';
        let problem = linkProblem(url, isImage);
        if (!problem && isImage) {
          // Each `..` climbs one folder; climbing above the file's depth leaves strategy/.
          let level = depth;
          for (const part of url.split(/[\\/]/)) {
            if (part === '..') level--;
            else if (part !== '.' && part !== '') level++;
            if (level < 0) {
              problem = 'image path that leaves strategy/';
              break;
            }
          }
        }
        if (!problem) return;
        report({
          file,
          place: node.position as Place,
          message: `Unexpected ${problem} (\`${url.slice(0, 80)}\`), expected ${isImage ? 'an image file inside strategy/, by a relative path' : 'an http(s), mailto or tel link'}`,
          hint: isImage ? 'copy the image into strategy/ beside the text and link it by its relative path' : 'link to a web page with https://',
        });
      });
    }
  },
});
