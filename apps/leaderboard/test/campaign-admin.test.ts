import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { qd766y2022 } from '@thidua/scoring';
import { api, auditLines, auth, csvHeaders, dumpContent, startApp, tempDb } from './helpers.js';

/**
 * An administrator makes a campaign on a running server — from a preset or from a rule-set file,
 * whose problems come back with their lines — gives it a roster from a sheet, and archives it.
 * Every refusal changes nothing.
 */
describe('campaign administration', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const json = { ...auth, 'content-type': 'application/json' };

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('creates a campaign from a preset; it is listed, empty, and takes a roster from a sheet', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'quang-nam-2025', preset: 'qd766-2022' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ campaign: { id: 'quang-nam-2025', ruleSetId: 'qd766-2022', sample: false }, units: 0 });
    const list = (await app.inject('/api/campaigns')).json();
    expect(list.campaigns.map((c: { id: string }) => c.id)).toContain('quang-nam-2025');

    const sheet = '\uFEFFMã đơn vị,Tên đơn vị,Nhóm\r\nnui-thanh,Huyện Núi Thành,Địa phương\r\nso-y-te,Sở Y tế,"Sở, ngành"\r\n';
    const roster = await app.inject({ method: 'PUT', url: api('quang-nam-2025', 'admin/roster'), headers: { ...auth, ...csvHeaders, 'x-file-name': 'danh-sach.csv' }, payload: sheet });
    expect(roster.statusCode, roster.body).toBe(200);
    expect(roster.json().roster).toEqual([
      { id: 'nui-thanh', name: 'Huyện Núi Thành', group: 'districts' },
      { id: 'so-y-te', name: 'Sở Y tế', group: 'departments' },
    ]);
    const template = (await app.inject(api('quang-nam-2025', 'template.csv'))).body;
    expect(template).toContain('nui-thanh,Huyện Núi Thành');
    expect(template).toContain(qd766y2022.inputs[0]?.label.vi);
    expect(auditLines(db.dbPath).at(-1)).toMatchObject({ action: 'roster_replaced', detail: { before: 0, after: 2, fileName: 'danh-sach.csv' } });
  });

  it('refuses a roster sheet with problems, by row and column, and keeps the roster', async () => {
    const before = dumpContent(db.dbPath);
    const sheet = 'Mã đơn vị,Tên đơn vị,Nhóm\r\nnui thanh,Huyện Núi Thành,Địa phương\r\nso-y-te,,Nhóm 9\r\n';
    const res = await app.inject({ method: 'PUT', url: api('quang-nam-2025', 'admin/roster'), headers: { ...auth, ...csvHeaders }, payload: sheet });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('invalid_roster');
    expect(res.json().issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'Mã đơn vị', 'invalid_unit_id'],
      [3, 'Tên đơn vị', 'missing_name'],
      [3, 'Nhóm', 'unknown_group'],
    ]);
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('creates a campaign from a rule-set file, and refuses one with problems, each with its line and column', async () => {
    const text = JSON.stringify({ ...qd766y2022, id: 'tinh-x-2025' }, null, 2);
    const ok = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'tinh-x-2025', ruleSetText: text } });
    expect(ok.statusCode, ok.body).toBe(201);
    const broken = text.replace('"currency": "VND"', '"currency": "USD"');
    const before = dumpContent(db.dbPath);
    const bad = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'tinh-y-2025', ruleSetText: broken } });
    expect(bad.statusCode).toBe(422);
    const issue = bad.json().issues[0] as { row: number; column: string; message: { vi: string; en: string } };
    const line = broken.split('\n').findIndex((l) => l.includes('"currency"')) + 1;
    expect(issue.row).toBe(line);
    expect(issue.column).toBe(`currency @ ${line}:3`);
    expect(issue.message.vi.length).toBeGreaterThan(0);
    expect(dumpContent(db.dbPath)).toEqual(before);
    // The id is taken, the preset unknown, the body malformed: each said plainly.
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'tinh-x-2025', preset: 'qd766-2022' } })).json().error).toBe('campaign_exists');
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'tinh-z', preset: 'no-such' } })).json().error).toBe('unknown_preset');
    const wrong = await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'Tinh Z', preset: 'qd766-2022' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/"id"/);
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('archives a campaign: still listed and readable, never changed again', async () => {
    const res = await app.inject({ method: 'POST', url: api('tinh-x-2025', 'admin/archive'), headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().campaign.archived).toBe(true);
    const list = (await app.inject('/api/campaigns')).json();
    expect(list.campaigns.find((c: { id: string }) => c.id === 'tinh-x-2025')).toMatchObject({ archived: true });
    expect((await app.inject(api('tinh-x-2025', 'leaderboard'))).statusCode).toBe(200);
    const examples = new URL('../../../docs/examples/qd766-2022.csv', import.meta.url);
    const upload = await app.inject({ method: 'POST', url: api('tinh-x-2025', 'admin/snapshots?asOf=2024-05-03'), headers: { ...auth, ...csvHeaders }, payload: readFileSync(examples) });
    expect(upload.statusCode).toBe(409);
    expect(upload.json().error).toBe('campaign_archived');
    expect((await app.inject({ method: 'POST', url: api('tinh-x-2025', 'admin/archive'), headers: auth })).json().error).toBe('campaign_archived');
  });
});
