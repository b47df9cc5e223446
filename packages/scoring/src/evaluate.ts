import { ScoringInputError, issueMessages } from './errors.js';
import { type Num } from './decimal.js';
import { scoreExplainer } from './explain.js';
import { eligibilityReasons } from './rules/eligibility.js';
import { meetsPrizeFloor } from './rules/first-prize-floor.js';
import { eligibilityGap, firstPrizeFloorGap, nextBracketGap, passGapFinder } from './rules/gaps.js';
import { allocatePrizes } from './rules/prizes.js';
import { compareRankKeys, competitionRanks } from './rules/ranking.js';
import type { Counts } from './rules/counts.js';
import { volumeBracket } from './rules/volume-coefficient.js';
import type { RuleSet, RuleSetGroup } from './schema/rule-set.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate.js';
import { VERSION } from './version.js';
import type {
  AwardedPrize,
  EvaluateOptions,
  Evaluation,
  Gaps,
  GroupResult,
  Policies,
  ScoringIssue,
  UnitInput,
  UnitMetrics,
  UnitResult,
} from './types.js';

/**
 * One unit on its way through the evaluation: its result, built once and completed in place (rank,
 * prize, gaps), and what ranking and prizes read. Nothing else is kept per unit: a national roster
 * is tens of thousands of them.
 */
interface Entry extends Counts {
  readonly unitId: string;
  readonly unitName: string;
  /** The published score (what ranks); null when there are no cases. */
  published: Num | null;
  rank: number;
  result: UnitResult;
}
type RankedEntry = Entry & { readonly published: Num };

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

  const explain = scoreExplainer(rules, policies);
  const members = new Map<string, Entry[]>(rules.groups.map((g) => [g.id, []]));
  const groupsById = new Map(rules.groups.map((g) => [g.id, g]));
  const floorPrizes = new Map(rules.groups.map((g) => [g.id, g.prizes.find((p) => p.minOnlineSharePercent !== undefined)]));
  for (const input of validation.units) {
    const group = groupsById.get(input.group) as RuleSetGroup;
    const entry: Entry = {
      R: input.resolvedTotal,
      O: input.resolvedOnline,
      T: input.resolvedOnlineOnTime,
      L: input.resolvedLate,
      unitId: input.id,
      unitName: input.name,
      published: null,
      rank: 0,
      result: null as unknown as UnitResult, // set just below
    };
    const reasons = eligibilityReasons(entry, group);
    const eligible = reasons.length === 0;
    const figures = entry.R > 0 ? explain(entry) : null;
    const floorPrize = floorPrizes.get(group.id);
    if (figures) entry.published = figures.published;
    entry.result = {
      unitId: input.id,
      unitName: input.name,
      groupId: group.id,
      input: inputCounts(input),
      eligible,
      reasons,
      score: figures ? figures.score : null,
      rank: null,
      meetsFirstPrizeFloor: eligible && (!floorPrize || meetsPrizeFloor(entry, floorPrize)),
      prize: null,
      undecidedPrizeIds: [],
      metrics: figures ? figures.metrics : noCaseMetrics(entry, rules),
      breakdown: figures ? figures.breakdown : [],
      gaps: null,
    };
    (members.get(group.id) as Entry[]).push(entry);
  }

  const unitResults: UnitResult[] = [];
  const gapsOf = options.gaps ?? true ? gapFinder(rules, policies) : null;
  const groupResults: GroupResult[] = rules.groups.map((group) =>
    evaluateGroup(group, members.get(group.id) as Entry[], policies, gapsOf, unitResults),
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

const byId = (a: Entry, b: Entry) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

function evaluateGroup(
  group: RuleSetGroup,
  members: Entry[],
  policies: Policies,
  gapsOf: GapFinder | null,
  out: UnitResult[],
): GroupResult {
  const eligible: RankedEntry[] = [];
  const ineligible: Entry[] = [];
  for (const e of members) {
    if (e.result.eligible) eligible.push(e as RankedEntry);
    else ineligible.push(e);
  }
  eligible.sort((a, b) => compareRankKeys(a, b) || byId(a, b));
  ineligible.sort(byId);
  const ranks = competitionRanks(eligible);
  eligible.forEach((e, i) => {
    e.rank = ranks[i] as number;
    e.result.rank = e.rank;
  });

  const allocation = allocatePrizes(eligible, group, policies.prizes);
  for (const { unit, prize } of allocation.awards) {
    unit.result.prize = { id: prize.id, label: prize.label, amount: prize.amountVnd };
  }
  for (const { prizes, units } of allocation.undecided) {
    for (const u of units) u.result.undecidedPrizeIds = [...new Set(prizes.prizeIds)];
  }

  if (gapsOf) {
    eligible.forEach((e, i) => {
      e.result.gaps = gapsOf(e, i, eligible, group);
    });
    for (const e of ineligible) e.result.gaps = gapsOf(e, null, eligible, group);
  }
  for (const e of eligible) out.push(e.result);
  for (const e of ineligible) out.push(e.result);

  const prizes: AwardedPrize[] = allocation.awards.map(({ unit, prize }) => ({
    prizeId: prize.id,
    label: prize.label,
    amount: prize.amountVnd,
    unitId: unit.unitId,
    unitName: unit.unitName,
    rank: unit.rank,
  }));
  return {
    id: group.id,
    name: group.name,
    ranking: eligible.map((e) => ({ rank: e.rank, unitId: e.unitId, score: e.result.score ?? '' })),
    ineligibleUnitIds: ineligible.map((e) => e.unitId),
    prizes,
    vacantPrizes: allocation.vacant.map((p) => p.id),
    undecided: allocation.undecided.map((u) => u.prizes),
    totalAwarded: prizes.reduce((sum, p) => sum + p.amount, 0),
    budget: group.prizes.reduce((sum, p) => sum + p.amountVnd * p.count, 0),
  };
}

/** A unit's gaps, given its place among the group's ranked units (null when not ranked). */
type GapFinder = (e: Entry, index: number | null, ranked: readonly RankedEntry[], group: RuleSetGroup) => Gaps;

function gapFinder(rules: RuleSet, policies: Policies): GapFinder {
  const casesToPass = passGapFinder(rules, policies);
  return (e, index, ranked, group) => {
    let passUnitAbove: Gaps['passUnitAbove'] = null;
    if (index !== null) {
      // The nearest unit with a strictly better rank: the last one listed before this unit's tie class.
      let j = index - 1;
      while (j >= 0 && (ranked[j] as RankedEntry).rank === e.rank) j--;
      const above = j >= 0 ? ranked[j] : undefined;
      if (above) {
        const cases = casesToPass(e, above);
        if (cases !== null) passUnitAbove = { cases, unitId: above.unitId, unitName: above.unitName };
      }
    }
    return {
      eligibility: eligibilityGap(e, group, e.result.eligible),
      firstPrizeFloor: firstPrizeFloorGap(e, group),
      nextBracket: nextBracketGap(e, rules),
      passUnitAbove,
    };
  };
}

/** The figures a unit with no cases still has: no percentages, and the coefficient of O = 0. */
function noCaseMetrics(c: Counts, rules: RuleSet): UnitMetrics {
  return {
    onlineSharePercent: null,
    onTimeOnlinePercent: null,
    latePercent: null,
    deduction: null,
    coefficient: volumeBracket(c.O, rules).coefficient,
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
