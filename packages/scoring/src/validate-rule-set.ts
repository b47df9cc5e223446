import { issueMessages } from './errors.js';
import { ruleSetSchema, type RuleSet } from './schema/rule-set.js';
import type { ScoringIssue } from './types.js';

export interface RuleSetValidation {
  ok: boolean;
  ruleSet: RuleSet | null;
  errors: ScoringIssue[];
}

/** Checks a rule set (e.g. a district's rules.json) against the schema; every problem at once. */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const result = ruleSetSchema.safeParse(input);
  if (result.success) return { ok: true, ruleSet: result.data, errors: [] };
  return {
    ok: false,
    ruleSet: null,
    errors: result.error.issues.map((issue) => ({
      path: ['ruleSet', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      code: 'invalid_rule_set',
      message: issueMessages.invalid_rule_set(`${issue.path.join('.') || '(root)'}: ${issue.message}`),
    })),
  };
}
