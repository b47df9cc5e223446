import * as X from '../arithmetic/exact.js';
import { certainScaled } from '../arithmetic/float.js';
import type { RoundingMode } from '../schema/common.js';

/**
 * Điểm công bố — the published score: rounded once, at the end, in the rule set's mode (Núi Thành:
 * 2 decimals, half-up; docs/decisions/0003-rounding.md). The published score is what ranks, so two
 * units that publish the same figure are equal on score.
 *
 * Held as a whole number of 10^-decimals (8750 for 87.50), which ranking compares as an integer.
 */
export interface Rounding {
  readonly decimals: number;
  readonly mode: RoundingMode;
}

/** From the float calculator: the published score, or NaN when the rounding cannot be certain. */
export const publishFloat = (v: number, e: number, r: Rounding): number => certainScaled(v, e, r.decimals, r.mode);

/** From the exact calculator. */
export function publishExact(raw: X.Exact, r: Rounding): number {
  return Number(X.toFixed(raw, r.decimals, r.mode).replace('.', ''));
}

/** The published score as text with exactly the rule set's decimals, e.g. "87.50". */
export const scoreText = (scaled: number, r: Rounding): string => X.scaledText(scaled, r.decimals, false);
