/**
 * pnpm --filter @thidua/scoring run bench
 *
 * Evaluates 11,000 plausible communes (a national-scale roster, generated from a fixed seed) with
 * the Núi Thành 2023 rules, and the same formula written with plain JavaScript numbers on the same
 * data, in one run. Prints medians, the ratio, and the 100 ms target as PASS/MISS text — speed never
 * fails a build (team rule: speed targets live in benchmarks, not in tests). Also times merely
 * copying the output's objects and text: on a shared machine, where whole runs speed up and slow
 * down together, the ratios within one run are what compare.
 */
// The built library, as consumers run it (scripts/bench.sh builds first).
import { evaluate, nuiThanh2023 } from '../dist/index.js';
import type { EvaluateOptions, Evaluation, RuleSet, UnitInput } from '../dist/index.js';

const UNITS = 11_000;
const WARMUP = 3;
const RUNS = 15;
const TARGET_MS = 100;

/** mulberry32: a small, well-known seeded PRNG, so every run scores the same roster. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Communes resolve from a few dozen to a few thousand cases a half-year; most file 55–100% online. */
function roster(n: number, groupOf: (i: number) => string): UnitInput[] {
  const rand = prng(20230601);
  const units: UnitInput[] = [];
  for (let i = 0; i < n; i++) {
    const R = Math.round(Math.exp(3.5 + rand() * 4.7)); // ~33 … ~3600
    const O = Math.min(R, Math.round(R * (0.55 + rand() * 0.45)));
    const T = Math.round(O * (0.85 + rand() * 0.15));
    const L = Math.min(R - T, O - T + Math.round(rand() * R * 0.03));
    units.push({
      id: `xa-${String(i).padStart(5, '0')}`,
      name: `Xã ${i}`,
      group: groupOf(i),
      resolvedTotal: R,
      resolvedOnline: O,
      resolvedOnlineOnTime: T,
      resolvedLate: L,
    });
  }
  return units;
}

/** The preset with its communes group copied `count` times (one group per province, say). */
function withCommuneGroups(count: number): RuleSet {
  const communes = nuiThanh2023.groups.find((g) => g.id === 'communes');
  if (!communes) throw new Error('the preset has no communes group');
  const groups = Array.from({ length: count }, (_, k) => ({ ...structuredClone(communes), id: `communes-${k}` }));
  return { ...nuiThanh2023, groups: [...nuiThanh2023.groups, ...groups] };
}

/**
 * The same formula with plain numbers: eligibility, score, rounding half-up to 2 decimals, ranking
 * by score, share, online cases, competition ranks. No breakdown, no gaps, no prizes, no exactness.
 */
function floatScores(units: readonly UnitInput[]): { id: string; score: number | null; rank: number | null }[] {
  const out = units.map((u) => {
    const R = u.resolvedTotal;
    const O = u.resolvedOnline;
    if (R === 0) return { id: u.id, group: u.group, score: null as number | null, share: 0, O, eligible: false, rank: null as number | null };
    const base = (100 * u.resolvedOnlineOnTime) / R;
    const deduction = Math.min(5, (100 * u.resolvedLate) / R);
    const coefficient = O >= 2700 ? 1 : (Math.floor(O / 300) + 1) / 10;
    const score = Math.round(Math.max(0, (base - deduction) * coefficient) * 100) / 100;
    return { id: u.id, group: u.group, score, share: O / R, O, eligible: 100 * O >= 65 * R, rank: null as number | null };
  });
  const byGroup = new Map<string, typeof out>();
  for (const u of out) {
    if (!u.eligible) continue;
    const list = byGroup.get(u.group);
    if (list) list.push(u);
    else byGroup.set(u.group, [u]);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) => (b.score as number) - (a.score as number) || b.share - a.share || b.O - a.O);
    list.forEach((u, i) => {
      const prev = list[i - 1];
      u.rank = prev && prev.score === u.score && prev.share === u.share && prev.O === u.O ? prev.rank : i + 1;
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Median milliseconds of each function. Runs are interleaved (a, b, c, a, b, c, …) so that load from
 * other processes on a shared machine falls on every variant alike and the ratios stay fair.
 */
function timeInterleaved(fns: readonly (() => unknown)[]): number[] {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      samples[k]?.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
const verdict = (ms: number) => (ms <= TARGET_MS ? 'PASS' : 'MISS');

/** A fresh copy of a text (a new string of the same length), as making it would leave. */
const fresh = (text: string): string => (text + ' ').trim();

/**
 * Only the output's shape: the same objects and the same amount of fresh text per unit as the
 * evaluation `ev`, copied with no arithmetic, formatting or search. What any evaluation returning
 * this output must at least spend making it — the floor the evaluation's time is measured against.
 */
function outputShape(ev: Evaluation): () => unknown {
  return () =>
    ev.units.map((u) => ({
      ...u,
      input: { ...u.input },
      reasons: u.reasons.map((r) => ({ ...r, message: { vi: fresh(r.message.vi), en: fresh(r.message.en) } })),
      score: u.score === null ? null : fresh(u.score),
      undecidedPrizeIds: [...u.undecidedPrizeIds],
      metrics: {
        onlineSharePercent: u.metrics.onlineSharePercent === null ? null : fresh(u.metrics.onlineSharePercent),
        onTimeOnlinePercent: u.metrics.onTimeOnlinePercent === null ? null : fresh(u.metrics.onTimeOnlinePercent),
        latePercent: u.metrics.latePercent === null ? null : fresh(u.metrics.latePercent),
        deduction: u.metrics.deduction === null ? null : fresh(u.metrics.deduction),
        coefficient: u.metrics.coefficient,
      },
      breakdown: u.breakdown.map((step) => ({ ...step, formula: fresh(step.formula), value: fresh(step.value) })),
      gaps: u.gaps && {
        ...u.gaps,
        nextBracket: u.gaps.nextBracket && { ...u.gaps.nextBracket },
        passUnitAbove: u.gaps.passUnitAbove && { ...u.gaps.passUnitAbove },
      },
    }));
}

function scenario(label: string, units: UnitInput[], rules: RuleSet): void {
  const run = (options?: EvaluateOptions) => () => evaluate(units, rules, options);
  const shape = outputShape(evaluate(units, rules));
  const [full = NaN, noGaps = NaN, float = NaN, floor = NaN] = timeInterleaved([run(), run({ gaps: false }), () => floatScores(units), shape]);

  // Same data, same answer? Plain numbers can publish a different score at an exact .xx5 boundary.
  const ev = evaluate(units, rules, { gaps: false });
  const exact = new Map(ev.units.map((u) => [u.unitId, u.score]));
  const differ = floatScores(units).filter((u) => u.score !== null && Number(exact.get(u.id)).toFixed(2) !== u.score.toFixed(2)).length;
  const ranked = ev.units.filter((u) => u.rank !== null).length;

  console.log(`\n${label}: ${units.length.toLocaleString('en')} units, ${ranked.toLocaleString('en')} ranked, ${ev.groups.length} groups`);
  console.log(`  evaluate (with gaps)     median ${fmt(full)}   target ≤ ${TARGET_MS} ms: ${verdict(full)}`);
  console.log(`  evaluate { gaps: false } median ${fmt(noGaps)}   target ≤ ${TARGET_MS} ms: ${verdict(noGaps)}`);
  console.log(`  plain-number formula     median ${fmt(float)}`);
  console.log(`  output shape only        median ${fmt(floor)}   (copying the evaluation's objects and text, no work)`);
  console.log(`  ratio evaluate / plain numbers: ×${(full / float).toFixed(1)} (with gaps), ×${(noGaps / float).toFixed(1)} (without)`);
  console.log(`  ratio evaluate / output shape:  ×${(full / floor).toFixed(2)} (with gaps), ×${(noGaps / floor).toFixed(2)} (without)`);
  console.log(`  plain numbers publish a different score for ${differ} of ${units.length} units`);
}

console.log(`@thidua/scoring benchmark — Node ${process.version}, median of ${RUNS} runs after ${WARMUP} warm-up runs`);
scenario('one national communes group', roster(UNITS, () => 'communes'), nuiThanh2023);
const provinces = 63;
scenario(
  `${provinces} groups (communes copied per province)`,
  roster(UNITS, (i) => `communes-${i % provinces}`),
  withCommuneGroups(provinces),
);
