import { mkdirSync, renameSync, rmSync, writeSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { ViewModel } from '../../view/types.ts';
import { buildDocDefinition } from './document.ts';
import type { DefinitionOptions } from './frame.ts';
import { buildRedlineDefinition } from './redline.ts';
import { fontDescriptors, localAccessPolicy } from './fonts.ts';
import { beginTagging, endDocumentParts, type BlockSink } from './adapter.ts';
import { tagDefinition } from './tags.ts';
import type { TDocumentDefinitions } from './types.ts';

export interface RenderOptions {
  /** The strategy folder: the only place besides the fonts the renderer may read local files from. */
  strategyDir?: string;
  /** The site's public address (SITE_URL, with a slash at the end): the PDFs link to the strategy's pages there. */
  site?: string;
}

/**
 * Renders a document definition (see buildDocDefinition) as a tagged PDF, with no network and no file access beyond
 * fonts and the strategy. Tags the definition in place (tags.ts): render each definition once.
 */
export async function renderDefinition(definition: TDocumentDefinitions, options: RenderOptions = {}): Promise<Buffer> {
  return Buffer.concat(await renderParts(definition, options));
}

/** renderDefinition, the bytes in the blocks the adapter collected them in: those it has not handed to `sink`. */
async function renderParts(definition: TDocumentDefinitions, options: RenderOptions, sink?: BlockSink): Promise<Buffer[]> {
  pdfmake.setFonts(fontDescriptors());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(localAccessPolicy(options.strategyDir ? resolve(options.strategyDir) : undefined));
  // The structure from the definition, the marked content as pdfmake draws, the PDF/A fix-ups before the document ends (adapter.ts).
  const { tree } = tagDefinition(definition);
  const session = beginTagging(tree, sink);
  return endDocumentParts(await pdfmake.createPdf({ ...definition, tagged: true }).getStream(), definition.language, session);
}

/** The PDFs made of one language's view model: the council PDF, and the redline of what changed since the last decision. */
export type PdfKind = 'council' | 'redline';

const definitions: Readonly<Record<PdfKind, (view: ViewModel, options: DefinitionOptions) => TDocumentDefinitions>> = { council: buildDocDefinition, redline: buildRedlineDefinition };

/** The document definition of the council PDF (or the redline) of one language. */
export function pdfDefinition(view: ViewModel, kind: PdfKind = 'council', options: RenderOptions = {}): TDocumentDefinitions {
  return definitions[kind](view, { site: options.site });
}

/** The council PDF (or the redline) of one language as bytes. */
export function renderPdfBuffer(view: ViewModel, options: RenderOptions = {}, kind: PdfKind = 'council'): Promise<Buffer> {
  return renderDefinition(pdfDefinition(view, kind, options), options);
}

/** How one render went: its time, and the rendering process's peak resident memory so far. */
export interface RenderStats {
  path: string;
  ms: number;
  peakRssMB: number;
}

/** renderPdf, timed, with the peak memory of the process that rendered. */
export async function renderPdfWithStats(view: ViewModel, outFile: string, options: RenderOptions = {}, kind: PdfKind = 'council'): Promise<RenderStats> {
  const started = performance.now();
  await renderPdf(view, outFile, options, kind);
  return { path: outFile, ms: performance.now() - started, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

/** writeDefinition, timed from `started`, with the peak memory of the process that rendered. */
export async function writeDefinitionWithStats(definition: TDocumentDefinitions, outFile: string, options: RenderOptions, started: number): Promise<RenderStats> {
  await writeDefinition(definition, outFile, options);
  return { path: outFile, ms: performance.now() - started, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

let temporaryCounter = 0;

/**
 * Writes the PDF atomically: to a temporary file beside the target as it is rendered, then renamed.
 * A failed render or write leaves the previous PDF untouched.
 */
export async function renderPdf(view: ViewModel, outFile: string, options: RenderOptions = {}, kind: PdfKind = 'council'): Promise<void> {
  await writeDefinition(pdfDefinition(view, kind, options), outFile, options);
}

/**
 * Renders a definition into a file atomically (see renderPdf) as it is drawn: each complete block of bytes goes to the
 * temporary file at once (a 300-page PDF is not held whole while it is drawn), the rest when the document ends. A
 * failed render or write removes the temporary file.
 */
async function writeDefinition(definition: TDocumentDefinitions, outFile: string, options: RenderOptions): Promise<void> {
  const target = resolve(outFile);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${++temporaryCounter}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      const write = (part: Uint8Array) => {
        for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
      };
      for (const part of await renderParts(definition, options, write)) write(part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
