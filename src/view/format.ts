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

/** Years as one writes them: consecutive runs as ranges, "2025–2027, 2029". */
export function yearsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(j - i >= 1 ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return ranges.join(', ');
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A date as written in running text: "16 juni 2025", "16. kesäkuuta 2025". Not a date: the text as it is. */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormatters.get(lang);
  if (!format) dateFormatters.set(lang, (format = new Intl.DateTimeFormat(`${lang}-FI`, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(date);
}

/** A template with {name} placeholders filled in; a placeholder without a value stays as it is. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
