import * as X from '../arithmetic/exact.js';
import type { RuleSet } from '../schema/rule-set.js';

/**
 * Xếp loại — classes by score range, thresholds as data. QĐ 766/QĐ-TTg: 90–100 "xuất sắc", below 50
 * "yếu", with "tốt", "khá", "trung bình" between. A level holds scores from its `min` up to the
 * next level's `min` (exclusive); the published score decides.
 */
export interface ClassScale {
  /** Each level's `min` as a whole number of 10^-decimals, descending. */
  readonly mins: readonly number[];
  readonly ids: readonly string[];
}

export function classScale(rules: RuleSet): ClassScale | null {
  const levels = rules.classes?.levels;
  const decimals = rules.score?.rounding.decimals ?? 0;
  if (!levels) return null;
  return {
    // A score reaches a level when score ≥ min exactly: in whole 10^-decimals, when it reaches ⌈min × 10^decimals⌉.
    mins: levels.map((l) => X.ceilScaled(X.exact(l.min), decimals)),
    ids: levels.map((l) => l.id),
  };
}

/** The index of the level the published score falls in, or -1 below them all. */
export function classIndex(scale: ClassScale, published: number): number {
  return scale.mins.findIndex((min) => published >= min);
}
