import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnsFor, parseStatsFile } from '../src/index.js';
import { ruleSet as nuiThanh } from './fixtures.js';

const statsColumns = columnsFor(nuiThanh);
import { keyHeader, roster, ruleSet, unitRow, units, xlsxBytes } from './fixtures.js';

const viHeader = statsColumns.filter((c) => c.required).map((c) => c.titleVi);

describe('parseStatsFile — XLSX', () => {
  it('reads the first sheet of a real workbook, numbers as numbers, with the Vietnamese titles', async () => {
    const bytes = await xlsxBytes([viHeader, ...units.map(unitRow)]);
    const result = await parseStatsFile(bytes, { ruleSet, roster, fileName: 'so-lieu.xlsx' });
    expect(result.format).toBe('xlsx');
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual(units);
  });

  it('finds the header under a title row and reports problems with the row numbers Excel shows', async () => {
    const bytes = await xlsxBytes([
      ['BIỂU SỐ LIỆU GIẢI QUYẾT TTHC — THÁNG 6/2023'],
      [],
      ['STT', ...keyHeader],
      [1, ...unitRow(units[0]!)],
      [2, 'x', 'X', 'communes', 100, 80, 90, 0], // row 5: on time > online
      [3, 'y', 'Y', 'communes', 100, 80.5, 70, 0], // row 6: not a whole number
      [4, 'z', 'Z', 'communes', '1.000', '800', 'mười', 0], // row 7: text cells; "mười" is not a number
      [],
      [5, 'w', 'W', 'Nhóm 3', 10, 10, 10, 0], // row 9: unknown group
    ]);
    const result = await parseStatsFile(bytes, { ruleSet });
    expect(result.units).toEqual([]);
    expect(result.rowCount).toBe(5);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [5, 'resolved_online_on_time', 'on_time_exceeds_online'],
      [6, 'resolved_online', 'not_an_integer'],
      [7, 'resolved_online_on_time', 'not_a_count'],
      [9, 'group', 'unknown_group'],
    ]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ row: 3, column: 'STT', code: 'unknown_column' }));
  });

  it('reads formula results, rich text and numbers stored as text', async () => {
    const u = units[3]!;
    const bytes = await xlsxBytes([
      keyHeader,
      [
        { richText: [{ text: 'tt-' }, { text: 'nui-thanh', font: { bold: true } }] },
        u.name,
        'Nhóm 2',
        { formula: 'E2+300', result: 3200 },
        String(u.resolvedOnline),
        { formula: 'E2-50', result: 2850 },
        u.resolvedLate,
      ],
    ]);
    const result = await parseStatsFile(bytes, { ruleSet });
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual([u]);
  });

  it('applies a group name merged down several rows to each of them', async () => {
    const rows = [keyHeader, ...units.slice(0, 3).map(unitRow)];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số liệu');
    rows.forEach((r, i) => sheet.addRow(i === 0 || i === 1 ? r : r.map((v, c) => (c === 2 ? null : v))));
    sheet.mergeCells('C2:C4');
    sheet.getCell('C2').value = 'Nhóm 1';
    const result = await parseStatsFile(new Uint8Array(await workbook.xlsx.writeBuffer()), { ruleSet });
    expect(result.issues).toEqual([]);
    expect(result.units).toEqual(units.slice(0, 3));
  });

  it('checks the roster in XLSX too', async () => {
    const bytes = await xlsxBytes([keyHeader, ...units.slice(1).map(unitRow)]);
    const result = await parseStatsFile(bytes, { ruleSet, roster });
    expect(result.issues).toEqual([
      expect.objectContaining({ row: null, column: null, field: 'id', code: 'missing_unit' }),
    ]);
    expect(result.issues[0]?.message.en).toContain('phong-noi-vu');
  });

  it('refuses an empty workbook, a damaged one, and an Excel 97-2003 file', async () => {
    const empty = await parseStatsFile(await xlsxBytes([]), { ruleSet });
    expect(empty.issues).toEqual([expect.objectContaining({ code: 'empty_file' })]);

    const good = await xlsxBytes([keyHeader, unitRow(units[0]!)]);
    const damaged = await parseStatsFile(good.slice(0, 200), { ruleSet });
    expect(damaged.format).toBe('xlsx');
    expect(damaged.issues).toEqual([expect.objectContaining({ code: 'unreadable_file', row: null })]);

    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const xls = await parseStatsFile(ole, { ruleSet, fileName: 'so-lieu.xls' });
    expect(xls.issues).toEqual([expect.objectContaining({ code: 'unsupported_format' })]);

    const notZip = await parseStatsFile(new TextEncoder().encode('hello'), { ruleSet, fileName: 'so-lieu.xlsx' });
    expect(notZip.issues).toEqual([expect.objectContaining({ code: 'unreadable_file' })]);
  });
});
