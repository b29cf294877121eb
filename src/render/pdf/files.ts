import { join } from 'node:path';
import type { ViewModel } from '../../view/types.ts';
import { renderPdf, type RenderOptions } from './render.ts';
import { pdfFileName } from '../site/paths.ts';

export { pdfFileName };

/** Writes one PDF per language into outDir (each atomically) and returns their paths. */
export async function renderPdfFiles(views: Readonly<Record<string, ViewModel>>, outDir: string, options: RenderOptions = {}): Promise<string[]> {
  const paths: string[] = [];
  // One at a time: a PDF's layout holds the whole document in memory.
  for (const view of Object.values(views)) {
    const path = join(outDir, pdfFileName(view));
    await renderPdf(view, path, options);
    paths.push(path);
  }
  return paths;
}
