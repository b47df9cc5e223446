import { compareRatios, extraToReachShare, shareAtLeast, toApproximateNumber, ZERO } from '../decimal.js';
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
  const k = extraToReachShare(c.O, c.R, percent);
  return k === null ? null : Math.max(k, minOnline - c.O, c.R === 0 ? 1 : 0, 0);
}

export function eligibilityGap(c: Counts, group: RuleSetGroup, eligible: boolean): number | null {
  if (eligible) return null;
  return casesToReachShare(c, group.eligibility.minOnlineSharePercent, group.eligibility.minResolvedOnline);
}

/** `floor`: the group's first-prize share floor (the prize carrying `minOnlineSharePercent`), if any. */
export function firstPrizeFloorGap(c: Counts, floor: string | undefined): number | null {
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
 * seeded with a floating-point estimate; each answer is then decided by the float mirror only where
 * its proven error bound cannot reach a rounding boundary (`certainlyPasses`), and exactly
 * otherwise. See docs/decisions/0007-gaps.md.
 *
 * Made once per evaluation (the float mirror of the rules is set up once), then called per unit.
 */
export function passGapFinder(rules: RuleSet, policies: Policies): (c: Counts, above: RankKey) => number | null {
  const model = floatModel(rules, policies);
  const exactlyPasses = (c: Counts, k: number, above: RankKey): boolean => {
    // k more cases resolved online on time: each adds one to R, O and T.
    const next: RankKey = { R: c.R + k, O: c.O + k, T: c.T + k, L: c.L, published: ZERO };
    next.published = publishScore(rawScore(next, rules, policies.deduction, policies.combination), rules);
    return compareRankKeys(next, above) < 0;
  };
  // The unit being passed, as the float mirror reads it: one object, refilled for each search.
  const target: FloatTarget = { scaled: 0, share: 0, O: 0, R: 0 };
  const passes = (c: Counts, k: number, above: RankKey): boolean =>
    certainlyPasses(model, c, k, target) ?? exactlyPasses(c, k, above);
  return (c, above) => {
    setFloatTarget(target, model, above);
    const guess = estimateCasesToPass(model, c, target);
    // Almost always the estimate is right: two checks confirm it.
    const guessPasses = passes(c, guess, above);
    if (guessPasses && (guess === 1 || !passes(c, guess - 1, above))) return guess;
    // Otherwise a bracket [lo, hi] with passes(hi) and (lo = 0 or not passes(lo)).
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

/** Floating-point mirror of the score: the same formula as the rules, in doubles. */
interface FloatModel {
  scale: number;
  per: number;
  cap: number;
  minima: number[];
  coefficients: number[];
  factor: number;
  /** Rounding boundaries sit at half-integers of score × factor (half-up, half-even) or at integers (down). */
  halfBoundaries: boolean;
  /**
   * How far from a rounding boundary score × factor must be for the float to be trusted: far above
   * the error of the few float operations (each within 2^-53 of its operands' magnitude, at most
   * factor × (scale + cap) × coefficient), so a float that clears it rounds as the exact value does.
   */
  tolerance: number;
  proportional: boolean;
  deductFirst: boolean;
  floorAtZero: boolean;
}

/** Beyond this many cases the float mirror is not trusted at all (its bounds assume fewer). */
const FLOAT_TRUSTED_CASES = 2 ** 40;

function floatModel(rules: RuleSet, policies: Policies): FloatModel {
  const brackets = rules.score.coefficient.brackets;
  const coefficients = brackets.map((b) => Number(b.coefficient));
  const cap = Number(rules.score.deduction.maxPoints);
  const factor = 10 ** rules.score.rounding.decimals;
  const magnitude = factor * (rules.score.base.scale + cap) * Math.max(1, ...coefficients);
  return {
    scale: rules.score.base.scale,
    per: Number(rules.score.deduction.pointsPerPercent),
    cap,
    minima: brackets.map((b) => b.minResolvedOnline),
    coefficients,
    factor,
    halfBoundaries: rules.score.rounding.mode !== 'down',
    tolerance: magnitude * 2 ** -30,
    proportional: policies.deduction === 'proportional',
    deductFirst: policies.combination === 'deduct-then-multiply',
    floorAtZero: rules.score.combination.floorAtZero,
  };
}

/** score × factor by the float mirror, for k more on-time online cases. */
function floatScaledScore(m: FloatModel, c: Counts, k: number): number {
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
  return raw * m.factor;
}

/** The unit to pass, as the float mirror reads it. */
interface FloatTarget {
  /**
   * Its published score × factor: an integer, since the published score has `decimals` places.
   * Rounding the approximation recovers it exactly wherever the float is trusted at all: a
   * tolerance below 1 means magnitudes below 2^30, far inside doubles' exact integers.
   */
  scaled: number;
  share: number;
  O: number;
  R: number;
}

function setFloatTarget(target: FloatTarget, m: FloatModel, above: RankKey): void {
  target.scaled = Math.round(toApproximateNumber(above.published) * m.factor);
  target.share = above.O / above.R;
  target.O = above.O;
  target.R = above.R;
}

/**
 * Whether k more cases pass the target, decided by the float mirror — or null when it cannot be
 * sure: score × factor within the tolerance of a rounding boundary (an exact .xx5, say), or counts
 * beyond the bounds the tolerance assumes. Away from a boundary the float and the exact value round
 * to the same published score, which is then compared as an integer; share and online cases are
 * compared exactly. Whole percents of lateness need no margin: below 2^40 cases a late share that
 * is not a whole number lies at least 1/R from one, far beyond the float's error.
 */
function certainlyPasses(m: FloatModel, c: Counts, k: number, above: FloatTarget): boolean | null {
  const R = c.R + k;
  if (R > FLOAT_TRUSTED_CASES) return null;
  const x = m.halfBoundaries ? floatScaledScore(m, c, k) + 0.5 : floatScaledScore(m, c, k);
  const below = Math.floor(x);
  if (x - below <= m.tolerance || below + 1 - x <= m.tolerance) return null;
  // Away from a boundary: half-up and half-even both give the nearest integer, ⌊x + ½⌋; down gives
  // ⌊x⌋ for a score that is not negative (a negative one truncates towards zero, so it is left to
  // the exact check).
  if (!m.halfBoundaries && x < 0) return null;
  if (below !== above.scaled) return below > above.scaled;
  const byShare = compareRatios(c.O + k, R, above.O, above.R);
  if (byShare !== 0) return byShare > 0;
  return c.O + k > above.O;
}

/** Whether, by the float mirror, k more cases pass the target: only a seed for the search. */
function floatPasses(m: FloatModel, c: Counts, k: number, above: FloatTarget): boolean {
  const s = Math.round(floatScaledScore(m, c, k));
  if (s !== above.scaled) return s > above.scaled;
  const share = (c.O + k) / (c.R + k);
  if (share !== above.share) return share > above.share;
  return c.O + k > above.O;
}

function estimateCasesToPass(m: FloatModel, c: Counts, above: FloatTarget): number {
  let hi = 1;
  while (!floatPasses(m, c, hi, above)) {
    hi *= 2;
    if (hi > SEARCH_LIMIT) return hi;
  }
  let lo = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (floatPasses(m, c, mid, above)) hi = mid;
    else lo = mid;
  }
  return hi;
}
