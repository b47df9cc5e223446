/**
 * Exact arithmetic: the only file that imports fraction.js (exact rationals on BigInt), and the
 * only place exact values are combined. Every score, share and deduction the library publishes is
 * decided here, or by the float calculator (float.ts) only where that one can prove it decides the
 * same way. Why rationals and why this library: docs/decisions/0011-exact-arithmetic-library.md.
 *
 * Pure and stateless: every function returns what it computed; nothing is kept between calls.
 */
import Fraction from 'fraction.js';
import type { RoundingMode } from '../schema/common.js';
import { literalFraction, publishedText } from './decimal-text.js';

/** An exact rational number (opaque outside the library; never in a public type). */
export type Exact = Fraction;

/**
 * A decimal written as a string ("0.1", "65", "62.5"; read by decimal.js) or an integer, exactly. (A
 * rule set's constants are read once per evaluation, when its program is compiled.)
 */
export function exact(value: string | number | bigint): Exact {
  if (typeof value === 'string') {
    const [n, d] = literalFraction(value);
    return new Fraction(n, d);
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    // A decimal number (entered points such as 1.31): what a person wrote, not the binary double.
    const [n, d] = literalFraction(String(value));
    return new Fraction(n, d);
  }
  return new Fraction(value);
}

export const ZERO = exact(0);
export const ONE = exact(1);

export const add = (a: Exact, b: Exact): Exact => a.add(b);
export const sub = (a: Exact, b: Exact): Exact => a.sub(b);
export const mul = (a: Exact, b: Exact): Exact => a.mul(b);
export const div = (a: Exact, b: Exact): Exact => a.div(b);
export const min = (a: Exact, b: Exact): Exact => (a.compare(b) <= 0 ? a : b);
export const max = (a: Exact, b: Exact): Exact => (a.compare(b) >= 0 ? a : b);
export const floor = (a: Exact): Exact => a.floor();
/** -1, 0 or 1. */
export const cmp = (a: Exact, b: Exact): number => Math.sign(a.compare(b));
/** An approximation, only for seeding a search — never for a published figure. */
export const approximate = (a: Exact): number => a.valueOf();

/** a rounded to `decimals` places, as an integer count of 10^-decimals (BigInt), and whether nothing was dropped. */
function roundScaled(a: Exact, decimals: number, mode: RoundingMode): { scaled: bigint; exact: boolean } {
  const n = a.n * 10n ** BigInt(decimals);
  let q = n / a.d;
  const r = n - q * a.d;
  if (r !== 0n && mode !== 'down') {
    const twice = 2n * r;
    // Half-up rounds half away from zero (the sign is applied after); half-even to the even neighbour.
    if (twice > a.d || (twice === a.d && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  }
  return { scaled: a.s < 0n ? -q : q, exact: r === 0n };
}

/** Rounds once, in the declared mode. */
export function round(a: Exact, decimals: number, mode: RoundingMode): Exact {
  return new Fraction(roundScaled(a, decimals, mode).scaled, 10n ** BigInt(decimals));
}

/** Exactly `decimals` places, e.g. "87.50": the published text, under the declared rounding (decimal.js). */
export function toFixed(a: Exact, decimals: number, mode: RoundingMode = 'half-up'): string {
  return publishedText(a, decimals, mode);
}

/**
 * For reading: at most `maxDecimals` places (half-up), trailing zeros dropped, e.g. 1/3 →
 * "0.3333333333", and whether those digits are the whole value.
 */
export function toDisplay(a: Exact, maxDecimals = 10): { text: string; exact: boolean } {
  const r = roundScaled(a, maxDecimals, 'half-up');
  return { text: scaledText(r.scaled, maxDecimals, true), exact: r.exact };
}

/** ⌈a × 10^decimals⌉ as a number. */
export function ceilScaled(a: Exact, decimals: number): number {
  const scaled = a.mul(10n ** BigInt(decimals));
  return Number(scaled.ceil().toString());
}

/** a × 10^decimals when that is a whole number and a safe JS number, else null. */
export function scaledInteger(a: Exact, decimals: number): number | null {
  const r = roundScaled(a, decimals, 'down');
  if (!r.exact) return null;
  const n = Number(r.scaled);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Decimal text of scaled × 10^-decimals, e.g. (8750, 2) → "87.50"; with `trim`, trailing zeros (and
 * a bare point) dropped. Shared by both calculators, so that a figure reads the same whichever
 * decided it.
 */
export function scaledText(scaled: number | bigint, decimals: number, trim: boolean): string {
  if (typeof scaled === 'number' && Number.isSafeInteger(scaled) && decimals <= 15) {
    // Whole-number arithmetic: every share and score of every unit is written through here.
    const negative = scaled < 0;
    const a = negative ? -scaled : scaled;
    const unit = 10 ** decimals;
    const whole = Math.floor(a / unit);
    let frac = a - whole * unit;
    let digits = decimals;
    if (trim) {
      while (digits > 0 && frac % 10 === 0) {
        frac /= 10;
        digits--;
      }
    }
    let text: string;
    if (digits === 0) text = String(whole);
    else {
      const f = String(frac);
      text = whole + (f.length < digits ? '.' + ZEROS[digits - f.length] + f : '.' + f);
    }
    return negative && a !== 0 && (whole !== 0 || frac !== 0) ? '-' + text : text;
  }
  const negative = scaled < 0;
  let digits = String(negative ? -scaled : scaled);
  if (decimals > 0) {
    if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
    let whole = digits.slice(0, digits.length - decimals);
    let frac = digits.slice(digits.length - decimals);
    if (trim) frac = frac.replace(/0+$/, '');
    if (whole === '') whole = '0';
    digits = frac === '' ? whole : `${whole}.${frac}`;
  }
  return negative && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** Leading zeros for a fraction's digits, by how many are missing. */
const ZEROS = Array.from({ length: 16 }, (_, k) => '0'.repeat(k));

// ── integers, exactly: the comparisons that decide floors, shares and ties ─────────────────

/** Sign of a·b − c·d for integers, exactly (numbers while the products are safe, BigInt beyond). */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const l = a * b;
  const r = c * d;
  if (Math.abs(l) <= Number.MAX_SAFE_INTEGER && Math.abs(r) <= Number.MAX_SAFE_INTEGER) return l < r ? -1 : l > r ? 1 : 0;
  const L = BigInt(a) * BigInt(b);
  const R = BigInt(c) * BigInt(d);
  return L < R ? -1 : L > R ? 1 : 0;
}

/** The numerator and denominator of a decimal string, as integers (e.g. "62.5" → 125, 2). */
export function decimalParts(value: string): { n: bigint; d: bigint } {
  const f = exact(value);
  return { n: f.s * f.n, d: f.d };
}

/**
 * Fewest whole k ≥ 0 with a + b·k ≥ 0, for integers; null when no k reaches it (b ≤ 0 and a < 0)
 * or k is past the safe integers (no count of cases means anything there).
 */
export function leastSteps(a: number | bigint, b: number | bigint): number | null {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    if (a >= 0) return 0;
    if (b <= 0) return null;
    // ⌈−a / b⌉, corrected where the float quotient rounded across an integer.
    let k = Math.ceil(-a / b);
    if (a + b * k < 0) k += 1;
    else if (k > 0 && a + b * (k - 1) >= 0) k -= 1;
    return k;
  }
  const A = BigInt(a);
  const B = BigInt(b);
  if (A >= 0n) return 0;
  if (B <= 0n) return null;
  const k = (-A + B - 1n) / B;
  return k <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(k) : null;
}

/** a·b − c·d for integers as a number when exact, else as a BigInt. */
export function productDifference(a: number, b: number, c: number, d: number): number | bigint {
  const l = a * b;
  const r = c * d;
  const diff = l - r;
  if (Math.abs(l) <= Number.MAX_SAFE_INTEGER && Math.abs(r) <= Number.MAX_SAFE_INTEGER && Math.abs(diff) <= Number.MAX_SAFE_INTEGER) return diff;
  return BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
}

/**
 * num / den (integers, den > 0) written with exactly `decimals` places in the mode. Whole-number
 * arithmetic while it stays exact (the usual case: every share of every unit is shown through
 * here), exact rationals beyond.
 */
export function ratioFixed(num: number, den: number, decimals: number, mode: RoundingMode): string {
  const unit = 10 ** decimals;
  const x = num * unit;
  if (num >= 0 && Number.isSafeInteger(x) && x < 2 ** 52 && den < 2 ** 52) {
    let q = Math.floor(x / den);
    let r = x - q * den;
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
    if (r !== 0 && mode !== 'down') {
      const twice = 2 * r;
      if (twice > den || (twice === den && (mode === 'half-up' || q % 2 === 1))) q += 1;
    }
    return scaledText(q, decimals, false);
  }
  return toFixed(div(exact(num), exact(den)), decimals, mode);
}

/** Whether a decimal string is exactly a double (whole numbers to 2^53, halves, quarters…, not 0.1). */
export function isExactDouble(value: string): boolean {
  const f = exact(value);
  return (f.d & (f.d - 1n)) === 0n && f.n <= 2n ** 53n;
}

/** A decimal string compared with another, exactly. */
export const compareDecimals = (a: string, b: string): number => (plainDecimal.test(a) && plainDecimal.test(b) ? comparePlainDecimals(a, b) : cmp(exact(a), exact(b)));

const plainDecimal = /^\d+(\.\d+)?$/;

/** Two unsigned decimal texts compared digit by digit, allocating no fraction ("64.99" < "65"). */
function comparePlainDecimals(a: string, b: string): number {
  const ad = a.indexOf('.');
  const bd = b.indexOf('.');
  let ai = ad < 0 ? a : a.slice(0, ad);
  let bi = bd < 0 ? b : b.slice(0, bd);
  ai = ai.replace(/^0+(?=\d)/, '');
  bi = bi.replace(/^0+(?=\d)/, '');
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const af = ad < 0 ? '' : a.slice(ad + 1);
  const bf = bd < 0 ? '' : b.slice(bd + 1);
  const n = Math.max(af.length, bf.length);
  const ap = af.padEnd(n, '0');
  const bp = bf.padEnd(n, '0');
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}
