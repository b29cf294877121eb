/**
 * Size: a document of about 300 pages, and the real strategy when it passes check. How fast and in how much
 * memory a 300-page document renders is measured by `npm run bench` (bench/RESULTS.md, part f), never here.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { CheckFailedError } from '../../src/pipeline.ts';
import { loadViewModels } from '../../src/view/load.ts';
import { renderPdfBuffer, isCouncilRow } from '../../src/render/pdf/index.ts';
import type { ViewModel } from '../../src/view/types.ts';
import { miniViews, pdfFonts, pdfInfo, pdfText, tempDir, removeTempDirs } from './helpers.ts';
import { syntheticView } from './synthetic.ts';

afterAll(removeTempDirs);

describe('scale', () => {
  test('a 300-page document renders whole: every page, and the last goal on the last pages', { timeout: 120_000 }, async () => {
    const view = syntheticView(miniViews()['sv']!, 36, 10);
    const path = join(tempDir(), 'large.pdf');
    writeFileSync(path, await renderPdfBuffer(view));
    const pages = Number(pdfInfo(path)['Pages']);
    expect(pages).toBeGreaterThanOrEqual(280);
    const last = view.order.map((id) => view.items[id]!).filter(isCouncilRow).at(-1)!;
    expect(pdfText(path, pages - 40, pages)).toContain(last.title);
  });

  test('the real strategy, when it passes check: every goal in both languages', { timeout: 120_000 }, async (context) => {
    let views: Record<string, ViewModel>;
    try {
      views = loadViewModels('strategy').views;
    } catch (error) {
      if (error instanceof CheckFailedError) return context.skip(`strategy/ does not pass check yet: ${error.message}`);
      throw error;
    }
    const dir = tempDir();
    for (const [lang, view] of Object.entries(views)) {
      const path = join(dir, `${lang}.pdf`);
      writeFileSync(path, await renderPdfBuffer(view, { strategyDir: 'strategy' }));
      const text = pdfText(path);
      for (const goal of view.order.map((id) => view.items[id]!).filter(isCouncilRow)) expect(text, `${lang}: ${goal.id}`).toContain(goal.title);
      for (const font of pdfFonts(path)) expect(font.embedded).toBe(true);
    }
  });
});
