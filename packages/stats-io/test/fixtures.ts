import ExcelJS from 'exceljs';
import { nuiThanh2023, type UnitInput } from '@thidua/scoring';
import type { RosterEntry } from '../src/index.js';

export const ruleSet = nuiThanh2023;

/** A small roster of real Núi Thành units (Nhóm 1: departments, Nhóm 2: communes). */
export const roster: RosterEntry[] = [
  { id: 'phong-noi-vu', name: 'Phòng Nội vụ', group: 'departments' },
  { id: 'phong-tu-phap', name: 'Phòng Tư pháp', group: 'departments' },
  { id: 'phong-tn-mt', name: 'Phòng Tài nguyên và Môi trường', group: 'departments' },
  { id: 'tt-nui-thanh', name: 'Thị trấn Núi Thành', group: 'communes' },
  { id: 'tam-xuan-1', name: 'Xã Tam Xuân I', group: 'communes' },
  { id: 'tam-xuan-2', name: 'Xã Tam Xuân II', group: 'communes' },
  { id: 'tam-anh-bac', name: 'Xã Tam Anh Bắc', group: 'communes' },
  { id: 'tam-anh-nam', name: 'Xã Tam Anh Nam', group: 'communes' },
  { id: 'tam-hiep', name: 'Xã Tam Hiệp', group: 'communes' },
];

/**
 * Statistics for the roster, chosen so the evaluation has every case an export must show:
 * awarded prizes, an ineligible unit (Phòng Tư pháp: 60 % online), vacant department prizes, and
 * two communes tied at rank 3 (identical figures) straddling the third and encouragement prizes.
 */
export const units: UnitInput[] = [
  { id: 'phong-noi-vu', name: 'Phòng Nội vụ', group: 'departments', resolvedTotal: 1200, resolvedOnline: 1000, resolvedOnlineOnTime: 980, resolvedLate: 25 },
  { id: 'phong-tu-phap', name: 'Phòng Tư pháp', group: 'departments', resolvedTotal: 500, resolvedOnline: 300, resolvedOnlineOnTime: 290, resolvedLate: 10 },
  { id: 'phong-tn-mt', name: 'Phòng Tài nguyên và Môi trường', group: 'departments', resolvedTotal: 800, resolvedOnline: 720, resolvedOnlineOnTime: 700, resolvedLate: 20 },
  { id: 'tt-nui-thanh', name: 'Thị trấn Núi Thành', group: 'communes', resolvedTotal: 3200, resolvedOnline: 2900, resolvedOnlineOnTime: 2850, resolvedLate: 55 },
  { id: 'tam-xuan-1', name: 'Xã Tam Xuân I', group: 'communes', resolvedTotal: 2000, resolvedOnline: 1700, resolvedOnlineOnTime: 1650, resolvedLate: 55 },
  { id: 'tam-xuan-2', name: 'Xã Tam Xuân II', group: 'communes', resolvedTotal: 1000, resolvedOnline: 800, resolvedOnlineOnTime: 780, resolvedLate: 20 },
  { id: 'tam-anh-bac', name: 'Xã Tam Anh Bắc', group: 'communes', resolvedTotal: 1000, resolvedOnline: 800, resolvedOnlineOnTime: 780, resolvedLate: 20 },
  { id: 'tam-anh-nam', name: 'Xã Tam Anh Nam', group: 'communes', resolvedTotal: 700, resolvedOnline: 500, resolvedOnlineOnTime: 480, resolvedLate: 20 },
  { id: 'tam-hiep', name: 'Xã Tam Hiệp', group: 'communes', resolvedTotal: 900, resolvedOnline: 500, resolvedOnlineOnTime: 490, resolvedLate: 10 },
];

export const keyHeader = [
  'unit_id',
  'unit_name',
  'group',
  'resolved_total',
  'resolved_online',
  'resolved_online_on_time',
  'resolved_late',
];

export function unitRow(u: UnitInput): (string | number)[] {
  return [u.id, u.name, u.group, u.resolvedTotal as number, u.resolvedOnline as number, u.resolvedOnlineOnTime as number, u.resolvedLate as number];
}

/** CSV text → bytes, optionally with a UTF-8 BOM. */
export function csvBytes(lines: string[], { bom = false, eol = '\n' } = {}): Uint8Array {
  return new TextEncoder().encode((bom ? '\uFEFF' : '') + lines.join(eol) + eol);
}

/** A real XLSX file written by exceljs: rows are written from row 1 (null leaves a cell empty). */
export async function xlsxBytes(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== null && v !== undefined) sheet.getCell(r + 1, c + 1).value = v;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}
