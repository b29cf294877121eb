/**
 * Text runs: pdfmake lays text out word by word and writes every word as its own text object, with its colour,
 * opacity and font set again each time (its Renderer says so in a TODO: "lines without differently styled
 * inlines should be written to pdf as one stream"). For a council document of 300 pages that is about 100,000
 * text objects; most of pdfkit's work and much of the memory go into them.
 *
 * mergeTextRuns joins neighbouring words of a laid-out line into one run when nothing that pdfmake writes per
 * word differs between them and the second starts exactly where the first ends. The glyphs land where they
 * did, the text a reader copies or a screen reader hears is the same, and a link becomes one annotation per
 * line instead of one per word. installRunMerging hooks it in between pdfmake's layout and its rendering.
 */
import { createRequire } from 'node:module';

/** A word as pdfmake's layout leaves it (pdfmake 0.3, js/TextInlines.js and js/Line.js). */
export interface LaidOutInline {
  text: string;
  x: number;
  width: number;
  trailingCut?: number;
  _pageNodeRef?: unknown;
  justifyShift?: number;
  [property: string]: unknown;
}

interface LaidOutPage {
  items: { type: string; item: { inlines?: LaidOutInline[] } }[];
}

/** Every property pdfmake's Renderer and TextDecorator read from an inline to draw it, besides text, x and width. */
const DRAWN_AS = [
  'font', 'fontSize', 'fontFeatures', 'characterSpacing', 'color', 'opacity', 'height',
  'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background',
  'link', 'linkToPage', 'linkToDestination', 'sup', 'sub', 'justifyShift',
] as const;

/** Positions are sums of the same widths; anything beyond rounding means the layout moved the word. */
const SAME_POSITION = 1e-6;

function joinable(previous: LaidOutInline, next: LaidOutInline): boolean {
  // Page-number placeholders (table of contents) are rewritten per inline while rendering.
  if (previous._pageNodeRef !== undefined || next._pageNodeRef !== undefined) return false;
  if (Math.abs(previous.x + previous.width - next.x) > SAME_POSITION) return false;
  return DRAWN_AS.every((property) => previous[property] === next[property]);
}

/** Joins a line's neighbouring words that are drawn alike; returns the line's inlines, fewer or the same. */
export function mergeLineRuns(inlines: readonly LaidOutInline[]): LaidOutInline[] {
  const merged: LaidOutInline[] = [];
  let run: LaidOutInline | undefined;
  let copied = false;
  for (const inline of inlines) {
    if (run && joinable(run, inline)) {
      if (!copied) {
        // The first word's object may be shared with pdfmake's own structures: join into a copy.
        run = { ...run };
        merged[merged.length - 1] = run;
        copied = true;
      }
      run.text += inline.text;
      run.width += inline.width;
      run.trailingCut = inline.trailingCut ?? 0;
    } else {
      merged.push(inline);
      run = inline;
      copied = false;
    }
  }
  return merged;
}

/** Merges the runs of every text line on the laid-out pages, in place. */
export function mergeTextRuns(pages: readonly LaidOutPage[]): void {
  for (const page of pages) {
    for (const entry of page.items) {
      const line = entry.item;
      if (entry.type === 'line' && Array.isArray(line.inlines) && line.inlines.length > 1) line.inlines = mergeLineRuns(line.inlines);
    }
  }
}

interface RendererClass {
  prototype: { renderPages: (pages: LaidOutPage[]) => void; [hooked]?: boolean };
}

const hooked = Symbol('strategy.mergeTextRuns');
let merging = true;

/** Turns the merging off or on for the renders that follow (to compare against pdfmake's own output). */
export function setRunMerging(enabled: boolean): void {
  merging = enabled;
}

/**
 * Runs mergeTextRuns on the pages pdfmake hands to its Renderer. Once per process; if pdfmake's Renderer is not
 * where or what this expects (another version), nothing is hooked and pdfmake writes word by word as before.
 */
export function installRunMerging(): boolean {
  let renderer: RendererClass | undefined;
  try {
    const module = createRequire(import.meta.url)('pdfmake/js/Renderer.js') as { default?: RendererClass };
    renderer = module.default;
  } catch {
    return false;
  }
  const prototype = renderer?.prototype;
  if (!prototype || typeof prototype.renderPages !== 'function') return false;
  if (prototype[hooked]) return true;
  const renderPages = prototype.renderPages;
  prototype.renderPages = function (this: unknown, pages: LaidOutPage[]) {
    if (merging && Array.isArray(pages)) mergeTextRuns(pages);
    return renderPages.call(this, pages);
  };
  prototype[hooked] = true;
  return true;
}
