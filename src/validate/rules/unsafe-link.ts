import { eachNode } from '../../parse/each-node.ts';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

type Problem = { is: 'scheme'; scheme: string } | { is: 'remote-image' | 'absolute-image' | 'svg' | 'leaves' };

/** What is wrong with a link or image target, if anything. */
function linkProblem(url: string, isImage: boolean): Problem | undefined {
  const trimmed = url.trim().replace(/[\u0000-\u001f\s]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && !allowedSchemes.has(scheme)) return { is: 'scheme', scheme };
  if (!isImage) return undefined;
  if (scheme) return { is: 'remote-image' };
  const path = decoded(trimmed);
  if (/^[/\\]/.test(path)) return { is: 'absolute-image' };
  // SVG is a document that can carry scripts: opened from the site's own address it would run them.
  if (/\.svgz?$/i.test(path.replace(/[?#].*$/, ''))) return { is: 'svg' };
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
  scope: 'file',
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
              problem = { is: 'leaves' };
              break;
            }
          }
        }
        if (!problem) return;
        report({
          file,
          place: node.position as Place,
          message: t('unsafe-link', {
            problem: problem.is === 'scheme' ? t('unsafe-link.scheme', { scheme: `${problem.scheme}:` }) : t(`unsafe-link.${problem.is}`),
            url: url.slice(0, 80),
            expected: t(problem.is === 'svg' ? 'unsafe-link.expected.svg' : isImage ? 'unsafe-link.expected.image' : 'unsafe-link.expected.link'),
          }),
          hint: t(problem.is === 'svg' ? 'unsafe-link.svg.hint' : isImage ? 'unsafe-link.image.hint' : 'unsafe-link.link.hint'),
        });
      });
    }
  },
});
