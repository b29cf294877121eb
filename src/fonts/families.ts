/**
 * The fonts the council PDFs draw with, DejaVu from its npm package: the files of each family. The PDF renderer
 * embeds them, and the pdf-limits rule reads what they cover (limits.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** DejaVu's TrueType files (never WOFF2: pdfkit embeds TrueType). */
export const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Font families by the name the document definition uses. DejaVu covers åäöÅÄÖšž€ and typographic quotes. */
export const fontFamilies = {
  DejaVuSans: {
    normal: join(fontDir, 'DejaVuSans.ttf'),
    bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
    italics: join(fontDir, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(fontDir, 'DejaVuSans-BoldOblique.ttf'),
  },
  // The narrow cut for the wide tables on landscape pages.
  DejaVuSansCondensed: {
    normal: join(fontDir, 'DejaVuSansCondensed.ttf'),
    bold: join(fontDir, 'DejaVuSansCondensed-Bold.ttf'),
    italics: join(fontDir, 'DejaVuSansCondensed-Oblique.ttf'),
    bolditalics: join(fontDir, 'DejaVuSansCondensed-BoldOblique.ttf'),
  },
  DejaVuSansMono: {
    normal: join(fontDir, 'DejaVuSansMono.ttf'),
    bold: join(fontDir, 'DejaVuSansMono-Bold.ttf'),
    italics: join(fontDir, 'DejaVuSansMono-Oblique.ttf'),
    bolditalics: join(fontDir, 'DejaVuSansMono-BoldOblique.ttf'),
  },
} as const;

export type FontName = keyof typeof fontFamilies;
