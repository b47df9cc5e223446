/**
 * QĐ 766 as the portal publishes it: each item to 2 decimals, each group the sum of its published
 * items (capped at the group's maximum), the total the sum of the six published groups — on random
 * units, on the fast path and exactly. What a reader adds up from the published page adds up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, qd766y2022, type UnitInput } from '../src/index.js';

/** A numerator and a denominator with 0 ≤ of ≤ per (a denominator of 0 included). */
const share = fc.integer({ min: 0, max: 3000 }).chain((per) => fc.integer({ min: 0, max: per }).map((of) => [of, per] as const));

const unitArb = fc
  .record({
    shares: fc.array(share, { minLength: 32, maxLength: 32 }),
    online: fc.integer({ min: 0, max: 1200 }).map((n) => (n / 100).toFixed(2)),
    previousYear: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  })
  .map(({ shares, online, previousYear }, ): UnitInput => {
    const unit: UnitInput = { id: 'u', name: 'Đơn vị', group: qd766y2022.groups[0]!.id, onlineServicesScore: online };
    const pairs = qd766y2022.metrics.filter((m) => m.kind === 'ratio');
    pairs.forEach((m, k) => {
      if (m.kind !== 'ratio') return;
      const [of, per] = shares[k % shares.length]!;
      // Inputs shared by two items keep the first pair written.
      if (unit[m.per[0]!] === undefined && unit[m.of[0]!] === undefined) {
        unit[m.of[0]!] = of;
        unit[m.per[0]!] = per;
      }
    });
    for (const input of qd766y2022.inputs) if (input.kind === 'count' && !input.optional && unit[input.id] === undefined) unit[input.id] = 0;
    if (previousYear !== undefined) unit.casesPreviousYear = previousYear;
    return unit;
  });

/** "17.30" → 1730. */
const cents = (text: string) => Math.round(Number(text) * 100);

describe('QĐ 766: the published figures add up', () => {
  it.each([false, true])('the total is the sum of the six published groups, each the sum of its published items (exact: %s)', (exact) => {
    const groups = qd766y2022.score!.criteria.children!;
    fc.assert(
      fc.property(unitArb, (unit) => {
        const evaluation = evaluate([unit], qd766y2022, { gaps: false, exact });
        const result = evaluation.units[0]!;
        if (result.score === null) return;
        const shown = groups.map((g) => cents(result.metrics[g.id] as string));
        expect(shown.reduce((a, b) => a + b, 0)).toBe(cents(result.score));
        const steps = new Map(explain(unit, qd766y2022).steps.map((s) => [s.id, s]));
        for (const g of groups) {
          const group = cents(steps.get(g.id)!.value as string);
          if (!g.children) continue;
          const items = g.children.map((c) => steps.get(c.id)!.value as string);
          // Every item is published to 2 decimals, and the group adds them (up to its maximum).
          for (const v of items) expect(v).toMatch(/^\d+(\.\d{1,2})?$/);
          expect(group).toBe(Math.min(cents(g.max), items.reduce((a, v) => a + cents(v), 0)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
