/**
 * The arithmetic adapter: the only file that imports decimal.js, and the only place numbers are
 * combined. Rules call the small API below; no rule touches a float.
 *
 * Every value is an exact rational n/d of BigInts. Decimal notation — the rule set's "0.1", "62.5",
 * "1" — is read through decimal.js, so a constant means exactly what it says. Nothing is rounded
 * until the single, declared rounding of the published score (and the display of breakdown
 * figures). See docs/decisions/0006-exact-arithmetic.md for why rationals rather than
 * fixed-precision decimals: T/R has no finite decimal expansion in general, and an exact value is
 * never pushed onto (or off) a rounding boundary; it is also fast enough to evaluate a national
 * roster in well under 100 ms.
 */
import DecimalJs from 'decimal.js';

/** An exact rational number (opaque outside the library). */
export interface Num {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

export type Rounding = 'half-up' | 'half-even' | 'down';

const make = (n: bigint, d: bigint): Num => ({ n, d });

const fromDecimalString = new Map<string, Num>();
/** Case counts are mostly small: their values are made once and shared (they are immutable). */
const smallIntegers: Num[] = [];
const SMALL = 1 << 14;

/** An integer, or a decimal written as a string ("0.1", "65", "62.5"). */
export function num(value: number | string): Num {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    if (value >= 0 && value < SMALL) return (smallIntegers[value] ??= make(BigInt(value), 1n));
    return make(BigInt(value), 1n);
  }
  const key = String(value);
  let cached = fromDecimalString.get(key);
  if (!cached) {
    const [n, d] = new DecimalJs(key).toFraction() as [DecimalJs, DecimalJs];
    cached = make(BigInt(n.toFixed()), BigInt(d.toFixed()));
    fromDecimalString.set(key, cached);
  }
  return cached;
}

export const ZERO: Num = make(0n, 1n);

export const add = (a: Num, b: Num): Num =>
  a.d === b.d ? make(a.n + b.n, a.d) : make(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Num, b: Num): Num =>
  a.d === b.d ? make(a.n - b.n, a.d) : make(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Num, b: Num): Num => make(a.n * b.n, a.d * b.d);
export function div(a: Num, b: Num): Num {
  if (b.n === 0n) throw new RangeError('division by zero');
  return b.n < 0n ? make(-a.n * b.d, a.d * -b.n) : make(a.n * b.d, a.d * b.n);
}
/** -1, 0 or 1. */
export function cmp(a: Num, b: Num): number {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const min = (a: Num, b: Num): Num => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Num, b: Num): Num => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Num): boolean => a.n === 0n;
export const isPositive = (a: Num): boolean => a.n > 0n;

/** ⌊a⌋ as an exact integer value. */
export function floor(a: Num): Num {
  const q = a.n / a.d;
  return make(a.n < 0n && q * a.d !== a.n ? q - 1n : q, 1n);
}
/** ⌈a⌉ as an exact integer value. */
export function ceil(a: Num): Num {
  const q = a.n / a.d;
  return make(a.n > 0n && q * a.d !== a.n ? q + 1n : q, 1n);
}
/** An integral value as a JS number (case counts). */
export const toInt = (a: Num): number => Number(floor(a).n);
/** An approximation, only for seeding searches — never for a published figure. */
export const toApproximateNumber = (a: Num): number => Number(a.n) / Number(a.d);

const powers: bigint[] = [];
const pow10 = (k: number): bigint => (powers[k] ??= 10n ** BigInt(k));

/** a rounded to `decimals` places in the given mode, as an integer count of 10^-decimals. */
function roundScaled(a: Num, decimals: number, mode: Rounding): bigint {
  const scaledN = a.n * pow10(decimals);
  const negative = scaledN < 0n;
  const absN = negative ? -scaledN : scaledN;
  let q = absN / a.d;
  const rem = absN - q * a.d;
  if (rem !== 0n && mode !== 'down') {
    const twice = rem * 2n;
    if (twice > a.d || (twice === a.d && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  }
  // Half-up and half-even are symmetric around zero ("round half away from zero" for half-up).
  return negative ? -q : q;
}

/** Rounds once, in the declared mode. */
export const round = (a: Num, decimals: number, mode: Rounding): Num =>
  make(roundScaled(a, decimals, mode), pow10(decimals));

/** Exactly `decimals` places, e.g. "87.50". */
export function toFixed(a: Num, decimals: number, mode: Rounding = 'half-up'): string {
  return formatScaled(roundScaled(a, decimals, mode), decimals);
}

function formatScaled(scaled: bigint, decimals: number, trim = false): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const unit = pow10(decimals);
  const intPart = (abs / unit).toString();
  let frac = decimals > 0 ? (abs % unit).toString().padStart(decimals, '0') : '';
  if (trim) {
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
  }
  return `${negative ? '-' : ''}${intPart}${frac ? `.${frac}` : ''}`;
}

/** Plain decimal string of a value with a finite expansion of at most 20 places, e.g. "0.1", "93.8". */
export const toPlain = (a: Num): string => toDisplay(a, 20).value;

/**
 * For display: at most `maxDecimals` places (half-up), trailing zeros dropped; `exact` says whether
 * the shown digits are the whole value (false for 1/3 → "0.3333333333").
 */
export function toDisplay(a: Num, maxDecimals = 10): { value: string; exact: boolean } {
  const scaled = roundScaled(a, maxDecimals, 'half-up');
  const exact = scaled * a.d === a.n * pow10(maxDecimals);
  return { value: formatScaled(scaled, maxDecimals, true), exact };
}

/** 100·part ≥ percent·whole for integer counts and a percent floor, compared exactly. */
export function shareAtLeast(part: number, whole: number, percent: string): boolean {
  const p = num(percent);
  return 100n * BigInt(part) * p.d >= p.n * BigInt(whole);
}

/** a/b compared with c/d for non-negative integers with b, d > 0, exactly: sign of a·d − c·b. */
export function compareRatios(a: number, b: number, c: number, d: number): number {
  const fl = a * d;
  const fr = c * b;
  // Plain integers are exact while the products stay below 2^53; only larger counts need BigInt.
  if (Number.isSafeInteger(fl) && Number.isSafeInteger(fr)) return fl < fr ? -1 : fl > fr ? 1 : 0;
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l < r ? -1 : l > r ? 1 : 0;
}
