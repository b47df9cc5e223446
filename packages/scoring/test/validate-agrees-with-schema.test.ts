import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nuiThanh2023, unitSchemaFor, validateUnits, type RuleSet } from '../src/index.js';

/**
 * validateUnits implements `unitSchemaFor(ruleSet)` by hand (for bilingual, per-field messages and
 * speed); the zod schema is what is published as JSON Schema. They must accept exactly the same
 * units — apart from what only validateUnits knows: the relations between fields and unique ids.
 */
const anyCount = fc.oneof(
  fc.nat({ max: 5000 }),
  fc.integer({ min: -3, max: -1 }),
  fc.double({ min: 0, max: 10, noNaN: true }),
  fc.constant(Number.NaN),
  fc.constant('12'),
  fc.constant('x'),
  fc.constant('1.5'),
  fc.constant(null),
  fc.constant(undefined),
);

/** A small rule set with every kind of input: counts, points (one allowing "x"), a comment. */
const pointsRules: RuleSet = {
  ...nuiThanh2023,
  id: 'points-example',
  inputs: [
    ...nuiThanh2023.inputs,
    { id: 'p1', label: { vi: 'Điểm 1', en: 'Points 1' }, kind: 'points' },
    { id: 'p2', label: { vi: 'Điểm 2', en: 'Points 2' }, kind: 'points', notApplicable: true },
    { id: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'text' },
  ],
};

const anyUnit = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', ''), fc.constant(7)),
    name: fc.oneof(fc.constant('Xã A'), fc.constant('')),
    group: fc.constantFrom('communes', 'departments', 'wards'),
    resolvedTotal: anyCount,
    resolvedOnline: anyCount,
    resolvedOnlineOnTime: anyCount,
    resolvedLate: anyCount,
    resolvedOnlineFull: anyCount,
    resolvedOnlinePartial: anyCount,
    p1: anyCount,
    p2: anyCount,
    note: fc.oneof(fc.constant('ok'), fc.constant(3)),
    extra: fc.constant(1),
  },
  { requiredKeys: ['id', 'name'] },
);

/** The problems only validateUnits knows of. */
const beyondTheSchema = new Set(['duplicate_id', 'empty_id', 'empty_name', ...nuiThanh2023.relations.map((r) => r.code)]);

describe('validateUnits agrees with the published schema of the units', () => {
  it.each([
    ['Núi Thành 2023', nuiThanh2023, false],
    ['a rule set with entered points and comments', pointsRules, true],
  ] as const)('rejects a unit exactly when the schema does: %s', (_, rules, withPoints) => {
    fc.assert(
      fc.property(anyUnit, (raw) => {
        const unit = Object.fromEntries(
          Object.entries(raw).filter(([k, v]) => v !== undefined && (withPoints || !['p1', 'p2', 'note'].includes(k))),
        );
        const byHand = validateUnits([unit], rules).errors.filter((e) => !beyondTheSchema.has(e.code));
        const bySchema = unitSchemaFor(rules).safeParse(unit);
        // The schema says "non-empty" for id and name; validateUnits says it in its own words.
        const emptyText = unit.id === '' || unit.name === '';
        expect(byHand.length === 0 && !emptyText).toBe(bySchema.success);
      }),
      { numRuns: 800 },
    );
  });
});
