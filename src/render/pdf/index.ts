/** The council PDF and the redline of what changed since the last decision: one each per language, from the view model. */
export { buildDocDefinition, linkTargetCodes, isCouncilRow, isMeasure, isSection } from './document.ts';
export { buildRedlineDefinition, redlineTitle } from './redline.ts';
export { renderPdf, renderPdfBuffer, renderDefinition, type PdfKind, type RenderOptions } from './render.ts';
export { renderPdfFiles, pdfFileName, redlinePdfFileName, type PdfFilesOptions } from './files.ts';
export { mdastToPdf } from './mdast.ts';
export { pdfLocales, pdfStrings, type PdfStrings } from './locale.ts';
export type { TDocumentDefinitions, Content } from './types.ts';
