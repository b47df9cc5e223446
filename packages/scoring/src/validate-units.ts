import { didYouMean, issueMessages, relationMessage, togetherMessage } from './errors.js';
import { aboveMaximum, enteredMaxima, type EnteredMaximum } from './rules/entered-points.js';
import type { LocalizedText } from './schema/common.js';
import type { ScoringIssue } from './schema/evaluation.js';
import type { Relation, RuleSet, RuleSetInput } from './schema/rule-set.js';
import { unitTextFields, type UnitInput } from './schema/units.js';

export interface UnitValidation {
  /** True when there is no error (warnings do not count). */
  ok: boolean;
  /** The units, when ok. */
  units: UnitInput[];
  errors: ScoringIssue[];
  warnings: ScoringIssue[];
}

const POINTS_TEXT = /^\d+(\.\d+)?$/;

/**
 * Checks a unit list against the rule set's declared inputs and relations, and lists every problem
 * at once, each with a path [index, field]. Errors reject; warnings (a relation declared as such)
 * do not. Field by field this is `unitSchemaFor(ruleSet)` (a property test holds the two to the
 * same verdict), with bilingual messages; then what a schema cannot say: unique ids, and the
 * relations between fields, each reported once per field (the first that fails) and only between
 * fields that are given and valid.
 *
 * Written to allocate nothing for a valid unit: a national roster is tens of thousands of them.
 */
export function validateUnits(input: unknown, ruleSet: RuleSet): UnitValidation {
  const errors: ScoringIssue[] = [];
  const warnings: ScoringIssue[] = [];
  if (!Array.isArray(input)) {
    return { ok: false, units: [], errors: [{ path: [], code: 'not_a_list', message: issueMessages.not_a_list() }], warnings };
  }
  const context = validationContext(ruleSet);
  const firstIndexOfId = new Map<string, number>();
  for (let i = 0; i < input.length; i++) {
    const before = errors.length;
    const isObject = checkUnit(input[i], i, context, firstIndexOfId, errors);
    if (errors.length === before && isObject) checkRelations(input[i] as Record<string, unknown>, i, context, 'warning', warnings);
  }
  return errors.length > 0 ? { ok: false, units: [], errors, warnings } : { ok: true, units: input as UnitInput[], errors, warnings };
}

/** A relation with its fields as input positions, read once per validation. */
interface PreparedRelation {
  readonly relation: Relation;
  readonly left: readonly number[];
  readonly right: readonly number[];
  /** The fields of a `together` relation. */
  readonly fields: readonly number[];
  /** The position of the field a problem is reported on. */
  readonly field: number;
}

interface Context {
  readonly inputs: readonly RuleSetInput[];
  readonly known: ReadonlySet<string>;
  readonly knownList: readonly string[];
  readonly groupIds: ReadonlySet<string>;
  readonly groupList: readonly string[];
  readonly relations: readonly PreparedRelation[];
  readonly labelOf: ReadonlyMap<string, string[]>;
  /** Per input position: the most that may be entered (a criterion's maximum), or null. */
  readonly maxima: readonly (EnteredMaximum | null)[];
  /** Per input position: 1 when the field is missing, invalid or already reported (relations skip it). Reset per unit. */
  readonly skip: Uint8Array;
  readonly values: Float64Array;
}

function validationContext(ruleSet: RuleSet): Context {
  const knownList = [...unitTextFields, ...ruleSet.inputs.map((i) => i.id)];
  const index = new Map(ruleSet.inputs.map((input, i) => [input.id, i]));
  const at = (id: string) => index.get(id) as number;
  return {
    inputs: ruleSet.inputs,
    known: new Set(knownList),
    knownList,
    groupIds: new Set(ruleSet.groups.map((g) => g.id)),
    groupList: ruleSet.groups.map((g) => g.id),
    relations: ruleSet.relations.map((r) =>
      r.kind === 'together'
        ? { relation: r, left: [], right: [], fields: r.fields.map(at), field: -1 }
        : { relation: r, left: r.left.map(at), right: r.right.map(at), fields: [], field: at(r.field ?? (r.left[r.left.length - 1] as string)) },
    ),
    labelOf: new Map(ruleSet.inputs.map((i) => [i.id, [(i.short ?? i.label).vi, (i.short ?? i.label).en]])),
    maxima: ((m) => ruleSet.inputs.map((i) => m.get(i.id) ?? null))(enteredMaxima(ruleSet.score?.criteria)),
    skip: new Uint8Array(ruleSet.inputs.length),
    values: new Float64Array(ruleSet.inputs.length),
  };
}

/**
 * Checks one unit's fields and the relations that are errors; returns false when the unit is not an
 * object at all. Leaves in `ctx.skip` the fields that relations must not read.
 */
function checkUnit(raw: unknown, i: number, ctx: Context, firstIndexOfId: Map<string, number>, errors: ScoringIssue[]): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ path: [i], code: 'not_an_object', message: issueMessages.not_an_object() });
    return false;
  }
  const u = raw as Record<string, unknown>;
  for (const field in u) {
    if (!ctx.known.has(field) && Object.hasOwn(u, field)) {
      errors.push({ path: [i, field], code: 'unknown_field', message: issueMessages.unknown_field(field, didYouMean(field, ctx.knownList)) });
    }
  }
  for (const field of unitTextFields) {
    const v = u[field];
    if (v === undefined || v === null) errors.push({ path: [i, field], code: 'required', message: issueMessages.required(field) });
    else if (typeof v !== 'string') errors.push({ path: [i, field], code: 'not_a_string', message: issueMessages.not_a_string(field) });
  }
  if (typeof u.id === 'string') {
    if (u.id.trim() === '') errors.push({ path: [i, 'id'], code: 'empty_id', message: issueMessages.empty_id() });
    else {
      const first = firstIndexOfId.get(u.id);
      if (first !== undefined) errors.push({ path: [i, 'id'], code: 'duplicate_id', message: issueMessages.duplicate_id(u.id, first) });
      else firstIndexOfId.set(u.id, i);
    }
  }
  if (typeof u.name === 'string' && u.name.trim() === '') errors.push({ path: [i, 'name'], code: 'empty_name', message: issueMessages.empty_name() });
  if (typeof u.group === 'string' && !ctx.groupIds.has(u.group)) {
    errors.push({ path: [i, 'group'], code: 'unknown_group', message: issueMessages.unknown_group(u.group, [...ctx.groupList]) });
  }
  const inputs = ctx.inputs;
  for (let f = 0; f < inputs.length; f++) {
    const input = inputs[f] as RuleSetInput;
    const v = u[input.id];
    const code = fieldProblem(input, v);
    ctx.skip[f] = 0;
    if (code !== null) {
      errors.push({ path: [i, input.id], code, message: issueMessages[code](input.id) });
      ctx.skip[f] = 1;
    } else if (ctx.maxima[f] && aboveMaximum(v as number | string | null | undefined, (ctx.maxima[f] as EnteredMaximum).max)) {
      const limit = ctx.maxima[f] as EnteredMaximum;
      errors.push({ path: [i, input.id], code: 'above_maximum', message: issueMessages.above_maximum(input.id, String(v), limit.max, limit.number) });
      ctx.skip[f] = 1;
    } else if (v === undefined || v === null || v === 'x' || input.kind === 'text') {
      // Absent optional counts and "not applicable" points take part in no relation.
      ctx.skip[f] = 1;
    } else ctx.values[f] = typeof v === 'number' ? v : Number(v);
  }
  checkRelations(u, i, ctx, 'error', errors);
  return true;
}

type FieldCode = 'required' | 'not_a_number' | 'not_an_integer' | 'negative' | 'not_a_string' | 'not_applicable_not_allowed';

function fieldProblem(input: RuleSetInput, v: unknown): FieldCode | null {
  const optional = input.optional === true || input.kind === 'text';
  if (input.kind === 'text') return v === undefined || typeof v === 'string' ? null : 'not_a_string';
  if (input.kind === 'points' && (v === null || v === 'x')) return input.notApplicable ? null : optional && v === null ? null : 'not_applicable_not_allowed';
  if (v === undefined || v === null) return optional ? null : 'required';
  if (input.kind === 'points' && typeof v === 'string') {
    if (v.startsWith('-') && POINTS_TEXT.test(v.slice(1))) return 'negative';
    return POINTS_TEXT.test(v) ? null : 'not_a_number';
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not_a_number';
  if (input.kind === 'count' && !Number.isSafeInteger(v)) return 'not_an_integer';
  if (v < 0) return 'negative';
  return null;
}

/** Each relation of the given severity, between usable fields, at most one report per field. */
function checkRelations(u: Record<string, unknown>, i: number, ctx: Context, severity: 'error' | 'warning', out: ScoringIssue[]): void {
  const { skip, values, inputs } = ctx;
  for (const p of ctx.relations) {
    const r = p.relation;
    if (r.kind === 'together') {
      if (severity !== 'error') continue;
      let present = 0;
      let missing = -1;
      let first = -1;
      for (const f of p.fields) {
        const v = u[(inputs[f] as RuleSetInput).id];
        if (v !== undefined && v !== null) {
          present++;
          if (first < 0) first = f;
        } else if (missing < 0) missing = f;
      }
      if (present === 0 || present === p.fields.length || skip[missing] === 1 && u[(inputs[missing] as RuleSetInput).id] !== undefined) continue;
      const missingId = (inputs[missing] as RuleSetInput).id;
      out.push({ path: [i, missingId], code: r.code, message: r.message ?? togetherMessage((inputs[first] as RuleSetInput).id, missingId) });
      skip[missing] = 1;
      continue;
    }
    if (r.severity !== severity || skip[p.field] === 1) continue;
    let left = 0;
    let right = 0;
    let usable = true;
    for (const f of p.left) {
      if (skip[f] === 1) usable = false;
      left += values[f] as number;
    }
    for (const f of p.right) {
      if (skip[f] === 1) usable = false;
      right += values[f] as number;
    }
    if (!usable || compare(left, r.op, right)) continue;
    const field = (inputs[p.field] as RuleSetInput).id;
    const message = r.message
      ? fill(r.message, u, left, right)
      : relationMessage(
          r.left.map((f) => ctx.labelOf.get(f) as string[]),
          left,
          r.op,
          r.right.map((f) => ctx.labelOf.get(f) as string[]),
          right,
        );
    out.push({ path: [i, field], code: r.code, message });
    // One complaint per field: a late count above the total is not also "on time plus late above it".
    if (severity === 'error') skip[p.field] = 1;
  }
}
function compare(left: number, op: string, right: number): boolean {
  switch (op) {
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '=':
      return left === right;
    case '>=':
      return left >= right;
    default:
      return left > right;
  }
}

/** A relation's own message, its placeholders filled: {inputId}, {left}, {right}, {difference}. */
function fill(message: LocalizedText, u: Record<string, unknown>, left: number, right: number): LocalizedText {
  const put = (text: string) =>
    text.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (whole, key: string) => {
      if (key === 'left') return String(left);
      if (key === 'right') return String(right);
      if (key === 'difference') return String(Math.abs(left - right));
      return key in u ? String(u[key]) : whole;
    });
  return { vi: put(message.vi), en: put(message.en) };
}
