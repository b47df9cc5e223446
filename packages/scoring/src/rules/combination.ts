import { constant, max, mul, ref, sub, type Expr } from '../model/expr.js';
import type { Adjustment } from '../schema/rule-set.js';

/**
 * Điểm đạt được — the score before rounding: the criteria's points with each adjustment applied in
 * turn. Núi Thành lists a 100-point score, a deduction and a "hệ số phát sinh hồ sơ để tính điểm"
 * without the formula; policy `deduct-then-multiply` (its default) gives max(0, (base − deduction) ×
 * coefficient), `multiply-then-deduct` gives max(0, base × coefficient − deduction).
 * See docs/decisions/0002-score-formula.md.
 *
 * The policy orders deductions and multipliers among themselves; a floor stays where it is declared.
 */
export function orderedAdjustments(adjustments: readonly Adjustment[], combination: 'deduct-then-multiply' | 'multiply-then-deduct'): Adjustment[] {
  const first = combination === 'deduct-then-multiply' ? 'deduction' : 'multiplier';
  const movable = adjustments.filter((a) => a.kind !== 'floor');
  const ordered = [...movable.filter((a) => a.kind === first), ...movable.filter((a) => a.kind !== first)];
  let next = 0;
  return adjustments.map((a) => (a.kind === 'floor' ? a : (ordered[next++] as Adjustment)));
}

export function combine(rootId: string, adjustments: readonly Adjustment[]): Expr {
  let running: Expr = ref(rootId);
  for (const a of adjustments) {
    if (a.kind === 'deduction') running = sub(running, ref(a.id));
    else if (a.kind === 'multiplier') running = mul(running, ref(a.id));
    else running = max(constant(a.at), running);
  }
  return running;
}
