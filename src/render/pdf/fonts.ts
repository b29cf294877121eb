import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontDir, fontFamilies } from '../../fonts/families.ts';

export { fontDir };

/** The project folder (three levels above src/render/pdf/). */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');


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
