import { cmp, compareRatios, scaledInteger, type Num } from '../decimal.js';
import type { Counts } from './counts.js';

/**
 * Xếp hạng — ranking within a group, eligible units only.
 *
 * "… được xếp theo thứ tự từ cao xuống thấp …" (III.1)
 *
 * Order: published score (desc), then online share O/R (desc, compared exactly), then online cases
 * O (desc). Units equal on all three share a rank, and the next rank skips (1, 2, 2, 4). A tie is
 * never broken by name or by input order. See docs/decisions/0004-ranking-ties.md.
 */
export interface RankKey extends Counts {
  published: Num;
}

/** Negative when `a` ranks ahead of `b`, 0 when they are equal on every criterion. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  return cmp(b.published, a.published) || compareTies(a, b);
}

/** The criteria after the published score: online share, then online cases. */
function compareTies(a: Counts, b: Counts): number {
  const byShare = compareRatios(b.O, b.R, a.O, a.R);
  if (byShare !== 0) return byShare;
  return b.O - a.O;
}

/**
 * The items in rank order (`compareRankKeys`), items equal on every criterion ordered by `then` so
 * that the listing is the same whatever the input order. Published scores all have the rule set's
 * `decimals`, so they are first put in order as integers — one numeric sort of one number per item
 * rather than a comparison function called for every pair, which a national roster of ten thousand
 * units feels — and only runs of an equal score are ordered by the full comparison. If any score
 * is not such an integer, the full comparison orders everything.
 */
export function sortByRank<T extends RankKey>(items: readonly T[], decimals: number, then: (a: T, b: T) => number): T[] {
  const compare = (a: T, b: T): number => compareRankKeys(a, b) || then(a, b);
  const n = items.length;
  const scaled = new Float64Array(n);
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scaledInteger((items[i] as T).published, decimals);
    if (s === null) return [...items].sort(compare);
    scaled[i] = s;
    if (s < lowest) lowest = s;
    if (s > highest) highest = s;
  }
  if ((highest - lowest + 1) * n > Number.MAX_SAFE_INTEGER) return [...items].sort(compare);
  // One whole-number key per item, exact below 2^53: score descending, then the item's index.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (highest - (scaled[i] as number)) * n + i;
  keys.sort();
  const sorted: T[] = [];
  for (let i = 0; i < n; i++) sorted.push(items[(keys[i] as number) % n] as T);
  // Within a run of one published score, the remaining criteria decide.
  const compareInRun = (a: T, b: T): number => compareTies(a, b) || then(a, b);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && Math.floor((keys[i] as number) / n) === Math.floor((keys[start] as number) / n)) continue;
    if (i - start > 1) {
      const run = sorted.slice(start, i).sort(compareInRun);
      for (let k = 0; k < run.length; k++) sorted[start + k] = run[k] as T;
    }
    start = i;
  }
  return sorted;
}

/**
 * Competition ranks for items already sorted by `compareRankKeys`: equal keys share the rank of
 * the first of them.
 */
export function competitionRanks<T extends RankKey>(sorted: readonly T[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    ranks.push(prev !== undefined && compareRankKeys(prev, item) === 0 ? (ranks[i - 1] as number) : i + 1);
  });
  return ranks;
}
