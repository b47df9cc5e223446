import Decimal from 'decimal.js';
import type { RoundingMode } from '../schema/common.js';
import type { Exact } from './exact.js';

/**
 * Decimal text in and out, through decimal.js, the stack's decimal library: the literals a rule set
 * writes (thresholds, amounts, maxima: "65", "0.1", "62.5") are read here, and every published figure
 * is written here. fraction.js (exact.ts) stays the rational core in between.
 */

/**
 * A decimal literal as the exact fraction it denotes, [numerator, denominator] in lowest terms.
 * decimal.js keeps every digit written (a new Decimal is never rounded), and a finite decimal's
 * fraction is exact.
 */
export function literalFraction(text: string): [bigint, bigint] {
  const [n, d] = new Decimal(text).toFraction() as [Decimal, Decimal];
  return [BigInt(n.toFixed()), BigInt(d.toFixed())];
}

/**
 * An exact value (a fraction n/d, fraction.js) as the published decimal text under a declared
 * rounding: decimal.js, the stack's decimal library, divides and rounds.
 *
 * The division is cut (toward zero) to P = intDigits + decimals + digits(2d) + 2 significant digits,
 * which is enough for the rounding to come out as from the exact fraction
 * (docs/decisions/0018-published-decimals-with-decimal-js.md): a rounding boundary other than n/d
 * itself is at least 1 / (2d·10^decimals) away from n/d, more than the cut can lose; and an n/d
 * lying on a boundary has at most decimals + 1 places, which P keeps exactly.
 */
const modes: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;

/** One decimal.js constructor per precision, made once (cloning one is far dearer than dividing). */
const constructors = new Map<number, Decimal.Constructor>();
const decimalOf = (precision: number): Decimal.Constructor => {
  let D = constructors.get(precision);
  if (!D) constructors.set(precision, (D = Decimal.clone({ precision, rounding: Decimal.ROUND_DOWN })));
  return D;
};

export function publishedText(a: Exact, decimals: number, mode: RoundingMode): string {
  const n = a.s < 0n ? -a.n : a.n;
  const precision = digits(a.n / a.d) + decimals + digits(2n * a.d) + 2;
  const D = decimalOf(precision);
  const text = new D(n.toString()).div(a.d.toString()).toFixed(decimals, modes[mode]);
  // A negative value that rounds to zero is published as zero, unsigned.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
