import { describe, expect, it } from 'vitest';
import { cuongGian2024Targets, describeRuleSet, nuiThanh2023, presets, publishedFigures, qd766y2022, ScoringInputError, thuyThanhCchc2022 } from '../src/index.js';

/** The rule set in words, as the pages and the command line present it: read from the data only. */
describe('describeRuleSet', () => {
  it('Núi Thành 2023: each group\'s floors, prizes and budget, the tie rules and the published figures', () => {
    const d = describeRuleSet(nuiThanh2023);
    expect(d.scored).toBe(true);
    expect(d.figures.map((f) => f.id)).toEqual(['onlineShare', 'onTimeShare', 'lateShare', 'deduction', 'coefficient']);
    expect(d.figures.find((f) => f.id === 'onlineShare')).toMatchObject({ kind: 'metric', percent: true });
    const [departments, communes] = d.groups;
    expect(departments?.conditions.map((c) => c.text.vi)).toEqual(['Tỷ lệ trực tuyến ≥ 70%', 'Số hồ sơ trực tuyến ≥ 100']);
    expect(communes?.conditions.map((c) => c.text.en)).toEqual(['Online share ≥ 65%']);
    expect(departments?.budget).toBe(8_000_000);
    expect(communes?.budget).toBe(18_500_000);
    expect(communes?.prizes[0]?.conditions.map((c) => c.text.vi)).toEqual(['Tỷ lệ trực tuyến ≥ 70%']);
    expect(d.ties.map((t) => t.text.vi)).toEqual(['Tỷ lệ trực tuyến cao hơn', 'Số hồ sơ trực tuyến cao hơn']);
    expect(d.tiesCitation?.section).toBe('III.1');
    expect(d.moves.map((m) => m.id)).toEqual(['onTimeOnlineCase']);
  });

  it('the 766 index: classes by score; the CCHC index: criteria published by number; targets in words', () => {
    expect(describeRuleSet(qd766y2022).classes.map((c) => [c.id, c.min])).toEqual([
      ['xuat-sac', '90'],
      ['tot', '80'],
      ['kha', '70'],
      ['trung-binh', '50'],
      ['yeu', '0'],
    ]);
    const cchc = publishedFigures(thuyThanhCchc2022);
    expect(cchc.every((f) => f.kind === 'criterion' && f.max !== null)).toBe(true);
    const targets = describeRuleSet(cuongGian2024Targets);
    expect(targets.scored).toBe(false);
    expect(targets.targets[0]).toMatchObject({ id: 'online-70', text: { vi: 'Tỷ lệ trực tuyến ≥ 70%' }, move: { vi: 'hồ sơ nộp trực tuyến' } });
  });

  it('every preset describes itself; an invalid rule set is refused with its issues', () => {
    for (const rs of Object.values(presets)) expect(describeRuleSet(rs).ruleSetId).toBe(rs.id);
    expect(() => describeRuleSet({ ...nuiThanh2023, groups: [] })).toThrow(ScoringInputError);
  });
});
