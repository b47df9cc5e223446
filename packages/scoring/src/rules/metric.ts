import { constant, mul, orElse, ratio, sub, sumOfInputs, type Expr } from '../model/expr.js';
import type { Metric } from '../schema/rule-set.js';

/**
 * Chỉ số — a metric: a share of declared inputs ("tỷ lệ hồ sơ … trên tổng số hồ sơ …"), or a count.
 *
 * A ratio is sum(of) / sum(per); a percent metric is written (and compared, and given thresholds)
 * × 100. When sum(per) is 0 the denominator is sum(perWhenEmpty) where the source names one (the
 * previous year's count); when that is 0 too, the metric's `whenEmpty` decides: no value, 0, or full
 * marks. A complement is 1 − the share ((per − of) / per: "100% − tỷ lệ trễ hạn"); a difference is
 * sum(of) − sum(less), a count.
 */

/** The metric as a fraction (0 … 1 for a share): what "maximum × ratio" multiplies. */
export function metricFraction(metric: Metric): Expr {
  if (metric.kind === 'sum') return sumOfInputs(metric.of);
  if (metric.kind === 'difference') return sub(sumOfInputs(metric.of), sumOfInputs(metric.less));
  const per = sumOfInputs(metric.per);
  if (metric.complement) return ratio(sub(per, sumOfInputs(metric.of)), per, metric.whenEmpty);
  return ratio(sumOfInputs(metric.of), metric.perWhenEmpty ? orElse(per, sumOfInputs(metric.perWhenEmpty)) : per, metric.whenEmpty);
}

/** The metric in its own unit: a percent metric × 100 (of the fraction given, so that the two share one node). */
export function metricExpr(metric: Metric, fraction: Expr = metricFraction(metric)): Expr {
  return metric.kind === 'ratio' && metric.percent ? mul(fraction, constant('100')) : fraction;
}
