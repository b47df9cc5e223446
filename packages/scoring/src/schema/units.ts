import { z } from 'zod';
import { aboveMaximum, enteredMaxima } from '../rules/entered-points.js';
import type { RuleSet } from './rule-set.js';

/**
 * A unit's statistics under a rule set, as zod: the fields are the rule set's declared inputs, so
 * the schema is made per rule set. The same schema is published as JSON Schema
 * (`unitsJsonSchema(ruleSet)`); `validateUnits` implements it field by field with bilingual
 * messages, and a property test holds the two to the same verdict.
 *
 * Beyond the schema, `validateUnits` checks what JSON Schema cannot say: unique ids and the
 * relations between fields (on time ≤ online ≤ total).
 */

/** The text fields every unit has, before its inputs. */
export const unitTextFields = ['id', 'name', 'group'] as const;

/** Entered points: a number, or a decimal string as typed, ≥ 0 — and at most the criterion's maximum, where it has one. */
const pointsValue = (max: string | undefined) =>
  max === undefined
    ? z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)])
    : z.union([
        z.number().nonnegative().max(Number(max)),
        z
          .string()
          .regex(/^\d+(\.\d+)?$/)
          .refine((v) => !aboveMaximum(v, max), `at most ${max}`),
      ]);

export function unitSchemaFor(ruleSet: RuleSet) {
  const shape: Record<string, z.ZodType> = {
    id: z.string().min(1).describe('Stable identifier, unique within the roster'),
    name: z.string().min(1).describe('Display name, e.g. "Xã Tam Xuân I"'),
    group: z.enum(ruleSet.groups.map((g) => g.id) as [string, ...string[]]).describe('Group id from the rule set'),
  };
  const maxima = enteredMaxima(ruleSet.score?.criteria);
  for (const input of ruleSet.inputs) {
    let field: z.ZodType;
    const points = pointsValue(maxima.get(input.id)?.max);
    if (input.kind === 'count') field = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
    else if (input.kind === 'points') field = input.notApplicable ? z.union([points, z.literal('x'), z.null()]) : points;
    else field = z.string();
    field = field.describe(`${input.label.vi} — ${input.label.en}`);
    shape[input.id] = input.optional || input.kind === 'text' ? field.optional() : field;
  }
  return z.object(shape).strict();
}

export function unitListSchemaFor(ruleSet: RuleSet) {
  return z.array(unitSchemaFor(ruleSet));
}

/**
 * One unit's statistics: its id, name and group, then the rule set's inputs — counts, entered
 * points (a number, a decimal string, or "x" / null for "not applicable") and comments.
 */
export interface UnitInput {
  /** Stable identifier, unique within the roster. */
  id: string;
  /** Display name, e.g. "Xã Tam Xuân I". */
  name: string;
  /** Group id from the rule set, e.g. "departments" (Nhóm 1) or "communes" (Nhóm 2). */
  group: string;
  [input: string]: string | number | null | undefined;
}
