import { constant, div, min, mul, type Expr } from '../model/expr.js';
import { exact, toDisplay, div as exactDiv } from '../arithmetic/exact.js';

/**
 * Đạt tối đa tại ngưỡng — points that reach the maximum at a target share:
 * min(maximum, maximum × ratio / target).
 *
 * QĐ 766/QĐ-TTg, satisfaction in receiving and resolving cases: "điểm = min(6, 6 × tỷ lệ / 0,90)"
 * (as reproduced from the national portal's data; see the qd766-2022 preset). `target` is in the
 * metric's own unit: "90" for a percent metric, written here as the fraction 0.9.
 */
export function cappedAtTarget(max: string, fraction: Expr, target: string, percent: boolean): Expr {
  const targetFraction = percent ? toDisplay(exactDiv(exact(target), exact(100)), 20).text : target;
  return min(constant(max), div(mul(constant(max), fraction), constant(targetFraction)));
}
