/**
 * Invariants that must hold for every valid roster, checked with fast-check on generated units
 * (0 ≤ T ≤ O ≤ R, 0 ≤ L ≤ R − T), under every combination of policies, on the fast path and with
 * `{ exact: true }` alike.
 *
 * Where a property needs the rules themselves (ranks, the published score), it recomputes them
 * here with exact BigInt fractions straight from issue 2 — never with the library's own helpers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluate as evaluateAny, explain, nuiThanh2023, type Evaluation, type Policies, type UnitInput } from '../src/index.js';

const RUNS = { numRuns: 150 };

// ---------- generators ----------

interface Counts {
  R: number;
  O: number;
  T: number;
  L: number;
}

/** Valid counts; O is biased towards the eligibility floors so that ranks and prizes happen. */
const countsArb = (maxR: number): fc.Arbitrary<Counts> =>
  fc.integer({ min: 0, max: maxR }).chain((R) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.integer({ min: Math.ceil(R * 0.6), max: R }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: R }) },
      )
      .chain((O) =>
        fc
          .integer({ min: Math.floor(O * 0.5), max: O })
          .chain((T) => fc.integer({ min: 0, max: Math.min(R - T, Math.ceil(R * 0.08)) }).map((L) => ({ R, O, T, L }))),
      ),
  );

/** A few fixed, eligible rosters' worth of counts, drawn again and again: ties and undecided prizes. */
const tiePool = fc.constantFrom<Counts>(
  { R: 2000, O: 1400, T: 1400, L: 0 },
  { R: 2000, O: 1300, T: 1300, L: 0 },
  { R: 1000, O: 700, T: 700, L: 0 },
  { R: 1200, O: 840, T: 840, L: 0 },
  { R: 1000, O: 680, T: 680, L: 0 },
  { R: 200, O: 200, T: 190, L: 10 },
  { R: 100, O: 90, T: 90, L: 0 },
);

/** Small counts and the pool collide often (ties, shared ranks, undecided prizes); large ones cross brackets. */
const anyCounts = fc.oneof(countsArb(12), countsArb(400), countsArb(3200), tiePool);

const toUnit = (c: Counts, group: string, i: number): UnitInput => ({
  id: `u${String(i).padStart(3, '0')}`,
  name: `Đơn vị ${i}`,
  group,
  resolvedTotal: c.R,
  resolvedOnline: c.O,
  resolvedOnlineOnTime: c.T,
  resolvedLate: c.L,
});

const unitsArb = fc
  .array(fc.record({ group: fc.constantFrom('departments', 'communes'), counts: anyCounts }), { maxLength: 24, size: 'max' })
  .map((list) => list.map((u, i) => toUnit(u.counts, u.group, i)));

const policiesArb: fc.Arbitrary<Policies> = fc.record({
  deduction: fc.constantFrom('proportional', 'whole-percent'),
  combination: fc.constantFrom('deduct-then-multiply', 'multiply-then-deduct'),
  prizes: fc.constantFrom('best-qualified', 'vacate'),
});

// ---------- exact helpers (independent of the library) ----------

/** A non-negative decimal string as a fraction n / 10^k. */
function parseDecimal(s: string): { n: bigint; scale: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2]}${frac}`) * (m[1] ? -1n : 1n);
  return { n, scale: 10n ** BigInt(frac.length) };
}

function compareDecimal(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const l = x.n * y.scale;
  const r = y.n * x.scale;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Issue 2's score, exactly: coefficient in tenths by O, deduction capped at 5, floor at 0, half-up to 2 decimals. */
function referenceScore(c: Counts, p: Policies): string | null {
  if (c.R === 0) return null;
  const R = BigInt(c.R);
  const tenths = BigInt(Math.min(10, Math.floor(c.O / 300) + 1));
  // Everything below is "× R" so the score is one fraction over 10·R.
  const baseR = 100n * BigInt(c.T);
  let deductionR: bigint;
  if (p.deduction === 'proportional') {
    const lateR = 100n * BigInt(c.L);
    deductionR = lateR < 5n * R ? lateR : 5n * R;
  } else {
    const whole = (100n * BigInt(c.L)) / R; // ⌊late%⌋
    deductionR = (whole < 5n ? whole : 5n) * R;
  }
  let num = p.combination === 'deduct-then-multiply' ? (baseR - deductionR) * tenths : baseR * tenths - 10n * deductionR;
  if (num < 0n) num = 0n;
  const den = 10n * R;
  const hundredths = (num * 100n) / den;
  const rest = (num * 100n) % den;
  const rounded = 2n * rest >= den ? hundredths + 1n : hundredths;
  return `${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`;
}

function referenceEligible(c: Counts, group: string): boolean {
  if (c.R === 0) return false;
  if (group === 'communes') return 100 * c.O >= 65 * c.R;
  return 100 * c.O >= 70 * c.R && c.O >= 100;
}

const countsOf = (u: UnitInput): Counts => ({
  R: u.resolvedTotal as number,
  O: u.resolvedOnline as number,
  T: u.resolvedOnlineOnTime as number,
  L: u.resolvedLate as number,
});

/** Negative when a is strictly ahead of b: published score, then O/R, then O. */
function compareKeys(a: { score: string; c: Counts }, b: { score: string; c: Counts }): number {
  const byScore = compareDecimal(b.score, a.score);
  if (byScore !== 0) return byScore;
  const share = BigInt(b.c.O) * BigInt(a.c.R) - BigInt(a.c.O) * BigInt(b.c.R);
  if (share !== 0n) return share < 0n ? -1 : 1;
  return b.c.O - a.c.O;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Warnings point at list positions; name them by unit id so two orders can be compared. */
function withoutPositions(ev: Evaluation, units: readonly UnitInput[]) {
  const { warnings, ...rest } = ev;
  const named = warnings
    .map((w) => ({ unitId: units[w.path[0] as number]?.id, field: w.path[1], code: w.code }))
    .sort((a, b) => String(a.unitId).localeCompare(String(b.unitId)));
  return { ...rest, warnings: named };
}

const budgetOf = (groupId: string): number =>
  nuiThanh2023.groups.find((g) => g.id === groupId)?.prizes?.reduce((s, p) => s + p.amountVnd * p.count, 0) ?? NaN;

/** The first-prize floor of a group, as Núi Thành's rule set writes it. */
const floorOf = (prize: { conditions?: { value: string }[] | undefined }): string | undefined => prize.conditions?.[0]?.value;

// ---------- prizes, as issue 2 words them ----------

interface RankedUnit {
  id: string;
  rank: number;
  c: Counts;
}
interface UndecidedRef {
  prizeIds: string[];
  unitIds: string[];
  rank: number;
  amount: number;
}
type LineItem =
  | { kind: 'class'; rank: number; units: RankedUnit[] }
  /** The units of a tie that contested a floor prize and did not get it: who they are is undecided. */
  | { kind: 'losers'; rank: number; count: number; units: RankedUnit[]; entry: UndecidedRef };

/**
 * Slots are the group's prizes expanded by count, in order, filled from the line of eligible units in
 * rank order. A slot with a floor (the first prize: 70% online) goes, under best-qualified, to the
 * best-ranked class in line that meets it — the units passed over stay in line, ahead of everyone
 * ranked below them ("the other prizes go to the remaining eligible units in rank order"); under
 * vacate, to the class at the head of the line only if it meets it. A class of n tied units takes n
 * slots together: one prize id → each gets it, otherwise those slots are undecided for the committee.
 * When a tie of q units contests a floor slot from behind passed-over units, one of them gets it and
 * the q − 1 others keep their place in line: the floor slot and the slots they then reach form one
 * undecided entry. A slot nobody can take is vacant.
 */
function referencePrizes(ranked: readonly RankedUnit[], group: (typeof nuiThanh2023.groups)[number], policy: Policies['prizes']) {
  const slots = (group.prizes ?? []).flatMap((p) => Array.from({ length: p.count }, () => p));
  const meets = (u: RankedUnit, floor: string | undefined) => floor === undefined || 100 * u.c.O >= Number(floor) * u.c.R;
  let line: LineItem[] = [];
  for (const u of ranked) {
    const last = line[line.length - 1];
    if (last && last.kind === 'class' && last.rank === u.rank) last.units.push(u);
    else line.push({ kind: 'class', rank: u.rank, units: [u] });
  }
  const prizeOf = new Map<string, string>();
  const vacant: string[] = [];
  const undecided: UndecidedRef[] = [];
  for (let i = 0; i < slots.length; ) {
    const slot = slots[i] as (typeof slots)[number];
    const floor = floorOf(slot);
    const qualifies = (item: LineItem) => item.units.every((u) => meets(u, floor));
    const pick = policy === 'vacate' ? line.find((_, k) => k === 0 && qualifies(line[0] as LineItem)) : line.find(qualifies);
    if (!pick) {
      vacant.push(slot.id);
      i += 1;
      continue;
    }
    const head = pick === line[0];
    if (pick.kind === 'class' && pick.units.length > 1 && floor !== undefined && !head) {
      const entry: UndecidedRef = { prizeIds: [slot.id], unitIds: pick.units.map((u) => u.id).sort(), rank: pick.rank, amount: slot.amountVnd };
      undecided.push(entry);
      line = line.map((item) => (item === pick ? { kind: 'losers', rank: pick.rank, count: pick.units.length - 1, units: pick.units, entry } : item));
      i += 1;
      continue;
    }
    const n = pick.kind === 'class' ? pick.units.length : pick.count;
    const covered = slots.slice(i, i + n);
    if (pick.kind === 'losers') {
      pick.entry.prizeIds.push(...covered.map((s) => s.id));
      pick.entry.amount += covered.reduce((s, p) => s + p.amountVnd, 0);
    } else if (covered.length === n && covered.every((s) => s.id === slot.id)) {
      for (const u of pick.units) prizeOf.set(u.id, slot.id);
    } else {
      undecided.push({
        prizeIds: covered.map((s) => s.id),
        unitIds: pick.units.map((u) => u.id).sort(),
        rank: pick.rank,
        amount: covered.reduce((s, p) => s + p.amountVnd, 0),
      });
    }
    line = line.filter((item) => item !== pick);
    i += covered.length;
  }
  return { prizeOf, vacant, undecided };
}

// ---------- properties ----------

describe.each([
  ['the fast path', false],
  ['the exact calculator', true],
] as const)('properties of evaluate (fast-check), %s', (_, exact) => {
  const evaluate = (units: readonly UnitInput[], rules: typeof nuiThanh2023, options: Parameters<typeof evaluateAny>[2] = {}) =>
    evaluateAny(units, rules, { ...options, exact });

  test('input order never matters', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, fc.integer(), (units, policies, seed) => {
        const a = evaluate(units, nuiThanh2023, { policies });
        const shuffled = shuffle(units, seed);
        const b = evaluate(shuffled, nuiThanh2023, { policies });
        expect(withoutPositions(b, shuffled)).toStrictEqual(withoutPositions(a, units));
      }),
      RUNS,
    );
  });

  test('one more on-time online case (R+1, O+1, T+1) never lowers a unit’s score', () => {
    fc.assert(
      fc.property(anyCounts, fc.constantFrom('departments', 'communes'), policiesArb, (c, group, policies) => {
        const before = evaluate([toUnit(c, group, 0)], nuiThanh2023, { policies }).units[0]?.score ?? null;
        const after = evaluate([toUnit({ ...c, R: c.R + 1, O: c.O + 1, T: c.T + 1 }, group, 0)], nuiThanh2023, { policies })
          .units[0]?.score;
        expect(after).not.toBeNull();
        if (before !== null) expect(compareDecimal(after as string, before)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  test('the published score is the issue’s formula, computed exactly, and has exactly 2 decimals', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        expect(ev.units).toHaveLength(units.length);
        for (const u of units) {
          const r = ev.units.find((x) => x.unitId === u.id);
          const want = referenceScore(countsOf(u), policies);
          expect(r?.score, `${u.id} ${JSON.stringify(countsOf(u))}`).toBe(want);
          if (r?.score != null) expect(r.score).toMatch(/^\d+\.\d{2}$/);
          expect(r?.eligible).toBe(referenceEligible(countsOf(u), u.group));
        }
      }),
      RUNS,
    );
  });

  test('the deduction step never exceeds 5 points', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        for (const r of ev.units) {
          if (r.score === null) continue;
          const step = explain(units.find((u) => u.id === r.unitId) as UnitInput, nuiThanh2023, { policies }).steps.find((s) => s.id === 'deduction');
          expect(step, `deduction step of ${r.unitId}`).toBeDefined();
          expect(compareDecimal(step?.value ?? '', '5')).toBeLessThanOrEqual(0);
          expect(compareDecimal(step?.value ?? '', '0')).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  test('ranks are competition ranks: 1 + the number of units strictly ahead', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        for (const g of ev.groups) {
          const members = ev.units.filter((u) => u.groupId === g.id);
          const ranked = members
            .filter((u) => u.eligible)
            .map((u) => ({ id: u.unitId, rank: u.rank, score: u.score as string, c: countsOf(units.find((x) => x.id === u.unitId) as UnitInput) }));
          for (const u of members.filter((x) => !x.eligible)) expect(u.rank).toBeNull();
          for (const u of ranked) {
            const ahead = ranked.filter((v) => compareKeys(v, u) < 0).length;
            expect(u.rank, u.id).toBe(1 + ahead);
          }
          expect([...g.ranking].sort()).toEqual(ranked.map((r) => r.id).sort());
          const ranks = g.ranking.map((id) => members.find((u) => u.unitId === id)?.rank as number);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        }
      }),
      RUNS,
    );
  });

  test('at most one prize per unit, only to eligible units, and every prize slot accounted for once', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        let total = 0;
        for (const g of ev.groups) {
          const winners = g.prizes.map((p) => p.unitId);
          expect(new Set(winners).size).toBe(winners.length);
          const undecidedUnits = g.undecided.flatMap((u) => u.unitIds);
          expect(new Set([...winners, ...undecidedUnits]).size).toBe(winners.length + undecidedUnits.length);
          for (const p of g.prizes) {
            const r = ev.units.find((u) => u.unitId === p.unitId);
            expect(r?.eligible).toBe(true);
            expect(r?.prize).toEqual({ id: p.prizeId, label: p.label, amount: p.amount });
            expect(Number.isInteger(p.amount)).toBe(true);
          }
          for (const r of ev.units.filter((u) => u.groupId === g.id && !winners.includes(u.unitId))) expect(r.prize).toBeUndefined();

          // Each slot of the group is awarded, vacant or undecided — exactly once.
          const rules = nuiThanh2023.groups.find((x) => x.id === g.id);
          const amountOf = (id: string) => rules?.prizes?.find((p) => p.id === id)?.amountVnd ?? NaN;
          const slots = g.prizes.length + g.vacantPrizes.length + g.undecided.reduce((s, u) => s + u.prizeIds.length, 0);
          expect(slots).toBe(rules?.prizes?.reduce((s, p) => s + p.count, 0));
          const accounted =
            g.totalAwarded +
            g.vacantPrizes.reduce((s, id) => s + amountOf(id), 0) +
            g.undecided.reduce((s, u) => s + u.amount, 0);
          expect(accounted).toBe(budgetOf(g.id));
          total += g.totalAwarded;
        }
        expect(ev.totalAwarded).toBe(total);
      }),
      RUNS,
    );
  });

  test('prizes follow the slot rules of issue 2 under both policies', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies, gaps: false });
        for (const group of nuiThanh2023.groups) {
          const ranked = ev.units
            .filter((u) => u.groupId === group.id && u.rank !== null)
            .map((u) => ({ id: u.unitId, rank: u.rank as number, c: countsOf(units.find((x) => x.id === u.unitId) as UnitInput) }))
            .sort((a, b) => a.rank - b.rank);
          const { prizeOf, vacant, undecided } = referencePrizes(ranked, group, policies.prizes);
          const g = ev.groups.find((x) => x.id === group.id);
          expect(g?.vacantPrizes).toEqual(vacant);
          expect(g?.undecided.map((u) => ({ prizeIds: u.prizeIds, unitIds: [...u.unitIds].sort(), rank: u.rank, amount: u.amount }))).toEqual(undecided);
          for (const u of ev.units.filter((x) => x.groupId === group.id)) {
            expect(u.prize?.id ?? null, u.unitId).toBe(prizeOf.get(u.unitId) ?? null);
            const und = undecided.find((x) => x.unitIds.includes(u.unitId));
            expect([...(u.undecidedPrizeIds ?? [])].sort()).toEqual(und ? [...new Set(und.prizeIds)].sort() : []);
          }
        }
      }),
      RUNS,
    );
  });

  test('total awarded never exceeds the group’s prize budget', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        for (const g of ev.groups) {
          expect(g.budget).toBe(budgetOf(g.id));
          expect(g.totalAwarded).toBe(g.prizes.reduce((s, p) => s + p.amount, 0));
          expect(g.totalAwarded).toBeLessThanOrEqual(g.budget);
        }
      }),
      RUNS,
    );
  });

  test('gaps are the fewest cases: k more reaches the target, k − 1 more does not', () => {
    const more = (c: Counts, k: number): Counts => ({ R: c.R + k, O: c.O + k, T: c.T + k, L: c.L });
    const firstFloor = (c: Counts) => c.R > 0 && 100 * c.O >= 70 * c.R;
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies });
        for (const r of ev.units) {
          const u = units.find((x) => x.id === r.unitId) as UnitInput;
          const c = countsOf(u);
          const g = r.gaps;
          expect(g).toBeDefined();
          if (!g) continue;
          if (r.eligible) expect(g.eligibility).toBeUndefined();
          else {
            expect(g.eligibility).not.toBeNull();
            const k = g.eligibility as number;
            expect(referenceEligible(more(c, k), u.group)).toBe(true);
            expect(k === 0 || !referenceEligible(more(c, k - 1), u.group)).toBe(true);
          }
          if (r.eligible && firstFloor(c)) expect(g.prizeFloor).toBeUndefined();
          if (r.eligible && !firstFloor(c)) {
            const k = g.prizeFloor as number;
            expect(firstFloor(more(c, k)) && !firstFloor(more(c, k - 1))).toBe(true);
          }
          const nextMin = c.O >= 2700 ? null : (Math.floor(c.O / 300) + 1) * 300;
          expect(g.nextBracket?.moves ?? null).toBe(nextMin === null ? null : nextMin - c.O);

          const above = r.rank === null || r.rank === 1 ? null : (g.passUnitAbove ?? null);
          if (r.rank === null || r.rank === 1) expect(g.passUnitAbove).toBeUndefined();
          else if (above === null) {
            // Only when passing is impossible: even a billion more cases would not put it ahead.
            const target = ev.units.find((x) => x.groupId === r.groupId && x.rank !== null && x.rank < (r.rank as number));
            expect(target).toBeDefined();
            const best = Math.max(...ev.units.filter((x) => x.groupId === r.groupId && x.rank !== null && x.rank < (r.rank as number)).map((x) => x.rank as number));
            for (const t of ev.units.filter((x) => x.groupId === r.groupId && x.rank === best)) {
              const tk = { score: t.score as string, c: countsOf(units.find((x) => x.id === t.unitId) as UnitInput) };
              const far = more(c, 1e9);
              expect(compareKeys({ score: referenceScore(far, policies) as string, c: far }, tk)).toBeGreaterThanOrEqual(0);
            }
          } else {
            const target = ev.units.find((x) => x.unitId === above?.unitId);
            // The nearest better rank: ahead of this unit, with nobody strictly between them.
            expect(target?.groupId).toBe(r.groupId);
            expect(target?.rank).toBe(Math.max(...ev.units.filter((x) => x.groupId === r.groupId && x.rank !== null && x.rank < (r.rank as number)).map((x) => x.rank as number)));
            const t = { score: target?.score as string, c: countsOf(units.find((x) => x.id === target?.unitId) as UnitInput) };
            const at = (k: number) => ({ score: referenceScore(more(c, k), policies) as string, c: more(c, k) });
            const k = above?.moves as number;
            expect(compareKeys(at(k), t), `${r.unitId} +${k} ahead of ${t.score}`).toBeLessThan(0);
            if (k > 0) expect(compareKeys(at(k - 1), t), `${r.unitId} +${k - 1} not ahead`).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      RUNS,
    );
  });

  test('the explanation lets a person redo the score: each step cited, its value the exact figure (or its 10-decimal display)', () => {
    /** value (a decimal string) against the fraction num/den: exact when `exact`, else within half of 10^-10. */
    const close = (value: string, num: bigint, den: bigint, exact: boolean): boolean => {
      const v = parseDecimal(value);
      const diff = v.n * den - num * v.scale; // (value − num/den) · den · scale
      const abs = diff < 0n ? -diff : diff;
      return exact ? abs === 0n : abs * 2n * 10n ** 10n <= den * v.scale;
    };
    fc.assert(
      fc.property(unitsArb, policiesArb, (units, policies) => {
        const ev = evaluate(units, nuiThanh2023, { policies, gaps: false });
        for (const r of ev.units) {
          const unit = units.find((x) => x.id === r.unitId) as UnitInput;
          const c = countsOf(unit);
          if (c.R === 0) continue;
          const steps = explain(unit, nuiThanh2023, { policies }).steps;
          const step = (id: string) => {
            const s = steps.find((x) => x.id === id);
            expect(s, `${r.unitId}: step ${id}`).toBeDefined();
            return { ...(s as NonNullable<typeof s>), value: s?.value ?? '' };
          };
          for (const s of steps) {
            expect(s.formula.length).toBeGreaterThan(0);
            expect(s.label.vi.length * s.label.en.length).toBeGreaterThan(0);
            expect((s.citation?.section.length ?? 0) * (s.citation?.text.length ?? 0)).toBeGreaterThan(0);
          }
          const R = BigInt(c.R);
          const base = step('base');
          expect(close(base.value, 100n * BigInt(c.T), R, base.exact), `base ${base.value}`).toBe(true);
          const late = step('lateShare');
          expect(close(late.value, 100n * BigInt(c.L), R, late.exact), `late ${late.value}`).toBe(true);
          const deduction = step('deduction');
          const lateTimesR = 100n * BigInt(c.L);
          const [dNum, dDen] =
            policies.deduction === 'proportional'
              ? lateTimesR < 5n * R ? [lateTimesR, R] : [5n, 1n]
              : [lateTimesR / R < 5n ? lateTimesR / R : 5n, 1n];
          expect(close(deduction.value, dNum, dDen, deduction.exact), `deduction ${deduction.value}`).toBe(true);
          const coefficient = step('coefficient');
          expect(close(coefficient.value, BigInt(Math.min(10, Math.floor(c.O / 300) + 1)), 10n, true)).toBe(true);
          expect(step('score').value).toBe(r.score);
        }
      }),
      RUNS,
    );
  });

  test('the evaluation survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(unitsArb, policiesArb, fc.boolean(), (units, policies, gaps) => {
        const ev = evaluate(units, nuiThanh2023, { policies, gaps });
        expect(JSON.parse(JSON.stringify(ev))).toStrictEqual(ev);
      }),
      RUNS,
    );
  });
});
