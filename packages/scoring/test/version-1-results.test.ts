/**
 * "Results identical to today's": fixtures/v1-golden.json.gz holds what @thidua/scoring 0.1 (rule
 * set version 1) published for 500 generated units under all eight policy combinations of Núi Thành
 * 2023, and 300 under the Cương Gián example — no-case units, ties, shared ranks, undecided prizes
 * and every gap among them. Version 2 must give every figure back, on the fast path and exactly.
 * (The file was written by the 0.1 library before it was replaced; it is data, not recomputed here.)
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { evaluate, explain, nuiThanh2023, upgradeRuleSet, type Evaluation, type Policies, type RuleSet, type UnitInput } from '../src/index.js';

interface Golden {
  units: UnitInput[];
  cgUnits: UnitInput[];
  nuiThanh: unknown[];
  cuongGian: unknown[];
}
const golden = JSON.parse(gunzipSync(readFileSync(new URL('./fixtures/v1-golden.json.gz', import.meta.url))).toString('utf8')) as Golden;
const cuongGian = upgradeRuleSet(JSON.parse(readFileSync(new URL('./fixtures/cuong-gian-2024-example.v1.json', import.meta.url), 'utf8'))).ruleSet as RuleSet;

/** Version 1's names for the shown figures. */
const v1Metric: Record<string, string> = { onlineShare: 'onlineSharePercent', onTimeShare: 'onTimeOnlinePercent', lateShare: 'latePercent' };

/** An evaluation in the shape version 1 published (the figures only; explanations moved to `explain`). */
function asVersion1(ev: Evaluation, ruleSet: RuleSet) {
  const floorGroups = new Set(ruleSet.groups.filter((g) => g.prizes?.some((p) => p.conditions?.length)).map((g) => g.id));
  const byId = new Map(ev.units.map((u) => [u.unitId, u]));
  return {
    policies: ev.policies,
    units: ev.units.map((u) => ({
      id: u.unitId,
      eligible: u.eligible,
      reasons: (u.reasons ?? []).map((r) => [r.code, r.message.vi, r.message.en]),
      score: u.score,
      rank: u.rank,
      prize: u.prize ? [u.prize.id, u.prize.amount] : null,
      undecided: u.undecidedPrizeIds ?? [],
      floor: u.meetsPrizeFloor ?? (u.eligible && !floorGroups.has(u.groupId)),
      metrics: Object.fromEntries(Object.entries(u.metrics).map(([k, v]) => [v1Metric[k] ?? k, v])),
      gaps: u.gaps && {
        eligibility: u.gaps.eligibility ?? null,
        firstPrizeFloor: u.gaps.prizeFloor ?? null,
        nextBracket: u.gaps.nextBracket ? { cases: u.gaps.nextBracket.moves, coefficient: u.gaps.nextBracket.value } : null,
        passUnitAbove: u.gaps.passUnitAbove ? [u.gaps.passUnitAbove.moves, u.gaps.passUnitAbove.unitId] : null,
      },
    })),
    groups: ev.groups.map((g) => ({
      id: g.id,
      ranking: g.ranking.map((id) => [id, byId.get(id)?.rank, byId.get(id)?.score]),
      ineligible: g.ineligibleUnitIds,
      prizes: g.prizes.map((p) => [p.prizeId, p.unitId, p.amount, p.rank]),
      vacant: g.vacantPrizes,
      undecided: g.undecided.map((u) => [u.prizeIds, u.unitIds, u.rank, u.amount, u.message.vi]),
      totalAwarded: g.totalAwarded,
      budget: g.budget,
    })),
    totalAwarded: ev.totalAwarded,
    warnings: ev.warnings.map((w) => [w.path, w.code]),
  };
}

/** Version 1's units carried their step-by-step breakdown; its values are checked against `explain` elsewhere. */
const withoutBreakdown = (v1: unknown) => {
  const e = v1 as { units: Record<string, unknown>[] };
  return { ...e, units: e.units.map(({ breakdown: _b, ...rest }) => rest) };
};

/**
 * Version 1 showed shares rounded *down* (64.99% for 64.999%); issue 19 shows every share half-up, as
 * the documents print them, with more decimals beside a threshold rounding would cross. Those texts —
 * the shares and the reasons quoting them — are compared apart (`sharesAreHalfUp`); every other
 * figure must come back unchanged. The scores, ranks, prizes and gaps do not move.
 */
const shareKeys = new Set(['onlineSharePercent', 'onTimeOnlinePercent', 'latePercent', 'onlineShare', 'onTimeShare', 'lateShare', 'digitisedShare', 'onlineDossierShare']);
const withoutShareTexts = (v1: unknown) => {
  const e = v1 as { units: { metrics: Record<string, unknown>; reasons: unknown[][] }[] };
  return {
    ...e,
    units: e.units.map((u) => ({
      ...u,
      metrics: Object.fromEntries(Object.entries(u.metrics).filter(([k]) => !shareKeys.has(k))),
      reasons: u.reasons.map((r) => r[0]),
    })),
  };
};

/** Every share shown is the exact ratio half-up to 2 decimals, or, beside a threshold, to as many as tell it apart. */
function sharesAreHalfUp(ev: Evaluation, units: readonly UnitInput[], ruleSet: RuleSet) {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const result of ev.units) {
    const unit = byId.get(result.unitId) as UnitInput;
    for (const m of ruleSet.metrics) {
      const text = result.metrics[m.id];
      if (m.kind !== 'ratio' || text === undefined || text === null) continue;
      const of = m.of.reduce((s, k) => s + Number(unit[k] ?? 0), 0);
      const per = m.per.reduce((s, k) => s + Number(unit[k] ?? 0), 0);
      const decimals = text.split('.')[1]?.length ?? 0;
      expect(decimals, `${result.unitId} ${m.id}`).toBeGreaterThanOrEqual(2);
      // |text − 100·of/per| ≤ ½·10^-decimals, in integers: |2·text·10^d·per − 2·100·of·10^d| ≤ per.
      const scaled = BigInt(text.replace('.', ''));
      const ten = 10n ** BigInt(decimals);
      const diff = 2n * scaled * BigInt(per) - 2n * BigInt(m.percent ? 100 : 1) * BigInt(of) * ten;
      expect((diff < 0n ? -diff : diff) <= BigInt(per), `${result.unitId} ${m.id} ${text}`).toBe(true);
    }
  }
}

const combos: Policies[] = [];
for (const deduction of ['proportional', 'whole-percent'] as const)
  for (const combination of ['deduct-then-multiply', 'multiply-then-deduct'] as const)
    for (const prizes of ['best-qualified', 'vacate'] as const) combos.push({ deduction, combination, prizes });

describe.each([
  ['the fast path', false],
  ['the exact calculator', true],
] as const)('version 2 gives back every figure version 1 published, %s', (_, exact) => {
  test.each(combos.map((p, i) => [`${p.deduction}, ${p.combination}, ${p.prizes}`, i] as const))('Núi Thành 2023: %s', (_, i) => {
    const ev = evaluate(golden.units, nuiThanh2023, { policies: combos[i] as Policies, exact });
    expect(withoutShareTexts(asVersion1(ev, nuiThanh2023))).toStrictEqual(withoutShareTexts(withoutBreakdown(golden.nuiThanh[i])));
    sharesAreHalfUp(ev, golden.units, nuiThanh2023);
  });
  test.each([
    ['best-qualified', 0],
    ['vacate', 1],
  ] as const)('the Cương Gián example (a version 1 rule set, converted): %s', (prizes, i) => {
    const ev = evaluate(golden.cgUnits, cuongGian, { policies: { prizes }, exact });
    expect(withoutShareTexts(asVersion1(ev, cuongGian))).toStrictEqual(withoutShareTexts(withoutBreakdown(golden.cuongGian[i])));
    sharesAreHalfUp(ev, golden.cgUnits, cuongGian);
  });
});

test('explain gives back every breakdown value version 1 published, exactly (and says when a value is cut)', () => {
  const v1Step: Record<string, string> = { lateShare: 'latePercent' };
  combos.forEach((policies, i) => {
    const published = (golden.nuiThanh[i] as { units: { id: string; breakdown: Record<string, [string, boolean]> }[] }).units;
    const explainUnit = (id: string) => explain(golden.units.find((u) => u.id === id) as UnitInput, nuiThanh2023, { policies });
    for (const u of published) {
      const ids = Object.keys(u.breakdown);
      if (ids.length === 0) continue;
      const steps = explainUnit(u.id).steps;
      for (const step of steps) {
        const old = u.breakdown[v1Step[step.id] ?? step.id];
        if (!old) continue;
        expect([step.value, step.exact], `${u.id} ${step.id}`).toEqual(old);
      }
    }
  });
});
