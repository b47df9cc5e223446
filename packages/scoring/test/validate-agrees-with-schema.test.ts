import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nuiThanh2023, unitSchema, validateUnits } from '../src/index.js';

/**
 * validateUnits implements unitSchema by hand (for bilingual, per-field messages and speed);
 * the zod schema is what is published as JSON Schema. They must accept exactly the same units —
 * apart from the cross-field and roster rules only validateUnits knows (T ≤ O ≤ R, groups, ids).
 */
const anyCount = fc.oneof(
  fc.nat({ max: 5000 }),
  fc.integer({ min: -3, max: -1 }),
  fc.double({ min: 0, max: 10, noNaN: true }),
  fc.constant(Number.NaN),
  fc.constant('12'),
  fc.constant(null),
  fc.constant(undefined),
);

const anyUnit = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', ''), fc.constant(7)),
    name: fc.oneof(fc.constant('Xã A'), fc.constant('')),
    group: fc.constantFrom('communes', 'departments'),
    resolvedTotal: anyCount,
    resolvedOnline: anyCount,
    resolvedOnlineOnTime: anyCount,
    resolvedLate: anyCount,
    resolvedOnlineFull: anyCount,
    resolvedOnlinePartial: anyCount,
  },
  { requiredKeys: ['id', 'name', 'group'] },
);

describe('validateUnits agrees with the published zod schema', () => {
  it('rejects a single unit exactly when the schema does (field rules only)', () => {
    fc.assert(
      fc.property(anyUnit, (raw) => {
        const unit = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        const byHand = validateUnits([unit], nuiThanh2023);
        const fieldErrors = byHand.errors.filter(
          (e) =>
            ![
              'on_time_exceeds_online',
              'online_exceeds_total',
              'late_exceeds_total',
              'on_time_plus_late_exceeds_total',
              'full_partial_mismatch',
              'full_partial_incomplete',
            ].includes(e.code),
        );
        const bySchema = unitSchema.safeParse(unit);
        expect(fieldErrors.length === 0).toBe(bySchema.success);
      }),
      { numRuns: 500 },
    );
  });
});
