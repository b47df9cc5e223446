import type { z } from 'zod';
import type { RuleCheckKey } from '../errors.js';

/**
 * The checks a rule set needs beyond its shape: every reference resolves, every id is unique,
 * brackets and tables ascend. JSON Schema cannot say these (they relate one part of the document to
 * another), so the published schema lists them in its description and the library checks them
 * here. Each problem is a custom zod issue whose message is a key of `ruleCheckMessages`
 * (errors.ts), with its arguments in `params`.
 */

type Ctx = z.core.$RefinementCtx<unknown>;
type Path = (string | number)[];

// The rule set as parsed by the shape schema; typed loosely here to avoid a circular type.
interface Loose {
  [key: string]: unknown;
}
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Ids no figure may take: the explanation's own steps. */
export const reservedFigureIds = ['rawScore', 'score'] as const;

export function checkRuleSet(rs: Loose, ctx: Ctx): void {
  const add = (path: Path, key: RuleCheckKey, ...args: string[]) =>
    ctx.addIssue({ code: 'custom', path, message: key, params: { key, args } });

  // ── sources and citations
  const sourceIds = new Set<string>();
  arr(rs.sources).forEach((s, i) => {
    const id = str(s.id) ?? '';
    if (sourceIds.has(id)) add(['sources', i, 'id'], 'duplicate_id', id);
    sourceIds.add(id);
  });
  walkCitations(rs, [], (citation, path) => {
    const source = str(citation.source);
    if (source !== undefined && !sourceIds.has(source)) add([...path, 'source'], 'unknown_reference', 'source', source, [...sourceIds].join(', '));
  });

  // ── period
  const period = rs.period as Loose | undefined;
  for (const key of ['start', 'end'] as const) {
    const d = str(period?.[key]);
    if (d !== undefined && !isRealDate(d)) add(['period', key], 'not_a_date', d);
  }
  if (str(period?.start) && str(period?.end) && (period?.end as string) < (period?.start as string)) add(['period', 'end'], 'period_ends_before_start');

  // ── one namespace for figures: inputs, metrics, criteria, adjustments
  const figures = new Map<string, string>();
  const claim = (id: string | undefined, what: string, path: Path) => {
    if (id === undefined) return;
    if ((reservedFigureIds as readonly string[]).includes(id)) add(path, 'reserved_id', id);
    const prior = figures.get(id);
    if (prior !== undefined) add(path, 'duplicate_id', id);
    else figures.set(id, what);
  };

  const inputs = new Map<string, string>();
  arr(rs.inputs).forEach((input, i) => {
    claim(str(input.id), 'input', ['inputs', i, 'id']);
    const id = str(input.id);
    if (id !== undefined) inputs.set(id, str(input.kind) ?? '');
    if (input.notApplicable !== undefined && input.kind !== 'points') add(['inputs', i, 'notApplicable'], 'not_applicable_points_only');
  });
  const needInput = (id: unknown, path: Path, kinds: string[]) => {
    const name = str(id);
    if (name === undefined) return;
    const kind = inputs.get(name);
    if (kind === undefined) add(path, 'unknown_reference', 'input', name, [...inputs.keys()].join(', '));
    else if (!kinds.includes(kind)) add(path, 'wrong_input_kind', name, kind, kinds.join(' | '));
  };
  const numeric = ['count', 'points'];

  arr(rs.relations).forEach((r, i) => {
    for (const key of ['left', 'right', 'fields'] as const) {
      arr(r[key]).forEach((f, j) => needInput(f, ['relations', i, key, j], numeric));
    }
    if (r.field !== undefined) needInput(r.field, ['relations', i, 'field'], numeric);
  });

  const metrics = new Map<string, Loose>();
  arr(rs.metrics).forEach((m, i) => {
    claim(str(m.id), 'metric', ['metrics', i, 'id']);
    const id = str(m.id);
    if (id !== undefined) metrics.set(id, m);
    for (const key of ['of', 'per', 'perWhenEmpty', 'less'] as const) arr(m[key]).forEach((f, j) => needInput(f, ['metrics', i, key, j], numeric));
    if (m.complement === true && m.perWhenEmpty !== undefined) add(['metrics', i, 'complement'], 'complement_with_fallback', id ?? '');
  });
  const needMetric = (id: unknown, path: Path, ratioOnly = false) => {
    const name = str(id);
    if (name === undefined) return;
    const metric = metrics.get(name);
    if (!metric) add(path, 'unknown_reference', 'metric', name, [...metrics.keys()].join(', '));
    else if (ratioOnly && metric.kind !== 'ratio') add(path, 'ratio_metric_needed', name);
  };

  // ── the criteria tree
  const criteria = new Set<string>();
  const score = rs.score as Loose | undefined;
  const visit = (node: Loose, path: Path, parentWeighted: boolean) => {
    claim(str(node.id), 'criterion', [...path, 'id']);
    if (str(node.id) !== undefined) criteria.add(node.id as string);
    const children = node.children === undefined ? null : arr(node.children);
    const leaf = node.score as Loose | undefined;
    if ((children === null) === (leaf === undefined)) add(path, 'leaf_or_parent');
    if (parentWeighted && node.weight === undefined) add([...path, 'weight'], 'weight_needed');
    if (!parentWeighted && node.weight !== undefined) add([...path, 'weight'], 'weight_unexpected');
    if (children === null) {
      for (const key of ['aggregate', 'stated'] as const) if (node[key] !== undefined) add([...path, key], 'parent_only', key);
    }
    if (leaf) {
      const at = [...path, 'score'];
      if (leaf.kind === 'linear' || leaf.kind === 'capped') needMetric(leaf.metric, [...at, 'metric'], true);
      if (leaf.kind === 'table') {
        needMetric(leaf.metric, [...at, 'metric']);
        ascending(arr(leaf.steps).map((s) => str(s.from)), (j) => add([...at, 'steps', j, 'from'], 'not_ascending'));
      }
      if (leaf.kind === 'capped' && str(leaf.target) !== undefined && Number(leaf.target) === 0) add([...at, 'target'], 'zero_not_allowed');
      if (leaf.kind === 'entered') {
        needInput(leaf.input, [...at, 'input'], ['points']);
        if (leaf.selfInput !== undefined) needInput(leaf.selfInput, [...at, 'selfInput'], ['points']);
        if (leaf.commentInput !== undefined) needInput(leaf.commentInput, [...at, 'commentInput'], ['text']);
      }
    }
    if (node.stated !== undefined) needInput(node.stated, [...path, 'stated'], ['points']);
    children?.forEach((c, j) => visit(c, [...path, 'children', j], node.aggregate === 'weighted'));
  };
  if (score?.criteria && typeof score.criteria === 'object') visit(score.criteria as Loose, ['score', 'criteria'], false);

  // ── adjustments
  let deductions = 0;
  let multipliers = 0;
  arr(score?.adjustments).forEach((a, i) => {
    const at: Path = ['score', 'adjustments', i];
    claim(str(a.id), 'adjustment', [...at, 'id']);
    if (a.kind !== 'floor') needMetric(a.metric, [...at, 'metric']);
    if (a.kind === 'deduction') {
      deductions++;
      if (str(a.per) !== undefined && Number(a.per) === 0) add([...at, 'per'], 'zero_not_allowed');
    }
    if (a.kind === 'multiplier') {
      multipliers++;
      ascending(arr(a.brackets).map((b) => str(b.from)), (j) => add([...at, 'brackets', j, 'from'], 'not_ascending'));
    }
  });
  if (deductions > 0 && multipliers > 0 && score?.combination === undefined) add(['score', 'combination'], 'combination_needed');

  // ── conditions
  const checkCondition = (c: Loose, path: Path) => {
    if ((c.metric === undefined) === (c.input === undefined)) add(path, 'metric_or_input');
    if (c.metric !== undefined) needMetric(c.metric, [...path, 'metric']);
    if (c.input !== undefined) needInput(c.input, [...path, 'input'], numeric);
    const metric = metrics.get(str(c.metric) ?? '');
    if (metric?.kind === 'ratio' && metric.percent === true && (c.op === '>=' || c.op === '>') && Number(c.value) > 100) {
      add([...path, 'value'], 'share_above_100');
    }
  };

  // ── groups and prizes
  const groupIds = new Set<string>();
  let anyPrize = false;
  arr(rs.groups).forEach((g, gi) => {
    const id = str(g.id) ?? '';
    if (groupIds.has(id)) add(['groups', gi, 'id'], 'duplicate_id', id);
    groupIds.add(id);
    const eligibility = g.eligibility as Loose | undefined;
    arr(eligibility?.conditions).forEach((c, ci) => checkCondition(c, ['groups', gi, 'eligibility', 'conditions', ci]));
    const prizeIds = new Set<string>();
    arr(g.prizes).forEach((p, pi) => {
      anyPrize = true;
      const pid = str(p.id) ?? '';
      if (prizeIds.has(pid)) add(['groups', gi, 'prizes', pi, 'id'], 'duplicate_prize', pid);
      prizeIds.add(pid);
      arr(p.conditions).forEach((c, ci) => checkCondition(c, ['groups', gi, 'prizes', pi, 'conditions', ci]));
    });
    if (arr(g.prizes).length > 0 && score === undefined) add(['groups', gi, 'prizes'], 'prizes_need_score');
  });
  if (anyPrize && rs.prizePolicy === undefined) add(['prizePolicy'], 'prize_policy_needed');

  // ── ranking, classes, targets, moves
  const ranking = rs.ranking as Loose | undefined;
  if (score !== undefined && ranking === undefined) add(['ranking'], 'ranking_needed');
  if (score === undefined && ranking !== undefined) add(['ranking'], 'ranking_needs_score');
  arr(ranking?.ties).forEach((t, i) => {
    if ((t.metric === undefined) === (t.criterion === undefined)) add(['ranking', 'ties', i], 'metric_or_criterion');
    if (t.metric !== undefined) needMetric(t.metric, ['ranking', 'ties', i, 'metric']);
    if (t.criterion !== undefined && !criteria.has(str(t.criterion) ?? '')) {
      add(['ranking', 'ties', i, 'criterion'], 'unknown_reference', 'criterion', String(t.criterion), [...criteria].join(', '));
    }
  });
  arr(ranking?.alsoBy).forEach((b, i) => {
    if (b.criterion !== undefined && !criteria.has(str(b.criterion) ?? '')) {
      add(['ranking', 'alsoBy', i, 'criterion'], 'unknown_reference', 'criterion', String(b.criterion), [...criteria].join(', '));
    }
  });
  const classes = rs.classes as Loose | undefined;
  if (classes !== undefined && score === undefined) add(['classes'], 'classes_need_score');
  const levels = arr(classes?.levels);
  uniqueIds(levels, (j, id) => add(['classes', 'levels', j, 'id'], 'duplicate_id', id));
  ascending(levels.map((l) => str(l.min)).reverse(), (j) => add(['classes', 'levels', levels.length - 1 - j, 'min'], 'not_descending'));

  const moves = new Set<string>();
  arr(rs.moves).forEach((m, i) => {
    const id = str(m.id) ?? '';
    if (moves.has(id)) add(['moves', i, 'id'], 'duplicate_id', id);
    moves.add(id);
    for (const key of Object.keys((m.adds as Loose | undefined) ?? {})) needInput(key, ['moves', i, 'adds', key], numeric);
  });
  const targets = arr(rs.targets);
  uniqueIds(targets, (j, id) => add(['targets', j, 'id'], 'duplicate_id', id));
  targets.forEach((t, i) => {
    needMetric(t.metric, ['targets', i, 'metric']);
    if (t.move !== undefined && !moves.has(str(t.move) ?? '')) add(['targets', i, 'move'], 'unknown_reference', 'move', String(t.move), [...moves].join(', '));
  });
}

function uniqueIds(items: Loose[], onDuplicate: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = str(item.id);
    if (id === undefined) return;
    if (seen.has(id)) onDuplicate(i, id);
    seen.add(id);
  });
}

/** Calls `onDisorder(i)` for each value not strictly above the one before (decimal strings). */
function ascending(values: (string | undefined)[], onDisorder: (index: number) => void): void {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const cur = values[i];
    if (prev !== undefined && cur !== undefined && !decimalLess(prev, cur)) onDisorder(i);
  }
}

/** a < b for decimal strings, without floats. */
export function decimalLess(a: string, b: string): boolean {
  const [an, ad] = scaledDecimal(a);
  const [bn, bd] = scaledDecimal(b);
  return an * bd < bn * ad;
}
function scaledDecimal(s: string): [bigint, bigint] {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return [0n, 1n];
  const frac = m[3] ?? '';
  return [BigInt(`${m[1]}${m[2]}${frac}`), 10n ** BigInt(frac.length)];
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Every citation-shaped object (section and text) in the rule set, with its path. */
function walkCitations(value: unknown, path: Path, visit: (c: Loose, path: Path) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkCitations(v, [...path, i], visit));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const o = value as Loose;
  if (typeof o.section === 'string' && typeof o.text === 'string') visit(o, path);
  for (const [k, v] of Object.entries(o)) walkCitations(v, [...path, k], visit);
}
