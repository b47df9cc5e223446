import * as X from '../arithmetic/exact.js';
import { constant, min, mul, ref, sum, type Expr } from '../model/expr.js';

/**
 * Tổng điểm tiêu chí — a parent criterion's points: the sum of its children ("Nhiệm vụ 1. Kế hoạch
 * CCHC: đạt 5.86/10.0 điểm", the sum of 1.1 … 1.6), or the sum of weight × child for a weighted
 * parent. Capped at the parent's maximum only where its children could exceed it (QĐ 766's online
 * payment items reach 10.5 against a group maximum of 10).
 */
export function criteriaSum(max: string, children: readonly { id: string; max: string; weight?: string | undefined }[], weighted: boolean): Expr {
  const weightOf = (c: { weight?: string | undefined }) => (weighted ? (c.weight ?? '1') : '1');
  const terms = children.map((c) => (weighted ? mul(constant(weightOf(c)), ref(c.id)) : ref(c.id)));
  const reach = children.reduce((total, c) => X.add(total, X.mul(X.exact(weightOf(c)), X.exact(c.max))), X.ZERO);
  const total = sum(terms);
  return X.cmp(reach, X.exact(max)) > 0 ? min(constant(max), total) : total;
}
