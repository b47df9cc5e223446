import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { evaluate, nuiThanh2023, verifyAwardBundle, type Evaluation, type UnitInput } from '@thidua/scoring';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { uploadResultSchema } from '../src/contract.js';
import { api, auditLines, auth, csvHeaders, nuiThanhCampaignFile, testCampaignId, startApp, statisticsCsv, statsFor, tempDb, finalizeRequest } from './helpers.js';

const T = (path: string) => api(testCampaignId, path);

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
/** The evaluation as the leaderboard publishes it: without the units' gaps (the unit endpoint has them). */
const published = (e: Evaluation) => json({ ...e, units: e.units.map(({ gaps: _gaps, ...u }) => u) });

async function statsXlsx(units: UnitInput[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['unit_id', 'unit_name', 'group', 'resolved_total', 'resolved_online', 'resolved_online_on_time', 'resolved_late']);
  for (const u of units) ws.addRow([u.id, u.name, u.group, u.resolvedTotal, u.resolvedOnline, u.resolvedOnlineOnTime, u.resolvedLate]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fileName: string, type: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----thidua-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Reads an export's table back: the rows under the header row whose first cell is `firstTitle`. */
async function readTable(bytes: Buffer, firstTitle: string): Promise<{ lines: string[]; rows: Record<string, unknown>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const lines: string[] = [];
  let header: string[] | null = null;
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (!header) {
      if (values[0] === firstTitle) header = values.map(String);
      else lines.push(values.filter((v) => v !== null && v !== undefined).map(String).join(' '));
      return;
    }
    if (values.every((v) => v === null || v === undefined)) {
      header = ['__done__'];
      return;
    }
    if (header[0] === '__done__') return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return { lines, rows };
}

describe('upload → leaderboard → exports', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const july = statsFor(nuiThanhRoster, 2, 1);
  const august = statsFor(nuiThanhRoster, 3, 1);
  const augustFixed = statsFor(nuiThanhRoster, 3, 2);

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('a campaign file starts with no snapshots and nothing to export', async () => {
    const board = (await app.inject(T('leaderboard'))).json();
    expect(board).toMatchObject({ snapshot: null, evaluation: null, previousSnapshot: null, status: 'provisional' });
    expect(board.campaign).toMatchObject({ id: 'nui-thanh-2023-test', sample: false });
    const exp = await app.inject(T('export/awards.csv'));
    expect(exp.statusCode).toBe(404);
    expect(exp.json().error).toBe('no_snapshot');
  });

  it('a dry run evaluates the file and stores nothing', async () => {
    const before = auditLines(db.dbPath).length;
    const res = await app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-07-31&dryRun=1'),
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(july)),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, snapshot: null, rowCount: 29, issues: [] });
    expect(uploadResultSchema.parse(body)).toEqual(body);
    expect(body.evaluation).toEqual(json(evaluate(july, nuiThanh2023, { gaps: false })));
    expect((await app.inject(T('snapshots'))).json().snapshots).toEqual([]);
    expect(auditLines(db.dbPath).length).toBe(before);
  });

  it('a raw CSV upload is stored with its hash and served as the leaderboard', async () => {
    const bytes = Buffer.from(statisticsCsv(july));
    const res = await app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-07-31'),
      headers: { ...auth, ...csvHeaders, 'x-file-name': encodeURIComponent('số liệu tháng 7.csv') },
      payload: bytes,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(uploadResultSchema.parse(body)).toEqual(body);
    expect(body.snapshot).toMatchObject({
      asOf: '2023-07-31',
      sourceFileName: 'số liệu tháng 7.csv',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rowCount: 29,
      createdBy: 'Quản trị viên',
      state: 'live',
      retracted: false,
      sample: false,
    });
    const board = (await app.inject(T('leaderboard'))).json();
    expect(board.snapshot).toEqual(body.snapshot);
    expect(board.evaluation).toEqual(published(evaluate(july, nuiThanh2023)));
    expect(board.previousSnapshot).toBeNull();
    expect(board.rankChanges).toEqual({});
    expect(auditLines(db.dbPath).at(-1)).toMatchObject({ action: 'snapshot_published', outcome: 'ok' });
  });

  it('a multipart XLSX upload becomes the next snapshot, with rank changes against July', async () => {
    const { payload, headers } = multipart('thang-8.xlsx', xlsxType, await statsXlsx(august));
    const res = await app.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-08-31'), headers: { ...auth, ...headers }, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().snapshot).toMatchObject({ asOf: '2023-08-31', sourceFileName: 'thang-8.xlsx' });
    const board = (await app.inject(T('leaderboard'))).json();
    expect(board.previousSnapshot.asOf).toBe('2023-07-31');
    const julyEval = evaluate(july, nuiThanh2023);
    const augEval = evaluate(august, nuiThanh2023);
    expect(board.evaluation).toEqual(published(augEval));
    for (const u of augEval.units) {
      const prev = julyEval.units.find((p) => p.unitId === u.unitId)?.rank ?? null;
      if (u.rank === null || prev === u.rank) expect(board.rankChanges[u.unitId]).toBeUndefined();
      else expect(board.rankChanges[u.unitId]).toEqual({ previousRank: prev, change: prev === null ? null : prev - u.rank });
    }
  });

  it('the award list XLSX carries the evaluation’s amounts, subtotals and total in đồng', async () => {
    const board = (await app.inject(T('leaderboard'))).json() as { evaluation: Evaluation; snapshot: { sha256: string } };
    const res = await app.inject(T('export/awards.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(xlsxType);
    expect(res.headers['content-disposition']).toContain('2023-08-31');
    const { lines, rows } = await readTable(res.rawPayload, 'Nhóm');
    expect(lines.join('\n')).toContain('Tạm tính');
    expect(lines.join('\n')).toContain(board.snapshot.sha256);
    expect(lines.join('\n')).not.toContain('MINH HỌA');
    const awarded = rows.filter((r) => typeof r['Mã đơn vị'] === 'string');
    const expected = board.evaluation.groups.flatMap((g) => g.prizes.map((p) => ({ unitId: p.unitId, amount: p.amount })));
    expect(awarded.map((r) => ({ unitId: r['Mã đơn vị'], amount: r['Số tiền (đồng)'] }))).toEqual(expected);
    // Totals are formulas whose cached results are the library's figures.
    const amount = (r: Record<string, unknown> | undefined) => (r?.['Số tiền (đồng)'] as { result?: number } | undefined)?.result;
    const total = rows.find((r) => String(r['Nhóm']).startsWith('Tổng cộng'));
    expect(amount(total)).toBe(board.evaluation.totalAwarded);
    for (const g of board.evaluation.groups) {
      const subtotal = rows.find((r) => String(r['Giải']).startsWith('Cộng') && amount(r) === g.totalAwarded);
      expect(subtotal).toBeDefined();
    }
  });

  it('the ranking XLSX lists every unit with the evaluation’s score; the CSV has a BOM', async () => {
    const board = (await app.inject(T('leaderboard'))).json() as { evaluation: Evaluation };
    const { rows } = await readTable((await app.inject(T('export/ranking.xlsx'))).rawPayload, 'Nhóm');
    expect(rows.length).toBe(board.evaluation.units.length);
    for (const u of board.evaluation.units) {
      const row = rows.find((r) => r['Mã đơn vị'] === u.unitId);
      expect(row?.['Điểm']).toBe(u.score === null ? null : Number(u.score));
      expect(row?.['Hạng']).toBe(u.rank);
    }
    const csv = await app.inject(T('export/ranking.csv'));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain('Xã Tam Xuân I');
  });

  it('the award bundle verifies against the uploaded file', async () => {
    const res = await app.inject(T('export/award-bundle.json?asOf=2023-07-31'));
    expect(res.statusCode).toBe(200);
    const verification = await verifyAwardBundle(res.json(), { inputBytes: statisticsCsv(july) });
    expect(verification.issues).toEqual([]);
    expect(verification.ok).toBe(true);
  });

  it('re-uploading an as-of date supersedes the earlier snapshot; both are kept and audited', async () => {
    const res = await app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-08-31'),
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(augustFixed)),
    });
    expect(res.statusCode).toBe(201);
    const newId = res.json().snapshot.id as number;
    const { snapshots } = (await app.inject(T('snapshots'))).json();
    expect(snapshots.map((s: { asOf: string; superseded: boolean }) => [s.asOf, s.superseded])).toEqual([
      ['2023-08-31', false],
      ['2023-08-31', true],
      ['2023-07-31', false],
    ]);
    expect((await app.inject(T('leaderboard'))).json().evaluation).toEqual(published(evaluate(augustFixed, nuiThanh2023)));
    expect(auditLines(db.dbPath).at(-1)?.detail.supersedes).toBe(snapshots[1].id);

    // Retracting the correction brings the first August upload back.
    const del = await app.inject({ method: 'DELETE', url: T(`admin/snapshots/${newId}`), headers: auth });
    expect(del.statusCode).toBe(200);
    expect(del.json().snapshot).toMatchObject({ id: newId, retracted: true });
    const after = (await app.inject(T('leaderboard'))).json();
    expect(after.snapshot.id).toBe(snapshots[1].id);
    expect(after.evaluation).toEqual(published(evaluate(august, nuiThanh2023)));
    expect((await app.inject({ method: 'DELETE', url: T(`admin/snapshots/${newId}`), headers: auth })).json().error).toBe('already_retracted');
  });

  it('accepts the downloaded XLSX template once an official fills it in', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await app.inject(T('template.xlsx'))).rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Số liệu');
    if (!sheet) throw new Error('no "Số liệu" sheet');
    const titles = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const col = (title: string) => titles.indexOf(title);
    const september = statsFor(nuiThanhRoster, 4, 3);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const unit = september.find((u) => u.id === row.getCell(col('Mã đơn vị')).value);
      if (!unit) return;
      row.getCell(col('Tổng số hồ sơ đã giải quyết')).value = unit.resolvedTotal;
      row.getCell(col('Số hồ sơ giải quyết trực tuyến (toàn trình, một phần)')).value = unit.resolvedOnline;
      row.getCell(col('Số hồ sơ trực tuyến đúng hạn, trước hạn')).value = unit.resolvedOnlineOnTime;
      row.getCell(col('Số hồ sơ trễ hạn')).value = unit.resolvedLate;
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-09-30&dryRun=1'),
      headers: { ...auth, 'content-type': xlsxType },
      payload: filled,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evaluation).toEqual(json(evaluate(september, nuiThanh2023, { gaps: false })));
  });

  it('finalising freezes the result: exports say final, changes are refused with 409', async () => {
    const res = await app.inject(finalizeRequest(T('admin/finalize')));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'final', snapshot: { asOf: '2023-08-31' } });
    expect((await app.inject(T('leaderboard'))).json().status).toBe('final');
    expect((await app.inject(T('leaderboard?asOf=2023-07-31'))).json().status).toBe('provisional');
    const csv = (await app.inject(T('export/awards.csv'))).body;
    expect(csv).toContain('Chính thức');
    expect(csv).toContain('KẾT QUẢ CHÍNH THỨC theo Quyết định số 125/QĐ-UBND ngày 15/01/2024');
    // For Excel in Vietnamese: ";" and decimal commas, and a name that says so.
    const vn = await app.inject(T('export/ranking.csv?dialect=excel-vn'));
    expect(vn.headers['content-disposition']).toMatch(/-chinh-thuc-excel-vn\.csv/);
    expect(vn.body).toMatch(/;\d+,\d{2};/);
    expect((await app.inject(T('export/ranking.csv?dialect=semicolons'))).statusCode).toBe(400);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await app.inject(T('export/awards.xlsx'))).rawPayload as never);
    const cells: string[] = [];
    xlsx.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(typeof c.value === 'object' && c.value && 'formula' in c.value ? `=${c.value.formula}` : c.value))));
    expect(cells).toContain('KẾT QUẢ CHÍNH THỨC theo Quyết định số 125/QĐ-UBND ngày 15/01/2024 (final, decision 125/QĐ-UBND of 2024-01-15)');
    expect(cells.some((c) => /^=SUM\(G\d+:G\d+\)$/.test(c))).toBe(true);
    expect(cells).toContain('Nguyễn Văn Bình');
    const upload = await app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-09-30'),
      headers: { ...auth, ...csvHeaders },
      payload: Buffer.from(statisticsCsv(augustFixed)),
    });
    expect(upload.statusCode).toBe(409);
    expect(upload.json().error).toBe('campaign_finalized');
    const retract = await app.inject({ method: 'DELETE', url: T('admin/snapshots/1'), headers: auth });
    expect(retract.statusCode).toBe(409);
    expect((await app.inject(finalizeRequest(T('admin/finalize')))).statusCode).toBe(409);
    const audit = (await app.inject({ url: '/api/admin/audit', headers: auth })).json().entries as { action: string; outcome: string }[];
    expect(audit.slice(0, 3).map((e) => [e.action, e.outcome])).toEqual([
      ['campaign_finalize', 'refused'],
      ['snapshot_retract', 'refused'],
      ['snapshot_upload', 'refused'],
    ]);
    expect(audit.some((e) => e.action === 'campaign_finalized' && e.outcome === 'ok')).toBe(true);
  });

  it('serves the upload template with the roster', async () => {
    const csv = await app.inject(T('template.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Mã đơn vị');
    expect(csv.body).toContain('tam-xuan-1');
    const xlsx = await app.inject(T('template.xlsx'));
    expect(xlsx.headers['content-type']).toBe(xlsxType);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });
});
