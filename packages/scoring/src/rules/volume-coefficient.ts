import type { CoefficientBracket, RuleSet } from '../schema/rule-set.js';

/**
 * Hệ số phát sinh hồ sơ — the volume coefficient, by online cases received and resolved (O).
 *
 * "Hệ số phát sinh hồ sơ để tính điểm: … Dưới 300 hồ sơ 0,1; Từ 300 đến dưới 600 hồ sơ 0,2; …
 * Từ 2700 hồ sơ trở lên 1" (III.1)
 *
 * Each bracket's lower bound is inclusive ("từ 300"), its upper bound exclusive ("đến dưới 600").
 */
export function volumeBracketIndex(resolvedOnline: number, rules: RuleSet): number {
  const brackets = rules.score.coefficient.brackets;
  let index = 0;
  for (let i = 1; i < brackets.length; i++) {
    if (resolvedOnline >= (brackets[i] as CoefficientBracket).minResolvedOnline) index = i;
  }
  return index;
}

/** The bracket itself. */
export function volumeBracket(resolvedOnline: number, rules: RuleSet): CoefficientBracket {
  return rules.score.coefficient.brackets[volumeBracketIndex(resolvedOnline, rules)] as CoefficientBracket;
}

/** The next bracket up, or null at the top. */
export function nextVolumeBracket(resolvedOnline: number, rules: RuleSet): CoefficientBracket | null {
  return rules.score.coefficient.brackets[volumeBracketIndex(resolvedOnline, rules) + 1] ?? null;
}
