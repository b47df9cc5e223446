/**
 * The arithmetic adapter: the only file that imports decimal.js, and the only place numbers are
 * combined. Rules call the small API below; no rule touches a float.
 *
 * Every value is an exact rational n/d of integers. An integer is a JS number while it is a safe
 * integer (|x| < 2^53, where number arithmetic is exact) and a BigInt beyond; every operation
 * checks, so nothing is ever approximated — the small case is only faster. Decimal notation — the rule set's "0.1", "62.5",
 * "1" — is read through decimal.js, so a constant means exactly what it says. Nothing is rounded
 * until the single, declared rounding of the published score (and the display of breakdown
 * figures). See docs/decisions/0006-exact-arithmetic.md for why rationals rather than
 * fixed-precision decimals: T/R has no finite decimal expansion in general, and an exact value is
 * never pushed onto (or off) a rounding boundary. The arithmetic is a small part of evaluating a
 * national roster; most of the time goes to making and keeping the figures, formulas and gaps each
 * unit carries (see the benchmark, `pnpm bench`).
 */
import DecimalJs from 'decimal.js';

/** An exact integer: a safe-integer number, or a BigInt when it would not be one. */
type Int = number | bigint;

/** An exact rational number (opaque outside the library). */
export interface Num {
  readonly n: Int;
  /** Always > 0. */
  readonly d: Int;
}

export type Rounding = 'half-up' | 'half-even' | 'down';

const SAFE = Number.MAX_SAFE_INTEGER;
/** Below this, a quotient and remainder of numbers are exact (q·b ≤ a + b < 2^53). */
const DIVISIBLE = 2 ** 52;

const make = (n: Int, d: Int): Num => ({ n, d });
const big = (x: Int): bigint => (typeof x === 'bigint' ? x : BigInt(x));
/** A BigInt back to a number when it is a safe integer. */
const norm = (x: bigint): Int => (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x);

function imul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // If the true product were beyond 2^53 its float would be too, so this test is exact.
    if (r <= SAFE && r >= -SAFE) return r;
  }
  return norm(big(a) * big(b));
}
function iadd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= SAFE && r >= -SAFE) return r;
  }
  return norm(big(a) + big(b));
}
const ineg = (a: Int): Int => (typeof a === 'number' ? -a : norm(-a));
const isub = (a: Int, b: Int): Int => iadd(a, ineg(b));
/** JS compares a number and a BigInt exactly. */
const icmp = (a: Int, b: Int): number => (a < b ? -1 : a > b ? 1 : 0);
const isZeroInt = (a: Int): boolean => a === 0 || a === 0n;

/**
 * The remainder of the last `quotient` call. Kept here rather than returned in a fresh pair: this
 * runs several times for every figure of every unit, and a national roster is millions of calls.
 */
let remainder: Int = 0;

/**
 * ⌊a / b⌋ for non-negative integers below 2^52 (b > 0): the float quotient, corrected by one where
 * it rounded across an integer. Returned alone, so that in a caller's locals nothing is boxed.
 */
function floorDiv(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return r < 0 ? q - 1 : r >= b ? q + 1 : q;
}

/** Quotient of non-negative integers a / b (b > 0), exact; the remainder is left in `remainder`. */
function quotient(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && a < DIVISIBLE && b < DIVISIBLE) {
    const q = floorDiv(a, b);
    remainder = a - q * b;
    return q;
  }
  const A = big(a);
  const B = big(b);
  const q = A / B;
  remainder = norm(A - q * B);
  return norm(q);
}

const fromDecimalString = new Map<string, Num>();
/** Case counts are mostly small: their values are made once and shared (they are immutable). */
const smallIntegers: Num[] = [];
const SMALL = 1 << 14;

/** An integer, or a decimal written as a string ("0.1", "65", "62.5"). */
export function num(value: number | string): Num {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    if (value >= 0 && value < SMALL) return (smallIntegers[value] ??= make(value, 1));
    return make(value, 1);
  }
  const key = String(value);
  let cached = fromDecimalString.get(key);
  if (!cached) {
    const [n, d] = new DecimalJs(key).toFraction() as [DecimalJs, DecimalJs];
    cached = make(norm(BigInt(n.toFixed())), norm(BigInt(d.toFixed())));
    fromDecimalString.set(key, cached);
  }
  return cached;
}

export const ZERO: Num = make(0, 1);

/** scale × part / whole for integer counts (whole > 0), exactly, made as one value: every share the plan defines. */
export function ratio(part: number, whole: number, scale = 1): Num {
  if (!(whole > 0)) throw new RangeError('a share of nothing');
  return make(imul(scale, part), whole);
}

const sameDenominator = (a: Num, b: Num): boolean => a.d === b.d;

export const add = (a: Num, b: Num): Num =>
  sameDenominator(a, b) ? make(iadd(a.n, b.n), a.d) : make(iadd(imul(a.n, b.d), imul(b.n, a.d)), imul(a.d, b.d));
export const sub = (a: Num, b: Num): Num =>
  sameDenominator(a, b) ? make(isub(a.n, b.n), a.d) : make(isub(imul(a.n, b.d), imul(b.n, a.d)), imul(a.d, b.d));
export const mul = (a: Num, b: Num): Num => make(imul(a.n, b.n), imul(a.d, b.d));
export function div(a: Num, b: Num): Num {
  if (isZeroInt(b.n)) throw new RangeError('division by zero');
  return b.n < 0 ? make(imul(ineg(a.n), b.d), imul(a.d, ineg(b.n))) : make(imul(a.n, b.d), imul(a.d, b.n));
}
/** -1, 0 or 1. */
export function cmp(a: Num, b: Num): number {
  if (sameDenominator(a, b)) return icmp(a.n, b.n);
  return icmp(imul(a.n, b.d), imul(b.n, a.d));
}
export const min = (a: Num, b: Num): Num => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Num, b: Num): Num => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Num): boolean => isZeroInt(a.n);

/** ⌊a⌋ as an exact integer value. */
export function floor(a: Num): Num {
  if (a.n >= 0) return make(quotient(a.n, a.d), 1);
  const q = quotient(ineg(a.n), a.d);
  return make(ineg(isZeroInt(remainder) ? q : iadd(q, 1)), 1);
}
/** ⌈a⌉ as an exact integer value. */
export function ceil(a: Num): Num {
  return make(ineg(floor(make(ineg(a.n), a.d)).n), 1);
}
/**
 * a × 10^decimals when that is an integer and a safe JS number (a published score, say), else
 * null. Exact: a value that is not a whole number of 10^-decimals gives null, never a rounding.
 */
export function scaledInteger(a: Num, decimals: number): number | null {
  const negative = a.n < 0;
  const scaled = quotient(imul(negative ? ineg(a.n) : a.n, pow10(decimals)), a.d);
  if (!isZeroInt(remainder) || typeof scaled !== 'number') return null;
  return negative ? -scaled : scaled;
}

/** An approximation, only for seeding searches — never for a published figure. */
export const toApproximateNumber = (a: Num): number => Number(a.n) / Number(a.d);

const powers: Int[] = [];
const pow10 = (k: number): Int => (powers[k] ??= norm(10n ** BigInt(k)));

/** Whether the last `roundScaled` dropped nothing (same reason as `remainder`). */
let lastRoundingExact = true;

/**
 * a rounded to `decimals` places in the given mode, as an integer count of 10^-decimals; sets
 * `lastRoundingExact`. Half-up rounds half away from zero; half-even to the even neighbour.
 */
function roundScaled(a: Num, decimals: number, mode: Rounding): Int {
  const negative = a.n < 0;
  const whole = quotient(negative ? ineg(a.n) : a.n, a.d);
  const unit = pow10(decimals);
  const frac = quotient(imul(remainder, unit), a.d);
  const rem = remainder;
  let q = iadd(imul(whole, unit), frac);
  lastRoundingExact = isZeroInt(rem);
  if (!lastRoundingExact && mode !== 'down') {
    const c = icmp(imul(rem, 2), a.d);
    const odd = typeof q === 'number' ? q % 2 === 1 : q % 2n === 1n;
    if (c > 0 || (c === 0 && (mode === 'half-up' || odd))) q = iadd(q, 1);
  }
  return negative ? ineg(q) : q;
}

/** Rounds once, in the declared mode. */
export const round = (a: Num, decimals: number, mode: Rounding): Num => make(roundScaled(a, decimals, mode), pow10(decimals));

/** Exactly `decimals` places, e.g. "87.50". */
export const toFixed = (a: Num, decimals: number, mode: Rounding = 'half-up'): string => format(a, decimals, mode, false);

/** a rounded to `decimals` places as text; with `trim`, trailing zeros (and a bare point) dropped. */
function format(a: Num, decimals: number, mode: Rounding, trim: boolean): string {
  if (typeof a.n === 'number' && typeof a.d === 'number' && fitsSmall(a.n, a.d, decimals)) {
    return formatSmall(a.n, a.d, decimals, mode, trim);
  }
  return formatScaled(roundScaled(a, decimals, mode), decimals, trim);
}

/** V8 joins strings shorter than this into a flat string straight away. */
const SHORTEST_TREE = 13;

/** Whether `formatSmall` is exact for n/d: every product it forms stays below 2^53. */
const fitsSmall = (n: number, d: number, decimals: number): boolean =>
  decimals <= 15 && n < DIVISIBLE && n > -DIVISIBLE && d * (pow10(decimals) as number) < DIVISIBLE;

/**
 * `formatScaled(roundScaled(n/d))` for the usual case of small numbers, done in local doubles
 * (all exact integers below 2^53): no intermediate value is stored, so none is boxed on the heap.
 * Every figure of every unit is shown through here. Sets `lastRoundingExact`.
 */
function formatSmall(n: number, d: number, decimals: number, mode: Rounding, trim: boolean): string {
  const negative = n < 0;
  const m = negative ? -n : n;
  let whole = floorDiv(m, d);
  const unit = pow10(decimals) as number;
  const x = (m - whole * d) * unit;
  let frac = floorDiv(x, d);
  const rem = x - frac * d;
  lastRoundingExact = rem === 0;
  if (rem !== 0 && mode !== 'down') {
    const twice = 2 * rem;
    const odd = (decimals > 0 ? frac : whole) % 2 === 1;
    if (twice > d || (twice === d && (mode === 'half-up' || odd))) frac += 1;
    if (frac >= unit) {
      frac -= unit;
      whole += 1;
    }
  }
  let digits = decimals;
  if (trim) {
    // Trailing zeros dropped; a 10-digit fraction is past V8's small integers, where % is a call.
    let tenth = floorDiv(frac, 10);
    while (digits > 0 && frac === tenth * 10) {
      frac = tenth;
      tenth = floorDiv(frac, 10);
      digits--;
    }
  }
  const body = digits === 0 ? String(whole) : whole + '.' + fractionText(frac, digits);
  return flat(negative && (whole > 0 || frac > 0) ? '-' + body : body);
}

const GROUP = 4;
const GROUP_SIZE = 10 ** GROUP;
/** `digitGroups[w][v]`: v written with exactly w digits (w = 1 … 4), leading zeros included. */
let digitGroups: string[][] | null = null;

/**
 * frac (0 ≤ frac < 10^digits) written with exactly `digits` digits, leading zeros included, from
 * groups of four looked up in a table made on first use (some 11,000 short strings). Every figure
 * of every unit is shown through here: a table lookup costs nothing, where String() of a 10-digit
 * number takes V8's general double-to-text path and then needs padding.
 */
function fractionText(frac: number, digits: number): string {
  const table = (digitGroups ??= [0, 1, 2, 3, 4].map((w) =>
    Array.from({ length: 10 ** w }, (_, v) => (w === 0 ? '' : String(v).padStart(w, '0'))),
  ));
  let rest = frac;
  let left = digits;
  let text = '';
  while (left > GROUP) {
    const q = floorDiv(rest, GROUP_SIZE);
    text = (table[GROUP] as string[])[rest - q * GROUP_SIZE] + text;
    rest = q;
    left -= GROUP;
  }
  return (table[left] as string[])[rest] + text;
}

/**
 * The same text, as one flat string. Strings joined with `+` are kept by V8 as a tree of their
 * pieces until first read, about twice the memory of the text; an evaluation keeps tens of
 * thousands of formulas and figures, and the garbage collector copies all of them. V8's `trim()`
 * reads the text and returns it flat; none of these strings has surrounding spaces, so in any other
 * engine it is a harmless no-op.
 */
export const flat = (text: string): string => (text.length < SHORTEST_TREE ? text : text.trim());

/**
 * Decimal text of scaled × 10^-decimals, e.g. (8750, 2) → "87.50"; with `trim`, trailing zeros
 * (and a bare point) are dropped. Built from a handful of short pieces rather than an array: every
 * figure of every unit comes through here.
 */
function formatScaled(scaled: Int, decimals: number, trim = false): string {
  const negative = scaled < 0;
  const whole = quotient(negative ? ineg(scaled) : scaled, pow10(decimals));
  let frac = remainder;
  let digits = decimals;
  if (trim) {
    if (typeof frac === 'number') {
      while (digits > 0 && frac % 10 === 0) {
        frac /= 10;
        digits--;
      }
    } else {
      while (digits > 0 && frac % 10n === 0n) {
        frac /= 10n;
        digits--;
      }
    }
  }
  const sign = negative ? '-' : '';
  if (digits === 0) return negative ? sign + whole : String(whole);
  const fracText = String(frac);
  const point = fracText.length < digits ? '.' + '0'.repeat(digits - fracText.length) : '.';
  return flat(sign + whole + point + fracText);
}

/** Plain decimal string of a value with a finite expansion of at most 20 places, e.g. "0.1", "93.8". */
export const toPlain = (a: Num): string => toDisplay(a, 20);

/**
 * For display: at most `maxDecimals` places (half-up), trailing zeros dropped, e.g. 1/3 →
 * "0.3333333333". Whether the shown digits are the whole value is `lastDisplayExact()`.
 */
export const toDisplay = (a: Num, maxDecimals = 10): string => format(a, maxDecimals, 'half-up', true);

/**
 * Whether the last `toDisplay` (or `toFixed`) dropped nothing — false for 1/3 → "0.3333333333".
 * Read it straight after the call; kept here rather than returned in a pair, like `remainder`.
 */
export const lastDisplayExact = (): boolean => lastRoundingExact;

/** 100·part ≥ percent·whole for integer counts and a percent floor, compared exactly. */
export function shareAtLeast(part: number, whole: number, percent: string): boolean {
  const p = num(percent);
  return icmp(imul(imul(100, part), p.d), imul(p.n, whole)) >= 0;
}

/**
 * Fewest k ≥ 0 with 100·(part + k) ≥ percent·(whole + k), for integer counts and a percent floor,
 * solved exactly: k = ⌈(percent·whole − 100·part) / (100 − percent)⌉; null when no k reaches it (a
 * floor of 100% or more that is not met already) or when k is past the safe integers (no count of
 * cases means anything there, and a JS number could not say it exactly).
 */
export function extraToReachShare(part: number, whole: number, percent: string): number | null {
  const p = num(percent);
  // In units of 1/p.d: 100·p.d·(part + k) ≥ p.n·(whole + k)  ⇔  k·(100·p.d − p.n) ≥ p.n·whole − 100·p.d·part.
  const shortfall = isub(imul(p.n, whole), imul(imul(100, p.d), part));
  if (shortfall <= 0) return 0;
  const headroom = isub(imul(100, p.d), p.n);
  if (headroom <= 0) return null;
  const q = quotient(shortfall, headroom);
  const k = isZeroInt(remainder) ? q : iadd(q, 1);
  return typeof k === 'number' ? k : null;
}

/** a/b compared with c/d for non-negative integers with b, d > 0, exactly: sign of a·d − c·b. */
export function compareRatios(a: number, b: number, c: number, d: number): number {
  return icmp(imul(a, d), imul(c, b));
}
