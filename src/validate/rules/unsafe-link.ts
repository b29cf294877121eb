import { eachNode } from '../../parse/each-node.ts';
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
  const path = decoded(trimmed);
  if (/^[/\\]/.test(path)) return 'absolute image path';
  // SVG is a document that can carry scripts: opened from the site's own address it would run them.
  if (/\.svgz?$/i.test(path.replace(/[?#].*$/, ''))) return 'SVG image';
  return undefined;
}

/** A URL path with its %-escapes decoded, as a browser or a file reader would see it (`%2e%2e` is `..`). */
function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export default defineRule({
  id: 'unsafe-link',
  summary: 'Links use http(s), mailto or tel; images are files inside strategy/, given by a relative path that stays inside it.',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      const depth = file.path.split('/').length - 1;
      // A definition that an image reference (`![alt][name]`) uses is an image address too.
      const imageNames = new Set<string>();
      eachNode(file.body, (node) => {
        if (node.type === 'imageReference') imageNames.add(node.identifier);
      });
      eachNode(file.body, (node) => {
        if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
        const url = (node as { url: string }).url;
        const isImage = node.type === 'image' || (node.type === 'definition' && imageNames.has(node.identifier));
        let problem = linkProblem(url, isImage);
        if (!problem && isImage) {
          // Each `..` climbs one folder; climbing above the file's depth leaves strategy/.
          let level = depth;
          for (const part of decoded(url).split(/[\\/]/)) {
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
          message: `Unexpected ${problem} (\`${url.slice(0, 80)}\`), expected ${problem === 'SVG image' ? 'a PNG, JPEG or WebP image' : isImage ? 'an image file inside strategy/, by a relative path' : 'an http(s), mailto or tel link'}`,
          hint:
            problem === 'SVG image'
              ? 'export the picture as PNG (or JPEG or WebP): an SVG file can carry scripts'
              : isImage
                ? 'copy the image into strategy/ beside the text and link it by its relative path'
                : 'link to a web page with https://',
        });
      });
    }
  },
});
