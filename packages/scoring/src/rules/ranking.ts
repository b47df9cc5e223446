import * as X from '../arithmetic/exact.js';
import type { CompiledTie } from '../model/program.js';
import { compareMetric, type MetricValues } from './conditions.js';

/**
 * Xếp hạng — ranking within a group, ranked units only: "… được xếp theo thứ tự từ cao xuống thấp …"
 * (Núi Thành 2023, III.1). Order: the published score, then the rule set's tie criteria in order
 * (Núi Thành: online share, then online cases; docs/decisions/0004-ranking-ties.md). Units equal on
 * all of them share a rank, and the next rank skips (1, 2, 2, 4). No tie is ever broken by name or
 * by the order of rows in a file: no tie rule lives in code.
 */

/** What ranking reads of a unit: its published score (whole 10^-decimals) and its metric values. */
export interface RankKey extends MetricValues {
  readonly published: number;
  /** A criterion's exact points, for a tie on a criterion (worked out only when asked). */
  criterion(id: string): X.Exact | null;
}

/** Sign of a − b on one tie criterion (desc or asc applied): negative when a ranks ahead. */
function compareOn(tie: CompiledTie, a: RankKey, b: RankKey): number {
  let c: number;
  if (tie.metric) {
    c = compareMetric(tie.metric, a, b);
  } else {
    const va = a.criterion(tie.criterion as string);
    const vb = b.criterion(tie.criterion as string);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    c = X.cmp(va, vb);
  }
  return tie.order === 'desc' ? -c : c;
}

/** Negative when `a` ranks ahead of `b`, 0 when they are equal on the score and every tie criterion. */
export function compareRank(ties: readonly CompiledTie[], a: RankKey, b: RankKey): number {
  if (a.published !== b.published) return a.published > b.published ? -1 : 1;
  return compareTies(ties, a, b);
}

/** The tie criteria alone. */
export function compareTies(ties: readonly CompiledTie[], a: RankKey, b: RankKey): number {
  for (const tie of ties) {
    const c = compareOn(tie, a, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** Which tie criterion (index) set `a` and `b` apart; -1 when none did. */
export function decidingTie(ties: readonly CompiledTie[], a: RankKey, b: RankKey): number {
  return ties.findIndex((tie) => compareOn(tie, a, b) !== 0);
}

/**
 * The items in rank order, items equal on every criterion ordered by `then` so that the listing is
 * the same whatever the input order. Published scores are whole numbers, so the items are first put
 * in order by one numeric sort of one key each (a national roster is tens of thousands of units),
 * and only runs of one score are ordered by the tie criteria.
 */
export function sortByRank<T extends RankKey>(items: readonly T[], ties: readonly CompiledTie[], then: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n === 0) return [];
  let highest = -Infinity;
  let lowest = Infinity;
  for (const item of items) {
    if (item.published > highest) highest = item.published;
    if (item.published < lowest) lowest = item.published;
  }
  const compare = (a: T, b: T) => compareRank(ties, a, b) || then(a, b);
  if ((highest - lowest + 1) * n > Number.MAX_SAFE_INTEGER) return [...items].sort(compare);
  // One whole-number key per item, exact below 2^53: score descending, then the item's index.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (highest - (items[i] as T).published) * n + i;
  keys.sort();
  const sorted: T[] = new Array<T>(n);
  for (let i = 0; i < n; i++) sorted[i] = items[(keys[i] as number) % n] as T;
  const inRun = (a: T, b: T) => compareTies(ties, a, b) || then(a, b);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && (sorted[i] as T).published === (sorted[start] as T).published) continue;
    if (i - start > 1) {
      const run = sorted.slice(start, i).sort(inRun);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k] as T;
    }
    start = i;
  }
  return sorted;
}

/** Competition ranks for items in rank order: items equal on every criterion share the first one's rank. */
export function competitionRanks<T extends RankKey>(sorted: readonly T[], ties: readonly CompiledTie[]): number[] {
  const ranks: number[] = new Array<number>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    ranks[i] = prev !== undefined && compareRank(ties, prev, sorted[i] as T) === 0 ? (ranks[i - 1] as number) : i + 1;
  }
  return ranks;
}
