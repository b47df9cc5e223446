import { cmp, compareRatios, type Num } from '../decimal.js';
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
  const byScore = cmp(b.published, a.published);
  if (byScore !== 0) return byScore;
  const byShare = compareRatios(b.O, b.R, a.O, a.R);
  if (byShare !== 0) return byShare;
  return b.O - a.O;
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
