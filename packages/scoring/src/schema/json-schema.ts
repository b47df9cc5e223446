import { z } from 'zod';
import { ruleSetSchema } from './rule-set.js';
import { unitListSchema } from './units.js';

/** JSON Schema (draft 2020-12) of the unit list, generated from the same zod schema that validates. */
export function unitsJsonSchema(): Record<string, unknown> {
  return { title: 'Unit statistics (@thidua/scoring)', ...z.toJSONSchema(unitListSchema) };
}

/** JSON Schema (draft 2020-12) of a rule set. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return { title: 'Rule set (@thidua/scoring)', ...z.toJSONSchema(ruleSetSchema) };
}
