import { presets, thuyThanhCchc2022, qd766y2022, type UnitInput } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { columnsFor, parseStatsFile, statisticsCsv, templateCsv } from '../src/index.js';

/**
 * Every rule set gets its own sheet: the columns are its declared inputs, titled in its own words,
 * and what the template writes the parser reads back.
 */
describe('the sheet of each rule set', () => {
  it.each(Object.keys(presets))('%s: the template’s header row is read back as every column', async (id) => {
    const ruleSet = presets[id]!;
    const columns = columnsFor(ruleSet);
    expect(columns.slice(0, 3).map((c) => c.key)).toEqual(['unit_id', 'unit_name', 'group']);
    expect(columns.slice(3).map((c) => c.field)).toEqual(ruleSet.inputs.map((i) => i.id));
    const text = new TextDecoder().decode(templateCsv({ ruleSet }));
    for (const input of ruleSet.inputs) expect(text).toContain(input.label.vi);
  });

  it('entered points: decimal commas, "x" where a criterion may not arise, comments as text', async () => {
    const ruleSet = thuyThanhCchc2022;
    const columns = columnsFor(ruleSet);
    const values: Record<string, string> = { unit_id: 'tt', unit_name: 'Xã Thủy Thanh', group: 'communes' };
    for (const c of columns) if (c.kind === 'points' && c.required) values[c.key] = '0,5';
    values.p3_5_2 = 'x';
    values.note1_6 = 'đã thực hiện 119/136 nhiệm vụ, đạt 87,5%';
    values.p1_6 = '1,31';
    const keys = Object.keys(values);
    const csv = `${keys.join(',')}\n${keys.map((k) => `"${values[k]}"`).join(',')}\n`;
    const parsed = await parseStatsFile(new TextEncoder().encode(csv), { ruleSet });
    expect(parsed.issues).toEqual([]);
    expect(parsed.units[0]).toMatchObject({ p1_6: '1.31', p3_5_2: 'x', p1_1_1: '0.5', note1_6: 'đã thực hiện 119/136 nhiệm vụ, đạt 87,5%' });
  });

  it('entered points: "x" where the criterion must be scored, and words, are refused by row and column', async () => {
    const ruleSet = thuyThanhCchc2022;
    const columns = columnsFor(ruleSet);
    const values: Record<string, string> = { unit_id: 'tt', unit_name: 'Xã Thủy Thanh', group: 'communes' };
    // Zero everywhere: within every criterion's maximum (some are 0.5).
    for (const c of columns) if (c.kind === 'points' && c.required) values[c.key] = '0';
    values.p1_1_1 = 'x';
    values.p1_2 = 'một';
    const keys = Object.keys(values);
    const csv = `${keys.join(',')}\n${keys.map((k) => values[k]).join(',')}\n`;
    const parsed = await parseStatsFile(new TextEncoder().encode(csv), { ruleSet });
    expect(parsed.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'p1_1_1', 'not_applicable_not_allowed'],
      [2, 'p1_2', 'not_points'],
    ]);
    for (const i of parsed.issues) expect(i.message.vi).not.toBe(i.message.en);
  });

  it('the 766 index: its sheet has every numerator and denominator, titled as the portal names them', () => {
    const titles = columnsFor(qd766y2022).map((c) => c.titleVi);
    expect(titles).toContain('Số hồ sơ đã và đang xử lý trước hạn, đúng hạn, trong hạn');
    expect(titles).toContain('Điểm Dịch vụ công trực tuyến (theo Cổng DVCQG)');
  });

  it('statisticsCsv writes units so that the upload reads them back unchanged: keys or Vietnamese titles, "x", comments', async () => {
    const units = JSON.parse(readFileSync(new URL('../../../docs/examples/thuy-thanh-cchc-2022.json', import.meta.url), 'utf8')) as UnitInput[];
    for (const headers of ['keys', 'titles'] as const) {
      const bytes = statisticsCsv(units, thuyThanhCchc2022, { headers });
      const parsed = await parseStatsFile(bytes, { ruleSet: thuyThanhCchc2022 });
      expect(parsed.issues).toEqual([]);
      const normal = (u: UnitInput) => Object.fromEntries(Object.entries(u).map(([k, v]) => [k, typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v]));
      expect(parsed.units.map(normal)).toEqual(units.map(normal));
    }
  });
});
