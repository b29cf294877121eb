/**
 * Numbers in Swedish and Finnish prose, reduced to keys that are equal when the two language
 * versions state the same quantity. Cross-language rules compare the keys of twin blocks: a
 * number present in one language and absent in the other is a likely translation error.
 *
 * Keys:
 *   `12500`, `-5`, `3.5`            plain numbers (thousands separators dropped, decimal point)
 *   `94%`, `2pp`, `11§`, `3‰`       numbers with a unit that changes their meaning
 *   `2025-03-07`, `--03-07`          dates, with or without a year
 *   `time:09:30`                     clock times
 *   `law:612/2021`                   statute numbers (number/year)
 *   `seq:1.2.3`                      dotted section numbers and the like
 */

export interface NumberToken {
  /** Canonical form: equal for the same quantity in either language. */
  key: string;
  /** The text as written, including a unit and a Finnish case ending. */
  raw: string;
  /** UTF-16 offset of `raw` in the text. */
  offset: number;
  length: number;
}

/** Space, no-break space and narrow no-break space: the separators allowed in `12 500` and `94 %`. */
const SPACE = '[ \\u00A0\\u202F]';

/**
 * Where a number may start: a digit not glued to a preceding letter or digit (so `SDG3`, `H1N1`
 * and `CO2` are identifiers, not numbers), or `§ 11`, or a minus sign. A dash is a minus only
 * after a space, bracket, quote, comparison sign or another dash (`−5–−3`): after a digit or `%`
 * it joins a range (`2025-2029`, `10 %–20 %`), after a letter it is a hyphen (`covid-19`).
 */
const START_PATTERN = new RegExp(
  `(?<=^|[\\s(\\[{"'“”‘’«»=≈<>~\\-\\u2013\\u2014])[-\\u2013\\u2212](?=\\d)|(?<![\\p{L}\\p{N}_])(?:§${SPACE}?)?(?=\\d)`,
  'gu',
);

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** Finnish month names are `<stem>kuu` + case ending: `maaliskuuta`, `maaliskuussa`. */
const FI_MONTH_STEMS = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];

interface Parsed {
  key: string;
  /** Characters consumed from the start position. */
  length: number;
  /** Plain numbers can take a unit and can form a range; other kinds cannot. */
  plain: boolean;
}

type Parser = (text: string, at: number) => Parsed | undefined;

function sticky(source: string, flags = ''): RegExp {
  return new RegExp(source, `uy${flags}`);
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Digits without separators or leading zeros; string based so long numbers keep every digit. */
function canonicalInteger(digits: string): string {
  return digits.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

function canonicalDecimal(sign: string, integer: string, fraction: string): string {
  const whole = canonicalInteger(integer);
  const decimals = fraction.replace(/0+$/, '');
  const magnitude = decimals === '' ? whole : `${whole}.${decimals}`;
  // `−0` and `-0,0` are zero, not a negative number.
  return sign !== '' && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Rejects 31.2. and 30.13.: such strings are read as something else. */
function dateKey(year: number | undefined, month: number, day: number): string | undefined {
  const probeYear = year ?? 2000; // a leap year, so 29.2. without a year is accepted
  const date = new Date(Date.UTC(probeYear, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return year === undefined ? `--${pad2(month)}-${pad2(day)}` : `${year}-${pad2(month)}-${pad2(day)}`;
}

/** A date written as `pattern`, with the numbers of the groups that hold its year, month and day. */
function dateParser(pattern: string, [year, month, day]: readonly [number, number, number]): Parser {
  const date = sticky(pattern);
  return (text, at) => {
    const m = matchAt(date, text, at);
    if (!m) return undefined;
    const key = dateKey(Number(m[year]), Number(m[month]), Number(m[day]));
    return key === undefined ? undefined : { key, length: m[0].length, plain: false };
  };
}

const parseIsoDate = dateParser('(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)', [1, 2, 3]);
const parseDmyDate = dateParser('(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)', [3, 2, 1]);

/** `7 mars 2025`, `den 7 mars`, `7. maaliskuuta 2025`, `7. maaliskuuta`. */
const NAMED_DATE = sticky(
  `(\\d{1,2})\\.?${SPACE}(?:(${SV_MONTHS.join('|')})|(${FI_MONTH_STEMS.join('|')})kuu\\p{L}*)(?!\\p{L})(?:${SPACE}(\\d{4})(?!\\d))?`,
  'i',
);
const parseNamedDate: Parser = (text, at) => {
  const m = matchAt(NAMED_DATE, text, at);
  if (!m) return undefined;
  const sv = m[2]?.toLowerCase();
  const fi = m[3]?.toLowerCase();
  const month = sv !== undefined ? SV_MONTHS.indexOf(sv) + 1 : FI_MONTH_STEMS.indexOf(fi ?? '') + 1;
  const key = dateKey(m[4] === undefined ? undefined : Number(m[4]), month, Number(m[1]));
  return key === undefined ? undefined : { key, length: m[0].length, plain: false };
};

/** Three or more dotted parts (`1.2.3`) are section numbers; keeping them whole stops `1.2` being read as a decimal. */
const DOTTED_SEQUENCE = sticky('\\d{1,3}(?:\\.\\d{1,3}){2,}(?!\\d)');
const parseSequence: Parser = (text, at) => {
  const m = matchAt(DOTTED_SEQUENCE, text, at);
  return m ? { key: `seq:${m[0]}`, length: m[0].length, plain: false } : undefined;
};

/** `1.5.` (Finnish and Finland-Swedish day.month. without a year). */
const DM_DATE = sticky('(\\d{1,2})\\.(\\d{1,2})\\.(?!\\d)');
const parseDayMonth: Parser = (text, at) => {
  const m = matchAt(DM_DATE, text, at);
  if (!m) return undefined;
  const key = dateKey(undefined, Number(m[2]), Number(m[1]));
  return key === undefined ? undefined : { key, length: m[0].length, plain: false };
};

/** `kl. 9.30`, `klo 14:00`. Both languages write times with two-digit minutes. */
const TIME = sticky('(\\d{1,2})[.:](\\d{2})(?!\\d|[.,]\\d)');
const parseTime: Parser = (text, at) => {
  const m = matchAt(TIME, text, at);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return { key: `time:${pad2(hours)}:${pad2(minutes)}`, length: m[0].length, plain: false };
};

/**
 * `612/2021`, `980 / 2012`: statute number/year, kept whole, since splitting them would let a wrong
 * statute number hide behind a year that happens to appear elsewhere. Any other slash (`24/7`,
 * `94 / 1 000`, which Swedish writes `94 per 1 000`) is left to be read as separate numbers.
 */
const SLASHED = sticky(`(\\d+)${SPACE}?/${SPACE}?(\\d+)(?!\\d)`);
const parseSlashed: Parser = (text, at) => {
  const m = matchAt(SLASHED, text, at);
  if (!m) return undefined;
  const left = m[1] ?? '';
  const right = m[2] ?? '';
  const year = Number(right);
  const isStatute = left.length <= 4 && right.length === 4 && year >= 1800 && year <= 2099;
  if (!isStatute) return undefined;
  return { key: `law:${canonicalInteger(left)}/${right}`, length: m[0].length, plain: false };
};

/** `§ 11`, written before the number in some texts; same key as `11 §`. */
const SECTION_FIRST = sticky(`§${SPACE}?(\\d+)(?!\\d)`);
const parseSectionFirst: Parser = (text, at) => {
  const m = matchAt(SECTION_FIRST, text, at);
  return m ? { key: `${canonicalInteger(m[1] ?? '')}§`, length: m[0].length, plain: false } : undefined;
};

/**
 * A number with optional minus, thousands groups and decimal mark. Groups of exactly three
 * digits only follow a head of one to three digits, so `2025 2026` stays two years while
 * `12 500` is one number. A dot is accepted as decimal mark for English-style text; the
 * date, sequence and time parsers have already claimed the dotted forms they know.
 */
const NUMBER = sticky(`([-\\u2013\\u2212]?)(\\d{1,3}(?:${SPACE}\\d{3})+(?!\\d)|\\d+)(?:[.,](\\d+))?`);
const parseNumber: Parser = (text, at) => {
  const m = matchAt(NUMBER, text, at);
  if (!m) return undefined;
  return { key: canonicalDecimal(m[1] ?? '', m[2] ?? '', m[3] ?? ''), length: m[0].length, plain: true };
};

/** Tried in order at each start; the first that matches wins. */
const PARSERS: readonly Parser[] = [
  parseSectionFirst,
  parseIsoDate,
  parseDmyDate,
  parseNamedDate,
  parseSequence,
  parseDayMonth,
  parseTime,
  parseSlashed,
  parseNumber,
];

/** Units that change what a number means, with the spellings of both languages. Order matters: `%-yksikkö` before `%`. */
const UNITS: readonly { unit: string; re: RegExp }[] = [
  { unit: 'pp', re: sticky(`${SPACE}?%-(?:enhet|yksik)\\p{L}*`, 'i') },
  { unit: 'pp', re: sticky(`${SPACE}(?:procentenhet|prosenttiyksik)\\p{L}*`, 'i') },
  { unit: '%', re: sticky(`${SPACE}?%`) },
  { unit: '%', re: sticky(`${SPACE}(?:procent|prosent)\\p{L}*`, 'i') },
  { unit: '‰', re: sticky(`${SPACE}?‰`) },
  { unit: '§', re: sticky(`${SPACE}?§`) },
];

/**
 * What a token may carry after it without changing the quantity: a Finnish case ending after a
 * colon (`2025:ssä`, `94 %:iin`) or a hyphenated word (`1990-luvulla`, `1990-talet`, `5-åriga`).
 * A hyphen followed by a digit is a range, never an ending.
 */
const ENDING = sticky('(?::\\p{L}+|-\\p{L}+(?:-\\p{L}+)*)');

/** Between the two numbers of a range: `2025–2029`, `2025-2029`, `2025 – 2029`. */
const RANGE_GAP = /^[ \u00A0\u202F]*[-\u2013\u2014][ \u00A0\u202F]*$/u;

interface Found extends NumberToken {
  plain: boolean;
  unit: string;
}

export function extractNumbers(text: string): NumberToken[] {
  const found: Found[] = [];
  const starts = new RegExp(START_PATTERN); // own lastIndex per call
  for (let start = starts.exec(text); start !== null; start = starts.exec(text)) {
    const at = start.index;
    const parsed = firstParse(text, at);
    if (parsed === undefined) {
      // Unreachable while parseNumber accepts every start; the step keeps a zero-width match from looping.
      starts.lastIndex = at + 1;
      continue;
    }
    let end = at + parsed.length;
    let unit = '';
    if (parsed.plain) {
      for (const candidate of UNITS) {
        const m = matchAt(candidate.re, text, end);
        if (m) {
          unit = candidate.unit;
          end += m[0].length;
          break;
        }
      }
    }
    const ending = matchAt(ENDING, text, end);
    if (ending) end += ending[0].length;
    const key = parsed.plain ? parsed.key + unit : parsed.key;
    found.push({ key, raw: text.slice(at, end), offset: at, length: end - at, plain: parsed.plain, unit });
    starts.lastIndex = end;
  }
  shareRangeUnits(text, found);
  return found.map(({ key, raw, offset, length }) => ({ key, raw, offset, length }));
}

function firstParse(text: string, at: number): Parsed | undefined {
  for (const parse of PARSERS) {
    const parsed = parse(text, at);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

/**
 * `10–20 %` means 10 % to 20 %; Swedish and Finnish writers differ in whether they repeat the
 * unit, so the first number of a range takes the unit of the second.
 */
function shareRangeUnits(text: string, found: Found[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const first = found[i];
    const second = found[i + 1];
    if (first === undefined || second === undefined) continue;
    if (!first.plain || !second.plain || first.unit !== '' || second.unit === '') continue;
    if (first.raw !== first.raw.replace(/\p{L}/gu, '')) continue; // `5-åriga – 7 %` is no range
    if (!RANGE_GAP.test(text.slice(first.offset + first.length, second.offset))) continue;
    first.key += second.unit;
    first.unit = second.unit;
  }
}

/** Multiset difference by key, keeping each side's order. */
export function compareNumbers(
  a: readonly NumberToken[],
  b: readonly NumberToken[],
): { onlyInA: NumberToken[]; onlyInB: NumberToken[] } {
  return { onlyInA: unmatched(a, b), onlyInB: unmatched(b, a) };
}

function unmatched(from: readonly NumberToken[], against: readonly NumberToken[]): NumberToken[] {
  const available = new Map<string, number>();
  for (const token of against) available.set(token.key, (available.get(token.key) ?? 0) + 1);
  const rest: NumberToken[] = [];
  for (const token of from) {
    const count = available.get(token.key) ?? 0;
    if (count > 0) available.set(token.key, count - 1);
    else rest.push(token);
  }
  return rest;
}
