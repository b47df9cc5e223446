import * as X from '../arithmetic/exact.js';
import { input, type Expr } from '../model/expr.js';
import type { LocalizedText } from '../schema/common.js';
import type { Criterion } from '../schema/rule-set.js';

/**
 * Điểm chấm — points entered per criterion by the unit (tự đánh giá) or the appraisal council
 * (Hội đồng thẩm định), at most the criterion's maximum.
 *
 * "1.1.2 Mức độ hoàn thành KH CCHC: 0.8/1.0 điểm. Đánh giá của Hội đồng thẩm định: hoàn thành 80%."
 * (Thủy Thanh CCHC index 2022). Points above the maximum (1.5 of 1.0) are an entry error: they are
 * refused with the unit's other problems (`above_maximum`, see `enteredMaxima`), never cut down. A
 * criterion marked "x" (no task arose) is neither scored nor counted: it adds nothing, and its
 * maximum leaves its parent's (see the explanation's `countedMax`).
 */
export function enteredPoints(inputId: string): Expr {
  return input(inputId);
}

/** The most that may be entered in a points input: the maximum of the criterion it scores. */
export interface EnteredMaximum {
  max: string;
  /** The criterion, as the source numbers it. */
  number: string;
  label: LocalizedText;
}

/**
 * Each input entered as a criterion's points — the scoring round's and the self-assessment's — with
 * that criterion's maximum. Read by the unit checks (validateUnits, unitSchemaFor).
 */
export function enteredMaxima(root: Criterion | undefined): Map<string, EnteredMaximum> {
  const found = new Map<string, EnteredMaximum>();
  const visit = (node: Criterion) => {
    if (node.score?.kind === 'entered') {
      const limit = { max: node.max, number: node.number ?? node.id, label: node.label };
      found.set(node.score.input, limit);
      if (node.score.selfInput !== undefined) found.set(node.score.selfInput, limit);
    }
    for (const child of node.children ?? []) visit(child);
  };
  if (root) visit(root);
  return found;
}

/**
 * Entered points above the criterion's maximum (an entry error, refused). Compared as doubles, which
 * keep the order of decimals, and exactly only when the two doubles are equal (1.00000000000000001).
 */
export function aboveMaximum(v: number | string | null | undefined, max: string): boolean {
  if (v === null || v === undefined || v === 'x') return false;
  const n = typeof v === 'number' ? v : Number(v);
  const m = Number(max);
  if (n !== m) return n > m;
  return typeof v === 'string' && X.compareDecimals(v, max) > 0;
}
