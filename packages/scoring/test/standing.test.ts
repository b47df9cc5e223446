/**
 * Where a unit stands, said in words from the evaluation: its rank among the ranked units of its
 * group, its class, and, in a tie, the tie rule with the figures that decided it — or the figures the
 * units share. Every sentence comes with the rule set's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  describeRuleSet,
  evaluate,
  nuiThanh2023,
  standingContext,
  standingOf,
  thuyThanhCchc2022,
  tuyPhuoc2024,
  validateRuleSet,
  type RuleSet,
  type UnitInput,
} from '../src/index.js';
import adopters from './cases/adopters.json' with { type: 'json' };
import thuyThanhCases from './cases/thuy-thanh-cchc-2022.json' with { type: 'json' };

const file = (path: string) => validateRuleSet(JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'))).ruleSet as RuleSet;
const dti = file('docs/examples/adopters/dti-huyen-vi-du.rules.json');
const monthly = file('docs/examples/adopters/thong-ke-thang-vi-du.rules.json');
const unitsOf = (cases: { cases: { units: unknown }[] }, i: number) => cases.cases[i]?.units as UnitInput[];

function standing(units: UnitInput[], ruleSet: RuleSet, unitId: string) {
  const evaluation = evaluate(units, ruleSet, { gaps: false });
  const unit = evaluation.units.find((u) => u.unitId === unitId);
  const group = evaluation.groups.find((g) => g.id === unit?.groupId);
  if (!unit || !group) throw new Error(`no unit ${unitId}`);
  const names = new Map(evaluation.units.map((u) => [u.unitId, u.unitName]));
  return standingOf(unit, standingContext(group, unitId), describeRuleSet(ruleSet), (id) => names.get(id) ?? id);
}

interface Row {
  name: string;
  ruleSet: RuleSet;
  units: UnitInput[];
  unitId: string;
  vi: string[];
  en?: string[];
}

const rows: Row[] = [
  {
    name: 'DTI: a tie at 70 decided by the online share, the figures named; its class',
    ruleSet: dti,
    units: unitsOf(adopters, 0),
    unitId: 'xa-ea-tan',
    vi: [
      'Hạng 5/8 — Xã, thị trấn.',
      'Xếp loại: Tốt (từ 65 điểm).',
      'Bằng 70,00 điểm với Xã Diên Hồng; thứ tự theo Tỷ lệ trực tuyến cao hơn (Xã Diên Hồng 100,00%, Xã Ea Tân 80,00%).',
    ],
    en: [
      'Rank 5 of 8 — Communes.',
      'Class: Good (from 65 points).',
      'Equal at 70.00 with Xã Diên Hồng; ordered by higher Online share (Xã Diên Hồng 100.00%, Xã Ea Tân 80.00%).',
    ],
  },
  {
    name: 'DTI: a unit alone at its score has no tie sentence',
    ruleSet: dti,
    units: unitsOf(adopters, 0),
    unitId: 'xa-an-hoa',
    vi: ['Hạng 1/8 — Xã, thị trấn.', 'Xếp loại: Xuất sắc (từ 80 điểm).'],
  },
  {
    name: 'monthly: equal at 90, fewer cases carried forward first (a count, no unit)',
    ruleSet: monthly,
    units: unitsOf(adopters, 1),
    unitId: 'so-cong-thuong',
    vi: [
      'Hạng 3/4 — Sở, ngành.',
      'Bằng 90,00 điểm với Sở Xây dựng; thứ tự theo Chuyển kỳ sau thấp hơn (Sở Công Thương 39, Sở Xây dựng 48).',
    ],
  },
  {
    name: 'monthly: a unit with no cases is not ranked, and says why',
    ruleSet: monthly,
    units: unitsOf(adopters, 1),
    unitId: 'so-gtvt',
    vi: ['Không được xếp hạng (Sở, ngành): Không có hồ sơ trong kỳ.'],
  },
  {
    name: 'Thủy Thanh: two communes equal at 78.636 and no tie rule share rank 1',
    ruleSet: thuyThanhCchc2022,
    units: unitsOf(thuyThanhCases, 1),
    unitId: 'thuy-thanh',
    vi: [
      'Hạng 1/2 — Xã, phường.',
      'Theo I. Nhóm tiêu chí tự đánh giá: hạng 1/2 với 49,970/70 điểm.',
      'Theo II. Nhóm tiêu chí điều tra xã hội học: hạng 1/2 với 28,666/30 điểm.',
      'Đồng hạng 1 với Xã B: cùng 78,636 điểm.',
    ],
  },
  {
    name: 'Thủy Thanh: ranked by total and by each top-level group — a commune third by total is first by group I',
    ruleSet: thuyThanhCchc2022,
    units: [
      ...unitsOf(thuyThanhCases, 1),
      // Commune B with 2 points fewer on task 9 (group II): equal on group I, last on group II and on the total.
      { ...(unitsOf(thuyThanhCases, 1)[1] as UnitInput), id: 'xa-c', name: 'Xã C', p9: 26.666 },
    ],
    unitId: 'xa-c',
    vi: [
      'Hạng 3/3 — Xã, phường.',
      'Theo I. Nhóm tiêu chí tự đánh giá: hạng 1/3 với 49,970/70 điểm.',
      'Theo II. Nhóm tiêu chí điều tra xã hội học: hạng 3/3 với 26,666/30 điểm.',
    ],
  },
  {
    name: 'Núi Thành: a tie shared on the score and both tie rules names the equal figures',
    ruleSet: nuiThanh2023,
    units: [
      { id: 'a', name: 'Xã A', group: 'communes', resolvedTotal: 200, resolvedOnline: 160, resolvedOnlineOnTime: 150, resolvedLate: 0 },
      { id: 'b', name: 'Xã B', group: 'communes', resolvedTotal: 200, resolvedOnline: 160, resolvedOnlineOnTime: 150, resolvedLate: 0 },
    ],
    unitId: 'a',
    vi: ['Hạng 1/2 — Nhóm 2.', 'Đồng hạng 1 với Xã B: cùng 7,50 điểm, cùng Tỷ lệ trực tuyến 80,00%, Số hồ sơ trực tuyến 160.'],
  },
  {
    name: 'targets only: no rank, no class, nothing to say',
    ruleSet: tuyPhuoc2024,
    units: [{ id: 'tp', name: 'Tuy Phước', group: 'district', cases: 48254, casesOnline: 22574, fullOnlineOffered: 11212, fullOnline: 10682, partOnlineOffered: 14874, partOnline: 11602 }],
    unitId: 'tp',
    vi: [],
  },
];

describe('a unit\u2019s standing in words', () => {
  test.each(rows)('$name', (row) => {
    const s = standing(row.units, row.ruleSet, row.unitId);
    expect(s.lines.map((l) => l.text.vi)).toEqual(row.vi);
    if (row.en) expect(s.lines.map((l) => l.text.en)).toEqual(row.en);
  });

  test('each sentence quotes the rule set: the ranking and tie rule, the class scale', () => {
    const s = standing(unitsOf(adopters, 0), dti, 'xa-ea-tan');
    expect(s.lines.map((l) => l.citation?.section)).toEqual(['5', '6', '5']);
    expect(s.tie).toEqual({ unitIds: ['xa-dien-hong', 'xa-ea-tan'], shared: false, decidedBy: [0] });
    expect(s.class).toEqual({ id: 'tot', label: { vi: 'Tốt', en: 'Good' }, min: '65' });
  });

  test('the evaluation keeps each tied unit\u2019s figure on every tie rule, as published', () => {
    const group = evaluate(unitsOf(adopters, 1), monthly, { gaps: false }).groups[0];
    expect(group?.ties).toEqual([{ unitIds: ['so-cong-thuong', 'so-xay-dung'], decidedBy: [0], figures: [['39'], ['48']] }]);
  });
});
