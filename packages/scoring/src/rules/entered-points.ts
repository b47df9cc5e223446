import { constant, input, min, type Expr } from '../model/expr.js';

/**
 * Điểm chấm — points entered per criterion by the unit (tự đánh giá) or the appraisal council
 * (Hội đồng thẩm định), capped at the criterion's maximum.
 *
 * "1.1.2 Mức độ hoàn thành KH CCHC: 0.8/1.0 điểm. Đánh giá của Hội đồng thẩm định: hoàn thành 80%."
 * (Thủy Thanh CCHC index 2022). A criterion marked "x" (no task arose) is neither scored nor counted:
 * it adds nothing, and its maximum leaves its parent's (see the explanation's `countedMax`).
 */
export function enteredPoints(max: string, inputId: string): Expr {
  return min(constant(max), input(inputId));
}
