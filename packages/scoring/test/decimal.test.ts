import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, ceil, cmp, compareRatios, div, extraToReachShare, floor, mul, num, round, shareAtLeast, sub, toDisplay, toFixed, lastDisplayExact } from '../src/decimal.js';

/**
 * The adapter keeps integers as JS numbers while they are safe and switches to BigInt beyond.
 * Held here against plain BigInt rational arithmetic, on values around and far past 2^53.
 */
const int = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }).map((b) => Number(b)).filter(Number.isSafeInteger),
  fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 52, 2 ** 26 + 1, 94906267),
);
const pos = int.filter((x) => x !== 0).map((x) => Math.abs(x));

interface Q {
  n: bigint;
  d: bigint;
}
const q = (n: number, d: number): Q => ({ n: BigInt(n), d: BigInt(d) });
const fromNum = (x: { n: number | bigint; d: number | bigint }): Q => ({ n: BigInt(x.n), d: BigInt(x.d) });
const same = (a: Q, b: Q) => a.n * b.d === b.n * a.d;

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

describe('decimal adapter: exact whatever the size', () => {
  it('add, sub, mul, div and cmp agree with BigInt rationals', () => {
    fc.assert(
      fc.property(int, pos, int, pos, (an, ad, bn, bd) => {
        const a = div(num(an), num(ad));
        const b = div(num(bn), num(bd));
        const A = q(an, ad);
        const B = q(bn, bd);
        expect(same(fromNum(add(a, b)), { n: A.n * B.d + B.n * A.d, d: A.d * B.d })).toBe(true);
        expect(same(fromNum(sub(a, b)), { n: A.n * B.d - B.n * A.d, d: A.d * B.d })).toBe(true);
        expect(same(fromNum(mul(a, b)), { n: A.n * B.n, d: A.d * B.d })).toBe(true);
        const diff = A.n * B.d - B.n * A.d;
        expect(cmp(a, b)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
        if (bn !== 0) {
          const quotient = fromNum(div(a, b));
          expect(quotient.d > 0n).toBe(true);
          expect(same(quotient, { n: A.n * B.d * (B.n < 0n ? -1n : 1n), d: A.d * (B.n < 0n ? -B.n : B.n) })).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rounding, display, floor and ceil agree with BigInt rationals in every mode', () => {
    fc.assert(
      fc.property(int, pos, fc.integer({ min: 0, max: 12 }), (n, d, k) => {
        const a = div(num(n), num(d));
        const A = q(n, d);
        for (const mode of ['half-up', 'half-even', 'down'] as const) {
          expect(toFixed(a, k, mode)).toBe(refFixed(A, k, mode));
          expect(fromNum(round(a, k, mode)).n * 10n ** BigInt(12 - k)).toBe(BigInt(refFixed(A, k, mode).replace('.', '')) * 10n ** BigInt(12 - k));
        }
        const shown = toDisplay(a, 10);
        expect(lastDisplayExact()).toBe((A.n * 10n ** 10n) % A.d === 0n);
        // The 10-place half-up rounding with trailing zeros (and a bare point) dropped.
        expect(shown).toBe(refFixed(A, 10, 'half-up').replace(/\.?0+$/, '').replace(/^-0$/, '0'));
        const fl = A.n >= 0n ? A.n / A.d : -((-A.n + A.d - 1n) / A.d);
        expect(BigInt(floor(a).n)).toBe(fl);
        expect(BigInt(ceil(a).n)).toBe(A.n % A.d === 0n ? A.n / A.d : fl + 1n);
      }),
      { numRuns: 3000 },
    );
  });

  it('share floors and ratio comparisons are exact past 2^53', () => {
    fc.assert(
      fc.property(int.map(Math.abs), pos, int.map(Math.abs), pos, fc.constantFrom('65', '70', '62.5', '100', '0'), (a, b, c, d, p) => {
        const diff = BigInt(a) * BigInt(d) - BigInt(c) * BigInt(b);
        expect(compareRatios(a, b, c, d)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
        const [pn, pd] = p.includes('.') ? [BigInt(p.replace('.', '')), 10n] : [BigInt(p), 1n];
        expect(shareAtLeast(a, b, p)).toBe(100n * BigInt(a) * pd >= pn * BigInt(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('the fewest extra cases to reach a share floor are exact, including past 2^53', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(count, count, fc.constantFrom('65', '70', '62.5', '99.99', '100', '0'), (x, y, p) => {
        const [part, whole] = x <= y ? [x, y] : [y, x];
        const [pn, pd] = p.includes('.') ? [BigInt(p.replace('.', '')), 10n ** BigInt(p.split('.')[1]?.length ?? 0)] : [BigInt(p), 1n];
        const reaches = (k: bigint) => 100n * (BigInt(part) + k) * pd >= pn * (BigInt(whole) + k);
        const k = extraToReachShare(part, whole, p);
        const room = 100n * pd - pn;
        const shortfall = pn * BigInt(whole) - 100n * pd * BigInt(part);
        if (k === null) {
          // A floor of 100% that is not met (no number of cases closes the gap), or an answer past
          // the safe integers.
          const unreachable = room <= 0n && shortfall > 0n;
          expect(unreachable || (shortfall + room - 1n) / room > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
        } else {
          expect(reaches(BigInt(k))).toBe(true);
          if (k > 0) expect(reaches(BigInt(k) - 1n)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
