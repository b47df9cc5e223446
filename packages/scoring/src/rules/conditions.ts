import * as X from '../arithmetic/exact.js';
import type { LocalizedText } from '../schema/common.js';
import type { CompiledCondition, CompiledMetric } from '../model/program.js';

/**
 * Điều kiện — "metric op value", compared exactly in integers: a share floor "tối thiểu đạt 65%"
 * is 100·O ≥ 65·R, never 0.65 × R in floats. Conditions decide eligibility, prize floors and
 * targets; the same comparison, solved for a number of moves, gives "cases still needed".
 */

/**
 * A unit as the conditions read it: each metric's value as a numerator and a denominator (×
 * scale), in `Program.metricList` order — `m[mo + 2k]`, `m[mo + 2k + 1]`, a denominator of 0
 * meaning "no value" — and the inputs' exact forms for the rare metric of entered points that is
 * not whole. `m` is usually shared by a whole roster, each unit at its own offset `mo`.
 */
export interface MetricValues {
  readonly m: Float64Array;
  readonly mo: number;
  exactX(): readonly X.Exact[];
}

/** Writes each metric's numerator and denominator from the inputs `x` (at `xo`) into `out` (at `oo`). */
export function metricValues(metrics: readonly CompiledMetric[], x: Float64Array, xo: number, out: Float64Array, oo: number): void {
  for (let k = 0; k < metrics.length; k++) {
    const m = metrics[k] as CompiledMetric;
    let of = 0;
    for (let j = 0; j < m.of.length; j++) of += x[xo + (m.of[j] as number)] as number;
    for (let j = 0; j < m.less.length; j++) of -= x[xo + (m.less[j] as number)] as number;
    let num = of;
    let den = 1;
    if (m.kind === 'ratio') {
      let per = 0;
      for (let j = 0; j < m.per.length; j++) per += x[xo + (m.per[j] as number)] as number;
      if (per === 0) for (let j = 0; j < m.perWhenEmpty.length; j++) per += x[xo + (m.perWhenEmpty[j] as number)] as number;
      if (per === 0) {
        num = m.whenEmpty === 'full' ? m.scale : 0;
        den = m.whenEmpty === 'none' ? 0 : 1;
      } else {
        num = of * m.scale;
        den = per;
      }
    }
    out[oo + 2 * k] = num;
    out[oo + 2 * k + 1] = den;
  }
}

const sign = (d: number | bigint): number => (d > 0 ? 1 : d < 0 ? -1 : 0);

function opHolds(op: CompiledCondition['op'], c: number): boolean {
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '=':
      return c === 0;
  }
}

/** Whether the unit meets the condition; a metric without a value meets nothing. */
export function holds(c: CompiledCondition, u: MetricValues): boolean {
  const at = u.mo + 2 * c.metric.index;
  const num = u.m[at] as number;
  const den = u.m[at + 1] as number;
  if (den === 0) return false;
  // num / den op n / d  ⇔  num·d op n·den
  if (Number.isInteger(num) && Number.isInteger(den)) return opHolds(c.op, sign(X.productDifference(num, c.d, c.n, den)));
  const value = exactMetric(c.metric, u.exactX());
  return value !== null && opHolds(c.op, X.cmp(value, X.exact(c.value)));
}

/** The metric's exact value from exact inputs (entered points), or null when it has none. */
export function exactMetric(m: CompiledMetric, x: readonly X.Exact[]): X.Exact | null {
  const total = (ids: readonly number[]) => ids.reduce((s, i) => X.add(s, x[i] as X.Exact), X.ZERO);
  const of = X.sub(total(m.of), total(m.less));
  if (m.kind === 'sum') return of;
  let per = total(m.per);
  if (X.cmp(per, X.ZERO) === 0) per = total(m.perWhenEmpty);
  if (X.cmp(per, X.ZERO) === 0) return m.whenEmpty === 'none' ? null : m.whenEmpty === 'full' ? X.exact(m.scale) : X.ZERO;
  return X.mul(X.div(of, per), X.exact(m.scale));
}

/** Compares a metric between two units exactly: the sign of a − b (a metric without a value is lowest). */
export function compareMetric(m: CompiledMetric, a: MetricValues, b: MetricValues): number {
  const ak = a.mo + 2 * m.index;
  const bk = b.mo + 2 * m.index;
  const an = a.m[ak] as number;
  const ad = a.m[ak + 1] as number;
  const bn = b.m[bk] as number;
  const bd = b.m[bk + 1] as number;
  if (ad === 0 || bd === 0) return ad === bd ? 0 : ad === 0 ? -1 : 1;
  if (Number.isInteger(an) && Number.isInteger(bn)) return X.compareProducts(an, bd, bn, ad);
  return X.cmp(exactMetric(m, a.exactX()) as X.Exact, exactMetric(m, b.exactX()) as X.Exact);
}

/** The places a metric is published with: its `show`, else 2 for a share and 0 for a count. */
const declaredDecimals = (m: CompiledMetric): number => m.show?.decimals ?? (m.kind === 'sum' ? 0 : 2);

/**
 * The metric as a person reads it: its `show` (default: 2 decimals, half-up — as the documents print
 * shares, "985/987 … 99,8%" — for a share; a count as it is). One convention for every share.
 */
export function metricText(m: CompiledMetric, u: MetricValues, decimalsShown?: number): string | null {
  const at = u.mo + 2 * m.index;
  const num = u.m[at] as number;
  const den = u.m[at + 1] as number;
  if (den === 0) return null;
  const decimals = decimalsShown ?? declaredDecimals(m);
  const mode = m.show?.rounding ?? 'half-up';
  if (Number.isInteger(num) && Number.isInteger(den)) return X.ratioFixed(num, den, decimals, mode);
  const value = exactMetric(m, u.exactX());
  return value === null ? null : X.toFixed(value, decimals, mode);
}

/**
 * The metric as read beside a condition's threshold: its declared decimals, or — where rounding
 * would make it look to meet a threshold it fails (64,996% shown as 65,00% against "≥ 65%"), or to
 * fail one it meets — as many more decimals as tell the two apart (at most 10). `rounded` is then
 * the figure at its declared decimals, for the note. The comparison itself is always exact.
 */
export function metricTextBeside(c: CompiledCondition, u: MetricValues): { text: string | null; rounded: string | null } {
  const declared = declaredDecimals(c.metric);
  const shown = metricText(c.metric, u);
  if (shown === null) return { text: null, rounded: null };
  const met = holds(c, u);
  for (let decimals = declared; decimals <= 10; decimals++) {
    const text = decimals === declared ? shown : (metricText(c.metric, u, decimals) as string);
    if (opHolds(c.op, X.compareDecimals(text, c.value)) === met) return { text, rounded: decimals === declared ? null : shown };
  }
  return { text: metricText(c.metric, u, 10), rounded: shown };
}

/**
 * A unit's shown metrics, each with the decimals that tell it apart from every threshold its group
 * compares it with (floors, prize conditions): a commune at 64,996% is shown so, never 65,00%.
 */
export function showBesideThresholds(conditions: readonly CompiledCondition[], u: MetricValues, metrics: Record<string, string | null>): void {
  for (const c of conditions) {
    const shown = metrics[c.metric.id];
    if (shown === undefined || shown === null) continue;
    // Rounding is monotonic and keeps a threshold of no more decimals where it is: a unit that meets
    // "≥ T" or "≤ T" still reads as meeting it. Only the others need looking at (a national roster
    // is tens of thousands of units, most of them meeting every floor).
    if ((c.op === '>=' || c.op === '<=') && c.valueDecimals <= declaredDecimals(c.metric) && holds(c, u)) continue;
    const { text, rounded } = metricTextBeside(c, u);
    // The most decimals any of its thresholds needs.
    if (rounded !== null && text !== null && text.length > shown.length) metrics[c.metric.id] = text;
  }
}

const failedOp: Record<CompiledCondition['op'], string> = { '>=': '<', '>': '≤', '<=': '>', '<': '≥', '=': '≠' };
const heldOp: Record<CompiledCondition['op'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

const vi = (decimal: string) => decimal.replace('.', ',');

/** The condition as a rule reads: "Tỷ lệ trực tuyến ≥ 65%" / "Online share ≥ 65%". */
export function conditionText(c: CompiledCondition): LocalizedText {
  const m = c.metric;
  const op = heldOp[c.op];
  return { vi: `${m.short.vi} ${op} ${vi(c.value)}${m.unit}`, en: `${m.short.en} ${op} ${c.value}${m.unit}` };
}

/**
 * Why the unit fails the condition: "Tỷ lệ trực tuyến 64,99% < 65%" / "Online share 64.99% < 65%";
 * near the threshold, with the decimals that show it fails and a note: "64,996% < 65% (làm tròn: 65,00%)".
 */
export function failureMessage(c: CompiledCondition, u: MetricValues): LocalizedText {
  const { text, rounded } = metricTextBeside(c, u);
  const shown = text ?? '—';
  const m = c.metric;
  const op = failedOp[c.op];
  return {
    vi: `${m.short.vi} ${vi(shown)}${m.unit} ${op} ${vi(c.value)}${m.unit}${rounded ? ` (làm tròn: ${vi(rounded)}${m.unit})` : ''}`,
    en: `${m.short.en} ${shown}${m.unit} ${op} ${c.value}${m.unit}${rounded ? ` (rounded: ${rounded}${m.unit})` : ''}`,
  };
}

/** The condition with the unit's numbers, for the explanation: "100 × 1800 / 2345 = 76.75% ≥ 65%". */
export function conditionFormula(c: CompiledCondition, u: MetricValues, inputValue: (index: number) => string): string {
  const m = c.metric;
  const sumText = (ids: readonly number[]) => (ids.length === 1 ? inputValue(ids[0] as number) : `(${ids.map(inputValue).join(' + ')})`);
  const numerator = m.less.length === 0 ? sumText(m.of) : `(${sumText(m.of)} − ${sumText(m.less)})`;
  const shown = metricTextBeside(c, u).text ?? '—';
  const op = holds(c, u) ? heldOp[c.op] : failedOp[c.op];
  if (m.kind === 'sum') return m.of.length === 1 && m.less.length === 0 ? `${shown} ${op} ${c.value}` : `${numerator} = ${shown} ${op} ${c.value}`;
  return `${m.scale === 100 ? '100 × ' : ''}${numerator} / ${sumText(m.per)} = ${shown}${m.unit} ${op} ${c.value}${m.unit}`;
}

/**
 * Fewest k ≥ 0 moves (each adding `adds` to the inputs) after which the condition holds; null when
 * no number of moves gets there. The metric after k moves is (of + a·k) / (per + b·k) × scale (of
 * and a net of what `less` takes away), so
 * "≥ n/d" is linear in k once multiplied out: solved in integers, never searched.
 */
export function movesToMeet(c: CompiledCondition, x: Float64Array, xo: number, adds: Float64Array): number | null {
  const m = c.metric;
  let of = 0;
  let a = 0;
  for (const i of m.of) {
    of += x[xo + i] as number;
    a += adds[i] as number;
  }
  for (const i of m.less) {
    of -= x[xo + i] as number;
    a -= adds[i] as number;
  }
  let per = 1;
  let b = 0;
  if (m.kind === 'ratio') {
    per = 0;
    for (const i of m.per) {
      per += x[xo + i] as number;
      b += adds[i] as number;
    }
    if (per === 0 && b === 0) return holdsWhenEmpty(c) ? 0 : null;
  }
  if (!Number.isInteger(of) || !Number.isInteger(per)) return null;
  // f(k) = (of + a·k)·scale·d − n·(per + b·k) = A + B·k; the condition is f(k) op 0.
  const A = X.productDifference(of * m.scale, c.d, c.n, per);
  const B = X.productDifference(a * m.scale, c.d, c.n, b);
  const neg = (v: number | bigint): number | bigint => (typeof v === 'bigint' ? -v : -v);
  const minus1 = (v: number | bigint): number | bigint => (typeof v === 'bigint' ? v - 1n : v - 1);
  let k: number | null;
  switch (c.op) {
    case '>=':
      k = X.leastSteps(A, B);
      break;
    case '>':
      k = X.leastSteps(minus1(A), B);
      break;
    case '<=':
      k = X.leastSteps(neg(A), neg(B));
      break;
    case '<':
      k = X.leastSteps(minus1(neg(A)), neg(B));
      break;
    case '=':
      k = sign(A) === 0 ? 0 : null;
      break;
  }
  // A ratio of nothing has no value until a move gives it a denominator.
  if (k !== null && m.kind === 'ratio' && per === 0) k = Math.max(k, 1);
  return k;
}

function holdsWhenEmpty(c: CompiledCondition): boolean {
  const m = c.metric;
  if (m.whenEmpty === 'none') return false;
  const value = m.whenEmpty === 'full' ? m.scale : 0;
  return opHolds(c.op, sign(X.productDifference(value, c.d, c.n, 1)));
}
