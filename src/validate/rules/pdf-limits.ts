import type { Nodes } from 'mdast';
import { defineRule } from '../rule.ts';
import type { Place } from '../../model/types.ts';
import { fontCoverage, maxListDepth, maxTableColumns, maxTitleWord } from '../../fonts/limits.ts';
import { fieldName, findInFrontMatter } from '../parsed-text.ts';
import { t } from '../../messages/index.ts';

/** Characters that draw nothing and are judged by other rules (white space, controls, hidden characters, lone surrogates). */
const notDrawn = /[\s\p{Cc}\p{Cf}\p{Cs}]/u;

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;


/** The message for the characters of `text` that `covered` lacks, or undefined when every one is drawn. */
function undrawable(text: string, covered: ReadonlySet<number>, font: string): string | undefined {
  // Character by character, without a copy of the text: nearly every character is in the font.
  let found: Set<string> | undefined;
  for (const char of text) {
    if (covered.has(char.codePointAt(0)!) || notDrawn.test(char)) continue;
    (found ??= new Set()).add(char);
  }
  if (!found) return undefined;
  const missing = [...found];
  const shown = missing.slice(0, 5).map((char) => `\`${char}\` (${codePoint(char)})`).join(', ');
  const more = missing.length > 5 ? t('pdf-limits.more', { n: missing.length - 5 }) : '';
  return t(missing.length === 1 ? 'pdf-limits.character' : 'pdf-limits.characters', { shown: `${shown}${more}`, font });
}

export default defineRule({
  id: 'pdf-limits',
  scope: 'file',
  severity: 'error',
  group: 'safety',
  docs: {
    en: `Error. A file holds nothing the council PDFs would lose: a table has at most 12 columns (more run off the page), a
list nests at most 10 levels (deeper ones are squeezed away in a council table's goal column), and every character
has a glyph in the embedded fonts, DejaVu Sans for text and DejaVu Sans Mono for code (others print as empty boxes and
are missing from the PDF's text; CJK and emoji are not covered). The limits are stated once, in
\`src/fonts/limits.ts\`, and the covered characters are read from the font files themselves (with fontkit).
Reported at the table, the list or the text that holds the character; for front-matter (titles, units, responsible
and every other text the PDF prints), at the value. A word of more than 40 characters in a translatable
front-matter field (a title, a unit) is refused too: the PDF prints those in headings and narrow table columns, where
it does not break them.`,
    sv: `Fel. En fil innehåller inget som fullmäktiges PDF-filer skulle tappa: en tabell har högst 12 kolumner (fler går utanför
sidan), en lista har högst 10 nivåer (djupare trycks ihop i en fullmäktigetabells målkolumn), och varje tecken har en
glyf i de inbäddade typsnitten, DejaVu Sans för text och DejaVu Sans Mono för kod (andra blir tomma rutor och saknas i
PDF-filens text; CJK och emoji ingår inte). Gränserna anges på ett ställe, i \`src/fonts/limits.ts\`, och tecknen
läses ur själva typsnittsfilerna (med fontkit). Rapporteras vid tabellen, listan eller texten som har tecknet; för
front-matter (rubriker, enheter, ansvariga och all annan text som PDF-filen skriver ut) vid värdet. Ett ord på mer än
40 tecken i ett översättningsbart fält i front-matter (en rubrik, en enhet) godtas inte heller: PDF-filen skriver ut
dem i rubriker och smala tabellkolumner, där den inte bryter dem.`,
    fi: `Virhe. Tiedostossa ei ole mitään, mikä katoaisi valtuuston PDF-tiedostoista: taulukossa on enintään 12 saraketta
(useammat menevät sivun yli), luettelossa enintään 10 tasoa (syvemmät puristuvat valtuustotaulukon
tavoitesarakkeessa), ja jokaisella merkillä on glyfi upotetuissa fonteissa, tekstissä DejaVu Sans ja koodissa DejaVu
Sans Mono (muut tulostuvat tyhjinä laatikoina ja puuttuvat PDF:n tekstistä; CJK-merkit ja emojit eivät kuulu
mukaan). Rajat ovat yhdessä paikassa, tiedostossa \`src/fonts/limits.ts\`, ja merkit luetaan itse
fonttitiedostoista (fontkit-kirjastolla). Ilmoitetaan taulukon, luettelon tai merkin sisältävän tekstin kohdalla;
front matterissa (otsikot, yksiköt, vastuutahot ja kaikki muu PDF:ään tulostuva teksti) arvon kohdalla. Myöskään yli
40 merkin sanaa käännettävässä front matterin kentässä (otsikko, yksikkö) ei hyväksytä: PDF tulostaa ne otsikoihin ja
kapeisiin taulukon sarakkeisiin, joissa se ei katkaise niitä.`,
  },
  run({ graph, report }) {
    const fonts = fontCoverage();
    for (const file of graph.files) {
      const walk = (node: Nodes, lists: number): void => {
        const place = node.position as Place;
        if (node.type === 'table') {
          const columns = Math.max(0, ...node.children.map((row) => row.children.length));
          if (columns > maxTableColumns) {
            report({
              file,
              place,
              message: t('pdf-limits.table', { columns, max: maxTableColumns }),
              hint: t('pdf-limits.table.hint', { max: maxTableColumns }),
            });
          }
        }
        const depth = node.type === 'list' ? lists + 1 : lists;
        if (node.type === 'list' && depth === maxListDepth + 1) {
          report({
            file,
            place,
            message: t('pdf-limits.list', { depth, max: maxListDepth }),
            hint: t('pdf-limits.list.hint', { max: maxListDepth }),
          });
        }
        if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
          const message = undrawable(node.value, node.type === 'text' ? fonts.text : fonts.code, node.type === 'text' ? 'DejaVu Sans' : 'DejaVu Sans Mono');
          if (message) report({ file, place, message, hint: t('pdf-limits.character.hint') });
        }
        if ('children' in node) for (const child of node.children) walk(child, depth);
      };
      walk(file.body, 0);
      // Titles and the other front-matter text the PDF prints (the cover, headings, table cells, facts).
      const kind = typeof file.data?.['kind'] === 'string' ? file.data['kind'] : undefined;
      const translatable = (kind && graph.schema.kinds.get(kind)?.translatableFields) || new Set<string>();
      for (const { path, value } of findInFrontMatter(file.data, (value, at) => at === 'value' && typeof value === 'string')) {
        const message = undrawable(value as string, fonts.text, 'DejaVu Sans');
        if (message) report({ file, path, message: t('pdf-limits.in-field', { message, field: fieldName(path) }), hint: t('pdf-limits.character.hint') });
        if (!translatable.has(String(path[0]))) continue;
        const longest = Math.max(0, ...(value as string).split(/\s+/u).map((word) => [...word].length));
        if (longest > maxTitleWord) {
          report({
            file,
            path,
            message: t('pdf-limits.word', { n: longest, field: fieldName(path), max: maxTitleWord }),
            hint: t('pdf-limits.word.hint'),
          });
        }
      }
    }
  },
});
