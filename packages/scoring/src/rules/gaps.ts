import { ceil, div, isPositive, mul, num, shareAtLeast, sub, toApproximateNumber, toInt, ZERO } from '../decimal.js';
import type { CoefficientBracket, RuleSet, RuleSetGroup } from '../schema/rule-set.js';
import type { Policies } from '../types.js';
import { rawScore } from './combine-score.js';
import type { Counts } from './counts.js';
import { publishScore } from './publish-score.js';
import { compareRankKeys, type RankKey } from './ranking.js';
import { nextVolumeBracket } from './volume-coefficient.js';

/**
 * Khoảng cách — what it takes to move up: the fewest additional cases resolved online on time
 * (each adds one to R, O and T) to reach a floor, the next coefficient bracket, or to pass the unit
 * ranked just above. This is what makes a campaign motivating: "Tam Xuân I cần thêm 37 hồ sơ
 * trực tuyến đúng hạn để vượt Tam Hải".
 */

/**
 * Fewest k ≥ 0 with 100·(O+k) ≥ p·(R+k), O+k ≥ minOnline and R+k > 0; null if no k reaches it
 * (a 100% floor with some offline case). Solved exactly: k ≥ (p·R − 100·O) / (100 − p).
 */
export function casesToReachShare(c: Counts, percent: string, minOnline: number): number | null {
  const p = num(percent);
  const shortfall = sub(mul(p, num(c.R)), mul(num(100), num(c.O)));
  let k = 0;
  if (isPositive(shortfall)) {
    const headroom = sub(num(100), p);
    if (!isPositive(headroom)) return null;
    k = toInt(ceil(div(shortfall, headroom)));
  }
  k = Math.max(k, minOnline - c.O, c.R === 0 ? 1 : 0, 0);
  return k;
}

export function eligibilityGap(c: Counts, group: RuleSetGroup, eligible: boolean): number | null {
  if (eligible) return null;
  return casesToReachShare(c, group.eligibility.minOnlineSharePercent, group.eligibility.minResolvedOnline);
}

export function firstPrizeFloorGap(c: Counts, group: RuleSetGroup): number | null {
  const floor = group.prizes.find((p) => p.minOnlineSharePercent !== undefined)?.minOnlineSharePercent;
  if (floor === undefined || (c.R > 0 && shareAtLeast(c.O, c.R, floor))) return null;
  const k = casesToReachShare(c, floor, 0);
  return k === 0 ? null : k;
}

export function nextBracketGap(c: Counts, rules: RuleSet): { cases: number; coefficient: string } | null {
  const next: CoefficientBracket | null = nextVolumeBracket(c.O, rules);
  return next ? { cases: next.minResolvedOnline - c.O, coefficient: next.coefficient } : null;
}

/** Cases beyond which we stop looking (the answer would mean nothing to anyone). */
const SEARCH_LIMIT = 2 ** 40;

/**
 * Fewest k ≥ 1 such that the unit, with k more on-time online cases, ranks strictly ahead of
 * `above` (published score, then online share, then online cases — ties do not pass).
 *
 * Every criterion is non-decreasing in k (T/R and O/R rise towards 1, the late share falls, the
 * coefficient only steps up), so "passes" is monotone and a search finds the least k. The search is
 * seeded with a floating-point estimate and then decided exactly, so only a handful of exact
 * evaluations run per unit.
 *
 * Made once per evaluation (the float mirror of the rules is set up once), then called per unit.
 */
export function passGapFinder(rules: RuleSet, policies: Policies): (c: Counts, above: RankKey) => number | null {
  const model = floatModel(rules, policies);
  const passes = (c: Counts, k: number, above: RankKey): boolean => {
    // k more cases resolved online on time: each adds one to R, O and T.
    const next: RankKey = { R: c.R + k, O: c.O + k, T: c.T + k, L: c.L, published: ZERO };
    next.published = publishScore(rawScore(next, rules, policies.deduction, policies.combination), rules);
    return compareRankKeys(next, above) < 0;
  };
  return (c, above) => {
    const guess = estimateCasesToPass(model, c, above);
    // Almost always the estimate is exact: two exact checks confirm it.
    const guessPasses = passes(c, guess, above);
    if (guessPasses && (guess === 1 || !passes(c, guess - 1, above))) return guess;
    // Otherwise an exact bracket [lo, hi] with passes(hi) and (lo = 0 or not passes(lo)).
    let lo = guessPasses ? 0 : guess;
    let hi = guessPasses ? guess - 1 : Math.max(1, guess * 2);
    while (!passes(c, hi, above)) {
      lo = hi;
      hi *= 2;
      if (hi > SEARCH_LIMIT) return null;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (passes(c, mid, above)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
}

/** Floating-point mirror of the score, used only to seed the exact search above. */
interface FloatModel {
  scale: number;
  per: number;
  cap: number;
  minima: number[];
  coefficients: number[];
  factor: number;
  proportional: boolean;
  deductFirst: boolean;
  floorAtZero: boolean;
}

function floatModel(rules: RuleSet, policies: Policies): FloatModel {
  const brackets = rules.score.coefficient.brackets;
  return {
    scale: rules.score.base.scale,
    per: Number(rules.score.deduction.pointsPerPercent),
    cap: Number(rules.score.deduction.maxPoints),
    minima: brackets.map((b) => b.minResolvedOnline),
    coefficients: brackets.map((b) => Number(b.coefficient)),
    factor: 10 ** rules.score.rounding.decimals,
    proportional: policies.deduction === 'proportional',
    deductFirst: policies.combination === 'deduct-then-multiply',
    floorAtZero: rules.score.combination.floorAtZero,
  };
}

/** Whether, by the float mirror, k more cases pass a unit scoring `aboveScore` with share `aboveShare`. */
function floatPasses(m: FloatModel, c: Counts, k: number, aboveScore: number, aboveShare: number, aboveO: number): boolean {
  const R = c.R + k;
  const O = c.O + k;
  const late = (100 * c.L) / R;
  const d = Math.min(m.cap, m.per * (m.proportional ? late : Math.floor(late)));
  let i = m.minima.length - 1;
  while (i > 0 && O < (m.minima[i] as number)) i--;
  const coef = m.coefficients[i] as number;
  const base = (m.scale * (c.T + k)) / R;
  let raw = m.deductFirst ? (base - d) * coef : base * coef - d;
  if (m.floorAtZero && raw < 0) raw = 0;
  const s = Math.round(raw * m.factor) / m.factor;
  if (s !== aboveScore) return s > aboveScore;
  const share = O / R;
  if (share !== aboveShare) return share > aboveShare;
  return O > aboveO;
}

function estimateCasesToPass(m: FloatModel, c: Counts, above: RankKey): number {
  const aboveScore = toApproximateNumber(above.published);
  const aboveShare = above.O / above.R;
  const aboveO = above.O;
  let hi = 1;
  while (!floatPasses(m, c, hi, aboveScore, aboveShare, aboveO)) {
    hi *= 2;
    if (hi > SEARCH_LIMIT) return hi;
  }
  let lo = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (floatPasses(m, c, mid, aboveScore, aboveShare, aboveO)) hi = mid;
    else lo = mid;
  }
  return hi;
}
