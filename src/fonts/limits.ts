/**
 * What the council PDFs can show, stated once: the `pdf-limits` rule refuses, at the Markdown node, content beyond
 * these limits, which the PDF would otherwise lose without a word.
 */
import { createRequire } from 'node:module';
import { fontFamilies } from './families.ts';

const require = createRequire(import.meta.url);

/** Columns a Markdown table may have: pdfmake draws columns beyond what the narrowest text width holds off the page. */
export const maxTableColumns = 12;

/**
 * Levels a list may nest (a list in a list is two): each level indents its text, and in the council tables' goal
 * column the levels beyond this are squeezed to a letter a line and then left out.
 */
export const maxListDepth = 10;

interface FontFile {
  characterSet: number[];
}

/** The code points every face of the given families has a glyph for, read from the font files themselves. */
function covered(families: readonly (keyof typeof fontFamilies)[]): Set<number> {
  const fontkit = require('fontkit') as { openSync(path: string): FontFile };
  let set: Set<number> | undefined;
  for (const family of families) {
    for (const path of Object.values(fontFamilies[family])) {
      const points = new Set(fontkit.openSync(path).characterSet);
      set = set ? new Set([...set].filter((point) => points.has(point))) : points;
    }
  }
  return set ?? new Set();
}

let coverage: { text: ReadonlySet<number>; code: ReadonlySet<number> } | undefined;

/**
 * The longest word (a run without white space) of the front-matter text the PDF prints in headings and narrow
 * table columns (titles, units, responsible: the translatable fields), which are laid out at many widths and not
 * broken. The longest word of the shipped strategy's titles has 29 characters.
 */
export const maxTitleWord = 40;

/** The code points the PDFs can draw: text (DejaVu Sans and its condensed cut) and code (DejaVu Sans Mono). Read once. */
export function fontCoverage(): { text: ReadonlySet<number>; code: ReadonlySet<number> } {
  coverage ??= { text: covered(['DejaVuSans', 'DejaVuSansCondensed']), code: covered(['DejaVuSansMono']) };
  return coverage;
}
