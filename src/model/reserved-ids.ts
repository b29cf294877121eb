/**
 * Ids that an item cannot have, declared once: the site's own pages, which live where items live (/<lang>/<slug>/),
 * and the names Windows keeps for devices, which no folder can have there (an item's page is a folder, and an
 * editor on Windows could not check it out). site/src/lib/routes.ts takes its pages and slugs from here, and the
 * `reserved-id` rule refuses the same ids, so the two cannot drift apart.
 */

/** The site's own pages. */
export const specialPages = ['map', 'search', 'accessibility', 'download', 'data', 'changes'] as const;
export type SpecialPage = (typeof specialPages)[number];

/** Localised slugs of the site's own pages; a language without its own slugs falls back to the page's key. */
const slugs: Readonly<Record<string, Readonly<Record<SpecialPage, string>>>> = {
  sv: { map: 'strategikarta', search: 'sok', accessibility: 'tillganglighetsutlatande', download: 'ladda-ner', data: 'oppna-data', changes: 'andringar' },
  fi: { map: 'strategiakartta', search: 'haku', accessibility: 'saavutettavuusseloste', download: 'lataa', data: 'avoin-data', changes: 'muutokset' },
};

/** A page's slug in a language: /<lang>/<slug>/. */
export function specialSlug(lang: string, page: SpecialPage): string {
  return slugs[lang]?.[page] ?? page;
}

/** CON, PRN, AUX, NUL, COM1–9 and LPT1–9 (also COM¹–³, LPT¹–³), in any case, alone or before a dot (`con.x`). */
const windowsDevice = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])(\..*)?$/is;

export type Reservation = { by: 'page'; page: SpecialPage; lang: string; slug: string } | { by: 'windows'; name: string };

/**
 * Why an id is reserved, or undefined when it is free: a slug of one of the site's pages in any of the languages
 * (compared without case, as the file systems of macOS and Windows do), or a Windows device name.
 */
export function reservation(id: string, languages: readonly string[]): Reservation | undefined {
  const lower = id.toLowerCase();
  for (const lang of languages) {
    for (const page of specialPages) {
      const slug = specialSlug(lang, page);
      if (slug.toLowerCase() === lower) return { by: 'page', page, lang, slug };
    }
  }
  const device = windowsDevice.exec(id);
  return device ? { by: 'windows', name: device[1]!.toUpperCase() } : undefined;
}
