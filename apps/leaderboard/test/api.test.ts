import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { evaluate, nuiThanh2023 } from '@thidua/scoring';
import { demoAsOfDates, demoCampaign } from '../src/demo/nui-thanh-2023.js';
import { apiOperations } from '../src/server/app.js';
import {
  leaderboardResponseSchema,
  rulesResponseSchema,
  snapshotsResponseSchema,
  unitResponseSchema,
} from '../src/server/schemas.js';
import { startApp, tempDb } from './helpers.js';

describe('public API on the demo campaign', () => {
  const db = tempDb();
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('seeds seven monthly snapshots of sample data on first start', async () => {
    const res = await app.inject('/api/snapshots');
    expect(res.statusCode).toBe(200);
    const { snapshots } = res.json() as { snapshots: { asOf: string; sample: boolean; retracted: boolean; rowCount: number }[] };
    expect(snapshots.map((s) => s.asOf)).toEqual([...demoAsOfDates].reverse());
    expect(snapshots.every((s) => s.sample && !s.retracted && s.rowCount === 29)).toBe(true);
  });

  it('serves the latest evaluation, computed by the library from the stored statistics', async () => {
    const res = await app.inject('/api/leaderboard');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.campaign.sample).toBe(true);
    expect(body.campaign.ruleSetId).toBe('nui-thanh-2023');
    expect(body.campaign.groups.map((g: { id: string }) => g.id)).toEqual(['departments', 'communes']);
    expect(body.status).toBe('provisional');
    expect(body.snapshot.asOf).toBe('2023-12-31');
    expect(body.previousSnapshot.asOf).toBe('2023-11-30');
    const demo = demoCampaign();
    const last = demo.snapshots[demo.snapshots.length - 1];
    expect(body.evaluation).toEqual(JSON.parse(JSON.stringify(evaluate(last?.units ?? [], nuiThanh2023))));
  });

  it('reports each unit’s rank change against the previous snapshot', async () => {
    const now = (await app.inject('/api/leaderboard')).json();
    const before = (await app.inject('/api/leaderboard?asOf=2023-11-30')).json();
    const prevRank = new Map<string, number | null>(before.evaluation.units.map((u: { unitId: string; rank: number | null }) => [u.unitId, u.rank]));
    for (const u of now.evaluation.units as { unitId: string; rank: number | null }[]) {
      const p = prevRank.get(u.unitId) ?? null;
      expect(now.rankChanges[u.unitId]).toEqual({ previousRank: p, change: p !== null && u.rank !== null ? p - u.rank : null });
    }
  });

  it('picks the latest snapshot on or before asOf, and refuses a bad or too early date', async () => {
    const mid = (await app.inject('/api/leaderboard?asOf=2023-09-15')).json();
    expect(mid.snapshot.asOf).toBe('2023-08-31');
    const early = await app.inject('/api/leaderboard?asOf=2023-06-01');
    expect(early.statusCode).toBe(404);
    expect(early.json().error).toBe('no_snapshot');
    for (const bad of ['2023-02-30', 'yesterday', '2023-6-1']) {
      const res = await app.inject(`/api/leaderboard?asOf=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_as_of' });
    }
  });

  it('answers 304 to a matching ETag and serves br/gzip bodies that decode to the same JSON', async () => {
    const plain = await app.inject('/api/leaderboard');
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.inject({ url: '/api/leaderboard', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const gz = await app.inject({ url: '/api/leaderboard', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const br = await app.inject({ url: '/api/leaderboard', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const other = await app.inject('/api/leaderboard?asOf=2023-10-31');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('gives a unit its breakdown, gaps and history oldest first', async () => {
    const res = await app.inject('/api/units/tam-hai');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toEqual({ id: 'tam-hai', name: 'Xã Tam Hải', group: 'communes' });
    expect(body.result.unitId).toBe('tam-hai');
    expect(body.result.breakdown.length).toBeGreaterThan(0);
    expect(body.history.map((h: { asOf: string }) => h.asOf)).toEqual(demoAsOfDates);
    const board = (await app.inject('/api/leaderboard')).json();
    const fromBoard = board.evaluation.units.find((u: { unitId: string }) => u.unitId === 'tam-hai');
    expect(body.result).toEqual(fromBoard);
    // Every history entry is what that snapshot's leaderboard said (more snapshots than are kept in memory).
    for (const h of body.history as { snapshotId: number; asOf: string; score: string | null; rank: number | null; eligible: boolean; prize: unknown }[]) {
      const then = (await app.inject(`/api/leaderboard?asOf=${h.asOf}`)).json();
      const u = then.evaluation.units.find((x: { unitId: string }) => x.unitId === 'tam-hai');
      expect(then.snapshot.id).toBe(h.snapshotId);
      expect(h).toEqual({ snapshotId: then.snapshot.id, asOf: h.asOf, score: u.score, rank: u.rank, eligible: u.eligible, prize: u.prize });
    }
    const missing = await app.inject('/api/units/no-such-unit');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'unit_not_found' });
  });

  it('labels the demo as sample data in its exports', async () => {
    const csv = await app.inject('/api/export/awards.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('DỮ LIỆU MINH HỌA');
    const ranking = await app.inject('/api/export/ranking.csv?asOf=2023-09-30');
    expect(ranking.body).toContain('DỮ LIỆU MINH HỌA');
    expect(ranking.body).toContain('30/09/2023');
  });

  it('answers exactly the shapes /openapi.json publishes (parsing drops no field)', async () => {
    const checks = [
      ['/api/leaderboard', leaderboardResponseSchema],
      ['/api/leaderboard?asOf=2023-06-30', leaderboardResponseSchema],
      ['/api/units/tam-son', unitResponseSchema],
      ['/api/units/phong-y-te', unitResponseSchema],
      ['/api/snapshots', snapshotsResponseSchema],
      ['/api/rules', rulesResponseSchema],
    ] as const;
    for (const [url, schema] of checks) {
      const body: unknown = (await app.inject(url)).json();
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${url}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(parsed.data, url).toEqual(body);
    }
  });

  it('publishes the rule set with its citations', async () => {
    const res = await app.inject('/api/rules');
    expect(res.json().ruleSet).toEqual(JSON.parse(JSON.stringify(nuiThanh2023)));
    expect((await app.inject('/healthz')).json()).toEqual({ ok: true });
  });

  it('answers unknown paths in the error shape, never a stack trace, with the strict CSP', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy — Not found' });
    const csp = res.headers['content-security-policy'] as string;
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
    ]) {
      expect(csp.split(';')).toContain(d);
    }
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('describes every registered /api route in /openapi.json, generated from the zod schemas', async () => {
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
    const apiRoutes = registered.filter((r) => / \/(api\/|healthz|openapi\.json)/.test(r));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(apiOperations.length);
    for (const r of apiRoutes) expect(documented).toContain(r);
    const schemas = doc.components.schemas;
    expect(schemas.LeaderboardResponse.properties.evaluation).toBeDefined();
    expect(schemas.Error.required).toEqual(['error', 'message']);
    expect(doc.paths['/api/admin/snapshots'].post.security).toEqual([{ adminToken: [] }]);
    expect(doc.paths['/api/admin/snapshots'].post.responses['422']).toBeDefined();
  });
});
