/**
 * pnpm --filter @thidua/scoring run bench
 *
 * Evaluates 11,000 plausible communes (a national-scale roster, generated from a fixed seed) under
 * Núi Thành 2023, and the same formula written with plain JavaScript numbers on the same data, in
 * one run, and prints the ratios the issue sets as targets:
 *   evaluate ≤ 3× plain numbers without gaps, ≤ 6× with gaps; the evaluation's JSON ≤ 400 bytes a
 *   unit; explaining one unit ≤ 1 ms.
 * Speed never fails a build (team rule: speed targets live in benchmarks, not in tests). On a
 * shared machine whole runs speed up and slow down together, so the ratios within one run are what
 * compare; runs are interleaved so that load falls on every variant alike.
 */
// The built library, as consumers run it (scripts/bench.sh builds first).
import { evaluate, explain, explainer, nuiThanh2023 } from '../dist/index.js';
import type { EvaluateOptions, RuleSet, UnitInput } from '../dist/index.js';

const UNITS = 11_000;
const WARMUP = 3;
const RUNS = 15;

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

interface Counts {
  id: string;
  group: string;
  R: number;
  O: number;
  T: number;
  L: number;
}

/** Communes resolve from a few dozen to a few thousand cases a half-year; most file 55–100% online. */
function roster(n: number, groupOf: (i: number) => string): Counts[] {
  const rand = prng(20230601);
  const out: Counts[] = [];
  for (let i = 0; i < n; i++) {
    const R = Math.round(Math.exp(3.5 + rand() * 4.7)); // ~33 … ~3600
    const O = Math.min(R, Math.round(R * (0.55 + rand() * 0.45)));
    const T = Math.round(O * (0.85 + rand() * 0.15));
    const L = Math.min(R - T, O - T + Math.round(rand() * R * 0.03));
    out.push({ id: `xa-${String(i).padStart(5, '0')}`, group: groupOf(i), R, O, T, L });
  }
  return out;
}

const asUnits = (counts: Counts[]): UnitInput[] =>
  counts.map((c, i) => ({
    id: c.id,
    name: `Xã ${i}`,
    group: c.group,
    resolvedTotal: c.R,
    resolvedOnline: c.O,
    resolvedOnlineOnTime: c.T,
    resolvedLate: c.L,
  }));

/** The preset with its communes group copied `count` times (one group per province, say). */
function withCommuneGroups(count: number): RuleSet {
  const communes = nuiThanh2023.groups.find((g) => g.id === 'communes');
  if (!communes) throw new Error('the preset has no communes group');
  const groups = Array.from({ length: count }, (_, k) => ({ ...structuredClone(communes), id: `communes-${k}` }));
  return { ...nuiThanh2023, groups: [...nuiThanh2023.groups, ...groups] };
}

/**
 * The same formula with plain numbers: eligibility, score, rounding half-up to 2 decimals, ranking
 * by score, share, online cases, competition ranks. No figures written out, no gaps, no prizes, no
 * exactness.
 */
function floatScores(counts: readonly Counts[]): { id: string; score: number | null; rank: number | null }[] {
  const out = counts.map((u) => {
    const { R, O } = u;
    if (R === 0) return { id: u.id, group: u.group, score: null as number | null, share: 0, O, eligible: false, rank: null as number | null };
    const base = (100 * u.T) / R;
    const deduction = Math.min(5, (100 * u.L) / R);
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

/** Median milliseconds of each function, runs interleaved (a, b, c, a, b, c, …). */
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
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function scenario(label: string, counts: Counts[], rules: RuleSet): void {
  const units = asUnits(counts);
  const run = (options?: EvaluateOptions) => () => evaluate(units, rules, options);
  const [full = NaN, noGaps = NaN, plain = NaN] = timeInterleaved([run(), run({ gaps: false }), () => floatScores(counts)]);
  const [exact = NaN] = timeInterleaved([run({ exact: true })]);

  const ev = evaluate(units, rules);
  const bytes = JSON.stringify(ev).length / units.length;
  const ranked = ev.units.filter((u) => u.rank !== null).length;
  // Same data, same answer? Plain numbers can publish a different score at an exact .xx5 boundary.
  const published = new Map(ev.units.map((u) => [u.unitId, u.score]));
  const differ = floatScores(counts).filter((u) => u.score !== null && Number(published.get(u.id)).toFixed(2) !== u.score.toFixed(2)).length;

  console.log(`\n${label}: ${units.length.toLocaleString('en')} units, ${ranked.toLocaleString('en')} ranked, ${ev.groups.length} groups`);
  console.log(`  plain-number formula        median ${fmt(plain)}`);
  console.log(`  evaluate { gaps: false }    median ${fmt(noGaps)}   ×${(noGaps / plain).toFixed(1)} plain   target ≤ ×3: ${verdict(noGaps <= 3 * plain)}`);
  console.log(`  evaluate (with gaps)        median ${fmt(full)}   ×${(full / plain).toFixed(1)} plain   target ≤ ×6: ${verdict(full <= 6 * plain)}`);
  console.log(`  evaluate { exact: true }    median ${fmt(exact)}   ×${(exact / full).toFixed(1)} the default path (the switch the tests run)`);
  console.log(`  JSON of the evaluation      ${bytes.toFixed(0)} bytes a unit                target ≤ 400: ${verdict(bytes <= 400)}`);
  console.log(`  plain numbers publish a different score for ${differ} of ${units.length} units`);
}

function explainTimes(units: UnitInput[]): void {
  const sample = units.slice(0, 200);
  const one = explainer(nuiThanh2023);
  for (const u of sample) one(u);
  const t0 = performance.now();
  for (const u of sample) one(u);
  const each = (performance.now() - t0) / sample.length;
  const t1 = performance.now();
  for (const u of sample.slice(0, 50)) explain(u, nuiThanh2023);
  const oneOff = (performance.now() - t1) / 50;
  console.log(`\nexplain one unit: ${each.toFixed(3)} ms with explainer(ruleSet) made once   target ≤ 1 ms: ${verdict(each <= 1)}`);
  console.log(`                  ${oneOff.toFixed(3)} ms as a one-off explain(unit, ruleSet) (checks and compiles the rule set each time)`);
}

console.log(`@thidua/scoring benchmark — Node ${process.version}, median of ${RUNS} runs after ${WARMUP} warm-up runs`);
const national = roster(UNITS, () => 'communes');
scenario('one national communes group', national, nuiThanh2023);
const provinces = 63;
scenario(`${provinces} groups (communes copied per province)`, roster(UNITS, (i) => `communes-${i % provinces}`), withCommuneGroups(provinces));
explainTimes(asUnits(national));
