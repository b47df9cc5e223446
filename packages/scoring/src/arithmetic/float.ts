/**
 * The float calculator's guarantees: decisions made on a double together with a bound on its error
 * — a running error bound, carried beside every value of the fast path (float-tape.ts) — are
 * trusted only when every value within the bound decides the same way. Otherwise the caller asks
 * the exact calculator. See docs/decisions/0011-exact-arithmetic-library.md.
 *
 * Pure: each function returns what it decided, or NaN / -1 for "cannot be sure".
 */
import type { RoundingMode } from '../schema/common.js';

/** The unit roundoff of doubles: every basic operation errs by at most this, relative. */
export const U = 2 ** -53;
/** Beyond this, the floor-and-fraction tricks below stop being exact. */
const LIMIT = 2 ** 51;

/** y rounded to an integer in the mode; exact for |y| < 2^51 (y − ⌊y⌋ is then exact). */
function roundToInteger(y: number, mode: RoundingMode): number {
  const a = Math.abs(y);
  const whole = Math.floor(a);
  const frac = a - whole;
  let r = whole;
  if (mode === 'half-up') r = frac >= 0.5 ? whole + 1 : whole;
  else if (mode === 'half-even') r = frac > 0.5 || (frac === 0.5 && whole % 2 === 1) ? whole + 1 : whole;
  return y < 0 ? -r : r;
}

/**
 * v × 10^decimals rounded in the mode, when every value within `e` of v rounds the same way (the
 * rounding is monotone, so its two ends decide); NaN otherwise.
 */
export function certainScaled(v: number, e: number, decimals: number, mode: RoundingMode): number {
  const factor = 10 ** decimals;
  const x = v * factor;
  const margin = e * factor + Math.abs(x) * 4 * U;
  if (!(Math.abs(x) + margin < LIMIT)) return NaN;
  const lo = roundToInteger(x - margin, mode);
  const hi = roundToInteger(x + margin, mode);
  return lo === hi ? lo : NaN;
}

/** ⌊v⌋ when every value within `e` of v has the same floor; NaN otherwise. */
export function certainFloor(v: number, e: number): number {
  if (e === 0) return Math.floor(v);
  const margin = e + Math.abs(v) * 4 * U;
  const lo = Math.floor(v - margin);
  return lo === Math.floor(v + margin) ? lo : NaN;
}

/**
 * The index of the last bound v reaches (bounds ascending, each inclusive; -1 below them all), when
 * every value within `e` of v lands in the same bracket; -2 when it cannot be sure. `exactBounds`:
 * every bound is exactly a double (whole numbers are), so an exact v compares exactly.
 */
export function certainBracket(v: number, e: number, bounds: Float64Array, exactBounds: boolean): number {
  const at = (x: number): number => {
    let i = -1;
    while (i + 1 < bounds.length && x >= (bounds[i + 1] as number)) i++;
    return i;
  };
  if (e === 0 && exactBounds) return at(v);
  const margin = e + (Math.abs(v) + (exactBounds ? 0 : 1)) * 8 * U;
  const lo = at(v - margin);
  return lo === at(v + margin) ? lo : -2;
}
