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
  group: 'safety',
  docs: {
    en: `Error. Links use \`https:\`, \`http:\`, \`mailto:\` or \`tel:\`; \`javascript:\`, \`data:\` and other schemes are reported. Images
are files inside strategy/, given by a relative path: absolute paths, paths that climb out of strategy/ with \`../\`
and images from other sites are reported (a build never fetches anything from the network or outside the project).
An image given by a reference (\`![alt][name]\`) is checked at its definition, and \`%\`-escapes are decoded before the
path is judged (\`%2e%2e/\` is \`../\`). SVG images are reported: an SVG file can carry scripts that run when it is opened
from the site's own address; export diagrams as PNG, JPEG or WebP.`,
    sv: `Fel. Länkar använder \`https:\`, \`http:\`, \`mailto:\` eller \`tel:\`; \`javascript:\`, \`data:\` och andra scheman rapporteras.
Bilder är filer i strategy/, angivna med en relativ sökväg: absoluta sökvägar, sökvägar som med \`../\` leder ut ur
strategy/ och bilder från andra webbplatser rapporteras (ett bygge hämtar aldrig något från nätet eller utanför
projektet). En bild som anges med en referens (\`![alt][namn]\`) kontrolleras vid sin definition, och \`%\`-koder
avkodas innan sökvägen bedöms (\`%2e%2e/\` är \`../\`). SVG-bilder rapporteras: en SVG-fil kan innehålla skript som körs
när den öppnas från webbplatsens egen adress; exportera diagram som PNG, JPEG eller WebP. CMS:et sparar ett objekts
bilder i \`images/\` bredvid det och länkar dem relativt, vilket denna regel godtar.`,
    fi: `Virhe. Linkit käyttävät muotoja \`https:\`, \`http:\`, \`mailto:\` tai \`tel:\`; muodoista \`javascript:\`, \`data:\` ja muista
ilmoitetaan. Kuvat ovat strategy/-kansion tiedostoja suhteellisella polulla: absoluuttisista poluista, \`../\`-poluista,
jotka johtavat strategy/-kansion ulkopuolelle, ja muiden sivustojen kuvista ilmoitetaan (koonti ei koskaan hae mitään
verkosta eikä projektin ulkopuolelta). Viittauksella (\`![alt][nimi]\`) annettu kuva tarkistetaan määrittelynsä
kohdalla, ja \`%\`-koodit puretaan ennen polun arviointia (\`%2e%2e/\` on \`../\`). SVG-kuvista ilmoitetaan: SVG-tiedosto
voi sisältää komentosarjoja, jotka suoritetaan, kun se avataan sivuston omasta osoitteesta; tallenna kaaviot PNG-,
JPEG- tai WebP-muodossa. CMS tallentaa kohteen kuvat sen viereen kansioon \`images/\` ja linkittää ne suhteellisesti,
minkä tämä sääntö hyväksyy.`,
  },
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
