import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleRoundId } from '../src/demo/cchc-round-sample.js';
import { auth, dumpContent, useApp } from './helpers.js';

/**
 * A sheet of accounts and their units (issue 15), imported by the administrator: all or nothing,
 * every problem by row and column in both languages; new accounts get a password shown once,
 * existing ones gain the sheet's roles.
 */
describe('importing a sheet of accounts and their units', () => {
  const ctx = useApp();
  const csv = (rows: string[]) => Buffer.from(['Tên đăng nhập,Họ tên,Vai trò,Mã đợt thi đua,Mã đơn vị', ...rows].join('\r\n'), 'utf8');
  const send = (body: Buffer, type = 'text/csv') => ctx.app.inject({ method: 'POST', url: '/api/admin/accounts/import', headers: { ...auth, 'content-type': type }, payload: body });

  it('refuses the whole sheet, naming each row, column and reason, and stores nothing', async () => {
    const before = dumpContent(ctx.db.dbPath).accounts;
    const res = await send(
      csv([
        `can-bo-1,Nguyễn Thị Một,cán bộ đầu mối,${sampleRoundId},xa-01`,
        `can-bo-9,Trần Văn Chín,cán bộ đầu mối,${sampleRoundId},`,
        `to-1,Lê Thị Tổ,thủ quỹ,${sampleRoundId},`,
        `to-2,Lê Văn Hai,tổ giúp việc,khong-co,`,
        `can-bo-3,Phạm Thị Ba,cán bộ đầu mối,${sampleRoundId},xa-99`,
      ]),
    );
    expect(res.statusCode).toBe(422);
    const issues = res.json().issues as { row: number; field: string; message: { vi: string; en: string } }[];
    expect(issues.map((i) => [i.row, i.field, i.message.vi])).toEqual([
      [3, 'unitId', 'Cán bộ đầu mối phải có mã đơn vị'],
      [4, 'role', 'Vai trò "thủ quỹ" không có; dùng: cán bộ đầu mối, tổ giúp việc, hội đồng, tổng hợp số liệu, công bố'],
      [5, 'campaignId', 'Không có đợt thi đua "khong-co"'],
      [6, 'unitId', `Đợt thi đua "${sampleRoundId}" không có đơn vị "xa-99"`],
    ]);
    expect(dumpContent(ctx.db.dbPath).accounts).toEqual(before);
  });

  it('creates the accounts of an XLSX sheet with their units, and adds roles to an existing one', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tài khoản');
    sheet.addRow(['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Mã đợt thi đua', 'Mã đơn vị']);
    sheet.addRow(['can-bo-1', 'Nguyễn Thị Một', 'Cán bộ đầu mối', sampleRoundId, 'xa-01']);
    sheet.addRow(['to-1', 'Lê Thị Tổ', 'Tổ giúp việc', sampleRoundId, 'xa-01']);
    sheet.addRow(['to-1', 'Lê Thị Tổ', 'Tổ giúp việc', sampleRoundId, 'xa-02']);
    sheet.addRow(['admin', 'Quản trị viên', 'hội đồng', sampleRoundId, '']);
    const res = await send(Buffer.from(await book.xlsx.writeBuffer()), 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    const accounts = res.json().accounts as { account: { username: string; grants: unknown[] }; password?: string }[];
    expect(accounts.map((a) => [a.account.username, a.password !== undefined])).toEqual([
      ['can-bo-1', true],
      ['to-1', true],
      ['admin', false],
    ]);
    expect(accounts[0]?.account.grants).toEqual([{ role: 'officer', campaignId: sampleRoundId, unitId: 'xa-01' }]);
    expect(accounts[1]?.account.grants).toEqual([
      { role: 'appraiser', campaignId: sampleRoundId, unitId: 'xa-01' },
      { role: 'appraiser', campaignId: sampleRoundId, unitId: 'xa-02' },
    ]);
    expect(accounts[2]?.account.grants).toContainEqual({ role: 'council', campaignId: sampleRoundId });
    // The officer signs in with the password shown once.
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: { username: 'can-bo-1', password: accounts[0]?.password } });
    expect(login.statusCode).toBe(200);
  });
});
