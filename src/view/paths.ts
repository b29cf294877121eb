import type { ViewModel } from './types.ts';
import { specialSlug, type SpecialPage } from '../model/reserved-ids.ts';

type Named = Pick<ViewModel, 'lang'> & { root: Pick<ViewModel['root'], 'id'> };

/**
 * The file name of one language's council PDF: <document id>-<lang>.pdf, e.g. service-strategy-2025-2029-sv.pdf.
 * The PDF renderer writes it to out/pdf/ and the site links /pdf/<name>; this is the one place both read it from.
 */
export function pdfFileName(view: Named): string {
  return `${view.root.id}-${view.lang}.pdf`;
}

/** The site path of one language's council PDF, e.g. "/pdf/service-strategy-2025-2029-sv.pdf". */
export function pdfHref(view: Named): string {
  return `/pdf/${pdfFileName(view)}`;
}

/** The file name of one language's redline (what changed since the last decision): service-strategy-2025-2029-sv-changes.pdf. */
export function redlinePdfFileName(view: Named): string {
  return pdfFileName(view).replace(/\.pdf$/, '-changes.pdf');
}

/** The site path of one language's redline, e.g. "/pdf/service-strategy-2025-2029-sv-changes.pdf". */
export function redlinePdfHref(view: Named): string {
  return `/pdf/${redlinePdfFileName(view)}`;
}

/** The languages whose search looks up base forms, and the table of them the build writes (src/render/site/search-forms.ts). */
export const lemmatisedLanguages: readonly string[] = ['fi'];

/** The site path of one language's table of base forms and their forms on the pages, e.g. "/search-forms.fi.json". */
export function searchFormsHref(lang: string): string {
  return `/search-forms.${lang}.json`;
}

/**
 * The address on the published site (`site`: SITE_URL's, with a slash at the end) of a language's front page, or of
 * one of the site's own pages: https://owner.github.io/strategy/sv/andringar/. What the PDFs link back to.
 */
export function webAddress(site: string, lang: string, page?: SpecialPage): string {
  return `${site}${lang}/${page ? `${specialSlug(lang, page)}/` : ''}`;
}
