import * as X from '../arithmetic/exact.js';
import { orderedAdjustments, combine } from '../rules/combination.js';
import { cappedAtTarget } from '../rules/capped.js';
import { criteriaSum, maximumDisagreements, maximumWarning, type MaximumDisagreement } from '../rules/criteria-sum.js';
import { deduction } from '../rules/deduction.js';
import { enteredPoints } from '../rules/entered-points.js';
import { linear } from '../rules/linear.js';
import { metricExpr, metricFraction } from '../rules/metric.js';
import { multiplier } from '../rules/multiplier.js';
import { pointsTable } from '../rules/points-table.js';
import type { Citation, LocalizedText, Show } from '../schema/common.js';
import type { Policies, ScoringIssue } from '../schema/evaluation.js';
import type { Adjustment, Condition, Criterion, Metric, RuleSet, RuleSetGroup, RuleSetPrize } from '../schema/rule-set.js';
import { ref, round, statedOr, type Expr } from './expr.js';
import { buildTape, type Tape } from './tape.js';

/**
 * A rule set compiled for one evaluation: its figures as expressions in the order they are worked
 * out, the tape both calculators run, and the conditions, ties, classes, targets and moves in the
 * form the evaluation reads them. Made once per `evaluate` (or `explain`) call; holds nothing
 * between calls.
 */

export interface CompiledInput {
  readonly id: string;
  readonly index: number;
  readonly kind: 'count' | 'points' | 'text';
  readonly label: LocalizedText;
  readonly short: LocalizedText;
  readonly optional: boolean;
  readonly notApplicable: boolean;
}

export interface Figure {
  readonly id: string;
  readonly kind: 'metric' | 'criterion' | 'adjustment' | 'raw';
  readonly label: LocalizedText;
  readonly expr: Expr;
  readonly citation: Citation | null;
  /** Criteria: the source's numbering, maximum, parent, depth and the node itself. */
  readonly number: string | null;
  readonly max: string | null;
  readonly parent: string | null;
  readonly depth: number;
  readonly criterion: Criterion | null;
  readonly adjustment: Adjustment | null;
  readonly metric: Metric | null;
}

/** A metric as conditions, ties and displays read it: sums of input positions. */
export interface CompiledMetric {
  /** Its place in `Program.metricList` (each unit's metric values are kept in that order). */
  readonly index: number;
  readonly id: string;
  /** A difference compiles as a 'sum' with `less`; a complement as a 'ratio' of (per − of) / per. */
  readonly kind: 'ratio' | 'sum';
  /** The numerator is sum(of) − sum(less). */
  readonly of: readonly number[];
  readonly less: readonly number[];
  readonly per: readonly number[];
  /** The denominator when sum(per) is 0 (none: empty). */
  readonly perWhenEmpty: readonly number[];
  /** 100 for a percent metric, else 1. */
  readonly scale: number;
  readonly whenEmpty: 'none' | 'zero' | 'full';
  readonly short: LocalizedText;
  readonly unit: string;
  readonly show: Show | undefined;
}

export interface CompiledCondition {
  readonly code: string;
  /** What is compared: a metric, or a single input as a count. */
  readonly metric: CompiledMetric;
  readonly op: '<=' | '<' | '=' | '>=' | '>';
  readonly value: string;
  /** How many decimals `value` is written with ("62.5": 1). */
  readonly valueDecimals: number;
  /** The value as n / d in lowest terms (a rule set's thresholds are small decimals). */
  readonly n: number;
  readonly d: number;
  readonly citation: Citation | null;
}

export interface CompiledGroup {
  readonly group: RuleSetGroup;
  readonly eligibility: readonly CompiledCondition[];
  readonly prizes: readonly { prize: RuleSetPrize; conditions: readonly CompiledCondition[] }[];
  /** The first prize with conditions of its own, whose floor `meetsPrizeFloor` and the gap speak of. */
  readonly floorPrize: { prize: RuleSetPrize; conditions: readonly CompiledCondition[] } | null;
  /** Every threshold a unit of the group is compared with — its floors, its prizes' conditions, the targets — for showing its metrics beside them. */
  readonly thresholds: readonly CompiledCondition[];
}

export interface CompiledTie {
  readonly metric: CompiledMetric | null;
  readonly criterion: string | null;
  readonly order: 'desc' | 'asc';
}

export interface CompiledMove {
  readonly id: string;
  readonly label: LocalizedText;
  /** Per input position, how much one move adds. */
  readonly adds: Float64Array;
}

/** A figure published with each unit: a metric (shown from its exact ratio), or a figure of the tape. */
export interface ShownFigure {
  readonly id: string;
  readonly metric: CompiledMetric | null;
  /** How it is written; null for a multiplier (written as the bracket's value is). */
  readonly show: Show | null;
  /** The figure's slot on the tape (-1 for a metric). */
  readonly slot: number;
}

export interface Program {
  readonly rules: RuleSet;
  readonly policies: Policies;
  readonly inputs: readonly CompiledInput[];
  readonly inputIndex: ReadonlyMap<string, number>;
  /** Whether any input is entered points. */
  readonly hasPoints: boolean;
  readonly figures: readonly Figure[];
  readonly figureById: ReadonlyMap<string, Figure>;
  readonly tape: Tape;
  /** The score before rounding, when the rule set scores. */
  readonly rawSlot: number | null;
  readonly rounding: { readonly decimals: number; readonly mode: 'half-up' | 'half-even' | 'down' } | null;
  readonly metrics: ReadonlyMap<string, CompiledMetric>;
  /** Every metric, and a count metric for each input a condition reads directly, in index order. */
  readonly metricList: readonly CompiledMetric[];
  readonly shown: readonly ShownFigure[];
  readonly groups: ReadonlyMap<string, CompiledGroup>;
  readonly ties: readonly CompiledTie[];
  /** Criteria the units are ranked by as well (ranking.alsoBy), by id. */
  readonly alsoRankedBy: readonly string[];
  readonly targets: readonly { id: string; condition: CompiledCondition; move: CompiledMove | null }[];
  readonly moves: readonly CompiledMove[];
  /** The first multiplier, whose next bracket the gaps speak of. */
  readonly bracket: { figure: string; metric: CompiledMetric; bounds: readonly CompiledCondition[]; values: readonly string[] } | null;
  /** Per input position: 1 for an authoritative stated sub-total, which reads −1 when the file states none. */
  readonly statedAuthority: Uint8Array;
  /** What the source itself does not make add up (stated maxima against their parts), found once. */
  readonly sourceWarnings: readonly ScoringIssue[];
  /** The same, by criterion (the scorecard flags each in place). */
  readonly maximumDisagreements: readonly MaximumDisagreement[];
  /** Parents whose source states its own sub-total. */
  readonly stated: readonly { criterion: string; number: string; input: number; slot: number }[];
  /** The denominators (input positions) of every ratio the score needs a value of. */
  readonly scoreDenominators: readonly (readonly number[])[];
  /** Criteria entered as points, by input position (for "not applicable" and counted maxima). */
  readonly entered: ReadonlyMap<string, { input: number; selfInput: number | null; commentInput: number | null }>;
}

export function compile(rules: RuleSet, policies: Policies): Program {
  const inputs: CompiledInput[] = rules.inputs.map((i, index) => ({
    id: i.id,
    index,
    kind: i.kind,
    label: i.label,
    short: i.short ?? i.label,
    optional: i.optional === true || i.kind === 'text',
    notApplicable: i.notApplicable === true,
  }));
  const inputIndex = new Map(inputs.map((i) => [i.id, i.index]));
  const indexOf = (id: string) => inputIndex.get(id) as number;

  const metrics = new Map<string, CompiledMetric>();
  const metricList: CompiledMetric[] = [];
  const metricDefs = new Map<string, Metric>();
  for (const m of rules.metrics) {
    metricDefs.set(m.id, m);
    const compiled: CompiledMetric = {
      index: metricList.length,
      id: m.id,
      kind: m.kind === 'ratio' ? 'ratio' : 'sum',
      of: (m.kind === 'ratio' && m.complement ? m.per : m.of).map(indexOf),
      less: m.kind === 'difference' ? m.less.map(indexOf) : m.kind === 'ratio' && m.complement ? m.of.map(indexOf) : [],
      per: m.kind === 'ratio' ? m.per.map(indexOf) : [],
      perWhenEmpty: m.kind === 'ratio' && m.perWhenEmpty ? m.perWhenEmpty.map(indexOf) : [],
      scale: m.kind === 'ratio' && m.percent ? 100 : 1,
      whenEmpty: m.kind === 'ratio' ? m.whenEmpty : 'zero',
      short: m.short ?? m.label,
      unit: m.kind === 'ratio' && m.percent ? '%' : '',
      show: m.show,
    };
    metrics.set(m.id, compiled);
    metricList.push(compiled);
  }

  const figures: Figure[] = [];
  const base = { number: null, max: null, parent: null, depth: 0, criterion: null, adjustment: null, metric: null } as const;
  // One fraction node per metric, shared by the metric's figure and every criterion scored on it.
  const fractions = new Map<string, Expr>();
  for (const m of rules.metrics) {
    const fraction = metricFraction(m);
    fractions.set(m.id, fraction);
    figures.push({ ...base, id: m.id, kind: 'metric', label: m.label, expr: metricExpr(m, fraction), citation: m.citation ?? null, metric: m });
  }

  const entered = new Map<string, { input: number; selfInput: number | null; commentInput: number | null }>();
  const stated: { criterion: string; number: string; input: number; slot: number }[] = [];
  const disagreements = rules.score ? maximumDisagreements(rules.score.criteria) : [];
  const statedInputs: { criterion: string; number: string; input: number; parts: Expr }[] = [];
  const authoritative = rules.score?.statedSubtotals?.use === 'authoritative';
  let rawSlot: number | null = null;
  let bracket: Program['bracket'] = null;
  const score = rules.score;
  if (score) {
    // The criteria tree, children before their parent.
    const visit = (node: Criterion, parent: string | null, depth: number): void => {
      for (const child of node.children ?? []) visit(child, node.id, depth + 1);
      const { expr, parts } = criterionExpr(node, metricDefs, fractions, authoritative);
      figures.push({
        ...base,
        id: node.id,
        kind: 'criterion',
        label: node.label,
        expr,
        citation: node.citation,
        number: node.number ?? null,
        max: node.max,
        parent,
        depth,
        criterion: node,
      });
      if (node.score?.kind === 'entered') {
        entered.set(node.id, {
          input: indexOf(node.score.input),
          selfInput: node.score.selfInput === undefined ? null : indexOf(node.score.selfInput),
          commentInput: node.score.commentInput === undefined ? null : indexOf(node.score.commentInput),
        });
      }
      if (node.stated !== undefined) statedInputs.push({ criterion: node.id, number: node.number ?? node.id, input: indexOf(node.stated), parts });
    };
    visit(score.criteria, null, 0);

    const adjustments = orderedAdjustments(score.adjustments, policies.combination);
    for (const a of adjustments) {
      if (a.kind === 'floor') continue;
      const expr =
        a.kind === 'deduction'
          ? deduction(a.metric, a.per, a.points, a.max, policies.deduction)
          : multiplier(a.metric, a.brackets);
      figures.push({ ...base, id: a.id, kind: 'adjustment', label: a.label, expr, citation: a.citation, adjustment: a });
      if (a.kind === 'multiplier' && bracket === null) {
        const metric = metrics.get(a.metric) as CompiledMetric;
        bracket = {
          figure: a.id,
          metric,
          // Each bracket's bound as the condition "metric ≥ from" that reaching it means.
          bounds: a.brackets.map((b) => {
            const parts = X.decimalParts(b.from);
            return { code: a.id, metric, op: '>=' as const, value: b.from, valueDecimals: b.from.split('.')[1]?.length ?? 0, n: Number(parts.n), d: Number(parts.d), citation: null };
          }),
          values: a.brackets.map((b) => b.value),
        };
      }
    }
    figures.push({
      ...base,
      id: 'rawScore',
      kind: 'raw',
      label: { vi: 'Điểm chưa làm tròn', en: 'Score before rounding' },
      expr: combine(score.criteria.id, adjustments),
      citation: score.combination?.citation ?? score.rounding.citation,
    });
  }

  const tape = buildTape(figures, inputIndex);
  if (score) rawSlot = tape.slotOf.get('rawScore') as number;
  for (const { parts, ...s } of statedInputs) stated.push({ ...s, slot: tape.slotOfExpr.get(parts) as number });
  const statedAuthority = new Uint8Array(rules.inputs.length);
  if (authoritative) for (const s of statedInputs) statedAuthority[s.input] = 1;

  const inputMetrics = new Map<string, CompiledMetric>();
  const inputMetric = (id: string): CompiledMetric => {
    let m = inputMetrics.get(id);
    if (!m) {
      const input = inputs[indexOf(id)] as CompiledInput;
      m = { index: metricList.length, id, kind: 'sum', of: [input.index], less: [], per: [], perWhenEmpty: [], scale: 1, whenEmpty: 'zero', short: input.short, unit: '', show: undefined };
      inputMetrics.set(id, m);
      metricList.push(m);
    }
    return m;
  };
  const condition = (c: Condition): CompiledCondition => {
    const parts = X.decimalParts(c.value);
    return {
      code: c.code,
      metric: c.metric !== undefined ? (metrics.get(c.metric) as CompiledMetric) : inputMetric(c.input as string),
      op: c.op,
      value: c.value,
      valueDecimals: c.value.split('.')[1]?.length ?? 0,
      n: Number(parts.n),
      d: Number(parts.d),
      citation: c.citation ?? null,
    };
  };

  const groups = new Map<string, CompiledGroup>();
  const targetConditions = (rules.targets ?? []).map((t) => condition({ code: t.id, metric: t.metric, op: t.op, value: t.value, citation: t.citation }));
  for (const g of rules.groups) {
    const prizes = (g.prizes ?? []).map((prize) => ({ prize, conditions: (prize.conditions ?? []).map(condition) }));
    const eligibility = (g.eligibility?.conditions ?? []).map((c) => ({ ...condition(c), citation: c.citation ?? g.eligibility?.citation ?? null }));
    groups.set(g.id, {
      group: g,
      eligibility,
      prizes,
      floorPrize: prizes.find((p) => p.conditions.length > 0) ?? null,
      thresholds: [...eligibility, ...prizes.flatMap((p) => p.conditions), ...targetConditions],
    });
  }

  const moves: CompiledMove[] = (rules.moves ?? []).map((m) => {
    const adds = new Float64Array(inputs.length);
    for (const [id, n] of Object.entries(m.adds)) adds[indexOf(id)] = n;
    return { id: m.id, label: m.label, adds };
  });

  const shown: ShownFigure[] = [];
  const slot = (id: string) => tape.slotOf.get(id) as number;
  for (const m of rules.metrics) if (m.show) shown.push({ id: m.id, metric: metrics.get(m.id) as CompiledMetric, show: m.show, slot: -1 });
  for (const a of score?.adjustments ?? []) {
    if (a.kind === 'deduction' && a.show) shown.push({ id: a.id, metric: null, show: a.show, slot: slot(a.id) });
    if (a.kind === 'multiplier' && a.show) shown.push({ id: a.id, metric: null, show: null, slot: slot(a.id) });
  }
  for (const f of figures) {
    if (f.kind === 'criterion' && f.criterion?.show) shown.push({ id: f.id, metric: null, show: f.criterion.show, slot: slot(f.id) });
  }

  const figureById = new Map(figures.map((f) => [f.id, f]));
  return {
    rules,
    policies,
    inputs,
    inputIndex,
    hasPoints: inputs.some((i) => i.kind === 'points'),
    figures,
    figureById,
    tape,
    rawSlot,
    rounding: score ? { decimals: score.rounding.decimals, mode: score.rounding.mode } : null,
    metrics,
    metricList,
    shown,
    groups,
    alsoRankedBy: (rules.ranking?.alsoBy ?? []).map((b) => b.criterion),
    ties: (rules.ranking?.ties ?? []).map((t) => ({
      metric: t.metric === undefined ? null : (metrics.get(t.metric) as CompiledMetric),
      criterion: t.criterion ?? null,
      order: t.order,
    })),
    targets: (rules.targets ?? []).map((t) => ({
      id: t.id,
      condition: condition({ code: t.id, metric: t.metric, op: t.op, value: t.value, citation: t.citation }),
      move: (t.move === undefined ? moves[0] : moves.find((m) => m.id === t.move)) ?? null,
    })),
    moves,
    bracket,
    stated,
    statedAuthority,
    sourceWarnings: disagreements.map(maximumWarning),
    maximumDisagreements: disagreements,
    entered,
    scoreDenominators: score ? neededDenominators(figureById.get('rawScore')?.expr ?? null, figureById, indexOf) : [],
  };
}

/** The `per` inputs of every ratio under 'none' that `expr` depends on, through the figures it refers to. */
function neededDenominators(expr: Expr | null, figures: ReadonlyMap<string, Figure>, indexOf: (id: string) => number): number[][] {
  const found: number[][] = [];
  const seen = new Set<Expr>();
  // A fallback denominator is empty when both of its parts are (counts are never negative).
  const inputsOf = (e: Expr): string[] => (e.op === 'input' ? [e.id] : e.op === 'sum' ? e.items.flatMap(inputsOf) : e.op === 'orElse' ? [...inputsOf(e.a), ...inputsOf(e.b)] : []);
  const visit = (e: Expr | undefined): void => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    switch (e.op) {
      case 'ref':
        visit(figures.get(e.id)?.expr);
        return;
      case 'ratio':
        if (e.whenEmpty === 'none') found.push(inputsOf(e.per).map(indexOf));
        visit(e.of);
        visit(e.per);
        return;
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
      case 'min':
      case 'max':
      case 'orElse':
        visit(e.a);
        visit(e.b);
        return;
      case 'floor':
      case 'round':
        visit(e.a);
        return;
      case 'stated':
        visit(e.otherwise);
        return;
      case 'sum':
        e.items.forEach(visit);
        return;
      case 'step':
        visit(e.x);
        return;
      default:
        return;
    }
  };
  if (expr) visit(expr);
  return found;
}

/**
 * A criterion's points, as the rule for its kind writes them, and what a stated sub-total is checked
 * against: the criterion itself, or, where the stated figure is authoritative, the sum of its parts.
 */
function criterionExpr(
  node: Criterion,
  metrics: ReadonlyMap<string, Metric>,
  fractions: ReadonlyMap<string, Expr>,
  authoritative: boolean,
): { expr: Expr; parts: Expr } {
  const sum = pointsOf(node, metrics, fractions);
  const stands = authoritative && node.stated !== undefined;
  const points = stands ? statedOr(node.stated as string, sum) : sum;
  const expr = node.rounded ? round(points, node.rounded.decimals, node.rounded.mode) : points;
  return { expr, parts: stands ? sum : expr };
}

/** A criterion's points before the rounding its source publishes them with. */
function pointsOf(node: Criterion, metrics: ReadonlyMap<string, Metric>, fractions: ReadonlyMap<string, Expr>): Expr {
  if (node.children) return criteriaSum(node.max, node.children, node.aggregate === 'weighted');
  const leaf = node.score;
  if (!leaf) throw new Error(`criterion ${node.id} has neither a score nor children`);
  if (leaf.kind === 'entered') return enteredPoints(leaf.input);
  const metric = metrics.get(leaf.metric) as Metric;
  const fraction = fractions.get(leaf.metric) as Expr;
  if (leaf.kind === 'linear') return linear(node.max, fraction);
  if (leaf.kind === 'capped') return cappedAtTarget(node.max, fraction, leaf.target, metric.kind === 'ratio' && metric.percent);
  return pointsTable(ref(leaf.metric), leaf.steps);
}
