import { round, toFixed, type Num } from '../decimal.js';
import type { RuleSet } from '../schema/rule-set.js';

/**
 * Điểm công bố — the published score: rounded once, at the end, in the rule set's mode
 * (Núi Thành: 2 decimals, half-up). The published score is what ranks, so two units that
 * publish the same figure are equal on score. See docs/decisions/0003-rounding.md.
 */
export function publishScore(raw: Num, rules: RuleSet): Num {
  return round(raw, rules.score.rounding.decimals, rules.score.rounding.mode);
}

/** The published score as a string with exactly the rule set's decimals, e.g. "87.50". */
export function formatScore(published: Num, rules: RuleSet): string {
  return toFixed(published, rules.score.rounding.decimals, rules.score.rounding.mode);
}
