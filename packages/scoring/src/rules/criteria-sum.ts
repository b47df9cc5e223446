import * as X from '../arithmetic/exact.js';
import { constant, min, mul, ref, sum, type Expr } from '../model/expr.js';
import { issueMessages } from '../errors.js';
import type { ScoringIssue } from '../schema/evaluation.js';
import type { Criterion } from '../schema/rule-set.js';

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

/** A parent whose stated maximum is not what its children's maxima add up to (weighted where it weights them). */
export interface MaximumDisagreement {
  /** Where the maximum is written in the rule set: ['score', 'criteria', 'children', 0, …, 'max']. */
  path: (string | number)[];
  criterion: string;
  number: string;
  stated: string;
  sum: string;
}

/**
 * Every parent, at every level, whose maximum as the source states it differs from the sum of its
 * children's maxima: Thủy Thanh's task 6 (9.0 stated, 8.0 listed), QĐ 766's online payment (10
 * stated, 10.5 listed). Said, never corrected: the stated maximum is the source's.
 */
export function maximumDisagreements(root: Criterion): MaximumDisagreement[] {
  const found: MaximumDisagreement[] = [];
  const visit = (node: Criterion, path: (string | number)[]) => {
    if (!node.children) return;
    node.children.forEach((child, i) => visit(child, [...path, 'children', i]));
    const weighted = node.aggregate === 'weighted';
    const total = node.children.reduce((t, c) => X.add(t, X.mul(X.exact(weighted ? (c.weight ?? '1') : '1'), X.exact(c.max))), X.ZERO);
    if (X.cmp(total, X.exact(node.max)) !== 0) found.push({ path: [...path, 'max'], criterion: node.id, number: node.number ?? node.id, stated: node.max, sum: X.toDisplay(total).text });
  };
  visit(root, ['score', 'criteria']);
  return found;
}

/** A disagreement as a warning, at the criterion's maximum in the rule set. */
export const maximumWarning = (d: MaximumDisagreement): ScoringIssue => ({
  path: d.path,
  code: 'stated_maximum_mismatch',
  message: issueMessages.stated_maximum_mismatch(d.number, d.stated, d.sum),
});

/** The disagreements as warnings, each at the criterion's maximum in the rule set. */
export function maximumWarnings(root: Criterion | undefined): ScoringIssue[] {
  return root ? maximumDisagreements(root).map(maximumWarning) : [];
}
