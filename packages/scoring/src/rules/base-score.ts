import { mul, num, ratio, type Num } from '../decimal.js';
import type { RuleSet } from '../schema/rule-set.js';
import type { Counts } from './counts.js';

/**
 * Điểm cơ sở — the base score: online cases resolved on time or early, out of ALL cases resolved,
 * on the plan's 100-point scale.
 *
 * "Tỷ lệ phần trăm (%) hồ sơ thủ tục hành chính giải quyết bằng DVC trực tuyến toàn trình, một phần
 * đúng hạn, trước hạn trên tổng số hồ sơ thủ tục hành chính đã giải quyết … tính theo thang điểm
 * 100." (III.1)
 *
 * base = scale × T / R. The denominator is every channel's cases (R), not only online ones (O):
 * the sentence says "trên tổng số hồ sơ … đã giải quyết".
 */
export function baseScore(c: Counts, rules: RuleSet): Num {
  return ratio(c.T, c.R, rules.score.base.scale);
}

/** scale × T: the base score's numerator over R. */
export function baseScoreNumerator(c: Counts, rules: RuleSet): Num {
  return mul(num(rules.score.base.scale), num(c.T));
}
