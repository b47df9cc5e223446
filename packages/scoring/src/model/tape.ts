import * as X from '../arithmetic/exact.js';
import { certainBracket, certainFloor, U } from '../arithmetic/float.js';
import { add, constant, div, floor, input, mul, step, sub, type Expr } from './expr.js';

/**
 * The named figures' expressions, flattened once per evaluation into a tape: one instruction per
 * expression node, each writing its own slot. Two calculators read the same tape:
 *
 * - `runFloat`: doubles, each with a running bound on its error; it gives up (returns false) at any
 *   decision — a floor, a bracket — that the bound cannot settle. The fast path.
 * - `runExact`: exact rationals (fraction.js, through exact.ts). What the fast path falls back to,
 *   what `{ exact: true }` forces, and what the explanation shows.
 *
 * Neither holds a formula of its own: both follow the expressions the rules built.
 */

const enum Op {
  Const,
  Input,
  Add,
  Sub,
  Mul,
  Div,
  Min,
  Max,
  Floor,
  Ratio,
  Step,
  OrElse,
}
const emptyCode = { none: 0, zero: 1, full: 2 } as const;

interface StepTable {
  bounds: Float64Array;
  exactBounds: boolean;
  boundsExact: X.Exact[];
  values: Float64Array;
  valueErrors: Float64Array;
  valuesExact: X.Exact[];
  /** Index into values of what lies below the first bound (-1: there is nothing below, use values[0]). */
  below: number;
  /** The values as the rule set writes them (shown as such). */
  valueTexts: readonly string[];
}

export interface Tape {
  readonly length: number;
  readonly ops: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Const: the value; Ratio: the empty-denominator policy code. */
  readonly constants: Float64Array;
  readonly constantErrors: Float64Array;
  readonly constantsExact: (X.Exact | null)[];
  readonly steps: StepTable[];
  /** The slot of each named figure. */
  readonly slotOf: ReadonlyMap<string, number>;
  /** The slot of each expression node (for writing a formula out with its values). */
  readonly slotOfExpr: ReadonlyMap<Expr, number>;
  readonly inputCount: number;
}

/**
 * Builds the tape of figures given in evaluation order (each may `ref` only figures before it).
 * `inputIndex` maps an input id to its position in the values passed to the runners.
 */
export function buildTape(figures: readonly { id: string; expr: Expr }[], inputIndex: ReadonlyMap<string, number>): Tape {
  const ops: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const constants: number[] = [];
  const constantErrors: number[] = [];
  const constantsExact: (X.Exact | null)[] = [];
  const steps: StepTable[] = [];
  const slotOf = new Map<string, number>();
  const slotOfExpr = new Map<Expr, number>();
  const constSlots = new Map<string, number>();

  const emit = (op: Op, x = -1, y = -1, k = 0, kErr = 0, kExact: X.Exact | null = null): number => {
    ops.push(op);
    a.push(x);
    b.push(y);
    constants.push(k);
    constantErrors.push(kErr);
    constantsExact.push(kExact);
    return ops.length - 1;
  };
  const constSlot = (value: string): number => {
    let slot = constSlots.get(value);
    if (slot === undefined) {
      const f = Number(value);
      slot = emit(Op.Const, -1, -1, f, X.isExactDouble(value) ? 0 : Math.abs(f) * U, X.exact(value));
      constSlots.set(value, slot);
    }
    return slot;
  };

  const compile = (e: Expr): number => {
    const known = slotOfExpr.get(e);
    if (known !== undefined) return known;
    let slot: number;
    switch (e.op) {
      case 'input': {
        const index = inputIndex.get(e.id);
        if (index === undefined) throw new Error(`unknown input ${e.id}`);
        slot = emit(Op.Input, index);
        break;
      }
      case 'const':
        slot = constSlot(e.value);
        break;
      case 'ref': {
        const s = slotOf.get(e.id);
        if (s === undefined) throw new Error(`figure ${e.id} is used before it is defined`);
        slot = s;
        break;
      }
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
      case 'min':
      case 'max': {
        const x = compile(e.a);
        const y = compile(e.b);
        slot = emit(binaryOps[e.op], x, y);
        break;
      }
      case 'floor':
        slot = emit(Op.Floor, compile(e.a));
        break;
      case 'orElse':
        slot = emit(Op.OrElse, compile(e.a), compile(e.b));
        break;
      case 'stated': {
        // given × s + (1 − given) × otherwise, where given = [s ≥ 0] (a step) and s is −1 when the
        // file states nothing: ops both calculators already run exactly.
        const s = input(e.input);
        const given = step(s, ['0'], ['1'], '0');
        slot = compile(add(mul(given, s), mul(sub(constant('1'), given), e.otherwise)));
        break;
      }
      case 'round': {
        // ⌊a × 10^d (+ ½ for half-up)⌋ / 10^d: a floor both calculators already decide (the float
        // one only when certain), so rounding needs no instruction of its own.
        const scale = constant(`1${'0'.repeat(e.decimals)}`);
        const scaled = mul(e.a, scale);
        slot = compile(div(floor(e.mode === 'half-up' ? add(scaled, constant('0.5')) : scaled), scale));
        break;
      }
      case 'sum': {
        let acc = compile(e.items[0] as Expr);
        for (let i = 1; i < e.items.length; i++) acc = emit(Op.Add, acc, compile(e.items[i] as Expr));
        slot = acc;
        break;
      }
      case 'ratio':
        slot = emit(Op.Ratio, compile(e.of), compile(e.per), emptyCode[e.whenEmpty]);
        break;
      case 'step': {
        const x = compile(e.x);
        const texts = e.below === null ? e.values : [...e.values, e.below];
        steps.push({
          bounds: Float64Array.from(e.from, Number),
          exactBounds: e.from.every(X.isExactDouble),
          boundsExact: e.from.map((v) => X.exact(v)),
          values: Float64Array.from(texts, Number),
          valueErrors: Float64Array.from(texts, (t) => (X.isExactDouble(t) ? 0 : Math.abs(Number(t)) * U)),
          valuesExact: texts.map((t) => X.exact(t)),
          below: e.below === null ? -1 : e.values.length,
          valueTexts: texts,
        });
        slot = emit(Op.Step, x, steps.length - 1);
        break;
      }
    }
    slotOfExpr.set(e, slot);
    return slot;
  };

  for (const f of figures) slotOf.set(f.id, compile(f.expr));
  return {
    length: ops.length,
    ops: Uint8Array.from(ops),
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    constants: Float64Array.from(constants),
    constantErrors: Float64Array.from(constantErrors),
    constantsExact,
    steps,
    slotOf,
    slotOfExpr,
    inputCount: inputIndex.size,
  };
}

const binaryOps = { add: Op.Add, sub: Op.Sub, mul: Op.Mul, div: Op.Div, min: Op.Min, max: Op.Max } as const;

/** Scratch space for the float calculator, made once per evaluation and reused for every unit. */
export interface FloatScratch {
  readonly v: Float64Array;
  readonly e: Float64Array;
  /** 1: the slot has no value (a ratio of nothing under 'none'). */
  readonly none: Uint8Array;
  /** The bracket each Step instruction chose. */
  readonly chosen: Int32Array;
}

export const floatScratch = (tape: Tape): FloatScratch => ({
  v: new Float64Array(tape.length),
  e: new Float64Array(tape.length),
  none: new Uint8Array(tape.length),
  chosen: new Int32Array(tape.length),
});

/**
 * Runs the tape in doubles with error bounds. `x` (from offset `xo`) and `xe` (from `xeo`): each
 * input's value and its error (0 for a count). Returns false as soon as a floor or a bracket cannot be decided
 * for certain.
 */
export function runFloat(t: Tape, x: Float64Array, xo: number, xe: Float64Array, xeo: number, s: FloatScratch): boolean {
  const { ops, a, b } = t;
  const { v, e, none, chosen } = s;
  for (let i = 0; i < t.length; i++) {
    const p = a[i] as number;
    const q = b[i] as number;
    switch (ops[i]) {
      case Op.Const:
        v[i] = t.constants[i] as number;
        e[i] = t.constantErrors[i] as number;
        none[i] = 0;
        break;
      case Op.Input:
        v[i] = x[xo + p] as number;
        e[i] = xe[xeo + p] as number;
        none[i] = 0;
        break;
      case Op.Add:
      case Op.Sub: {
        const r = ops[i] === Op.Add ? (v[p] as number) + (v[q] as number) : (v[p] as number) - (v[q] as number);
        v[i] = r;
        const ep = e[p] as number;
        const eq = e[q] as number;
        // Integers below 2^53 add exactly.
        e[i] = ep === 0 && eq === 0 && Number.isSafeInteger(r) ? 0 : ep + eq + Math.abs(r) * U;
        none[i] = (none[p] as number) | (none[q] as number);
        break;
      }
      case Op.Mul: {
        const vp = v[p] as number;
        const vq = v[q] as number;
        const r = vp * vq;
        v[i] = r;
        const ep = e[p] as number;
        const eq = e[q] as number;
        e[i] = ep === 0 && eq === 0 && Number.isSafeInteger(r) ? 0 : Math.abs(vp) * eq + Math.abs(vq) * ep + ep * eq + Math.abs(r) * U;
        none[i] = (none[p] as number) | (none[q] as number);
        break;
      }
      case Op.Div:
      case Op.Ratio: {
        none[i] = (none[p] as number) | (none[q] as number);
        const vq = v[q] as number;
        const eq = e[q] as number;
        if (ops[i] === Op.Ratio && vq === 0 && eq === 0) {
          const policy = t.constants[i] as number;
          v[i] = policy === emptyCode.full ? 1 : 0;
          e[i] = 0;
          if (policy === emptyCode.none) none[i] = 1;
          break;
        }
        if (!(Math.abs(vq) > eq)) return false;
        const r = (v[p] as number) / vq;
        v[i] = r;
        e[i] = ((e[p] as number) + Math.abs(r) * eq) / (Math.abs(vq) - eq) + Math.abs(r) * U;
        break;
      }
      case Op.Min:
      case Op.Max: {
        const vp = v[p] as number;
        const vq = v[q] as number;
        v[i] = ops[i] === Op.Min ? (vp <= vq ? vp : vq) : vp >= vq ? vp : vq;
        e[i] = Math.max(e[p] as number, e[q] as number);
        none[i] = (none[p] as number) | (none[q] as number);
        break;
      }
      case Op.OrElse: {
        // a, or b when a is 0: decided only when a is certainly 0 or certainly not.
        const ep = e[p] as number;
        const vp = v[p] as number;
        const k = vp === 0 && ep === 0 ? q : Math.abs(vp) > ep ? p : -1;
        if (k < 0) return false;
        v[i] = v[k] as number;
        e[i] = e[k] as number;
        none[i] = none[k] as number;
        break;
      }
      case Op.Floor: {
        const r = certainFloor(v[p] as number, e[p] as number);
        if (Number.isNaN(r)) return false;
        v[i] = r;
        e[i] = 0;
        none[i] = none[p] as number;
        break;
      }
      case Op.Step: {
        const table = t.steps[q] as StepTable;
        const k = certainBracket(v[p] as number, e[p] as number, table.bounds, table.exactBounds);
        if (k === -2) return false;
        const index = k >= 0 ? k : table.below >= 0 ? table.below : 0;
        chosen[i] = index;
        v[i] = table.values[index] as number;
        e[i] = table.valueErrors[index] as number;
        none[i] = none[p] as number;
        break;
      }
    }
  }
  return true;
}

/** What the exact calculator found: each slot's value (null: no value) and each bracket chosen. */
export interface ExactRun {
  readonly values: (X.Exact | null)[];
  readonly chosen: Int32Array;
}

/** Runs the tape exactly. `x`: each input's exact value. */
export function runExact(t: Tape, x: readonly X.Exact[]): ExactRun {
  const values: (X.Exact | null)[] = new Array<X.Exact | null>(t.length).fill(null);
  const chosen = new Int32Array(t.length);
  const { ops, a, b } = t;
  for (let i = 0; i < t.length; i++) {
    const p = a[i] as number;
    const q = b[i] as number;
    const vp = p >= 0 ? (values[p] ?? null) : null;
    const vq = q >= 0 ? (values[q] ?? null) : null;
    switch (ops[i]) {
      case Op.Const:
        values[i] = t.constantsExact[i] as X.Exact;
        break;
      case Op.Input:
        values[i] = x[p] as X.Exact;
        break;
      case Op.Add:
        values[i] = vp && vq && X.add(vp, vq);
        break;
      case Op.Sub:
        values[i] = vp && vq && X.sub(vp, vq);
        break;
      case Op.Mul:
        values[i] = vp && vq && X.mul(vp, vq);
        break;
      case Op.Div:
        values[i] = vp && vq && X.div(vp, vq);
        break;
      case Op.Min:
        values[i] = vp && vq && X.min(vp, vq);
        break;
      case Op.Max:
        values[i] = vp && vq && X.max(vp, vq);
        break;
      case Op.Floor:
        values[i] = vp && X.floor(vp);
        break;
      case Op.OrElse:
        values[i] = vp && (X.cmp(vp, X.ZERO) !== 0 ? vp : vq);
        break;
      case Op.Ratio: {
        if (!vp || !vq) break;
        if (X.cmp(vq, X.ZERO) === 0) {
          const policy = t.constants[i] as number;
          values[i] = policy === emptyCode.none ? null : policy === emptyCode.full ? X.ONE : X.ZERO;
        } else values[i] = X.div(vp, vq);
        break;
      }
      case Op.Step: {
        if (!vp) break;
        const table = t.steps[q] as StepTable;
        let k = -1;
        while (k + 1 < table.boundsExact.length && X.cmp(vp, table.boundsExact[k + 1] as X.Exact) >= 0) k++;
        const index = k >= 0 ? k : table.below >= 0 ? table.below : 0;
        chosen[i] = index;
        values[i] = table.valuesExact[index] as X.Exact;
        break;
      }
    }
  }
  return { values, chosen };
}

/** The text of the bracket value a Step slot chose (a multiplier is shown as the rule set writes it). */
export function chosenText(t: Tape, slot: number, chosenIndex: number): string {
  const table = t.steps[t.b[slot] as number] as StepTable;
  return table.valueTexts[chosenIndex] as string;
}
