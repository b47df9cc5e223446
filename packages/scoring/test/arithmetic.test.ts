import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as X from '../src/arithmetic/exact.js';
import { certainBracket, certainFloor, certainScaled } from '../src/arithmetic/float.js';

/**
 * The arithmetic behind the scores, held to plain BigInt rationals written here: exact.ts (fraction.js
 * and whole-number shortcuts) everywhere, and float.ts's promise — a certified double either decides
 * exactly as the exact value does, or declines to decide.
 */
const int = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 52, 2 ** 26 + 1, 94906267),
);
const pos = int.filter((x) => x !== 0).map((x) => Math.abs(x));

interface Q {
  n: bigint;
  d: bigint;
}

/** Reference: round half away from zero / half-even / down to k places, as a decimal string. */
function refFixed(a: Q, k: number, mode: 'half-up' | 'half-even' | 'down'): string {
  const neg = a.n < 0n;
  const scaled = (neg ? -a.n : a.n) * 10n ** BigInt(k);
  let qq = scaled / a.d;
  const r = scaled - qq * a.d;
  if (r !== 0n && mode !== 'down' && (2n * r > a.d || (2n * r === a.d && (mode === 'half-up' || qq % 2n === 1n)))) qq += 1n;
  const digits = qq.toString().padStart(k + 1, '0');
  const body = k > 0 ? `${digits.slice(0, -k)}.${digits.slice(-k)}` : digits;
  return `${neg && qq !== 0n ? '-' : ''}${body}`;
}

const modes = ['half-up', 'half-even', 'down'] as const;

describe('exact arithmetic (exact.ts)', () => {
  it('writes any rational in every rounding mode as BigInt rationals do', () => {
    fc.assert(
      fc.property(int, pos, fc.integer({ min: 0, max: 12 }), (n, d, k) => {
        const a = X.div(X.exact(n), X.exact(d));
        for (const mode of modes) expect(X.toFixed(a, k, mode)).toBe(refFixed({ n: BigInt(n), d: BigInt(d) }, k, mode));
        const shown = X.toDisplay(a, 10);
        expect(shown.exact).toBe((BigInt(n) * 10n ** 10n) % BigInt(d) === 0n);
        expect(shown.text).toBe(refFixed({ n: BigInt(n), d: BigInt(d) }, 10, 'half-up').replace(/\.?0+$/, '').replace(/^-0$/, '0'));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes shares from whole numbers (the fast way) exactly as from rationals', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 10 }), (num, den, k) => {
        for (const mode of modes) expect(X.ratioFixed(num, den, k, mode)).toBe(refFixed({ n: BigInt(num), d: BigInt(den) }, k, mode));
      }),
      { numRuns: 2000 },
    );
  });

  it('compares products and solves for the fewest steps exactly, past 2^53 too', () => {
    fc.assert(
      fc.property(int, int, int, int, (a, b, c, d) => {
        const diff = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
        expect(X.compareProducts(a, b, c, d)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
        expect(BigInt(X.productDifference(a, b, c, d))).toBe(diff);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.oneof(int, fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })), fc.oneof(int, fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })), (a, b) => {
        const k = X.leastSteps(a, b);
        const A = BigInt(a);
        const B = BigInt(b);
        if (k === null) expect(A < 0n && (B <= 0n || (-A + B - 1n) / B > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
        else {
          expect(A + B * BigInt(k) >= 0n).toBe(true);
          if (k > 0) expect(A + B * BigInt(k - 1) < 0n).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the float calculator declines rather than errs (float.ts)', () => {
  it('certainScaled, given a true error bound, rounds as the exact value does or returns NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 0, max: 4 }), (n, d, k) => {
        const v = n / d;
        const e = Math.abs(v) * 2 ** -52;
        for (const mode of modes) {
          const got = certainScaled(v, e, k, mode);
          if (!Number.isNaN(got)) expect(X.scaledText(got, k, false)).toBe(refFixed({ n: BigInt(n), d: BigInt(d) }, k, mode));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is unsure exactly on a rounding boundary (an exact .xx5) and sure off it', () => {
    expect(certainScaled(62.125, 62.125 * 2 ** -52, 2, 'half-up')).toBeNaN();
    expect(certainScaled(62.1251, 62.1251 * 2 ** -52, 2, 'half-up')).toBe(6213);
    expect(certainFloor(3, 0)).toBe(3);
    expect(certainFloor(3 - 1e-12, 1e-11)).toBeNaN();
    const bounds = Float64Array.from([0, 300, 600]);
    expect(certainBracket(300, 0, bounds, true)).toBe(1);
    expect(certainBracket(299.9999999999, 1e-9, bounds, true)).toBe(-2);
    expect(certainBracket(450, 1e-9, bounds, true)).toBe(1);
  });
});
