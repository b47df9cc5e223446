import { ref, step, type Expr } from '../model/expr.js';

/**
 * Hệ số — a multiplier from a bracket table on a metric, each bracket's lower bound inclusive
 * ("từ 300") and its upper bound exclusive ("đến dưới 600").
 *
 * "Hệ số phát sinh hồ sơ để tính điểm: Dưới 300 hồ sơ 0,1; Từ 300 đến dưới 600 hồ sơ 0,2; … Từ 2700
 * hồ sơ trở lên 1" (Núi Thành 2023, III.1). Below the first bracket's bound the first value applies.
 */
export function multiplier(metricId: string, brackets: readonly { from: string; value: string }[]): Expr {
  return step(
    ref(metricId),
    brackets.map((b) => b.from),
    brackets.map((b) => b.value),
    null,
  );
}
