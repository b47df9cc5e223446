import * as X from '../arithmetic/exact.js';
import { certainScaled, U } from '../arithmetic/float.js';
import { metricText, metricValues, type MetricValues } from '../rules/conditions.js';
import type { RankKey } from '../rules/ranking.js';
import { publishExact, publishFloat } from '../rules/publish.js';
import type { UnitInput } from '../schema/units.js';
import type { Program } from './program.js';
import { chosenText, floatScratch, runExact, runFloat, type ExactRun, type FloatScratch } from './tape.js';

/**
 * Works out units' figures from a compiled rule set: the fast path (doubles with error bounds)
 * wherever it can prove its answer, the exact calculator wherever it cannot — or everywhere, with
 * `exact`. One per evaluation; its scratch space is reused unit after unit.
 */

/**
 * A unit's inputs, read once: values as doubles (counts exactly) and their error bounds (`x`, `xe`
 * from offset `xo`), its metric values (`m` from `mo`), and exact forms on demand. The arrays are
 * usually shared by a whole roster (`Storage`), each unit at its own offsets: a national roster is
 * tens of thousands of units, and their figures then cost no objects of their own.
 */
export class UnitValues implements MetricValues {
  private exact: X.Exact[] | null = null;

  constructor(
    readonly program: Program,
    readonly input: UnitInput,
    readonly x: Float64Array,
    readonly xe: Float64Array,
    readonly xo: number,
    readonly m: Float64Array,
    readonly mo: number,
    /** Entered points marked "x" (not applicable), by input position; null when there are none. */
    readonly notApplicable: Uint8Array | null,
  ) {
    readInputs(program, input, x, xe, xo);
    metricValues(program.metricList, x, xo, m, mo);
  }

  /** Exact inputs: what a person wrote (1.31 is 131/100, not the double nearest it). */
  exactX(): X.Exact[] {
    if (this.exact === null) {
      const inputs = this.program.inputs;
      this.exact = inputs.map((spec, i) => exactInput(this.input[spec.id], this.x[this.xo + i] as number));
    }
    return this.exact;
  }
}

/** Room for a roster's inputs, their error bounds and metric values, in three arrays. */
export class Storage {
  readonly x: Float64Array;
  readonly xe: Float64Array;
  readonly m: Float64Array;
  readonly inputs: number;
  readonly metrics: number;

  constructor(program: Program, units: number) {
    this.inputs = program.inputs.length;
    this.metrics = 2 * program.metricList.length;
    this.x = new Float64Array(units * this.inputs);
    this.xe = new Float64Array(units * this.inputs);
    this.m = new Float64Array(units * this.metrics);
  }
}

/** Reads a (validated) unit's inputs into `x` from `xo`, and the error of each entered figure that is not whole into `xe`. */
function readInputs(program: Program, input: UnitInput, x: Float64Array, xe: Float64Array, xo: number): void {
  const inputs = program.inputs;
  for (let i = 0; i < inputs.length; i++) {
    const spec = inputs[i] as (typeof inputs)[number];
    const v = input[spec.id];
    let n = 0;
    if (spec.kind === 'count') n = typeof v === 'number' ? v : 0;
    else if (spec.kind === 'points' && v !== null && v !== undefined && v !== 'x') n = typeof v === 'number' ? v : Number(v);
    else if (program.statedAuthority[i] === 1) n = -1;
    x[xo + i] = n;
    xe[xo + i] = Number.isInteger(n) ? 0 : Math.abs(n) * U;
  }
}

/** Entered points marked "x" (or null): the criterion did not arise; null when there are none. */
export function notApplicableOf(program: Program, input: UnitInput): Uint8Array | null {
  if (!program.hasPoints) return null;
  let marks: Uint8Array | null = null;
  program.inputs.forEach((spec, i) => {
    const v = input[spec.id];
    if (spec.kind === 'points' && (v === null || v === 'x')) (marks ??= new Uint8Array(program.inputs.length))[i] = 1;
  });
  return marks;
}

export class Calculator {
  private readonly scratch: FloatScratch;
  private readonly movedX: Float64Array;

  constructor(
    readonly program: Program,
    readonly exactOnly: boolean,
  ) {
    this.scratch = floatScratch(program.tape);
    this.movedX = new Float64Array(program.inputs.length);
  }

  /** A unit's values on their own (for `explain`, or a unit outside a roster). */
  values(input: UnitInput): UnitValues {
    const p = this.program;
    const n = p.inputs.length;
    return new UnitValues(p, input, new Float64Array(n), new Float64Array(n), 0, new Float64Array(2 * p.metricList.length), 0, notApplicableOf(p, input));
  }

  /**
   * The unit's published score (in whole 10^-decimals; NaN when it has none, or the rule set
   * scores nothing), its shown figures written into `metrics`, and the exact run if one was needed.
   */
  figures(u: UnitValues, metrics: Record<string, string | null>): { published: number; raw: number; exact: ExactRun | null } {
    const p = this.program;
    const s = this.scratch;
    const certain = !this.exactOnly && runFloat(p.tape, u.x, u.xo, u.xe, u.xo, s);
    let exact: ExactRun | null = certain ? null : runExact(p.tape, u.exactX());

    let published = NaN;
    const slot = p.rawSlot;
    if (slot !== null && p.rounding !== null) {
      if (exact === null) {
        if (s.none[slot] !== 1) {
          published = publishFloat(s.v[slot] as number, s.e[slot] as number, p.rounding);
          // Near a rounding boundary (an exact .xx5): decided exactly.
          if (Number.isNaN(published)) published = publishedOf((exact = runExact(p.tape, u.exactX())), slot, p);
        }
      } else published = publishedOf(exact, slot, p);
    }

    for (const f of p.shown) {
      if (f.metric !== null) {
        metrics[f.id] = metricText(f.metric, u);
        continue;
      }
      const at = f.slot;
      if (exact === null && s.none[at] === 1) {
        metrics[f.id] = null;
        continue;
      }
      if (f.show === null) {
        // A multiplier, shown as the rule set writes the bracket's value.
        metrics[f.id] = exact === null ? chosenText(p.tape, at, s.chosen[at] as number) : exact.values[at] === null ? null : chosenText(p.tape, at, exact.chosen[at] as number);
        continue;
      }
      const { decimals, rounding } = f.show;
      const scaled = exact === null ? certainScaled(s.v[at] as number, s.e[at] as number, decimals, rounding) : NaN;
      if (!Number.isNaN(scaled)) metrics[f.id] = X.scaledText(scaled, decimals, false);
      else {
        exact ??= runExact(p.tape, u.exactX());
        const value = exact.values[at] ?? null;
        metrics[f.id] = value === null ? null : X.toFixed(value, decimals, rounding);
      }
    }
    const raw = slot !== null && exact === null && s.none[slot] !== 1 ? (s.v[slot] as number) : NaN;
    return { published, raw, exact };
  }

  /**
   * The published score after k moves (each adding `adds` to the inputs), NaN when the unit would
   * have no score. What the gap searches ask, step after step.
   */
  publishedAfter(u: UnitValues, adds: Float64Array, k: number): number {
    const p = this.program;
    const slot = p.rawSlot;
    if (slot === null || p.rounding === null) return NaN;
    const m = this.movedX;
    for (let i = 0; i < m.length; i++) m[i] = (u.x[u.xo + i] as number) + (adds[i] as number) * k;
    if (!this.exactOnly && runFloat(p.tape, m, 0, u.xe, u.xo, this.scratch)) {
      if (this.scratch.none[slot] === 1) return NaN;
      const published = publishFloat(this.scratch.v[slot] as number, this.scratch.e[slot] as number, p.rounding);
      if (!Number.isNaN(published)) return published;
    }
    return publishedOf(runExact(p.tape, movedExact(u, adds, k)), slot, p);
  }

  /** The score before rounding after k moves, in doubles, unchecked: only to seed a search (NaN when none). */
  approximateRaw(u: UnitValues, adds: Float64Array, k: number): number {
    const p = this.program;
    const slot = p.rawSlot;
    if (slot === null) return NaN;
    const m = this.movedX;
    for (let i = 0; i < m.length; i++) m[i] = (u.x[u.xo + i] as number) + (adds[i] as number) * k;
    runFloat(p.tape, m, 0, u.xe, u.xo, this.scratch);
    return this.scratch.none[slot] === 1 ? NaN : (this.scratch.v[slot] as number);
  }

  /**
   * The unit after k moves as ranking reads it, its metric values worked out afresh (and its exact
   * figures only if a tie on a criterion asks for them).
   */
  movedKey(u: UnitValues, adds: Float64Array, k: number, published: number): RankKey {
    const p = this.program;
    const x = new Float64Array(p.inputs.length);
    for (let i = 0; i < x.length; i++) x[i] = (u.x[u.xo + i] as number) + (adds[i] as number) * k;
    const m = new Float64Array(2 * p.metricList.length);
    metricValues(p.metricList, x, 0, m, 0);
    let exact: X.Exact[] | null = null;
    const exactX = () => (exact ??= movedExact(u, adds, k));
    return { published, m, mo: 0, exactX, criterion: (id) => this.exactFigure(runExact(p.tape, exactX()), id) };
  }

  /** A figure's exact value for the unit (criteria ties, stated sub-totals). */
  exactFigure(run: ExactRun, id: string): X.Exact | null {
    const slot = this.program.tape.slotOf.get(id);
    return slot === undefined ? null : (run.values[slot] ?? null);
  }

  runExact(u: UnitValues): ExactRun {
    return runExact(this.program.tape, u.exactX());
  }
}

function publishedOf(run: ExactRun, slot: number, p: Program): number {
  const raw = run.values[slot];
  return raw === null || raw === undefined ? NaN : publishExact(raw, p.rounding as NonNullable<Program['rounding']>);
}

function movedExact(u: UnitValues, adds: Float64Array, k: number): X.Exact[] {
  return u.exactX().map((v, i) => ((adds[i] as number) === 0 ? v : X.add(v, X.exact((adds[i] as number) * k))));
}

function exactInput(v: unknown, read: number): X.Exact {
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return X.exact(v);
  if (typeof v === 'number') return X.exact(Number.isSafeInteger(v) ? v : String(v));
  return X.exact(Number.isSafeInteger(read) ? read : 0);
}
