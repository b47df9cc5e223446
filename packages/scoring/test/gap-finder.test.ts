/**
 * `gapFinder` finds one unit's gaps from that unit and the unit ranked just above it, without
 * evaluating its group (what a server reads from results stored at publication). It must give
 * exactly what `evaluate` gives as that unit's `gaps`: on every case table's units, and on
 * generated rosters full of ties.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate, gapFinder, getPreset, nuiThanh2023, qd766y2022, ScoringInputError, validateRuleSet, type Evaluation, type RuleSet, type UnitInput } from '../src/index.js';

/** For each unit of an evaluation, the unit `evaluate` passed as "above": the last listed before its tie class. */
function aboveOf(evaluation: Evaluation): Map<string, string | null> {
  const above = new Map<string, string | null>();
  for (const group of evaluation.groups) {
    const listed = evaluation.units.filter((u) => u.groupId === group.id);
    listed.forEach((u, i) => {
      if (u.rank === null) return above.set(u.unitId, null);
      let j = i - 1;
      while (j >= 0 && listed[j]!.rank === u.rank) j--;
      above.set(u.unitId, j >= 0 ? listed[j]!.unitId : null);
    });
  }
  return above;
}

function agree(units: UnitInput[], ruleSet: RuleSet, options: { policies?: Record<string, string> } = {}): number {
  const evaluation = evaluate(units, ruleSet, options as never);
  const find = gapFinder(ruleSet, options as never);
  const byId = new Map(units.map((u) => [u.id, u]));
  const above = aboveOf(evaluation);
  for (const r of evaluation.units) {
    const a = above.get(r.unitId) ?? null;
    expect(find(byId.get(r.unitId)!, a === null ? null : byId.get(a)!), `${ruleSet.id}: ${r.unitId}`).toEqual(r.gaps);
  }
  return evaluation.units.length;
}

describe('gapFinder agrees with evaluate, unit by unit', () => {
  const casesDir = new URL('./cases/', import.meta.url);
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json'))) {
    const table = JSON.parse(readFileSync(new URL(file, casesDir), 'utf8')) as {
      cases: { name: string; preset?: string; rules?: string; ruleSetPatch?: unknown; units: unknown; options?: { policies?: Record<string, string>; gaps?: boolean } }[];
    };
    // A version 1 fixture (cuong-gian-2024-example) has no preset here: cases.test.ts runs it.
    const runnable = table.cases.filter((c) => !c.ruleSetPatch && c.options?.gaps !== false && Array.isArray(c.units) && (c.preset === undefined || getPreset(c.preset)));
    if (runnable.length === 0) continue;
    test(`on the units of ${file}`, () => {
      let checked = 0;
      for (const c of runnable) {
        const ruleSet = (
          c.rules !== undefined
            ? validateRuleSet(JSON.parse(readFileSync(new URL(`../../../${c.rules}`, import.meta.url), 'utf8'))).ruleSet
            : c.preset === undefined
              ? nuiThanh2023
              : getPreset(c.preset)
        ) as RuleSet;
        try {
          checked += agree(c.units as UnitInput[], ruleSet, c.options ?? {});
        } catch (err) {
          if (!(err instanceof ScoringInputError)) throw err; // a case of refused input
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  const counts = fc.record({ R: fc.integer({ min: 0, max: 400 }), o: fc.integer({ min: 55, max: 100 }), t: fc.integer({ min: 80, max: 100 }), l: fc.integer({ min: 0, max: 6 }) });
  const unitOf = (c: { R: number; o: number; t: number; l: number }, i: number, group: string): UnitInput => {
    const O = Math.floor((c.R * c.o) / 100);
    const T = Math.floor((O * c.t) / 100);
    return { id: `u${i}`, name: `Đơn vị ${i}`, group, resolvedTotal: c.R, resolvedOnline: O, resolvedOnlineOnTime: T, resolvedLate: Math.min(c.R - T, Math.floor((c.R * c.l) / 100)) };
  };

  test('on generated Núi Thành rosters (ties from a small pool of counts)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(counts, fc.constantFrom({ R: 200, o: 80, t: 95, l: 1 }, { R: 100, o: 70, t: 100, l: 0 })), fc.boolean()), { minLength: 1, maxLength: 14 }), (list) => {
        agree(list.map(([c, dept], i) => unitOf(c, i, dept ? 'departments' : 'communes')), nuiThanh2023);
      }),
      { numRuns: 120 },
    );
  });

  test('refuses an invalid unit as evaluate does', () => {
    const find = gapFinder(qd766y2022);
    expect(() => find({ id: 'x', name: 'X', group: 'nowhere' }, null)).toThrow(ScoringInputError);
  });
});
