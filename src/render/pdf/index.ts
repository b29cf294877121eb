/** The council PDF: one per language, from the view model. */
export { buildDocDefinition, linkTargetCodes, isCouncilRow, isMeasure, isSection } from './document.ts';
export { renderPdf, renderPdfBuffer, renderDefinition, type RenderOptions } from './render.ts';
export { renderPdfFiles, pdfFileName, type PdfFilesOptions } from './files.ts';
export { mdastToPdf } from './mdast.ts';
export { pdfLocales, pdfStrings, type PdfStrings } from './locale.ts';
export type { TDocumentDefinitions, Content } from './types.ts';
