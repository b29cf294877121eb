/** One formatter per language: building an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: string): Intl.NumberFormat {
  let format = formatters.get(lang);
  if (!format) {
    const locale = lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : lang;
    formatters.set(lang, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: true })));
  }
  return format;
}

/** Numbers as Swedish and Finnish civil servants write them: decimal comma, a no-break space between thousands. */
export function formatNumber(value: number, lang: string): string {
  return formatter(lang)
    .format(value)
    .replace(/[\u202f\s]/g, '\u00a0')
    .replace(/\u2212/g, '−');
}

const yesNo: Record<string, [string, string]> = { sv: ['ja', 'nej'], fi: ['kyllä', 'ei'] };

/** A measure value with its unit: "94 %", "7 dygn", "ja". */
export function formatValue(value: unknown, lang: string, unit?: unknown): string {
  if (typeof value === 'boolean') return (yesNo[lang] ?? ['yes', 'no'])[value ? 0 : 1];
  if (typeof value !== 'number') return String(value ?? '');
  const number = formatNumber(value, lang);
  return typeof unit === 'string' && unit.length > 0 ? `${number}\u00a0${unit}` : number;
}
