import { ScoringInputError, issueMessages } from './errors.js';
import { type Num } from './decimal.js';
import { explainScore, type ScoreFigures } from './explain.js';
import { eligibilityReasons, onlineShareDown } from './rules/eligibility.js';
import { meetsPrizeFloor } from './rules/first-prize-floor.js';
import { casesToPass, eligibilityGap, firstPrizeFloorGap, nextBracketGap } from './rules/gaps.js';
import { allocatePrizes } from './rules/prizes.js';
import { compareRankKeys, competitionRanks } from './rules/ranking.js';
import type { Counts } from './rules/counts.js';
import type { RuleSet, RuleSetGroup } from './schema/rule-set.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate.js';
import { VERSION } from './version.js';
import type {
  AwardedPrize,
  EvaluateOptions,
  Evaluation,
  GroupResult,
  Policies,
  Prize,
  ScoringIssue,
  UnitInput,
  UnitResult,
} from './types.js';

interface Scored {
  input: UnitInput;
  counts: Counts;
  group: RuleSetGroup;
  reasons: UnitResult['reasons'];
  figures: ScoreFigures | null;
  /** The published score (what ranks), when there are cases. */
  published: Num | null;
}

/**
 * Scores, ranks and awards every unit under a rule set. Pure: the same input always gives the
 * same, JSON-serialisable evaluation, whatever the order of `units`.
 *
 * @throws ScoringInputError listing every problem in the units or the rule set.
 */
export function evaluate(units: readonly UnitInput[], ruleSet: RuleSet, options: EvaluateOptions = {}): Evaluation {
  const rules = checkedRuleSet(ruleSet);
  const policies = resolvePolicies(rules, options);
  const validation = validateUnits(units, rules);
  if (!validation.ok) throw new ScoringInputError(validation.errors);

  const groupsById = new Map(rules.groups.map((g) => [g.id, g]));
  const scored: Scored[] = validation.units.map((input) => {
    const counts: Counts = {
      R: input.resolvedTotal,
      O: input.resolvedOnline,
      T: input.resolvedOnlineOnTime,
      L: input.resolvedLate,
    };
    const group = groupsById.get(input.group) as RuleSetGroup;
    const figures = counts.R > 0 ? explainScore(counts, rules, policies) : null;
    return {
      input,
      counts,
      group,
      reasons: eligibilityReasons(counts, group),
      figures,
      published: figures ? figures.published : null,
    };
  });

  const unitResults: UnitResult[] = [];
  const groupResults: GroupResult[] = rules.groups.map((group) =>
    evaluateGroup(
      group,
      scored.filter((s) => s.group.id === group.id),
      rules,
      policies,
      options.gaps ?? true,
      unitResults,
    ),
  );

  return {
    ruleSetId: rules.id,
    libraryVersion: VERSION,
    policies,
    units: unitResults,
    groups: groupResults,
    totalAwarded: groupResults.reduce((sum, g) => sum + g.totalAwarded, 0),
    warnings: validation.warnings,
  };
}

function evaluateGroup(
  group: RuleSetGroup,
  members: Scored[],
  rules: RuleSet,
  policies: Policies,
  withGaps: boolean,
  out: UnitResult[],
): GroupResult {
  const byId = (a: Scored, b: Scored) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0);
  const eligible = members
    .filter((s) => s.reasons.length === 0)
    .map((s) => ({ ...s, published: s.published as Num }))
    .sort((a, b) => compareRankKeys(a, b) || byId(a, b));
  const ineligible = members.filter((s) => s.reasons.length > 0).sort(byId);
  const ranks = competitionRanks(eligible);
  const rankOf = new Map(eligible.map((s, i) => [s.input.id, ranks[i] as number]));

  const allocation = allocatePrizes(
    eligible.map((s) => ({
      unitId: s.input.id,
      unitName: s.input.name,
      rank: rankOf.get(s.input.id) as number,
      counts: s.counts,
    })),
    group,
    policies.prizes,
  );
  const prizeOf = new Map<string, Prize>(
    allocation.awards.map((a) => [a.unitId, { id: a.prize.id, label: a.prize.label, amount: a.prize.amountVnd }]),
  );
  const undecidedOf = new Map<string, string[]>();
  for (const u of allocation.undecided) for (const id of u.unitIds) undecidedOf.set(id, [...new Set(u.prizeIds)]);

  const firstFloorPrize = group.prizes.find((p) => p.minOnlineSharePercent !== undefined);
  const resultOf = (s: Scored, index: number | null): UnitResult => {
    const rank = rankOf.get(s.input.id) ?? null;
    return {
      unitId: s.input.id,
      unitName: s.input.name,
      groupId: group.id,
      input: inputCounts(s.input),
      eligible: s.reasons.length === 0,
      reasons: s.reasons,
      score: s.figures ? s.figures.score : null,
      rank,
      meetsFirstPrizeFloor: s.reasons.length === 0 && (!firstFloorPrize || meetsPrizeFloor(s.counts, firstFloorPrize)),
      prize: prizeOf.get(s.input.id) ?? null,
      undecidedPrizeIds: undecidedOf.get(s.input.id) ?? [],
      metrics: {
        onlineSharePercent: s.counts.R > 0 ? onlineShareDown(s.counts) : null,
        onTimeOnlinePercent: s.figures ? s.figures.metrics.onTimeOnlinePercent : null,
        latePercent: s.figures ? s.figures.metrics.latePercent : null,
        deduction: s.figures ? s.figures.metrics.deduction : null,
        coefficient: s.figures ? s.figures.metrics.coefficient : coefficientFor(s.counts.O, rules),
      },
      breakdown: s.figures ? s.figures.steps : [],
      gaps: withGaps ? gapsFor(s, index, eligible, ranks, group, rules, policies) : null,
    };
  };
  eligible.forEach((s, i) => out.push(resultOf(s, i)));
  ineligible.forEach((s) => out.push(resultOf(s, null)));

  const prizes: AwardedPrize[] = allocation.awards.map((a) => ({
    prizeId: a.prize.id,
    label: a.prize.label,
    amount: a.prize.amountVnd,
    unitId: a.unitId,
    unitName: eligible.find((s) => s.input.id === a.unitId)?.input.name ?? a.unitId,
    rank: rankOf.get(a.unitId) as number,
  }));
  return {
    id: group.id,
    name: group.name,
    ranking: eligible.map((s, i) => ({ rank: ranks[i] as number, unitId: s.input.id, score: s.figures?.score ?? '' })),
    ineligibleUnitIds: ineligible.map((s) => s.input.id),
    prizes,
    vacantPrizes: allocation.vacant.map((p) => p.id),
    undecided: allocation.undecided,
    totalAwarded: prizes.reduce((sum, p) => sum + p.amount, 0),
    budget: group.prizes.reduce((sum, p) => sum + p.amountVnd * p.count, 0),
  };
}

function gapsFor(
  s: Scored,
  index: number | null,
  eligible: readonly (Scored & { published: Num })[],
  ranks: readonly number[],
  group: RuleSetGroup,
  rules: RuleSet,
  policies: Policies,
): UnitResult['gaps'] {
  let passUnitAbove: NonNullable<UnitResult['gaps']>['passUnitAbove'] = null;
  if (index !== null) {
    const myRank = ranks[index] as number;
    // The nearest unit with a strictly better rank: the last one listed before this unit's tie class.
    let j = index - 1;
    while (j >= 0 && ranks[j] === myRank) j--;
    const above = j >= 0 ? eligible[j] : undefined;
    if (above) {
      const cases = casesToPass(s.counts, above, rules, policies);
      if (cases !== null) passUnitAbove = { cases, unitId: above.input.id, unitName: above.input.name };
    }
  }
  return {
    eligibility: eligibilityGap(s.counts, group, s.reasons.length === 0),
    firstPrizeFloor: firstPrizeFloorGap(s.counts, group),
    nextBracket: nextBracketGap(s.counts, rules),
    passUnitAbove,
  };
}

function inputCounts(u: UnitInput): UnitResult['input'] {
  const counts: UnitResult['input'] = {
    resolvedTotal: u.resolvedTotal,
    resolvedOnline: u.resolvedOnline,
    resolvedOnlineOnTime: u.resolvedOnlineOnTime,
    resolvedLate: u.resolvedLate,
  };
  if (u.resolvedOnlineFull !== undefined) counts.resolvedOnlineFull = u.resolvedOnlineFull;
  if (u.resolvedOnlinePartial !== undefined) counts.resolvedOnlinePartial = u.resolvedOnlinePartial;
  return counts;
}

function coefficientFor(resolvedOnline: number, rules: RuleSet): string {
  let coefficient = rules.score.coefficient.brackets[0]?.coefficient ?? '0';
  for (const b of rules.score.coefficient.brackets) if (resolvedOnline >= b.minResolvedOnline) coefficient = b.coefficient;
  return coefficient;
}

function checkedRuleSet(ruleSet: RuleSet): RuleSet {
  const result = validateRuleSet(ruleSet);
  if (!result.ok || !result.ruleSet) throw new ScoringInputError(result.errors);
  return ruleSet;
}

const policyValues: { [K in keyof Policies]: readonly Policies[K][] } = {
  deduction: ['proportional', 'whole-percent'],
  combination: ['deduct-then-multiply', 'multiply-then-deduct'],
  prizes: ['best-qualified', 'vacate'],
};

function resolvePolicies(rules: RuleSet, options: EvaluateOptions): Policies {
  const policies: Policies = {
    deduction: options.policies?.deduction ?? rules.score.deduction.mode,
    combination: options.policies?.combination ?? rules.score.combination.mode,
    prizes: options.policies?.prizes ?? rules.prizePolicy.mode,
  };
  const issues: ScoringIssue[] = [];
  for (const key of Object.keys(policyValues) as (keyof Policies)[]) {
    const allowed = policyValues[key] as readonly string[];
    if (!allowed.includes(policies[key])) {
      issues.push({
        path: ['options', 'policies', key],
        code: 'invalid_rule_set',
        message: issueMessages.invalid_rule_set(`policy ${key} must be one of ${allowed.join(', ')}`),
      });
    }
  }
  if (issues.length > 0) throw new ScoringInputError(issues);
  return policies;
}
