import { cmp, div, floor, min, mul, num, ratio, type Num } from '../decimal.js';
import type { RuleSet } from '../schema/rule-set.js';
import type { DeductionMode } from '../types.js';
import type { Counts } from './counts.js';

/**
 * Điểm trừ trễ hạn — the late-case deduction.
 *
 * "Tỷ lệ hồ sơ thủ tục hành chính trễ hạn sẽ được quy đổi thành điểm trừ: nếu tỷ lệ hồ sơ thủ tục
 * hành chính bị trễ hạn 1% trên tổng số hồ sơ thủ tục hành chính được giải quyết thì trừ 01 điểm;
 * điểm trừ tối đa 05 điểm." (III.1)
 *
 * late% = 100 × L / R. Policy `proportional` (default): deduction = min(max, points × late%), so
 * 2.5% late costs 2.5 points. Policy `whole-percent`: only whole percents count,
 * min(max, points × ⌊late%⌋). See docs/decisions/0001-late-deduction.md.
 */
export function latePercent(c: Counts): Num {
  return ratio(c.L, c.R, 100);
}

export interface Deduction {
  /** The points deducted. */
  points: Num;
  /** points × R, exact — lets the score be formed as one fraction over R. */
  pointsTimesR: Num;
  capped: boolean;
}

export function lateDeduction(c: Counts, rules: RuleSet, mode: DeductionMode): Deduction {
  const cap = num(rules.score.deduction.maxPoints);
  const R = num(c.R);
  if (mode === 'proportional') {
    const pointsTimesR = deductionTimesR(c, rules, mode);
    const capped = cmp(pointsTimesR, mul(cap, R)) >= 0;
    return { points: capped ? cap : div(pointsTimesR, R), pointsTimesR, capped };
  }
  // Truncating division of integers then floor gives the exact whole percent.
  const whole = floor(latePercent(c));
  const uncapped = mul(num(rules.score.deduction.pointsPerPercent), whole);
  const points = min(uncapped, cap);
  return { points, pointsTimesR: mul(points, R), capped: cmp(uncapped, cap) > 0 };
}

/**
 * points × R alone — what the score needs — without the object: a gap search forms a score for
 * every step it tries.
 */
export function deductionTimesR(c: Counts, rules: RuleSet, mode: DeductionMode): Num {
  if (mode !== 'proportional') return lateDeduction(c, rules, mode).pointsTimesR;
  // points × 100·L / R ≥ cap  ⇔  points × 100·L ≥ cap × R — compared exactly, never as floats.
  const uncappedTimesR = mul(num(rules.score.deduction.pointsPerPercent), mul(num(100), num(c.L)));
  const capTimesR = mul(num(rules.score.deduction.maxPoints), num(c.R));
  return cmp(uncappedTimesR, capTimesR) >= 0 ? capTimesR : uncappedTimesR;
}
