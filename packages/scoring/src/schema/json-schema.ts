import { z } from 'zod';
import { reservedFigureIds } from './rule-set-checks.js';
import { ruleSetSchema, type RuleSet } from './rule-set.js';
import { unitListSchemaFor } from './units.js';

/**
 * The published JSON Schemas (draft 2020-12), generated from the very zod schemas the library
 * validates with. What JSON Schema cannot say is named in each schema's description; the library
 * checks it (see docs/library.md, "What the schemas do not check").
 */

const ruleSetBeyond = [
  'every reference resolves (inputs, metrics, criteria, moves, sources)',
  'ids are unique, and inputs, metrics, criteria and adjustments share one namespace',
  `the ids ${reservedFigureIds.join(', ')} are reserved`,
  'brackets and points tables ascend, class levels descend',
  'a parent criterion has children and no score, a leaf the reverse; weights only under a weighted parent',
  'a rule set with a score has a ranking; prizes need a prize policy; deductions with multipliers need a combination',
  'dates are real dates and the period does not end before it starts',
  'a complement metric has no fallback denominator',
];

/** The schema with its root definition (zod files a schema with an id under $defs) at the top. */
function rootInline(schema: Record<string, unknown>, id: string): Record<string, unknown> {
  const defs = { ...(schema.$defs as Record<string, Record<string, unknown>> | undefined) };
  if (schema.$ref !== `#/$defs/${id}` || !defs[id]) return schema;
  const root = defs[id];
  delete defs[id];
  const { $ref: _ref, $defs: _defs, ...rest } = schema;
  return { ...rest, ...root, $defs: defs };
}

/** JSON Schema (draft 2020-12) of a rule set, version 2. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...rootInline(z.toJSONSchema(ruleSetSchema, { unrepresentable: 'any' }) as Record<string, unknown>, 'RuleSet'),
    title: 'Rule set, version 2 (@thidua/scoring)',
    description: `A rule set: inputs, metrics, criteria, adjustments and outcomes, each cited. Beyond this schema the library checks that ${ruleSetBeyond.join('; ')}.`,
  };
}

/**
 * JSON Schema (draft 2020-12) of a unit list under a rule set: the rule set's inputs are the fields.
 * Unique ids and the relations between fields are beyond JSON Schema; the library checks them.
 */
export function unitsJsonSchema(ruleSet: RuleSet): Record<string, unknown> {
  const relations = ruleSet.relations.map((r) => (r.kind === 'together' ? `${r.fields.join(' and ')} given together` : `${r.left.join(' + ')} ${r.op} ${r.right.join(' + ')} (${r.severity})`));
  return {
    ...z.toJSONSchema(unitListSchemaFor(ruleSet)),
    title: `Unit statistics for rule set "${ruleSet.id}" (@thidua/scoring)`,
    description: `One object per unit. Beyond this schema the library checks that unit ids are unique${relations.length ? ` and that ${relations.join('; ')}` : ''}.`,
  };
}
