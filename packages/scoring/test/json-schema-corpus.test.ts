/**
 * The published JSON Schemas accept exactly what the library accepts: a corpus of bad rule sets and
 * rosters goes through ajv (draft 2020-12) and through the library, and both must give the same
 * verdict. What JSON Schema cannot say — one part of a document referring to another (a metric
 * naming an input), unique ids, ascending brackets, relations between a unit's fields — is the
 * library's alone: those entries are marked `beyond`, the library must refuse them, and the
 * schema's own description must name the check, so that nobody relying on the schema is misled.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { nuiThanh2023, presets, ruleSetJsonSchema, thuyThanhCchc2022, unitsJsonSchema, validateRuleSet, validateUnits, type RuleSet } from '../src/index.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const ruleSetSchema = ruleSetJsonSchema();
const validRuleSet = ajv.compile(ruleSetSchema);

type Mutation = (rs: Record<string, any>) => void;
interface RuleSetCase {
  name: string;
  spoil: Mutation;
  /** A check JSON Schema cannot express: the words of the schema's description that name it. */
  beyond?: string;
}

const ruleSetCorpus: RuleSetCase[] = [
  { name: 'a version other than 2', spoil: (r) => (r.schemaVersion = 3) },
  { name: 'an unknown top-level key', spoil: (r) => (r.rankng = {}) },
  { name: 'a misspelt policy', spoil: (r) => (r.prizePolicy.mode = 'best-qualifed') },
  { name: 'a float where a decimal string belongs', spoil: (r) => (r.score.adjustments[1].brackets[0].value = 0.1) },
  { name: 'a negative prize amount', spoil: (r) => (r.groups[0].prizes[0].amountVnd = -1) },
  { name: 'a fractional prize amount', spoil: (r) => (r.groups[0].prizes[0].amountVnd = 10.5) },
  { name: 'no groups at all', spoil: (r) => (r.groups = []) },
  { name: 'no inputs at all', spoil: (r) => (r.inputs = []) },
  { name: 'an input of an unknown kind', spoil: (r) => (r.inputs[0].kind = 'money') },
  { name: 'an input id with a space', spoil: (r) => (r.inputs[0].id = 'resolved total') },
  { name: 'a metric of an unknown kind', spoil: (r) => (r.metrics[0].kind = 'average') },
  { name: 'a ratio metric without its empty-denominator policy', spoil: (r) => delete r.metrics[0].whenEmpty },
  { name: 'a criterion without a citation', spoil: (r) => delete r.score.criteria.citation },
  { name: 'a criterion scored an unknown way', spoil: (r) => (r.score.criteria.score.kind = 'quadratic') },
  { name: 'an adjustment of an unknown kind', spoil: (r) => (r.score.adjustments[0].kind = 'bonus') },
  { name: 'a rounding with 11 decimals', spoil: (r) => (r.score.rounding.decimals = 11) },
  { name: 'an unknown rounding mode', spoil: (r) => (r.score.rounding.mode = 'half-down') },
  { name: 'a citation without its sentence', spoil: (r) => delete r.groups[0].citation.text },
  { name: 'a date that is not YYYY-MM-DD', spoil: (r) => (r.period.start = '01/06/2023') },
  { name: 'a condition with an unknown operator', spoil: (r) => (r.groups[0].eligibility.conditions[0].op = '=>') },
  { name: 'a currency other than đồng', spoil: (r) => (r.currency = 'USD') },
  { name: 'a metric naming an input that is not declared', spoil: (r) => (r.metrics[0].of = ['resolvedOnlne']), beyond: 'every reference resolves' },
  { name: 'a criterion scored on a metric that is not declared', spoil: (r) => (r.score.criteria.score.metric = 'onTime'), beyond: 'every reference resolves' },
  { name: 'two inputs with one id', spoil: (r) => (r.inputs[1].id = r.inputs[0].id), beyond: 'ids are unique' },
  { name: 'brackets out of order', spoil: (r) => (r.score.adjustments[1].brackets[2].from = '100'), beyond: 'ascend' },
  { name: 'a prize without a prize policy', spoil: (r) => delete r.prizePolicy, beyond: 'prizes need a prize policy' },
  { name: 'a period that ends before it starts', spoil: (r) => (r.period.end = '2023-01-01'), beyond: 'the period does not end before it starts' },
  { name: 'a complement with a fallback denominator', spoil: (r) => Object.assign(r.metrics[0], { complement: true, perWhenEmpty: [r.inputs[0].id] }), beyond: 'a complement metric has no fallback denominator' },
  { name: 'a difference metric with nothing to take away', spoil: (r) => r.metrics.push({ id: 'pending', kind: 'difference', label: { vi: 'a', en: 'a' }, of: [r.inputs[0].id], less: [] }) },
  { name: 'an impossible date', spoil: (r) => (r.period.end = '2023-02-30'), beyond: 'dates are real dates' },
];

describe('rule sets: the published schema and the library agree', () => {
  test.each(Object.keys(presets))('both accept the preset %s', (id) => {
    const rs = JSON.parse(JSON.stringify(presets[id]));
    expect(validRuleSet(rs), JSON.stringify(validRuleSet.errors)).toBe(true);
    expect(validateRuleSet(rs).ok).toBe(true);
  });

  test.each(ruleSetCorpus.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const rs = JSON.parse(JSON.stringify(nuiThanh2023));
    c.spoil(rs);
    const library = validateRuleSet(rs);
    expect(library.ok, 'the library refuses it').toBe(false);
    for (const e of library.errors) expect(e.message.vi, 'a Vietnamese message').not.toBe(e.message.en);
    if (c.beyond) {
      expect(validRuleSet(rs), 'JSON Schema cannot see it').toBe(true);
      expect(String(ruleSetSchema.description), 'the schema says the library checks it').toContain(c.beyond);
    } else {
      expect(validRuleSet(rs), 'the schema refuses it too').toBe(false);
    }
  });
});

interface UnitCase {
  name: string;
  rules: RuleSet;
  units: unknown;
  beyond?: string;
}

const nt = (patch: Record<string, unknown>) => [
  { id: 'a', name: 'Xã A', group: 'communes', resolvedTotal: 10, resolvedOnline: 8, resolvedOnlineOnTime: 7, resolvedLate: 1, ...patch },
];
const tt = (patch: Record<string, unknown>) => {
  const unit: Record<string, unknown> = { id: 'a', name: 'Xã A', group: 'communes' };
  for (const i of thuyThanhCchc2022.inputs) if (i.kind === 'points' && !i.optional) unit[i.id] = 0.5;
  return [{ ...unit, p3_5_2: 'x', ...patch }];
};

const unitCorpus: UnitCase[] = [
  { name: 'Núi Thành: a valid unit', rules: nuiThanh2023, units: nt({}) },
  { name: 'Núi Thành: a count written as text', rules: nuiThanh2023, units: nt({ resolvedTotal: '10' }) },
  { name: 'Núi Thành: a negative count', rules: nuiThanh2023, units: nt({ resolvedLate: -1 }) },
  { name: 'Núi Thành: a fractional count', rules: nuiThanh2023, units: nt({ resolvedOnline: 7.5 }) },
  { name: 'Núi Thành: a missing count', rules: nuiThanh2023, units: nt({ resolvedTotal: undefined }) },
  { name: 'Núi Thành: an unknown field', rules: nuiThanh2023, units: nt({ ward: 'Tam Xuân' }) },
  { name: 'Núi Thành: an unknown group', rules: nuiThanh2023, units: nt({ group: 'wards' }) },
  { name: 'Núi Thành: an empty id', rules: nuiThanh2023, units: nt({ id: '' }) },
  { name: 'Núi Thành: not a list', rules: nuiThanh2023, units: nt({})[0] },
  { name: 'Núi Thành: more on time than online', rules: nuiThanh2023, units: nt({ resolvedOnlineOnTime: 9 }), beyond: 'resolvedOnlineOnTime <= resolvedOnline' },
  { name: 'Núi Thành: a split of online cases given by half', rules: nuiThanh2023, units: nt({ resolvedOnlineFull: 3 }), beyond: 'given together' },
  {
    name: 'Núi Thành: two units with one id',
    rules: nuiThanh2023,
    units: [...nt({}), ...nt({})],
    beyond: 'unit ids are unique',
  },
  { name: 'Thủy Thanh: valid entered points, decimals and "x"', rules: thuyThanhCchc2022, units: tt({ p1_6: '1.31', note1_6: 'đạt 87.5%' }) },
  { name: 'Thủy Thanh: "x" where the criterion cannot be not-applicable', rules: thuyThanhCchc2022, units: tt({ p1_1_1: 'x' }) },
  { name: 'Thủy Thanh: points written with a comma', rules: thuyThanhCchc2022, units: tt({ p1_6: '1,31' }) },
  { name: 'Thủy Thanh: negative points', rules: thuyThanhCchc2022, units: tt({ p1_6: -1 }) },
  { name: 'Thủy Thanh: a comment that is not text', rules: thuyThanhCchc2022, units: tt({ note1_6: 5 }) },
];

describe('unit lists: the published schema of each rule set and the library agree', () => {
  test.each(unitCorpus.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const schema = unitsJsonSchema(c.rules);
    const valid = ajv.compile(schema);
    const units = JSON.parse(JSON.stringify(c.units));
    const library = validateUnits(units, c.rules);
    const schemaOk = valid(units);
    if (c.beyond) {
      expect(library.ok, 'the library refuses it').toBe(false);
      expect(schemaOk, 'JSON Schema cannot see it').toBe(true);
      expect(String(schema.description)).toContain(c.beyond);
    } else {
      expect(schemaOk, JSON.stringify(valid.errors)).toBe(library.ok);
    }
  });
});
