/**
 * The working says in words what a formula's arrows cannot: each empty-denominator rule (a share of
 * nothing counts as 0, as full marks, or has no value), the source's fallback denominator, and a
 * criterion that did not arise. The formula itself stays in no language ("0 / 0 → 0").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explain, nuiThanh2023, qd766y2022, thuyThanhCchc2022, validateRuleSet, type RuleSet, type UnitInput } from '../src/index.js';
import qd766Cases from './cases/qd766-2022.json' with { type: 'json' };
import thuyThanhCases from './cases/thuy-thanh-cchc-2022.json' with { type: 'json' };

const dti = validateRuleSet(JSON.parse(readFileSync(new URL('../../../docs/examples/adopters/dti-huyen-vi-du.rules.json', import.meta.url), 'utf8'))).ruleSet as RuleSet;
const so766 = qd766Cases.cases[0]?.units[0] as unknown as UnitInput;
const thuyThanh = (thuyThanhCases.cases[0]?.units as unknown as UnitInput[]).find((u) => u.id === 'thuy-thanh') as UnitInput;

interface Row {
  name: string;
  ruleSet: RuleSet;
  unit: UnitInput;
  step: string;
  formula: string;
  value: string | null;
  note: string | null;
  noteEn?: string;
}

const rows: Row[] = [
  {
    name: 'a share of nothing counting as 0 (DTI: no outgoing documents)',
    ruleSet: dti,
    unit: { id: 'd', name: 'D', group: 'xa', meetings: 5, docsSent: 0, docsSigned: 0, cases: 100, casesOnline: 100 },
    step: 'c2',
    formula: '30 × (0 / 0 → 0)',
    value: '0',
    note: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ tính bằng 0.',
    noteEn: 'The denominator is 0: by the metric\u2019s rule, the share counts as 0.',
  },
  {
    name: 'the same unit\u2019s shares with a denominator: no note',
    ruleSet: dti,
    unit: { id: 'd', name: 'D', group: 'xa', meetings: 5, docsSent: 0, docsSigned: 0, cases: 100, casesOnline: 100 },
    step: 'c3',
    formula: 'min(50, 50 × 100 / 100 / 0.8)',
    value: '50',
    note: null,
  },
  {
    name: 'full marks without petitions (QĐ 766 item 4.3)',
    ruleSet: qd766y2022,
    unit: so766,
    step: 'petitionsOnTime',
    formula: 'round(6 × (0 / 0 → 1), 2)',
    value: '6',
    note: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ tính là 100% (đủ điểm).',
  },
  {
    name: 'QĐ 766 item 1.4 falls back to the previous year\u2019s count',
    ruleSet: qd766y2022,
    unit: { ...so766, casesSynced: 0, casesToSync: 0, casesPreviousYear: 1200 },
    step: 'dossierSync',
    formula: 'round(6 × 0 / (0 → 1200), 2)',
    value: '0',
    note: 'Mẫu số của kỳ này bằng 0: theo văn bản, dùng mẫu số thay thế (số liệu năm trước liền kề).',
  },
  {
    name: 'QĐ 766 item 1.4 with no previous year either: 0, both rules said',
    ruleSet: qd766y2022,
    unit: { ...so766, casesSynced: 0, casesToSync: 0, casesPreviousYear: 0 },
    step: 'dossierSync',
    formula: 'round(6 × (0 / (0 → 0) → 0), 2)',
    value: '0',
    note: 'Mẫu số của kỳ này bằng 0: theo văn bản, dùng mẫu số thay thế (số liệu năm trước liền kề). Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ tính bằng 0.',
  },
  {
    name: 'a share with no value: the unit is not scored (Núi Thành, no cases resolved)',
    ruleSet: nuiThanh2023,
    unit: { id: 'x', name: 'X', group: 'communes', resolvedTotal: 0, resolvedOnline: 0, resolvedOnlineOnTime: 0, resolvedLate: 0 },
    step: 'onlineShare',
    formula: '(0 / 0 → —) × 100',
    value: null,
    note: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ không có giá trị nên đơn vị không được chấm điểm.',
  },
  {
    name: 'a criterion that did not arise ("x", Thủy Thanh 3.5.2)',
    ruleSet: thuyThanhCchc2022,
    unit: thuyThanh,
    step: '3.5.2',
    formula: 'x',
    value: '0',
    note: 'Không phát sinh: không chấm điểm và không tính vào điểm tối đa của tiêu chí trên.',
    noteEn: 'Did not arise: not scored, and not counted in the maximum of the criterion above.',
  },
];

describe('the working names the empty-denominator rule in words', () => {
  test.each(rows)('$name', (row) => {
    const step = explain(row.unit, row.ruleSet).steps.find((s) => s.id === row.step);
    expect(step, `step ${row.step}`).toBeDefined();
    expect(step?.formula).toBe(row.formula);
    expect(step?.value ?? null).toBe(row.value);
    expect(step?.note?.vi ?? null).toBe(row.note);
    if (row.noteEn) expect(step?.note?.en).toBe(row.noteEn);
  });
});
