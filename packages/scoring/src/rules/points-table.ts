import { step, type Expr } from '../model/expr.js';

/**
 * Bảng điểm — points by steps of a metric: the points of the last step the metric reaches, 0 below
 * the first.
 *
 * "Ban chỉ đạo chuyển đổi số họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại 0"
 * (provincial DTI index for districts).
 */
export function pointsTable(metricValue: Expr, steps: readonly { from: string; points: string }[]): Expr {
  return step(
    metricValue,
    steps.map((s) => s.from),
    steps.map((s) => s.points),
    '0',
  );
}
