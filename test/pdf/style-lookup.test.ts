/**
 * The style lookup that replaces pdfmake's (src/render/pdf/style-lookup.ts) must give pdfmake's answers: the same
 * PDF, byte for byte, and the same value for every question on stacks built to probe the order of precedence.
 */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { loadViewModels } from '../../src/view/load.ts';
import { renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { installStyleLookup, lookUpStyle, setStyleLookup } from '../../src/render/pdf/style-lookup.ts';

const require = createRequire(import.meta.url);
const StyleContextStack = (require('pdfmake/js/StyleContextStack.js') as { default: new (styles: object, defaults: object) => { push(item: unknown): void } }).default;

describe('lookUpStyle answers as pdfmake does', () => {
  const styles = {
    h2: { fontSize: 13.5, bold: true, color: '#1f3a5f' },
    cell: { fontSize: 9, font: 'DejaVuSansCondensed' },
    quiet: { color: '#5b6470', extends: 'cell' },
    loud: { extends: ['quiet', 'h2'], decoration: 'underline' },
    loopA: { extends: 'loopB' },
    loopB: { extends: 'loopA', italics: true },
    nothing: { color: null },
  };
  const defaults = { fontSize: 10, font: 'DejaVuSans', lineHeight: 1.15 };
  const properties = ['fontSize', 'font', 'bold', 'italics', 'color', 'decoration', 'lineHeight', 'link', 'opacity', 'noWrap'];
  const stacks: unknown[][] = [[], ['cell'], [{ color: 'red' }, 'quiet'], ['h2', { fontSize: 20, bold: false }], ['loud', 'loopA'], [{ section: true }, 'nothing']];
  const items: unknown[] = [
    'plain string',
    {},
    { text: 'x', fontSize: 7 },
    { text: 'x', style: 'h2' },
    { text: 'x', style: ['cell', 'quiet'] },
    { text: 'x', style: ['loud'], color: null },
    { text: 'x', style: 'loopB' },
    { text: 'x', style: 'missing' },
    { text: 'x', section: 'yes', style: 'h2' },
    { text: 'x', bold: false, italics: undefined },
  ];
  const pdfmakes = StyleContextStack as unknown as { getStyleProperty: typeof lookUpStyle };
  // pdfmake's own function, put back in place (a render in this process may have replaced it).
  const original = (() => {
    setStyleLookup(false);
    installStyleLookup();
    const theirs = pdfmakes.getStyleProperty;
    setStyleLookup(true);
    return theirs;
  })();

  test.each(stacks.map((overrides, index) => [index, overrides] as const))('stack %i', (_index, overrides) => {
    let compared = 0;
    for (const item of items) {
      for (const property of properties) {
        const makeStack = () => {
          const stack = new StyleContextStack(styles, defaults);
          for (const entry of overrides) stack.push(entry);
          return stack as never;
        };
        const expected = original.call(StyleContextStack, item, makeStack(), property, 'fallback');
        expect(lookUpStyle(item, makeStack(), property, 'fallback'), `${JSON.stringify(item)} ${property}`).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBe(items.length * properties.length);
    expect(lookUpStyle({ text: 'x' }, undefined, 'fontSize', 12)).toBe(12);
  });
});

describe('a rendered document', () => {
  test('is the same PDF, byte for byte, with pdfmake\'s lookup and with this one', { timeout: 120_000 }, async () => {
    const { views } = loadViewModels('strategy');
    for (const view of Object.values(views)) {
      setStyleLookup(false);
      let theirs: Buffer;
      try {
        theirs = await renderPdfBuffer(view, { strategyDir: 'strategy' });
      } finally {
        setStyleLookup(true);
      }
      const ours = await renderPdfBuffer(view, { strategyDir: 'strategy' });
      expect(ours.length).toBe(theirs.length);
      expect(ours.equals(theirs), view.lang).toBe(true);
    }
  });
});
