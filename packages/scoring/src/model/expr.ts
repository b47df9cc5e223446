/**
 * A formula, as data. The rules (src/rules/) turn a rule set's criteria and adjustments into these
 * expressions; the same expressions are then evaluated exactly (exact.ts), evaluated in certified
 * floats (float-tape.ts), searched for gaps, and written out with a unit's own numbers for the
 * explanation (render.ts). Nothing about a formula is written twice.
 */

export type WhenEmpty = 'none' | 'zero' | 'full';

export type Expr =
  /** A unit's input (a count or entered points). */
  | { readonly op: 'input'; readonly id: string }
  /** A constant, as the rule set writes it ("0.1", "65"). */
  | { readonly op: 'const'; readonly value: string }
  /** Another named figure (a metric, criterion or adjustment), by id. */
  | { readonly op: 'ref'; readonly id: string }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max'; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'floor'; readonly a: Expr }
  | { readonly op: 'sum'; readonly items: readonly Expr[] }
  /**
   * The figure the unit's file states for a criterion (an input), or, where it states none, b (the
   * sum of its parts): an authoritative sub-total. A missing stated input reads −1 (stated figures
   * are never negative), so that both calculators can tell "not stated" from 0.
   */
  | { readonly op: 'stated'; readonly input: string; readonly otherwise: Expr }
  /** a as the source publishes it: rounded to `decimals`, half-up or down (a ≥ 0: points). */
  | { readonly op: 'round'; readonly a: Expr; readonly decimals: number; readonly mode: 'half-up' | 'down' }
  /** a, or b when a is 0: the denominator a source falls back to (QĐ 766 item 1.4). */
  | { readonly op: 'orElse'; readonly a: Expr; readonly b: Expr }
  /** of / per, or, when per is 0: no value ('none'), 0 or 1. */
  | { readonly op: 'ratio'; readonly of: Expr; readonly per: Expr; readonly whenEmpty: WhenEmpty }
  /**
   * The value of the last bracket whose `from` x reaches (each `from` inclusive, ascending); below
   * the first, `below` (null: the first bracket's value).
   */
  | {
      readonly op: 'step';
      readonly x: Expr;
      readonly from: readonly string[];
      readonly values: readonly string[];
      readonly below: string | null;
    };

export const input = (id: string): Expr => ({ op: 'input', id });
export const constant = (value: string): Expr => ({ op: 'const', value });
export const ref = (id: string): Expr => ({ op: 'ref', id });
export const add = (a: Expr, b: Expr): Expr => ({ op: 'add', a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: 'sub', a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: 'mul', a, b });
export const div = (a: Expr, b: Expr): Expr => ({ op: 'div', a, b });
export const min = (a: Expr, b: Expr): Expr => ({ op: 'min', a, b });
export const max = (a: Expr, b: Expr): Expr => ({ op: 'max', a, b });
export const floor = (a: Expr): Expr => ({ op: 'floor', a });
export const orElse = (a: Expr, b: Expr): Expr => ({ op: 'orElse', a, b });
export const statedOr = (inputId: string, otherwise: Expr): Expr => ({ op: 'stated', input: inputId, otherwise });
export const round = (a: Expr, decimals: number, mode: 'half-up' | 'down'): Expr => ({ op: 'round', a, decimals, mode });
export const ratio = (of: Expr, per: Expr, whenEmpty: WhenEmpty): Expr => ({ op: 'ratio', of, per, whenEmpty });
export const step = (x: Expr, from: readonly string[], values: readonly string[], below: string | null): Expr => ({
  op: 'step',
  x,
  from,
  values,
  below,
});

/** The sum of several expressions (one of them: itself). */
export const sum = (items: readonly Expr[]): Expr => (items.length === 1 ? (items[0] as Expr) : { op: 'sum', items });

/** Sum of inputs by id. */
export const sumOfInputs = (ids: readonly string[]): Expr => sum(ids.map(input));
