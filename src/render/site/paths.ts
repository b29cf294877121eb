/**
 * Where the site expects the council PDFs. The PDF renderer writes them to out/pdf/ and the site links
 * /pdf/<name>; this is the one place both sides read the names from.
 */
export const PDF_BASENAME = 'strategy';

/** The file name of the council PDF in one language, e.g. "strategy.sv.pdf". */
export function pdfFileName(lang: string): string {
  return `${PDF_BASENAME}.${lang}.pdf`;
}

/** The site path of the council PDF in one language, e.g. "/pdf/strategy.sv.pdf". */
export function pdfHref(lang: string): string {
  return `/pdf/${pdfFileName(lang)}`;
}
