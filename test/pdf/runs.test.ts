/**
 * Text runs: neighbouring words drawn alike are written as one text object (src/render/pdf/runs.ts). What a reader
 * sees, copies or hears must not change: every word keeps its page and place.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { loadViewModels } from '../../src/view/load.ts';
import { mergeLineRuns, setRunMerging, type LaidOutInline } from '../../src/render/pdf/runs.ts';
import { pdfWords, pdfText, tempDir, removeTempDirs } from './helpers.ts';

afterAll(removeTempDirs);

const font = { name: 'DejaVuSans' };
const word = (text: string, x: number, width: number, extra: Partial<LaidOutInline> = {}): LaidOutInline => ({
  text, x, width, font, fontSize: 10, color: '#1b1f24', opacity: 1, height: 12, trailingCut: text.endsWith(' ') ? 2.5 : 0, ...extra,
});

describe('mergeLineRuns', () => {
  test('joins words drawn alike into one run that starts where the first did and spans them all', () => {
    const line = [word('Vi ', 0, 12), word('utbildar ', 12, 40), word('personalen', 52, 50)];
    const merged = mergeLineRuns(line);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ text: 'Vi utbildar personalen', x: 0, width: 102, trailingCut: 0 });
    // pdfmake's own objects are left as they were.
    expect(line[0]).toMatchObject({ text: 'Vi ', width: 12 });
  });

  test('keeps apart what is drawn differently: bold, colour, a link, a page number of the contents', () => {
    const bold = { name: 'DejaVuSans-Bold' };
    const line = [
      word('Mål ', 0, 20),
      word('1.2 ', 20, 18, { font: bold }),
      word('se ', 38, 14),
      word('sotkanet.fi ', 52, 50, { link: 'https://sotkanet.fi', color: '#1f3a5f' }),
      word('och ', 102, 18),
      word('12', 120, 10, { _pageNodeRef: { positions: [] } }),
    ];
    expect(mergeLineRuns(line).map((inline) => inline.text)).toEqual(['Mål ', '1.2 ', 'se ', 'sotkanet.fi ', 'och ', '12']);
  });

  test('keeps apart words the layout has moved (justified or aligned text)', () => {
    const line = [word('Vi ', 0, 12), word('utbildar ', 14.5, 40)];
    expect(mergeLineRuns(line)).toHaveLength(2);
  });
});

describe('a rendered document', () => {
  test('every word of the strategy keeps its page and its place, and the file gets smaller', { timeout: 120_000 }, async () => {
    // The real strategy: contents with page numbers, tables, links, lists, headings kept with their text.
    const view = loadViewModels('strategy').views['fi']!;
    const dir = tempDir();
    setRunMerging(false);
    let wordByWord: Buffer;
    try {
      wordByWord = await renderPdfBuffer(view);
    } finally {
      setRunMerging(true);
    }
    const runs = await renderPdfBuffer(view);
    writeFileSync(join(dir, 'words.pdf'), wordByWord);
    writeFileSync(join(dir, 'runs.pdf'), runs);
    expect(pdfText(join(dir, 'runs.pdf'))).toBe(pdfText(join(dir, 'words.pdf')));
    const before = pdfWords(join(dir, 'words.pdf'));
    const after = pdfWords(join(dir, 'runs.pdf'));
    expect(after.map((w) => `${w.page}:${w.word}`)).toEqual(before.map((w) => `${w.page}:${w.word}`));
    expect(before.length).toBeGreaterThan(5_000);
    // Kerning across a break opportunity inside a word (1 234, 2025–2029) may move a glyph by a fraction of a point.
    for (const [index, was] of before.entries()) {
      const now = after[index]!;
      expect(Math.abs(now.xMin - was.xMin), `${was.word} on page ${was.page}`).toBeLessThan(0.5);
      expect(Math.abs(now.yMin - was.yMin), `${was.word} on page ${was.page}`).toBeLessThan(0.01);
    }
    expect(runs.length).toBeLessThan(wordByWord.length);
  });
});
