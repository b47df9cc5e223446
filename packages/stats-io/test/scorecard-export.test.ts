/**
 * The CCHC index as the province's usual sheet, read back with exceljs: one row per criterion in the
 * document's order with each unit's self-assessed points, appraised points and comment; a summary
 * sheet of totals and ranks, with each unit's rank by the groups the rule set ranks by.
 */
import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { evaluate, thuyThanhCchc2022, type Criterion, type UnitInput } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { scorecardXlsx, type ExportMeta } from '../src/index.js';
import { loadWorkbook } from './fixtures.js';

const document = JSON.parse(readFileSync(new URL('../../../docs/examples/thuy-thanh-cchc-2022.json', import.meta.url), 'utf8')) as UnitInput[];
// Thủy Thanh as the document gives it, and a second commune appraised 0.5 on 1.1.2 that states no sub-totals.
const selfInput = thuyThanhCchc2022.inputs.find((i) => i.id.startsWith('self'))?.id;
const withoutStated = Object.fromEntries(Object.entries(document[0] as UnitInput).filter(([k]) => !k.startsWith('stated')));
const units: UnitInput[] = [...document, { ...withoutStated, id: 'xa-b', name: 'Xã B (minh họa)', group: (document[0] as UnitInput).group, p1_1_2: 0.5, note1_1_2: 'Tài liệu kiểm chứng không đầy đủ' } as UnitInput];
const evaluation = evaluate(units, thuyThanhCchc2022);
const meta: ExportMeta = {
  ruleSet: thuyThanhCchc2022,
  status: 'final',
  asOf: '2022-12-31',
  inputSha256: 'cd'.repeat(32),
  sample: false,
  generatedAt: '2023-01-05T03:00:00.000Z',
  units,
  decision: { kind: 'Kế hoạch', number: '69/KH-UBND', date: '2022-12-12', signerName: 'Đặng Văn Hiệp', signerTitle: 'Phó Chủ tịch' },
};

/** The table of a sheet: its header row (the first whose first cell is the given title) and the rows below it. */
function table(sheet: ExcelJS.Worksheet, firstTitle: string): { header: string[]; rows: ExcelJS.CellValue[][] } {
  let headerAt = 0;
  sheet.eachRow((row, n) => {
    if (headerAt === 0 && row.getCell(1).value === firstTitle) headerAt = n;
  });
  const header = (sheet.getRow(headerAt).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: ExcelJS.CellValue[][] = [];
  for (let n = headerAt + 1; n <= sheet.rowCount; n++) rows.push((sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1));
  return { header, rows };
}

describe('the CCHC scorecard sheet', () => {
  it('one row per criterion in the document\u2019s order, each unit with its self-assessed and appraised points and comment', async () => {
    const workbook = await loadWorkbook(await scorecardXlsx(evaluation, meta));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Chấm điểm', 'Tổng hợp']);
    const { header, rows } = table(workbook.getWorksheet('Chấm điểm')!, 'Số TT');
    expect(header.slice(0, 3)).toEqual(['Số TT', 'Tiêu chí', 'Điểm tối đa']);
    expect(header.slice(3)).toEqual([
      'Xã Thủy Thanh — Tự đánh giá',
      'Xã Thủy Thanh — Thẩm định',
      'Xã Thủy Thanh — Nhận xét',
      'Xã B (minh họa) — Tự đánh giá',
      'Xã B (minh họa) — Thẩm định',
      'Xã B (minh họa) — Nhận xét',
    ]);
    const byNumber = new Map(rows.map((r) => [String(r[0]), r]));
    // The root, then I, then task 1 — the document's order.
    expect(rows.slice(0, 3).map((r) => String(r[0]))).toEqual(['CCHC', 'I', '1']);
    // Every criterion of the tree, once.
    const count = (c: Criterion): number => 1 + (c.children ?? []).reduce((n, x) => n + count(x), 0);
    expect(rows.filter((r) => r[0] !== null && r[0] !== undefined && r[0] !== '').length).toBe(count(thuyThanhCchc2022.score!.criteria));
    const c112 = byNumber.get('1.1.2')!;
    expect(c112.slice(1, 3)).toEqual(['Mức độ hoàn thành KH CCHC', 1]);
    expect(c112[4]).toBe(0.8);
    expect(c112[5]).toBe('hoàn thành 80%.');
    expect(c112[7]).toBe(0.5);
    expect(c112[8]).toBe('Tài liệu kiểm chứng không đầy đủ');
    // A criterion that did not arise reads "x".
    expect(byNumber.get('3.5.2')?.[4]).toBe('x');
    // The total as the document states it.
    expect(byNumber.get('CCHC')?.[4]).toBe(78.636);
    if (selfInput === undefined) expect(c112[3] ?? null).toBeNull();
  });

  it('the summary: totals, ranks, and each group\u2019s points and rank', async () => {
    const workbook = await loadWorkbook(await scorecardXlsx(evaluation, meta));
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const { header, rows } = table(sheet, 'Nhóm');
    expect(header).toEqual([
      'Nhóm',
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Tổng điểm',
      'I. Nhóm tiêu chí tự đánh giá — điểm',
      'I. Nhóm tiêu chí tự đánh giá — hạng',
      'II. Nhóm tiêu chí điều tra xã hội học — điểm',
      'II. Nhóm tiêu chí điều tra xã hội học — hạng',
    ]);
    const units = rows.filter((r) => r[2]);
    expect(units.map((r) => [r[1], r[2], r[4]])).toEqual(
      evaluation.units
        .slice()
        .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
        .map((u) => [u.rank, u.unitId, Number(u.score)]),
    );
    const b = units.find((r) => r[2] === 'xa-b')!;
    const tt = units.find((r) => r[2] === 'thuy-thanh')!;
    // B lost 0.3 on 1.1.2 and its sub-totals are the sums of its parts: second by total and by group I, equal by group II.
    expect([tt[6], b[6]]).toEqual([1, 2]);
    expect([tt[8], b[8]]).toEqual([1, 1]);
    // Final on its decision, said at the top of each sheet.
    let banner = '';
    sheet.eachRow((row) => {
      const v = String(row.getCell(1).value ?? '');
      if (v.startsWith('KẾT QUẢ CHÍNH THỨC')) banner = v;
    });
    expect(banner).toContain('theo Kế hoạch số 69/KH-UBND ngày 12/12/2022');
  });
});
