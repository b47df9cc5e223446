import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import thuyThanhUnits from '../../../docs/examples/thuy-thanh-cchc-2022.json' with { type: 'json' };
import { nuiThanh2023, thuyThanhCchc2022, unitSchemaFor, validateUnits, type RuleSet } from '../src/index.js';

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

describe('entered points above their criterion\u2019s maximum', () => {
  const [unit] = thuyThanhUnits as unknown as Record<string, unknown>[];
  /** Around 1.0 (1.1.2's maximum), as numbers and as decimal text, including the far digits of text. */
  const aroundOne = fc.oneof(
    fc.double({ min: 0.9, max: 1.1, noNaN: true }),
    fc.constantFrom(1, 1.0, '1', '1.0', '1.000', '1.00000000000000001', '0.99999999999999999', '1.5', '0'),
    fc.integer({ min: 0, max: 1200 }).map((n) => (n / 1000).toFixed(3)),
  );

  it('are refused by validateUnits exactly when the schema refuses them, and exactly when they exceed 1.0', () => {
    fc.assert(
      fc.property(aroundOne, (v) => {
        const entered = { ...unit, p1_1_2: v };
        const byHand = validateUnits([entered], thuyThanhCchc2022);
        const bySchema = unitSchemaFor(thuyThanhCchc2022).safeParse(entered);
        const above = typeof v === 'number' ? v > 1 : Number(v) > 1 || v === '1.00000000000000001';
        expect(byHand.errors.map((e) => e.code)).toEqual(above ? ['above_maximum'] : []);
        expect(bySchema.success).toBe(!above);
      }),
      { numRuns: 400 },
    );
  });
});
