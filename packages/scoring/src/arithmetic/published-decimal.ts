import Decimal from 'decimal.js';
import type { RoundingMode } from '../schema/common.js';
import type { Exact } from './exact.js';

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
