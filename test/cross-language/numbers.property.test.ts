import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractNumbers } from '../../src/cross-language/numbers.ts';
import { FUZZ_RUNS } from './fuzz-runs.ts';

/**
 * Model-based check: each generated quantity knows its expected keys, and is written out the
 * Swedish way and the Finnish way with independent random choices of separators and endings.
 * Both renderings must give exactly the expected keys.
 */

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const FI_MONTHS = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];

interface Style {
  lang: 'sv' | 'fi';
  group: string;
  minus: string;
  percentSpace: string;
  /** Finnish case ending appended to the whole quantity; empty in Swedish. */
  ending: string;
  dateForm: 'dmy' | 'dmy0' | 'iso' | 'named';
  rangeSeparator: string;
  slashSpace: string;
  repeatUnitInRange: boolean;
}

const sharedStyle = {
  group: fc.constantFrom(' ', NBSP, NNBSP, ''),
  minus: fc.constantFrom('-', '\u2013', '\u2212'),
  percentSpace: fc.constantFrom('', ' ', NBSP, NNBSP),
  dateForm: fc.constantFrom<Style['dateForm']>('dmy', 'dmy0', 'iso', 'named'),
  rangeSeparator: fc.constantFrom('\u2013', '-', ' \u2013 ', ' - ', `${NBSP}\u2013${NBSP}`),
  slashSpace: fc.constantFrom('', ' '),
  repeatUnitInRange: fc.boolean(),
};
const svStyle: fc.Arbitrary<Style> = fc.record({ ...sharedStyle, lang: fc.constant<'sv'>('sv'), ending: fc.constant('') });
const fiStyle: fc.Arbitrary<Style> = fc.record({
  ...sharedStyle,
  lang: fc.constant<'fi'>('fi'),
  ending: fc.constantFrom('', ':ssa', ':ssä', ':n', ':iin', ':lla', ':llä', ':sta', ':stä', ':een', ':ksi', ':ltä', ':nä'),
});

interface Scalar {
  negative: boolean;
  integer: number;
  /** Decimal digits as written, possibly with trailing zeros. */
  fraction: string;
  percent: boolean;
}

type Quantity =
  | { kind: 'scalar'; value: Scalar }
  | { kind: 'year'; year: number }
  | { kind: 'decade'; decade: number }
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'range'; from: Scalar; to: Scalar }
  | { kind: 'statute'; number: number; year: number };

const scalar = (percent: fc.Arbitrary<boolean>): fc.Arbitrary<Scalar> =>
  fc.record({
    negative: fc.boolean(),
    integer: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999_999 })),
    fraction: fc.constantFrom(0, 0, 1, 2).chain((digits) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: digits, maxLength: digits })),
    percent,
  });

const quantity: fc.Arbitrary<Quantity> = fc.oneof(
  scalar(fc.boolean()).map((value) => ({ kind: 'scalar' as const, value })),
  fc.integer({ min: 1900, max: 2099 }).map((year) => ({ kind: 'year' as const, year })),
  fc.integer({ min: 190, max: 209 }).map((tens) => ({ kind: 'decade' as const, decade: tens * 10 })),
  fc.record({ year: fc.integer({ min: 1990, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map((d) => ({
    kind: 'date' as const,
    ...d,
  })),
  fc.tuple(scalar(fc.constant(false)), scalar(fc.boolean())).map(([from, to]) => ({ kind: 'range' as const, from, to: { ...to } })),
  fc.record({ number: fc.integer({ min: 1, max: 1999 }), year: fc.integer({ min: 1900, max: 2099 }) }).map((s) => ({ kind: 'statute' as const, ...s })),
);

function scalarKey(s: Scalar, percent = s.percent): string {
  const fraction = s.fraction.replace(/0+$/, '');
  const magnitude = fraction === '' ? String(s.integer) : `${s.integer}.${fraction}`;
  const signed = s.negative && magnitude !== '0' ? `-${magnitude}` : magnitude;
  return percent ? `${signed}%` : signed;
}

function expectedKeys(q: Quantity): string[] {
  switch (q.kind) {
    case 'scalar':
      return [scalarKey(q.value)];
    case 'year':
      return [String(q.year)];
    case 'decade':
      return [String(q.decade)];
    case 'date':
      return [`${q.year}-${String(q.month).padStart(2, '0')}-${String(q.day).padStart(2, '0')}`];
    case 'range':
      return [scalarKey(q.from, q.to.percent), scalarKey(q.to)];
    case 'statute':
      return [`law:${q.number}/${q.year}`];
  }
}

function groupThousands(integer: number, separator: string): string {
  return String(integer).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function renderScalar(s: Scalar, style: Style, percent = s.percent): string {
  const sign = s.negative ? style.minus : '';
  const decimals = s.fraction === '' ? '' : `,${s.fraction}`;
  const unit = percent ? `${style.percentSpace}%` : '';
  return `${sign}${groupThousands(s.integer, style.group)}${decimals}${unit}`;
}

function render(q: Quantity, style: Style): string {
  switch (q.kind) {
    case 'scalar':
      return renderScalar(q.value, style) + style.ending;
    case 'year':
      return String(q.year) + style.ending;
    case 'decade':
      return String(q.decade) + (style.lang === 'sv' ? '-talet' : '-luvulla');
    case 'date': {
      const dd = String(q.day).padStart(2, '0');
      const mm = String(q.month).padStart(2, '0');
      const written = {
        dmy: `${q.day}.${q.month}.${q.year}`,
        dmy0: `${dd}.${mm}.${q.year}`,
        iso: `${q.year}-${mm}-${dd}`,
        named: style.lang === 'sv' ? `${q.day} ${SV_MONTHS[q.month - 1]} ${q.year}` : `${q.day}. ${FI_MONTHS[q.month - 1]}kuuta ${q.year}`,
      }[style.dateForm];
      return written + style.ending;
    }
    case 'range': {
      const from = renderScalar(q.from, style, q.to.percent && style.repeatUnitInRange);
      return `${from}${style.rangeSeparator}${renderScalar(q.to, style)}${style.ending}`;
    }
    case 'statute':
      return `${q.number}${style.slashSpace}/${style.slashSpace}${q.year}${style.ending}`;
  }
}

const SENTENCES = {
  sv: [(x: string) => `Målet är ${x} enligt planen.`, (x: string) => `${x} är målet.`, (x: string) => `Nivån sjunker till ${x}.`],
  fi: [(x: string) => `Tavoite on ${x} suunnitelman mukaan.`, (x: string) => `${x} on tavoite.`, (x: string) => `Taso laskee tasolle ${x}.`],
};
const sentenceIndex = fc.integer({ min: 0, max: 2 });

function writeSentence(quantities: readonly Quantity[], style: Style, which: number): string {
  const joiner = style.lang === 'sv' ? ' och ' : ' ja ';
  const written = quantities.map((q) => render(q, style)).join(which === 1 ? ', ' : joiner);
  const sentence = SENTENCES[style.lang][which] ?? SENTENCES[style.lang][0];
  return sentence!(written);
}

const keysOf = (text: string): string[] => extractNumbers(text).map((token) => token.key);
const sorted = (list: readonly string[]): string[] => [...list].sort();

describe('extractNumbers properties', () => {
  test('one quantity: Swedish and Finnish renderings give the expected keys', () => {
    fc.assert(
      fc.property(quantity, svStyle, fiStyle, sentenceIndex, sentenceIndex, (q, sv, fi, i, j) => {
        const svText = writeSentence([q], sv, i);
        const fiText = writeSentence([q], fi, j);
        expect(keysOf(svText), svText).toEqual(expectedKeys(q));
        expect(keysOf(fiText), fiText).toEqual(expectedKeys(q));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('several quantities in a sentence: the same multiset of keys in both languages', () => {
    fc.assert(
      fc.property(fc.array(quantity, { minLength: 1, maxLength: 5 }), svStyle, fiStyle, sentenceIndex, sentenceIndex, (qs, sv, fi, i, j) => {
        const svText = writeSentence(qs, sv, i);
        const fiText = writeSentence(qs, fi, j);
        const expected = sorted(qs.flatMap(expectedKeys));
        expect(sorted(keysOf(svText)), svText).toEqual(expected);
        expect(sorted(keysOf(fiText)), fiText).toEqual(expected);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('different quantities give different keys', () => {
    fc.assert(
      fc.property(quantity, quantity, svStyle, fiStyle, (q1, q2, sv, fi) => {
        fc.pre(expectedKeys(q1).join(' ') !== expectedKeys(q2).join(' '));
        expect(keysOf(writeSentence([q1], sv, 0))).not.toEqual(keysOf(writeSentence([q2], fi, 0)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('a one-digit change in a scalar changes its key', () => {
    fc.assert(
      fc.property(scalar(fc.boolean()), fc.integer({ min: 1, max: 9 }), svStyle, fiStyle, (s, delta, sv, fi) => {
        const changed = { ...s, integer: s.integer + delta };
        expect(keysOf(renderScalar(s, sv))).not.toEqual(keysOf(renderScalar(changed, fi)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  test('never throws and offsets always point at raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 ,.-–−%§/:ab\u00A0\u202F'), maxLength: 40 }), (text) => {
        for (const token of extractNumbers(text)) {
          expect(text.slice(token.offset, token.offset + token.length)).toBe(token.raw);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
