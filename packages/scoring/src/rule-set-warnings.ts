import * as X from './arithmetic/exact.js';
import { issueMessages } from './errors.js';
import { maximumWarnings } from './rules/criteria-sum.js';
import type { ScoringIssue } from './schema/evaluation.js';
import type { RuleSet } from './schema/rule-set.js';

/**
 * What a valid rule set may still have wrong, said with its place in the file and never refused
 * (the source may really say so): a stated maximum its parts do not add up to, a threshold written
 * as a fraction on a percent metric ("0.8" for 80%), a class scale with no lowest class.
 */
export function ruleSetWarnings(rs: RuleSet): ScoringIssue[] {
  const warnings = maximumWarnings(rs.score?.criteria);
  const percent = new Set(rs.metrics.filter((m) => m.kind === 'ratio' && m.percent).map((m) => m.id));
  const fraction = (path: (string | number)[], metric: string | undefined, value: string) => {
    if (metric === undefined || !percent.has(metric)) return;
    const v = X.exact(value);
    if (X.cmp(v, X.ZERO) > 0 && X.cmp(v, X.ONE) < 0) warnings.push({ path, code: 'percent_threshold_below_one', message: issueMessages.percent_threshold_below_one(metric, value) });
  };
  rs.groups.forEach((g, i) => {
    g.eligibility?.conditions.forEach((c, j) => fraction(['groups', i, 'eligibility', 'conditions', j, 'value'], c.metric, c.value));
    g.prizes?.forEach((p, j) => p.conditions?.forEach((c, k) => fraction(['groups', i, 'prizes', j, 'conditions', k, 'value'], c.metric, c.value)));
  });
  rs.targets?.forEach((t, i) => fraction(['targets', i, 'value'], t.metric, t.value));
  if (rs.classes && !rs.classes.levels.some((l) => X.cmp(X.exact(l.min), X.ZERO) === 0)) {
    const lowest = rs.classes.levels.reduce((a, b) => (X.cmp(X.exact(b.min), X.exact(a.min)) < 0 ? b : a));
    warnings.push({ path: ['classes', 'levels'], code: 'class_scale_without_lowest', message: issueMessages.class_scale_without_lowest(lowest.min) });
  }
  return warnings;
}
