import { div, max, mul, num, sub, ZERO, type Num } from '../decimal.js';
import type { RuleSet } from '../schema/rule-set.js';
import type { CombinationMode, DeductionMode } from '../types.js';
import { baseScoreNumerator } from './base-score.js';
import type { Counts } from './counts.js';
import { deductionTimesR } from './late-deduction.js';
import { volumeBracket } from './volume-coefficient.js';

/**
 * Điểm đạt được — the unit's exact (unrounded) score.
 *
 * The plan lists a 100-point score, a deduction and a "hệ số phát sinh hồ sơ để tính điểm"
 * without writing the formula. Policy `deduct-then-multiply` (default):
 *   score = max(0, (base − deduction) × coefficient)
 * Policy `multiply-then-deduct`:
 *   score = max(0, base × coefficient − deduction)
 * See docs/decisions/0002-score-formula.md.
 *
 * The whole score is formed as one fraction over R and divided once, so no intermediate value is
 * rounded (see decimal.ts for why the single truncated division is exact for publishing).
 */
export function rawScore(
  c: Counts,
  rules: RuleSet,
  deduction: DeductionMode,
  combination: CombinationMode,
  pointsTimesR: Num = deductionTimesR(c, rules, deduction),
): Num {
  const coefficient = num(volumeBracket(c.O, rules).coefficient);
  const baseTimesR = baseScoreNumerator(c, rules);
  const timesR =
    combination === 'deduct-then-multiply'
      ? mul(sub(baseTimesR, pointsTimesR), coefficient)
      : sub(mul(baseTimesR, coefficient), pointsTimesR);
  const raw = div(timesR, num(c.R));
  return rules.score.combination.floorAtZero ? max(raw, ZERO) : raw;
}
