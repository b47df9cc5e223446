import ExcelJS from 'exceljs';
import { nuiThanh2023, qd766y2022 } from '@thidua/scoring';
import { describe, expect, it } from 'vitest';
import { checkRoster, parseRosterFile, templateCsv } from '../src/index.js';

const csv = (text: string) => new TextEncoder().encode(text);

describe('the roster as a sheet', () => {
  it('reads id, name and group (titles or keys, group names or ids), ignoring other columns', async () => {
    const parsed = await parseRosterFile(
      csv('\uFEFFMã đơn vị,Tên đơn vị,Nhóm,Ghi chú\r\ntam-hai,Xã Tam Hải,Nhóm 2,ven biển\r\nphong-y-te,Phòng Y tế,departments,\r\n\r\n'),
      { ruleSet: nuiThanh2023 },
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.roster).toEqual([
      { id: 'tam-hai', name: 'Xã Tam Hải', group: 'communes' },
      { id: 'phong-y-te', name: 'Phòng Y tế', group: 'departments' },
    ]);
  });

  it('an XLSX roster with a title row above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['DANH SÁCH ĐƠN VỊ THAM GIA']);
    sheet.addRow(['unit_id', 'unit_name', 'group']);
    sheet.addRow(['nui-thanh', 'Huyện Núi Thành', 'Địa phương']);
    sheet.addRow(['so-tu-phap', 'Sở Tư pháp', 'Sở, ngành']);
    const parsed = await parseRosterFile(new Uint8Array(await workbook.xlsx.writeBuffer()), { ruleSet: qd766y2022, fileName: 'ds.xlsx' });
    expect(parsed.issues).toEqual([]);
    expect(parsed.roster.map((u) => u.group)).toEqual(['districts', 'departments']);
  });

  it('every problem by row and column: a bad id, a repeated id, a missing name, an unknown group', async () => {
    const parsed = await parseRosterFile(
      csv('Mã đơn vị,Tên đơn vị,Nhóm\r\nxã tam hải,Xã Tam Hải,Nhóm 2\r\ntam-tien,Xã Tam Tiến,Nhóm 2\r\ntam-tien,,Nhóm 2\r\ntam-son,Xã Tam Sơn,Nhóm 9\r\n'),
      { ruleSet: nuiThanh2023 },
    );
    expect(parsed.roster).toEqual([]);
    expect(parsed.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Mã đơn vị', 'invalid_unit_id'],
      [4, 'Mã đơn vị', 'duplicate_unit'],
      [4, 'Tên đơn vị', 'missing_name'],
      [5, 'Nhóm', 'unknown_group'],
    ]);
    expect(parsed.issues[3]?.message.en).toContain('Group "Nhóm 9" is not in the rule set');
  });

  it('a sheet without the id column is refused as a whole; the blank template is a roster of nobody', async () => {
    const parsed = await parseRosterFile(csv('Tên,Nhóm\r\nA,Nhóm 2\r\n'), { ruleSet: nuiThanh2023 });
    expect(parsed.issues.map((i) => i.code)).toEqual(['missing_column', 'missing_column', 'missing_column']);
    const blank = await parseRosterFile(templateCsv({ ruleSet: nuiThanh2023 }), { ruleSet: nuiThanh2023 });
    expect(blank.issues.map((i) => i.code)).toEqual(['no_data_rows']);
  });

  it('checkRoster holds a roster from anywhere to the same rules', () => {
    expect(checkRoster([{ id: 'a', name: 'A', group: 'communes' }, { id: 'a', name: ' ', group: 'x' }], nuiThanh2023).map((p) => [p.index, p.field, p.code])).toEqual([
      [1, 'id', 'duplicate_unit'],
      [1, 'name', 'missing_name'],
      [1, 'group', 'unknown_group'],
    ]);
  });
});
