import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import SwaggerParser from '@apidevtools/swagger-parser';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { evaluate, explain, nuiThanh2023, qd766y2022, standingContext, standingOf, thuyThanhCchc2022 } from '@thidua/scoring';
import {
  campaignsResponseSchema,
  leaderboardResponseSchema,
  rulesResponseSchema,
  snapshotsResponseSchema,
  unitResponseSchema,
} from '../src/contract.js';
import { demoCampaigns } from '../src/demo/index.js';
import { demoAsOfDates } from '../src/demo/nui-thanh-2023.js';
import { weeklyAsOf } from '../src/demo/qd766-quang-nam.js';
import { api, demoApi, demoCampaignId, startApp, tempDb } from './helpers.js';

const qd766 = 'qd766-quang-nam-2024-demo';
const cchc = 'thuy-thanh-cchc-2022';

describe('public API on the demo campaigns', () => {
  const db = tempDb();
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('lists the three demo campaigns: title, period, status, latest date and each group\u2019s leaders', async () => {
    const res = await app.inject('/api/campaigns');
    expect(res.statusCode).toBe(200);
    const body = campaignsResponseSchema.parse(res.json());
    expect(body.defaultCampaignId).toBe(demoCampaignId);
    expect(body.campaigns.map((c) => [c.id, c.ruleSetId, c.status, c.latestAsOf, c.sample])).toEqual([
      [demoCampaignId, 'nui-thanh-2023', 'provisional', '2023-12-31', true],
      [qd766, 'qd766-2022', 'provisional', '2024-06-21', true],
      [cchc, 'thuy-thanh-cchc-2022', 'final', '2022-12-31', false],
    ]);
    const nui = body.campaigns[0];
    const board = (await app.inject(demoApi('leaderboard'))).json();
    for (const g of nui?.leaders ?? []) {
      const ranking = board.evaluation.groups.find((x: { id: string }) => x.id === g.groupId).ranking as string[];
      expect(g.units.map((u) => u.unitId)).toEqual(ranking.slice(0, 3));
    }
    const index = body.campaigns[1]?.leaders[0]?.units[0];
    expect(index?.class).not.toBeNull();
  });

  it('seeds the monthly and weekly snapshots of sample data, and the scorecard\u2019s real figures, on first start', async () => {
    const nui = (await app.inject(demoApi('snapshots'))).json() as { snapshots: { asOf: string; sample: boolean; rowCount: number }[] };
    expect(nui.snapshots.map((s) => s.asOf)).toEqual([...demoAsOfDates].reverse());
    expect(nui.snapshots.every((s) => s.sample && s.rowCount === 29)).toBe(true);
    const weekly = (await app.inject(api(qd766, 'snapshots'))).json() as { snapshots: { asOf: string }[] };
    expect(weekly.snapshots.map((s) => s.asOf)).toEqual([...weeklyAsOf].reverse());
    const card = (await app.inject(api(cchc, 'leaderboard'))).json();
    expect(card.status).toBe('final');
    expect(card.campaign.sample).toBe(false);
    expect(card.evaluation.units[0]).toMatchObject({ unitId: 'thuy-thanh', score: '78.636' });
  });

  it('serves each campaign\u2019s latest evaluation, computed by the library from the stored statistics, without the gaps', async () => {
    for (const demo of demoCampaigns()) {
      if (demo.round) {
        // The sample index round is in its self-assessment phase: nothing of it is public yet.
        expect((await app.inject(api(demo.id, 'leaderboard'))).statusCode).toBe(404);
        continue;
      }
      const body = (await app.inject(api(demo.id, 'leaderboard'))).json();
      expect(body.campaign.ruleSetId).toBe(demo.ruleSet.id);
      expect(body.snapshot.asOf).toBe(demo.snapshots.at(-1)?.asOf);
      const expected = JSON.parse(JSON.stringify(evaluate(demo.snapshots.at(-1)?.units ?? [], demo.ruleSet)));
      for (const u of expected.units) delete u.gaps;
      expect(body.evaluation).toEqual(expected);
    }
    const nui = (await app.inject(demoApi('leaderboard'))).json();
    expect(nui.previousSnapshot.asOf).toBe('2023-11-30');
    expect(nui.campaign.rules.groups.map((g: { id: string }) => g.id)).toEqual(['departments', 'communes']);
    expect(nui.campaign.rules.figures.map((f: { id: string }) => f.id)).toEqual(['onlineShare', 'onTimeShare', 'lateShare', 'deduction', 'coefficient']);
  });

  it('reports the rank changes against the previous snapshot (absent: same rank)', async () => {
    const now = (await app.inject(demoApi('leaderboard'))).json();
    const before = (await app.inject(demoApi('leaderboard?asOf=2023-11-30'))).json();
    const prevRank = new Map<string, number | null>(before.evaluation.units.map((u: { unitId: string; rank: number | null }) => [u.unitId, u.rank]));
    for (const u of now.evaluation.units as { unitId: string; rank: number | null }[]) {
      const p = prevRank.get(u.unitId) ?? null;
      if (u.rank === null || p === u.rank) expect(now.rankChanges[u.unitId]).toBeUndefined();
      else expect(now.rankChanges[u.unitId]).toEqual({ previousRank: p, change: p === null ? null : p - u.rank });
    }
  });

  it('picks the latest snapshot on or before asOf, and refuses a bad or too early date', async () => {
    const mid = (await app.inject(demoApi('leaderboard?asOf=2023-09-15'))).json();
    expect(mid.snapshot.asOf).toBe('2023-08-31');
    const early = await app.inject(demoApi('leaderboard?asOf=2023-06-01'));
    expect(early.statusCode).toBe(404);
    expect(early.json().error).toBe('no_snapshot');
    for (const bad of ['2023-02-30', 'yesterday', '2023-6-1']) {
      const res = await app.inject(demoApi(`leaderboard?asOf=${bad}`));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_as_of' });
    }
    const none = await app.inject('/api/campaigns/no-such-campaign/leaderboard');
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toBe('campaign_not_found');
  });

  it('answers 304 to a matching ETag and serves gzip (spliced around the stored evaluation) and br bodies that decode to the same JSON', async () => {
    const plain = await app.inject(demoApi('leaderboard'));
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.inject({ url: demoApi('leaderboard'), headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const gz = await app.inject({ url: demoApi('leaderboard'), headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    // The board's evaluation is stored compressed: a client taking both gets the spliced gzip.
    const both = await app.inject({ url: demoApi('leaderboard'), headers: { 'accept-encoding': 'gzip, br' } });
    expect(both.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(both.rawPayload).toString()).toBe(plain.body);
    // A body made at read (the unit index) is sent br to a client that takes it.
    const index = await app.inject(demoApi('units'));
    const br = await app.inject({ url: demoApi('units'), headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(index.body);
    const other = await app.inject(demoApi('leaderboard?asOf=2023-10-31'));
    expect(other.headers.etag).not.toBe(etag);
  });

  it('gives a unit its result with gaps, its working from explain, its statistics and its history oldest first', async () => {
    const res = await app.inject(demoApi('units/tam-hai'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toEqual({ id: 'tam-hai', name: 'Xã Tam Hải', group: 'communes' });
    expect(body.result.gaps).toBeDefined();
    const board = (await app.inject(demoApi('leaderboard'))).json();
    const { gaps: _gaps, ...rest } = body.result;
    expect(rest).toEqual(board.evaluation.units.find((u: { unitId: string }) => u.unitId === 'tam-hai'));
    const last = demoCampaigns()[0]?.snapshots.at(-1)?.units.find((u) => u.id === 'tam-hai');
    if (!last) throw new Error('no tam-hai');
    expect(body.explanation).toEqual(JSON.parse(JSON.stringify(explain(last, nuiThanh2023))));
    expect(body.inputs).toEqual({ resolvedTotal: last.resolvedTotal, resolvedOnline: last.resolvedOnline, resolvedOnlineOnTime: last.resolvedOnlineOnTime, resolvedLate: last.resolvedLate });
    expect(body.history.map((h: { asOf: string }) => h.asOf)).toEqual(demoAsOfDates);
    // Where it stands: the library's standing from the stored result and its group, as the whole evaluation gives it.
    const group = board.evaluation.groups.find((g: { id: string }) => g.id === 'communes');
    const names = (id: string) => board.evaluation.units.find((u: { unitId: string }) => u.unitId === id)?.unitName ?? id;
    expect(body.standing).toEqual(standingOf(rest, standingContext(group, 'tam-hai'), board.campaign.rules, names));
    expect(body.standing.lines[0].text.vi).toBe(`Hạng ${rest.rank}/${group.ranking.length} — Nhóm 2.`);
    // Every history entry is what that snapshot's leaderboard said (more snapshots than are kept in memory).
    for (const h of body.history as { snapshotId: number; asOf: string; score: string | null; rank: number | null }[]) {
      const then = (await app.inject(demoApi(`leaderboard?asOf=${h.asOf}`))).json();
      const u = then.evaluation.units.find((x: { unitId: string }) => x.unitId === 'tam-hai');
      expect(then.snapshot.id).toBe(h.snapshotId);
      expect(h).toEqual({ snapshotId: then.snapshot.id, asOf: h.asOf, score: u.score, rank: u.rank, eligible: u.eligible, prize: u.prize ?? null, class: null });
    }
    const missing = await app.inject(demoApi('units/no-such-unit'));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'unit_not_found' });
  });

  it('the scorecard\u2019s unit carries the criteria tree with the document\u2019s sub-totals; the index\u2019s unit its class', async () => {
    const card = (await app.inject(api(cchc, 'units/thuy-thanh'))).json();
    const units = demoCampaigns()[2]?.snapshots[0]?.units ?? [];
    expect(card.explanation).toEqual(JSON.parse(JSON.stringify(explain(units[0] as (typeof units)[number], thuyThanhCchc2022))));
    expect(card.explanation.steps.find((s: { id: string }) => s.id === 'CCHC')).toMatchObject({ value: '78.636', stated: '78.636' });
    const district = (await app.inject(api(qd766, 'units/nui-thanh'))).json();
    expect(qd766y2022.classes?.levels.map((l) => l.id)).toContain(district.result.class);
    expect(district.inputs.onlineServicesScore).toBeDefined();
  });

  it('exports a scorecard campaign as the province\u2019s sheet (criteria × units, and a summary with ranks); other shapes have none', async () => {
    const res = await app.inject(api(cchc, 'export/scorecard.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bang-cham-diem-thuy-thanh-cchc-2022-2022-12-31-chinh-thuc.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Chấm điểm', 'Tổng hợp']);
    let row112: ExcelJS.CellValue[] = [];
    workbook.getWorksheet('Chấm điểm')!.eachRow((row) => {
      if (row.getCell(1).value === '1.1.2') row112 = (row.values as ExcelJS.CellValue[]).slice(1);
    });
    // No self-assessed points in the document: that column is empty.
    expect(row112.slice(0, 6)).toEqual(['1.1.2', 'Mức độ hoàn thành KH CCHC', 1, undefined, 0.8, 'hoàn thành 80%.']);
    for (const id of [demoCampaignId, qd766]) expect((await app.inject(api(id, 'export/scorecard.xlsx'))).statusCode, id).toBe(404);
  });

  it('prints an award annex only where the rule set awards prizes; an index or a scorecard says it awards none (404), never "0 ₫"', async () => {
    expect((await app.inject(`/c/${demoCampaignId}/awards`)).statusCode).toBe(200);
    for (const id of [cchc, qd766]) {
      const res = await app.inject(`/c/${id}/awards`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toContain('Đợt thi đua này không trao giải, nên không có danh sách khen thưởng để in.');
      expect(res.body).toContain(`href="/c/${id}/"`);
      expect(res.body).not.toContain('0 ₫');
    }
    // The leaderboard says whether a final result rests on a decision.
    expect((await app.inject(api(cchc, 'leaderboard'))).json().decision).toMatchObject({ kind: 'Kế hoạch', number: '69/KH-UBND', date: '2022-12-12' });
    expect((await app.inject(demoApi('leaderboard'))).json().decision).toBeNull();
  });

  it('labels the demo as sample data in its exports; the scorecard\u2019s exports are not', async () => {
    const csv = await app.inject(demoApi('export/awards.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('DỮ LIỆU MINH HỌA');
    const ranking = await app.inject(demoApi('export/ranking.csv?asOf=2023-09-30'));
    expect(ranking.body).toContain('DỮ LIỆU MINH HỌA');
    expect(ranking.body).toContain('30/09/2023');
    const card = await app.inject(api(cchc, 'export/ranking.csv'));
    expect(card.body).not.toContain('DỮ LIỆU MINH HỌA');
    expect(card.body).toContain('Chính thức');
  });

  it('answers exactly the shapes the contract declares (parsing drops no field)', async () => {
    const checks = [
      ['/api/campaigns', campaignsResponseSchema],
      [demoApi('leaderboard'), leaderboardResponseSchema],
      [demoApi('leaderboard?asOf=2023-06-30'), leaderboardResponseSchema],
      [api(qd766, 'leaderboard'), leaderboardResponseSchema],
      [api(cchc, 'leaderboard'), leaderboardResponseSchema],
      [demoApi('units/tam-son'), unitResponseSchema],
      [demoApi('units/phong-y-te'), unitResponseSchema],
      [api(cchc, 'units/thuy-thanh'), unitResponseSchema],
      [demoApi('snapshots'), snapshotsResponseSchema],
      [demoApi('rules'), rulesResponseSchema],
    ] as const;
    for (const [url, schema] of checks) {
      const body: unknown = (await app.inject(url)).json();
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${url}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(parsed.data, url).toEqual(body);
    }
  });

  it('publishes each rule set with its citations', async () => {
    expect((await app.inject(demoApi('rules'))).json().ruleSet).toEqual(JSON.parse(JSON.stringify(nuiThanh2023)));
    // The 766 race: the preset's rules under the race's own title and issuing body.
    const race = (await app.inject(api(qd766, 'rules'))).json().ruleSet;
    expect(race).toEqual(JSON.parse(JSON.stringify({ ...qd766y2022, title: race.title, authority: race.authority })));
    expect(race.authority.vi).toBe('UBND tỉnh Quảng Nam');
    expect((await app.inject('/healthz')).json()).toEqual({ ok: true });
  });

  it('today\u2019s addresses redirect to the default campaign, method, query and body kept', async () => {
    const cases: [string, string][] = [
      ['/api/leaderboard?asOf=2023-09-30', demoApi('leaderboard?asOf=2023-09-30')],
      ['/api/units/tam-hai', demoApi('units/tam-hai')],
      ['/api/snapshots', demoApi('snapshots')],
      ['/api/rules', demoApi('rules')],
      ['/api/template.csv', demoApi('template.csv')],
      ['/api/export/awards.xlsx', demoApi('export/awards.xlsx')],
      ['/api/export/award-bundle.json', demoApi('export/award-bundle.json')],
      ['/units/tam-hai', `/c/${demoCampaignId}/units/tam-hai`],
      ['/embed?group=communes', `/c/${demoCampaignId}/embed?group=communes`],
    ];
    for (const [from, to] of cases) {
      const res = await app.inject(from);
      expect(res.statusCode, from).toBe(308);
      expect(res.headers.location, from).toBe(to);
    }
    const upload = await app.inject({ method: 'POST', url: '/api/admin/snapshots?asOf=2023-12-31', headers: { 'content-type': 'text/csv' }, payload: 'a,b\n' });
    expect(upload.statusCode).toBe(308);
    expect(upload.headers.location).toBe(demoApi('admin/snapshots?asOf=2023-12-31'));
  });

  it('answers unknown paths in the error shape, never a stack trace, with the strict CSP', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy — Not found', text: { vi: 'Không tìm thấy', en: 'Not found' } });
    const csp = res.headers['content-security-policy'] as string;
    for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp.split(';')).toContain(d);
    }
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('describes every registered /api route in /openapi.json, generated from the routes\u2019 zod schemas; swagger-parser validates it', async () => {
    const other = tempDb();
    const registered: string[] = [];
    const probe = await startApp({
      dbPath: other.dbPath,
      onRoute: (r) => {
        for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
      },
    });
    const res = await probe.inject('/openapi.json');
    await probe.close();
    other.cleanup();
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const legacy = new Set(['/api/leaderboard', '/api/units/:unitId', '/api/snapshots', '/api/rules', '/api/template.csv', '/api/template.xlsx', '/api/admin/snapshots', '/api/admin/snapshots/:snapshotId', '/api/admin/finalize']);
    const apiRoutes = registered.filter((r) => / \/(api\/|healthz|openapi\.json)/.test(r) && !legacy.has(r.split(' ')[1] ?? '') && !r.includes('/api/export/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) expect(documented, r).toContain(r);
    const schemas = doc.components.schemas;
    expect(schemas.LeaderboardResponse.properties.evaluation).toBeDefined();
    expect(schemas.Error.required).toEqual(['error', 'message']);
    const upload = doc.paths['/api/campaigns/{campaignId}/admin/snapshots'].post;
    expect(upload.security).toEqual([{ accountToken: [] }, { sessionCookie: [] }]);
    expect(upload['x-required-role']).toBe('clerk');
    expect(upload.responses['422']).toBeDefined();
    // A valid OpenAPI 3.1 document whose every $ref resolves.
    const validated = (await SwaggerParser.validate(structuredClone(doc))) as { openapi?: string };
    expect(validated.openapi).toBe('3.1.0');
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name && schemas[name], ref).toBeDefined();
    }
  });
});
