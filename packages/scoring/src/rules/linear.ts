import { constant, mul, type Expr } from '../model/expr.js';

/**
 * Tuyến tính — points in proportion to a share: maximum × ratio.
 *
 * "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa" (provincial DTI indices); Núi Thành's base score, the
 * on-time online share "tính theo thang điểm 100" (III.1), is 100 × T / R.
 */
export function linear(max: string, fraction: Expr): Expr {
  return mul(constant(max), fraction);
}
