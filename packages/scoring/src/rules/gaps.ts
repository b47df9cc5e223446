import type { Calculator, UnitValues } from '../model/calculator.js';
import type { CompiledCondition, CompiledGroup, CompiledMove, Program } from '../model/program.js';
import type { Gaps } from '../schema/evaluation.js';
import { classIndex, type ClassScale } from './classes.js';
import { holds, movesToMeet } from './conditions.js';
import { compareRank, type RankKey } from './ranking.js';

/**
 * Khoảng cách — what it takes to move up, counted in the rule set's declared move (Núi Thành: one
 * more case resolved online on time, adding one to total, online and on-time cases): to meet the
 * eligibility conditions or a prize's own, to reach the next bracket of the multiplier, the next
 * class, a target, or to rank strictly ahead of the unit ranked just above. "Tam Xuân I cần thêm 37
 * hồ sơ trực tuyến đúng hạn để vượt Tam Hải." See docs/decisions/0007-gaps.md.
 *
 * Conditions on metrics are solved in integers (conditions.ts). Where the score itself must change
 * — a class, the unit above — the least number of moves is searched: a move adds to the cases a rule
 * set counts, and every criterion it can declare rises with it (shares tend towards the move's own
 * share, brackets only step up), so "passes" is monotone and a doubling, then halving, search finds
 * the least. Each step is decided by the calculator: certified doubles, exact rationals near a
 * rounding boundary.
 *
 * A key is left out where there is nowhere to go (already there, or nothing of the kind); null means
 * no number of moves gets there.
 */

/** Beyond this many moves the search stops (the answer would mean nothing to anyone). */
const SEARCH_LIMIT = 2 ** 40;

/**
 * Fewest k ≥ 1 for which `passes(k)` holds, assuming it stays true once true; null past the limit.
 * One move is tried first (often it is enough); otherwise the search starts from `guess()` (an
 * estimate; any k will do) and gallops away from it — steps doubling — until the answer is
 * bracketed, then halves the bracket. A good guess costs two or three checks.
 */
export function leastMoves(passes: (k: number) => boolean, guess: () => number = () => 2): number | null {
  if (passes(1)) return 1;
  const g = guess();
  const start = Number.isFinite(g) ? Math.min(Math.max(2, Math.ceil(g)), SEARCH_LIMIT) : 2;
  let lo = 1; // fails
  let hi: number; // passes
  if (passes(start)) {
    hi = start;
    for (let step = 1; hi - 1 > lo; step *= 2) {
      const k = Math.max(lo + 1, hi - step);
      if (!passes(k)) {
        lo = k;
        break;
      }
      hi = k;
    }
  } else {
    lo = start;
    for (let step = 1; ; step *= 2) {
      const k = lo + step;
      if (k > SEARCH_LIMIT) return null;
      if (passes(k)) {
        hi = k;
        break;
      }
      lo = k;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Where to start looking: the moves the score's slope over one move says it takes to reach
 * `target` (a raw score). A seed only — every answer is still checked by the calculator.
 */
function estimate(ctx: GapContext, u: GapUnit, move: CompiledMove, target: number): number {
  const now = Number.isNaN(u.raw) ? ctx.calculator.approximateRaw(u.values, move.adds, 0) : u.raw;
  const slope = ctx.calculator.approximateRaw(u.values, move.adds, 1) - now;
  return slope > 0 ? (target - now) / slope : 2;
}

export interface GapContext {
  readonly program: Program;
  readonly calculator: Calculator;
  readonly classes: ClassScale | null;
  readonly move: CompiledMove | null;
}

/** A unit as the gap finder reads it. */
export interface GapUnit extends RankKey {
  readonly values: UnitValues;
  readonly group: CompiledGroup;
  readonly eligible: boolean;
  readonly scored: boolean;
  readonly unitId: string;
  /** The score before rounding, as the float calculator found it (NaN when it did not). */
  readonly raw: number;
}

export function gapsOf(ctx: GapContext, u: GapUnit, above: GapUnit | null): Gaps {
  const gaps: Gaps = {};
  const program = ctx.program;
  if (program.targets.length > 0) {
    const targets: Record<string, number | null> = {};
    for (const t of program.targets) if (!holds(t.condition, u.values)) targets[t.id] = t.move ? movesToMeet(t.condition, u.values.x, u.values.xo, t.move.adds) : null;
    gaps.targets = targets;
  }
  const move = ctx.move;
  if (!move) return gaps;
  const { x, xo } = u.values;
  if (!u.eligible) gaps.eligibility = movesForAll(u.group.eligibility, x, xo, move, program.rules.score ? scoreMoves(program, x, xo, move) : 0);
  const floor = u.group.floorPrize;
  if (floor && !(u.scored && floor.conditions.every((c) => holds(c, u.values)))) {
    const k = movesForAll(floor.conditions, x, xo, move, 0);
    if (k !== 0) gaps.prizeFloor = k;
  }
  const bracket = nextBracket(program, u.values, move);
  if (bracket !== undefined) gaps.nextBracket = bracket;
  const nextClass = ctx.classes && u.scored ? nextClassGap(ctx, ctx.classes, u, move) : undefined;
  if (nextClass !== undefined) gaps.nextClass = nextClass;
  if (above) gaps.passUnitAbove = passGap(ctx, u, above, move);
  return gaps;
}

/** Moves after which every condition holds (each holds from some number of moves on); null when one never does. */
function movesForAll(conditions: readonly CompiledCondition[], x: Float64Array, xo: number, move: CompiledMove, floor: number | null): number | null {
  if (floor === null) return null;
  let most = floor;
  for (const c of conditions) {
    const k = movesToMeet(c, x, xo, move.adds);
    if (k === null) return null;
    if (k > most) most = k;
  }
  return most;
}

/** Moves until the score has a value: every ratio it needs must have a denominator. */
function scoreMoves(program: Program, x: Float64Array, xo: number, move: CompiledMove): number | null {
  let need = 0;
  for (const per of program.scoreDenominators) {
    let total = 0;
    let added = 0;
    for (const i of per) {
      total += x[xo + i] as number;
      added += move.adds[i] as number;
    }
    if (total === 0) {
      if (added <= 0) return null;
      need = 1;
    }
  }
  return need;
}

function nextBracket(program: Program, u: UnitValues, move: CompiledMove): Gaps['nextBracket'] | undefined {
  const b = program.bracket;
  if (!b) return undefined;
  let index = -1;
  while (index + 1 < b.bounds.length && holds(b.bounds[index + 1] as CompiledCondition, u)) index++;
  const next = index + 1;
  if (next >= b.bounds.length) return undefined;
  const moves = movesToMeet(b.bounds[next] as CompiledCondition, u.x, u.xo, move.adds);
  return moves === null ? null : { moves, value: b.values[next] as string };
}

function nextClassGap(ctx: GapContext, scale: ClassScale, u: GapUnit, move: CompiledMove): Gaps['nextClass'] | undefined {
  const current = classIndex(scale, u.published);
  const target = current === -1 ? scale.mins.length - 1 : current - 1;
  if (target < 0) return undefined;
  const min = scale.mins[target] as number;
  const factor = 10 ** (ctx.program.rounding?.decimals ?? 0);
  const moves = leastMoves((k) => {
    const p = ctx.calculator.publishedAfter(u.values, move.adds, k);
    return !Number.isNaN(p) && p >= min;
  }, () => estimate(ctx, u, move, min / factor));
  return moves === null ? null : { moves, classId: scale.ids[target] as string };
}

/** Fewest moves to rank strictly ahead of `above`, whose figures are held fixed. */
function passGap(ctx: GapContext, u: GapUnit, above: GapUnit, move: CompiledMove): Gaps['passUnitAbove'] {
  const calc = ctx.calculator;
  const ties = ctx.program.ties;
  const moves = leastMoves((k) => {
    const published = calc.publishedAfter(u.values, move.adds, k);
    if (Number.isNaN(published)) return false;
    if (published !== above.published) return published > above.published;
    // Equal published score: the tie criteria decide, on the moved unit.
    return compareRank(ties, calc.movedKey(u.values, move.adds, k, published), above) < 0;
  }, () => estimate(ctx, u, move, above.published / 10 ** (ctx.program.rounding?.decimals ?? 0)));
  return moves === null ? null : { moves, unitId: above.unitId };
}
