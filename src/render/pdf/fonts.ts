import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The project folder (three levels above src/render/pdf/). */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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

/** A fresh copy: pdfmake rewrites the descriptors it is given. */
export function fontDescriptors(): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  return Object.fromEntries(Object.entries(fontFamilies).map(([name, files]) => [name, { ...files }]));
}

export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The local files pdfmake may read: the DejaVu fonts, the project's assets/fonts and the strategy folder.
 * Everything else (and every URL) is refused.
 */
export function localAccessPolicy(strategyDir?: string): (path: string) => boolean {
  const allowed = [fontDir, join(projectDir, 'assets', 'fonts'), ...(strategyDir ? [strategyDir] : [])];
  return (path: string) => typeof path === 'string' && allowed.some((folder) => isInside(path, folder));
}
