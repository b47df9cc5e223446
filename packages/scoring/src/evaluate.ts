import * as X from './arithmetic/exact.js';
import { issueMessages, ScoringInputError } from './errors.js';
import { Calculator, notApplicableOf, Storage, UnitValues } from './model/calculator.js';
import { compile, type CompiledGroup, type CompiledTie, type Program } from './model/program.js';
import type { ExactRun } from './model/tape.js';
import { classIndex, classScale, type ClassScale } from './rules/classes.js';
import { holds, metricText, showBesideThresholds } from './rules/conditions.js';
import { eligibilityReasons } from './rules/eligibility.js';
import { gapsOf, type GapContext } from './rules/gaps.js';
import { allocatePrizes } from './rules/prizes.js';
import { scoreText } from './rules/publish.js';
import { competitionRanks, decidingTie, sortByRank, type RankKey } from './rules/ranking.js';
import type { Evaluation, Gaps, GroupResult, Policies, Prize, Reason, ScoringIssue, UnitResult } from './schema/evaluation.js';
import type { RuleSet } from './schema/rule-set.js';
import type { UnitInput } from './schema/units.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate-units.js';
import { VERSION } from './version.js';

export interface EvaluateOptions {
  /** Override some of the rule set's interpretation policies for this evaluation. */
  policies?: Partial<Policies>;
  /** Compute `gaps` for every unit (default true). */
  gaps?: boolean;
  /**
   * Decide every figure with exact rationals, never the certified-float fast path. The answers are
   * the same (the tests hold the two together); this is the switch that proves it.
   */
  exact?: boolean;
}

/**
 * One unit on its way through the evaluation: what ranking, prizes and gaps read, and what is found
 * for it. Its result object is made last, when everything it points to exists.
 */
class Entry extends UnitValues implements RankKey {
  readonly unitId: string;
  readonly unitName: string;
  published = NaN;
  /** The score before rounding, as the float calculator found it (a seed for gap searches). */
  raw = NaN;
  scored = false;
  eligible = false;
  reasons: Reason[] = NO_REASONS;
  readonly metrics: Record<string, string | null> = {};
  rank = 0;
  prize: Prize | null = null;
  undecidedPrizeIds: string[] | null = null;
  exactRun: ExactRun | null = null;

  constructor(
    readonly index: number,
    input: UnitInput,
    readonly group: CompiledGroup,
    private readonly calculator: Calculator,
    storage: Storage,
  ) {
    const p = calculator.program;
    super(p, input, storage.x, storage.xe, index * storage.inputs, storage.m, index * storage.metrics, notApplicableOf(p, input));
    this.unitId = input.id;
    this.unitName = input.name;
  }

  /** The entry is its own values (what gaps read as `values`). */
  get values(): UnitValues {
    return this;
  }

  /** A criterion's exact points (ties on a criterion, stated sub-totals), worked out once. */
  criterion(id: string): X.Exact | null {
    this.exactRun ??= this.calculator.runExact(this);
    return this.calculator.exactFigure(this.exactRun, id);
  }

  /** The exact value of one tape slot (the sum of a stated sub-total's parts). */
  exactAt(slot: number): X.Exact | null {
    this.exactRun ??= this.calculator.runExact(this);
    return this.exactRun.values[slot] ?? null;
  }
}

/** An eligible unit's reasons, until it has any (never part of a result). */
const NO_REASONS: Reason[] = [];

/**
 * Scores, ranks and awards every unit under a rule set, and finds what each needs to move up. Pure:
 * the same input always gives the same, JSON-serialisable evaluation, whatever the order of `units`.
 * The step-by-step working of a unit's score is `explain`'s.
 *
 * @throws ScoringInputError listing every problem in the units, the rule set or the options.
 */
export function evaluate(units: readonly UnitInput[], ruleSet: RuleSet, options: EvaluateOptions = {}): Evaluation {
  const rules = checkedRuleSet(ruleSet);
  const policies = resolvePolicies(rules, options);
  const validation = validateUnits(units, rules);
  if (!validation.ok) throw new ScoringInputError(validation.errors);

  const program = compile(rules, policies);
  const calculator = new Calculator(program, options.exact === true);
  const classes = classScale(rules);
  // The source's own disagreements first (a stated maximum that is not the sum of its parts), then each unit's.
  const warnings: ScoringIssue[] = [...program.sourceWarnings, ...validation.warnings];

  const members = new Map<string, Entry[]>(rules.groups.map((g) => [g.id, []]));
  const list = validation.units;
  const storage = new Storage(program, list.length);
  for (let i = 0; i < list.length; i++) {
    const e = entryOf(rules, calculator, storage, i, list[i] as UnitInput);
    for (const s of program.stated) checkStated(program, e, s, warnings);
    (members.get(e.group.group.id) as Entry[]).push(e);
  }

  const gapContext: GapContext | null = (options.gaps ?? true) ? { program, calculator, classes, move: program.moves[0] ?? null } : null;
  const unitResults: UnitResult[] = [];
  const groupResults = rules.groups.map((g) =>
    evaluateGroup(program, program.groups.get(g.id) as CompiledGroup, members.get(g.id) as Entry[], classes, gapContext, unitResults),
  );
  return {
    ruleSetId: rules.id,
    libraryVersion: VERSION,
    policies,
    units: unitResults,
    groups: groupResults,
    totalAwarded: groupResults.reduce((sum, g) => sum + g.totalAwarded, 0),
    warnings,
  };
}

/** One unit's figures and eligibility, on its own: all that ranking, prizes and gaps read of it. */
function entryOf(rules: RuleSet, calculator: Calculator, storage: Storage, index: number, input: UnitInput): Entry {
  const group = calculator.program.groups.get(input.group) as CompiledGroup;
  const e = new Entry(index, input, group, calculator, storage);
  const figures = calculator.figures(e, e.metrics);
  showBesideThresholds(group.thresholds, e, e.metrics);
  e.exactRun = figures.exact;
  e.published = figures.published;
  e.raw = figures.raw;
  e.scored = !Number.isNaN(figures.published);
  e.reasons = eligibilityReasons(rules, group, e, e.scored);
  e.eligible = e.reasons.length === 0;
  return e;
}

/**
 * One unit's gaps without evaluating its group: what `evaluate` finds as that unit's `gaps`, given
 * the unit and the unit ranked just above it (the last one listed before its tie class; null for
 * the first, or for a unit not ranked). Everything a unit's gaps read is its own figures, its
 * group's rules and that unit's figures, held fixed — so a server that stored a snapshot's ranks at
 * publication finds one unit's gaps from two units' statistics. Compiled once per rule set.
 *
 * @throws ScoringInputError when the rule set, the options or either unit is invalid.
 */
export function gapFinder(ruleSet: RuleSet, options: Omit<EvaluateOptions, 'gaps'> = {}): (unit: UnitInput, above: UnitInput | null) => Gaps {
  const rules = checkedRuleSet(ruleSet);
  const policies = resolvePolicies(rules, options);
  const program = compile(rules, policies);
  const calculator = new Calculator(program, options.exact === true);
  const context: GapContext = { program, calculator, classes: classScale(rules), move: program.moves[0] ?? null };
  return (unit, above) => {
    const validation = validateUnits(above ? [unit, above] : [unit], rules);
    if (!validation.ok) throw new ScoringInputError(validation.errors);
    const storage = new Storage(program, validation.units.length);
    const entries = validation.units.map((u, i) => entryOf(rules, calculator, storage, i, u));
    const e = entries[0] as Entry;
    const ranked = e.eligible && e.scored;
    return gapsOf(context, e, ranked ? (entries[1] ?? null) : null);
  };
}

const byId = (a: Entry, b: Entry) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

function evaluateGroup(
  program: Program,
  group: CompiledGroup,
  members: Entry[],
  classes: ClassScale | null,
  gapContext: GapContext | null,
  out: UnitResult[],
): GroupResult {
  const ranked: Entry[] = [];
  const unranked: Entry[] = [];
  // A rule set without a score (targets only) ranks nobody.
  for (const e of members) (e.eligible && e.scored ? ranked : unranked).push(e);
  const ties = program.ties;
  const order = sortByRank(ranked, ties, byId);
  unranked.sort(byId);
  const ranks = competitionRanks(order, ties);
  order.forEach((e, i) => {
    e.rank = ranks[i] as number;
  });
  const criterionRanks = rankByCriteria(order, program.alsoRankedBy);

  const allocation = allocatePrizes(order, group.group.prizes ?? [], program.policies.prizes, (e, prize) =>
    (group.prizes.find((p) => p.prize === prize)?.conditions ?? []).every((c) => holds(c, e)),
  );
  for (const { unit, prize } of allocation.awards) unit.prize = { id: prize.id, label: prize.label, amount: prize.amountVnd };
  for (const { prizes, units } of allocation.undecided) for (const u of units) u.undecidedPrizeIds = [...new Set(prizes.prizeIds)];

  const rounding = program.rounding;
  const textOf = (e: Entry) => (e.scored && rounding ? scoreText(e.published, rounding) : null);
  const floor = group.floorPrize;
  const resultOf = (e: Entry, rank: number | null, above: Entry | null): UnitResult => {
    // Keys that apply to every unit come first, in one order; the rest only where they apply.
    const r: UnitResult = {
      unitId: e.unitId,
      unitName: e.unitName,
      groupId: group.group.id,
      eligible: e.eligible,
      score: textOf(e),
      rank,
      metrics: e.metrics,
    };
    if (!e.eligible) r.reasons = e.reasons;
    if (e.prize) r.prize = e.prize;
    if (e.undecidedPrizeIds) r.undecidedPrizeIds = e.undecidedPrizeIds;
    if (floor && e.eligible) r.meetsPrizeFloor = floor.conditions.every((c) => holds(c, e));
    if (classes) {
      const at = e.scored ? classIndex(classes, e.published) : -1;
      r.class = at >= 0 ? (classes.ids[at] as string) : null;
    }
    const byCriteria = criterionRanks.get(e);
    if (byCriteria) r.criterionRanks = byCriteria;
    if (program.targets.length > 0) {
      const targets: Record<string, boolean> = {};
      for (const t of program.targets) targets[t.id] = holds(t.condition, e);
      r.targets = targets;
    }
    if (gapContext) r.gaps = gapsOf(gapContext, e, above);
    return r;
  };

  order.forEach((e, i) => {
    // The nearest unit with a strictly better rank: the last one listed before this unit's tie class.
    let j = i - 1;
    while (j >= 0 && (order[j] as Entry).rank === e.rank) j--;
    out.push(resultOf(e, e.rank, j >= 0 ? (order[j] as Entry) : null));
  });
  for (const e of unranked) out.push(resultOf(e, null, null));

  const prizes = allocation.awards.map(({ unit, prize }) => ({
    prizeId: prize.id,
    label: prize.label,
    amount: prize.amountVnd,
    unitId: unit.unitId,
    unitName: unit.unitName,
    rank: unit.rank,
  }));
  return {
    id: group.group.id,
    name: group.group.name,
    ranking: order.map((e) => e.unitId),
    ties: scoreTies(order, program),
    ineligibleUnitIds: unranked.map((e) => e.unitId),
    prizes,
    vacantPrizes: allocation.vacant.map((p) => p.id),
    undecided: allocation.undecided.map((u) => u.prizes),
    totalAwarded: prizes.reduce((sum, p) => sum + p.amount, 0),
    budget: (group.group.prizes ?? []).reduce((sum, p) => sum + p.amountVnd * p.count, 0),
  };
}

/**
 * Each ranked unit's rank by each criterion's exact points (ranking.alsoBy): descending, equal
 * points sharing the first one's rank (1, 2, 2, 4), as the rank by score.
 */
function rankByCriteria(order: readonly Entry[], criteria: readonly string[]): Map<Entry, Record<string, number>> {
  const out = new Map<Entry, Record<string, number>>();
  if (criteria.length === 0) return out;
  for (const e of order) out.set(e, {});
  for (const id of criteria) {
    const points = order.map((e) => ({ e, v: e.criterion(id) ?? X.ZERO }));
    points.sort((a, b) => X.cmp(b.v, a.v));
    points.forEach((p, i) => {
      const prev = points[i - 1];
      const rank = prev && X.cmp(prev.v, p.v) === 0 ? ((out.get(prev.e) as Record<string, number>)[id] as number) : i + 1;
      (out.get(p.e) as Record<string, number>)[id] = rank;
    });
  }
  return out;
}

/** Runs of one published score, and which tie criteria put them in order (none: they share a rank). */
function scoreTies(order: readonly Entry[], program: Program): GroupResult['ties'] {
  const runs: GroupResult['ties'] = [];
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && (order[i] as Entry).published === (order[start] as Entry).published) continue;
    if (i - start > 1) {
      const run = order.slice(start, i);
      const decided = new Set<number>();
      for (let k = 1; k < run.length; k++) {
        const d = decidingTie(program.ties, run[k - 1] as Entry, run[k] as Entry);
        if (d >= 0) decided.add(d);
      }
      const tie: GroupResult['ties'][number] = { unitIds: run.map((e) => e.unitId), decidedBy: [...decided].sort((a, b) => a - b) };
      if (program.ties.length > 0) tie.figures = (tie.decidedBy.length === 0 ? run.slice(0, 1) : run).map((e) => program.ties.map((t) => tieFigure(t, e)));
      runs.push(tie);
    }
    start = i;
  }
  return runs;
}

/** A unit's figure on one tie rule, as published: the metric's text, or the criterion's points. */
function tieFigure(tie: CompiledTie, e: Entry): string | null {
  if (tie.metric) return metricText(tie.metric, e);
  const points = e.criterion(tie.criterion as string);
  return points === null ? null : X.toDisplay(points).text;
}

/** A parent criterion's sub-total as the source states it, against the sum of its parts. */
function checkStated(program: Program, e: Entry, s: Program['stated'][number], warnings: ScoringIssue[]): void {
  const stated = e.input[program.inputs[s.input]?.id ?? ''];
  if (stated === undefined || stated === null || stated === 'x') return;
  const computed = e.exactAt(s.slot);
  if (computed === null) return;
  const statedExact = X.exact(typeof stated === 'number' ? String(stated) : String(stated));
  if (X.cmp(statedExact, computed) === 0) return;
  const field = program.inputs[s.input]?.id as string;
  warnings.push({
    path: [e.index, field],
    code: 'stated_subtotal_mismatch',
    message: issueMessages.stated_subtotal_mismatch(s.number, X.toDisplay(statedExact).text, X.toDisplay(computed).text),
  });
}

export function checkedRuleSet(ruleSet: RuleSet): RuleSet {
  const result = validateRuleSet(ruleSet);
  if (!result.ok || !result.ruleSet) throw new ScoringInputError(result.errors);
  return ruleSet;
}

const policyValues: { [K in keyof Policies]: readonly Policies[K][] } = {
  deduction: ['proportional', 'whole-percent'],
  combination: ['deduct-then-multiply', 'multiply-then-deduct'],
  prizes: ['best-qualified', 'vacate'],
};

/** The rule set's own policies, with the options' overrides, each checked. */
export function resolvePolicies(rules: RuleSet, options: EvaluateOptions): Policies {
  const given = options.policies ?? {};
  const firstDeduction = rules.score?.adjustments.find((a) => a.kind === 'deduction');
  const policies: Policies = {
    deduction: given.deduction ?? (firstDeduction?.kind === 'deduction' ? firstDeduction.mode : 'proportional'),
    combination: given.combination ?? rules.score?.combination?.mode ?? 'deduct-then-multiply',
    prizes: given.prizes ?? rules.prizePolicy?.mode ?? 'best-qualified',
  };
  const issues: ScoringIssue[] = [];
  for (const key of Object.keys(given)) {
    if (!(key in policyValues)) {
      issues.push({ path: ['options', 'policies', key], code: 'invalid_option', message: issueMessages.invalid_option(`policies.${key}`, Object.keys(policyValues), key) });
    }
  }
  for (const key of Object.keys(policyValues) as (keyof Policies)[]) {
    const allowed = policyValues[key] as readonly string[];
    if (!allowed.includes(policies[key])) {
      issues.push({ path: ['options', 'policies', key], code: 'invalid_option', message: issueMessages.invalid_option(`policies.${key}`, allowed, String(policies[key])) });
    }
  }
  for (const key of Object.keys(options)) {
    if (!['policies', 'gaps', 'exact'].includes(key)) {
      issues.push({ path: ['options', key], code: 'invalid_option', message: issueMessages.invalid_option('options', ['policies', 'gaps', 'exact'], key) });
    }
  }
  if (issues.length > 0) throw new ScoringInputError(issues);
  return policies;
}
