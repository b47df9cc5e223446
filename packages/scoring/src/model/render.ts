import * as X from '../arithmetic/exact.js';
import type { Expr, WhenEmpty } from './expr.js';
import type { ExactRun, Tape } from './tape.js';

/**
 * A figure's expression written out with a unit's own numbers — "min(5, 1 × 0.8528784648)",
 * "max(0, (72.4946695096 − 0.8528784648) × 0.7)" — from the same expression the calculators ran:
 * inputs as the unit gave them, constants as the rule set writes them, other figures by their
 * values. What a person would redo by hand.
 */

export interface RenderContext {
  readonly tape: Tape;
  readonly run: ExactRun;
  /** An input's value as written, by id ("x" for a criterion that did not arise). */
  inputText(id: string): string;
  /** Another figure as a formula names it, when not by its value ("x" for a criterion that did not arise). */
  figureText?(id: string): string | null;
}

const precedence = (e: Expr): number => {
  switch (e.op) {
    case 'add':
    case 'sub':
    case 'sum':
      return 1;
    case 'mul':
    case 'div':
    case 'ratio':
      return 2;
    default:
      return 3;
  }
};

const symbol = { add: '+', sub: '−', mul: '×', div: '/' } as const;

/** A figure's value as shown in formulas: at most 10 decimals, trailing zeros dropped. */
export function valueText(value: X.Exact | null): string {
  return value === null ? '—' : X.toDisplay(value).text;
}

export function render(e: Expr, ctx: RenderContext, top = true): string {
  const valueOf = (x: Expr) => {
    const slot = ctx.tape.slotOfExpr.get(x);
    return slot === undefined ? null : (ctx.run.values[slot] ?? null);
  };
  // A right operand of − or / at the same level needs brackets (a − (b − c)); of × or + it does not.
  const child = (c: Expr, parent: number, strictRight: boolean) => {
    const text = render(c, ctx, false);
    const p = precedence(c);
    return p < parent || (strictRight && p === parent) ? `(${text})` : text;
  };
  switch (e.op) {
    case 'input':
      return ctx.inputText(e.id);
    case 'const':
      return e.value;
    case 'ref': {
      const named = ctx.figureText?.(e.id);
      if (named) return named;
      const slot = ctx.tape.slotOf.get(e.id);
      return valueText(slot === undefined ? null : (ctx.run.values[slot] ?? null));
    }
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const p = precedence(e);
      return `${child(e.a, p, false)} ${symbol[e.op]} ${child(e.b, p, e.op === 'sub' || e.op === 'div')}`;
    }
    case 'min':
    case 'max':
      return `${e.op}(${render(e.a, ctx, false)}, ${render(e.b, ctx, false)})`;
    case 'floor':
      return `⌊${render(e.a, ctx, false)}⌋`;
    case 'stated': {
      // The stated figure stands (it is the step's own value); where none is stated, the parts' sum.
      const slot = ctx.tape.slotOfExpr.get(e.otherwise);
      const own = ctx.tape.slotOfExpr.get(e);
      const value = own === undefined ? null : (ctx.run.values[own] ?? null);
      const parts = slot === undefined ? null : (ctx.run.values[slot] ?? null);
      const given = !ctx.inputText(e.input).startsWith('-');
      return given && value !== null && parts !== null && X.cmp(value, parts) !== 0 ? valueText(value) : render(e.otherwise, ctx, top);
    }
    case 'round':
      return `round(${render(e.a, ctx, false)}, ${e.decimals})`;
    case 'orElse': {
      // The denominator as the source falls back to it: "0 → 1200" (this period's is 0, so the previous year's).
      const a = valueOf(e.a);
      return a !== null && X.cmp(a, X.ZERO) === 0 ? `(${render(e.a, ctx, false)} → ${render(e.b, ctx, false)})` : render(e.a, ctx, false);
    }
    case 'sum':
      return e.items.map((item) => child(item, 1, false)).join(' + ');
    case 'ratio': {
      const text = `${child(e.of, 2, false)} / ${child(e.per, 2, true)}`;
      const per = valueOf(e.per);
      if (per !== null && X.cmp(per, X.ZERO) === 0) {
        // In no language: the step's note says the empty-denominator rule in words (emptyRatioRules).
        const policy = { none: '—', zero: '0', full: '1' }[e.whenEmpty];
        return top ? `${text} → ${policy}` : `(${text} → ${policy})`;
      }
      return text;
    }
    case 'step': {
      const slot = ctx.tape.slotOfExpr.get(e) as number;
      const chosen = ctx.run.chosen[slot] as number;
      const x = render(e.x, ctx, false);
      const value = e.below !== null && chosen === e.values.length ? e.below : (e.values[chosen] as string);
      const xv = valueOf(e.x);
      if (xv !== null && X.cmp(xv, X.exact(e.from[0] as string)) < 0) return `${x} < ${e.from[0]} → ${value}`;
      const next = e.from[chosen + 1];
      return next === undefined ? `${x} ≥ ${e.from[chosen]} → ${value}` : `${x}: ${e.from[chosen]} ≤ ${x} < ${next} → ${value}`;
    }
  }
}

/**
 * The empty-denominator rules a figure's formula applied for this unit, in the order met: a ratio
 * whose denominator was 0 (its `whenEmpty`), and a denominator that fell back to the one the source
 * names ('fallback'). The formula writes them as arrows; the explanation says them in words.
 */
export function emptyRatioRules(e: Expr, ctx: RenderContext): (WhenEmpty | 'fallback')[] {
  const found: (WhenEmpty | 'fallback')[] = [];
  const isZero = (x: Expr) => {
    const slot = ctx.tape.slotOfExpr.get(x);
    const v = slot === undefined ? null : (ctx.run.values[slot] ?? null);
    return v !== null && X.cmp(v, X.ZERO) === 0;
  };
  const visit = (x: Expr): void => {
    switch (x.op) {
      case 'input':
      case 'const':
      case 'ref':
        return;
      case 'floor':
      case 'round':
        return visit(x.a);
      case 'stated':
        return visit(x.otherwise);
      case 'sum':
        return x.items.forEach(visit);
      case 'step':
        return visit(x.x);
      case 'orElse':
        if (isZero(x.a)) found.push('fallback');
        visit(x.a);
        return visit(x.b);
      case 'ratio':
        visit(x.of);
        visit(x.per);
        if (isZero(x.per) && !found.includes(x.whenEmpty)) found.push(x.whenEmpty);
        return;
      default:
        visit(x.a);
        return visit(x.b);
    }
  };
  visit(e);
  return found;
}
