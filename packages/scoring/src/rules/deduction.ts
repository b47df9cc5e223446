import { constant, div, floor, min, mul, ref, type Expr } from '../model/expr.js';

/**
 * Điểm trừ — a deduction in proportion to a metric, capped.
 *
 * "Tỷ lệ hồ sơ thủ tục hành chính trễ hạn sẽ được quy đổi thành điểm trừ: nếu tỷ lệ hồ sơ thủ tục
 * hành chính bị trễ hạn 1% trên tổng số hồ sơ thủ tục hành chính được giải quyết thì trừ 01 điểm;
 * điểm trừ tối đa 05 điểm." (Núi Thành 2023, III.1)
 *
 * `proportional`: min(max, points × metric / per), so 2.5% late costs 2.5 points; `whole-percent`:
 * only whole steps count, min(max, points × ⌊metric / per⌋). See docs/decisions/0001-late-deduction.md.
 */
export function deduction(metricId: string, per: string, points: string, max: string, mode: 'proportional' | 'whole-percent'): Expr {
  const steps = per === '1' ? ref(metricId) : div(ref(metricId), constant(per));
  return min(constant(max), mul(constant(points), mode === 'proportional' ? steps : floor(steps)));
}
