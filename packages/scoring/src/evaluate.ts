import { ScoringInputError, issueMessages } from './errors.js';
import { type Num } from './decimal.js';
import { scoreExplainer, type ScoreFigures } from './explain.js';
import { eligibilityReasons } from './rules/eligibility.js';
import { meetsPrizeFloor } from './rules/first-prize-floor.js';
import { eligibilityGap, firstPrizeFloorGap, nextBracketGap, passGapFinder } from './rules/gaps.js';
import { allocatePrizes } from './rules/prizes.js';
import { competitionRanks, sortByRank } from './rules/ranking.js';
import type { Counts } from './rules/counts.js';
import { volumeBracket } from './rules/volume-coefficient.js';
import type { RuleSet, RuleSetGroup, RuleSetPrize } from './schema/rule-set.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate.js';
import { VERSION } from './version.js';
import type {
  AwardedPrize,
  EvaluateOptions,
  Evaluation,
  Gaps,
  GroupResult,
  IneligibilityReason,
  Policies,
  Prize,
  ScoringIssue,
  UnitInput,
  UnitMetrics,
  UnitResult,
} from './types.js';

/**
 * One unit on its way through the evaluation: what ranking, prizes and gaps read, and the figures
 * already made for it. Its result object is made last, when everything it points to exists: the
 * garbage collector then never has to track an older object pointing at a newer one, and a national
 * roster is tens of thousands of units.
 */
interface Entry extends Counts {
  readonly input: UnitInput;
  readonly unitId: string;
  readonly unitName: string;
  readonly group: RuleSetGroup;
  reasons: IneligibilityReason[];
  figures: ScoreFigures | null;
  /** The published score (what ranks); null when there are no cases. */
  published: Num | null;
  rank: number;
  prize: Prize | null;
  undecidedPrizeIds: string[] | null;
}
type RankedEntry = Entry & { readonly published: Num };
/** A placeholder until the entry's own reasons are found (never part of a result). */
const NO_REASONS: IneligibilityReason[] = [];

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
  for (const input of validation.units) {
    const group = groupsById.get(input.group) as RuleSetGroup;
    // The entry is the unit's counts too: no other object is made to carry them.
    const e: Entry = {
      R: input.resolvedTotal,
      O: input.resolvedOnline,
      T: input.resolvedOnlineOnTime,
      L: input.resolvedLate,
      input,
      unitId: input.id,
      unitName: input.name,
      group,
      reasons: NO_REASONS,
      figures: null,
      published: null,
      rank: 0,
      prize: null,
      undecidedPrizeIds: null,
    };
    e.reasons = eligibilityReasons(e, group);
    if (e.R > 0) {
      e.figures = explain(e);
      e.published = e.figures.published;
    }
    (members.get(group.id) as Entry[]).push(e);
  }

  const unitResults: UnitResult[] = [];
  const gapsOf = options.gaps ?? true ? gapFinder(rules, policies) : null;
  const groupResults: GroupResult[] = rules.groups.map((group) =>
    evaluateGroup(group, members.get(group.id) as Entry[], rules, policies, gapsOf, unitResults),
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
  rules: RuleSet,
  policies: Policies,
  gapsOf: GapFinder | null,
  out: UnitResult[],
): GroupResult {
  const ranked: RankedEntry[] = [];
  const ineligible: Entry[] = [];
  for (const e of members) {
    if (e.reasons.length === 0) ranked.push(e as RankedEntry);
    else ineligible.push(e);
  }
  const eligible = sortByRank(ranked, rules.score.rounding.decimals, byId);
  ineligible.sort(byId);
  const ranks = competitionRanks(eligible);
  eligible.forEach((e, i) => {
    e.rank = ranks[i] as number;
  });

  const allocation = allocatePrizes(eligible, group, policies.prizes);
  for (const { unit, prize } of allocation.awards) {
    unit.prize = { id: prize.id, label: prize.label, amount: prize.amountVnd };
  }
  for (const { prizes, units } of allocation.undecided) {
    for (const u of units) u.undecidedPrizeIds = [...new Set(prizes.prizeIds)];
  }

  const floorPrize = group.prizes.find((p) => p.minOnlineSharePercent !== undefined);
  const floor = floorPrize?.minOnlineSharePercent;
  eligible.forEach((e, i) => {
    out.push(resultOf(e, e.rank, floorPrize, rules, gapsOf ? gapsOf(e, i, eligible, floor) : null));
  });
  for (const e of ineligible) out.push(resultOf(e, null, floorPrize, rules, gapsOf ? gapsOf(e, null, eligible, floor) : null));

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
    ranking: eligible.map((e) => ({ rank: e.rank, unitId: e.unitId, score: e.figures?.score ?? '' })),
    ineligibleUnitIds: ineligible.map((e) => e.unitId),
    prizes,
    vacantPrizes: allocation.vacant.map((p) => p.id),
    undecided: allocation.undecided.map((u) => u.prizes),
    totalAwarded: prizes.reduce((sum, p) => sum + p.amount, 0),
    budget: group.prizes.reduce((sum, p) => sum + p.amountVnd * p.count, 0),
  };
}

function resultOf(e: Entry, rank: number | null, floorPrize: RuleSetPrize | undefined, rules: RuleSet, gaps: Gaps | null): UnitResult {
  const eligible = e.reasons.length === 0;
  return {
    unitId: e.unitId,
    unitName: e.unitName,
    groupId: e.group.id,
    input: inputCounts(e.input),
    eligible,
    reasons: e.reasons,
    score: e.figures ? e.figures.score : null,
    rank,
    meetsFirstPrizeFloor: eligible && (!floorPrize || meetsPrizeFloor(e, floorPrize)),
    prize: e.prize,
    undecidedPrizeIds: e.undecidedPrizeIds ?? [],
    metrics: e.figures ? e.figures.metrics : noCaseMetrics(e, rules),
    breakdown: e.figures ? e.figures.breakdown : [],
    gaps,
  };
}

/**
 * A unit's gaps, given its place among the group's ranked units (null when not ranked) and the
 * group's first-prize share floor.
 */
type GapFinder = (e: Entry, index: number | null, ranked: readonly RankedEntry[], firstPrizeFloor: string | undefined) => Gaps;

function gapFinder(rules: RuleSet, policies: Policies): GapFinder {
  const casesToPass = passGapFinder(rules, policies);
  return (e, index, ranked, firstPrizeFloor) => {
    const group = e.group;
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
      eligibility: eligibilityGap(e, group, e.reasons.length === 0),
      firstPrizeFloor: firstPrizeFloorGap(e, firstPrizeFloor),
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
