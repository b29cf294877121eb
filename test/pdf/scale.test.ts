/**
 * Size: a document of about 300 pages renders whole. (The real strategy's PDFs are read back in
 * test/view/presentation.test.ts, from its build.) How fast and in how much memory a 300-page document renders is
 * measured by `npm run bench` (bench/RESULTS.md, part f), never here.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { renderPdfBuffer, isCouncilRow } from '../../src/render/pdf/index.ts';
import { miniViews, pdfInfo, pdfText, tempDir, removeTempDirs } from './helpers.ts';
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
});
