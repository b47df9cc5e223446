import type { CompiledGroup } from '../model/program.js';
import type { Reason } from '../schema/evaluation.js';
import type { RuleSet } from '../schema/rule-set.js';
import { failureMessage, holds, type MetricValues } from './conditions.js';

/**
 * Tiêu chí để làm căn cứ trao giải — who may be ranked and awarded: every condition of the group
 * must hold. Núi Thành: "Tỷ lệ hồ sơ … giải quyết bằng DVC trực tuyến toàn trình, một phần của các
 * xã, thị trấn tối thiểu đạt 65% … của các cơ quan chuyên môn … tối thiểu đạt 70% … và đạt từ 100
 * hồ sơ … trở lên …" (III.1). "Tối thiểu đạt 65%" means at least: exactly 65.00% qualifies.
 *
 * A unit whose score has no value (no cases at all) gets the rule set's `unscored` reason alone:
 * a share of nothing is neither above nor below a floor.
 */
export function eligibilityReasons(rules: RuleSet, group: CompiledGroup, u: MetricValues, scored: boolean): Reason[] {
  if (rules.score && !scored) return [{ code: rules.score.unscored.code, message: rules.score.unscored.message }];
  let reasons: Reason[] | null = null;
  for (const c of group.eligibility) {
    if (holds(c, u)) continue;
    (reasons ??= []).push({ code: c.code, message: failureMessage(c, u) });
  }
  return reasons ?? [];
}
