/**
 * Decimal text in and out goes through decimal.js (arithmetic/decimal-text.ts). A rule set's literal
 * is read as the exact fraction it denotes. The published decimal text is written with a cut
 * precision proved sufficient in ADR 0018. Here it is held to a reference written with BigInt
 * integers alone, on random fractions placed at and around every kind of rounding boundary.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { exact } from '../src/arithmetic/exact.js';
import { literalFraction, publishedText } from '../src/arithmetic/decimal-text.js';

type Mode = 'half-up' | 'half-even' | 'down';

/** n/d (d > 0) to `decimals` places: half-up away from zero, half-even, or toward zero — integers only. */
function reference(n: bigint, d: bigint, decimals: number, mode: Mode): string {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const scaled = a * 10n ** BigInt(decimals);
  let q = scaled / d;
  const r = scaled - q * d;
  if (r !== 0n && mode !== 'down' && (2n * r > d || (2n * r === d && (mode === 'half-up' || q % 2n === 1n)))) q += 1n;
  const text = q.toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return negative && q !== 0n ? `-${body}` : body;
}

const modes: Mode[] = ['half-up', 'half-even', 'down'];

describe('published decimals (decimal.js) equal the exact rounding', () => {
  it('on random fractions near rounding boundaries, for every mode and 0–6 places', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(...modes),
        (d, k, decimals, nudge, mode) => {
          // A boundary (k + ½)·10^-decimals or k·10^-decimals, written over d, then nudged by a few units of 1/d.
          const scale = 10n ** BigInt(decimals);
          const half = (2n * k + 1n) * d;
          const n = (nudge % 2 === 0 ? (k * d * 2n) / (2n * scale) : half / (2n * scale)) + BigInt(nudge);
          const a = new Fraction(n, d);
          expect(publishedText(a, decimals, mode)).toBe(reference(n, d, decimals, mode));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on exact boundaries: 1.875 to 2 places is 1.88 half-up, 1.88 half-even, 1.87 down; 0.125 is 0.13 / 0.12 / 0.12', () => {
    expect(modes.map((m) => publishedText(new Fraction(15, 8), 2, m))).toEqual(['1.88', '1.88', '1.87']);
    expect(modes.map((m) => publishedText(new Fraction(1, 8), 2, m))).toEqual(['0.13', '0.12', '0.12']);
    expect(publishedText(new Fraction(-1, 1000), 2, 'half-up')).toBe('0.00');
    expect(publishedText(new Fraction(2, 3), 2, 'half-up')).toBe('0.67');
    expect(publishedText(new Fraction(985, 987).mul(100), 1, 'half-up')).toBe('99.8');
  });
});

describe('rule-set literals (decimal.js) are read exactly', () => {
  it('a literal is the fraction of its digits over a power of ten, in lowest terms', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }), (digits, places) => {
        const sign = digits < 0n ? '-' : '';
        const body = (digits < 0n ? -digits : digits).toString().padStart(places + 1, '0');
        const text = places === 0 ? sign + body : `${sign}${body.slice(0, -places)}.${body.slice(-places)}`;
        const expected = new Fraction(digits, 10n ** BigInt(places));
        const [n, d] = literalFraction(text);
        expect([n, d]).toEqual([expected.s * expected.n, expected.d]);
        expect(exact(text).equals(expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps digits past double precision: 0.1, 62.5, 65 and a 30-digit maximum', () => {
    expect(literalFraction('0.1')).toEqual([1n, 10n]);
    expect(literalFraction('62.5')).toEqual([125n, 2n]);
    expect(literalFraction('65')).toEqual([65n, 1n]);
    expect(literalFraction('123456789012345678901234567890.5')).toEqual([246913578024691357802469135781n, 2n]);
    // An entered decimal number is read as written, not as its binary double.
    expect(exact(1.31).equals(new Fraction(131, 100))).toBe(true);
  });
});
