import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { auditLines, auth, demoApi, startApp, tempDb } from './helpers.js';

describe('every admin route is behind the token', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    app = await startApp({
      dbPath: db.dbPath,
      maxFailedAttempts: 1000,
      onRoute: (r) => {
        for (const method of [r.method].flat()) routes.push({ method, url: r.url });
      },
    });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  /** Today's single-campaign addresses only redirect (308) to the campaign's own, which checks the token. */
  const redirects = new Set(['POST /api/admin/snapshots', 'DELETE /api/admin/snapshots/:snapshotId', 'POST /api/admin/finalize']);
  const adminRoutes = () => routes.filter((r) => r.url.includes('/admin') && r.url.startsWith('/api/') && !redirects.has(`${r.method} ${r.url}`));

  it('finds the admin routes by enumeration', () => {
    expect(adminRoutes().map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/campaigns/:campaignId/admin/snapshots',
        'DELETE /api/campaigns/:campaignId/admin/snapshots/:snapshotId',
        'POST /api/campaigns/:campaignId/admin/finalize',
        'PUT /api/campaigns/:campaignId/admin/roster',
        'POST /api/campaigns/:campaignId/admin/archive',
        'POST /api/admin/campaigns',
        'GET /api/admin/audit',
      ]),
    );
  });

  it('answers 401 to each without a token, with a wrong one, and with a malformed header', async () => {
    const admin = adminRoutes();
    const snapshotsBefore = (await app.inject(demoApi('snapshots'))).body;
    const campaignsBefore = (await app.inject('/api/campaigns')).body;
    for (const r of admin) {
      const url = r.url.replace(':campaignId', 'nui-thanh-2023-demo').replace(':snapshotId', '1') + (r.url.endsWith('/snapshots') ? '?asOf=2023-12-31' : '');
      for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: `Basic ${auth.authorization.slice(7)}` }, { authorization: `Bearer ${auth.authorization.slice(7)}x` }]) {
        const options: InjectOptions = { method: r.method as 'GET', url, headers: { ...headers, 'content-type': 'text/csv' } };
        if (r.method !== 'GET' && r.method !== 'HEAD') options.payload = 'x';
        const res = await app.inject(options);
        expect(res.statusCode, `${r.method} ${url} ${JSON.stringify(headers)}`).toBe(401);
        if (r.method !== 'HEAD') expect(res.json().error).toBe('unauthorized');
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    }
    expect((await app.inject(demoApi('snapshots'))).body).toBe(snapshotsBefore);
    expect((await app.inject('/api/campaigns')).body).toBe(campaignsBefore);
    expect(auditLines(db.dbPath).filter((l) => l.action === 'auth_failed').length).toBe(admin.length * 4);
  });

  it('lets the right token through', async () => {
    const res = await app.inject({ url: '/api/admin/audit', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.length).toBeGreaterThan(0);
  });
});

describe('failed token attempts are rate-limited', () => {
  const db = tempDb();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, maxFailedAttempts: 3 });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('refuses with 429 after the allowed failures, while the right token still works', async () => {
    const bad = () => app.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer guess' } });
    expect((await bad()).statusCode).toBe(401);
    expect((await bad()).statusCode).toBe(401);
    expect((await bad()).statusCode).toBe(401);
    const limited = await bad();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate_limited');
    expect((await app.inject({ url: '/api/admin/audit', headers: auth })).statusCode).toBe(200);
  });
});

describe('a generated admin token', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('is made once at first start, stored only as its SHA-256, and works afterwards', async () => {
    const shown: string[] = [];
    const first = await buildApp({ dbPath: db.dbPath, onAdminTokenGenerated: (t) => shown.push(t) });
    await first.close();
    expect(shown).toHaveLength(1);
    const token = shown[0] as string;
    expect(token.length).toBeGreaterThanOrEqual(32);

    const raw = new Database(db.dbPath, { readonly: true });
    const stored = raw.prepare('SELECT sha256 FROM admin_token').get() as { sha256: string };
    const everything = JSON.stringify(raw.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(stored);
    raw.close();
    expect(stored.sha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(everything).not.toContain(token);

    const second = await buildApp({ dbPath: db.dbPath, onAdminTokenGenerated: (t) => shown.push(t) });
    expect(shown).toHaveLength(1);
    expect((await second.inject({ url: '/api/admin/audit', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await second.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer other' } })).statusCode).toBe(401);
    await second.close();

    // ADMIN_TOKEN, when set, is the token instead.
    const third = await buildApp({ dbPath: db.dbPath, adminToken: 'from-env' });
    expect((await third.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer from-env' } })).statusCode).toBe(200);
    expect((await third.inject({ url: '/api/admin/audit', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    await third.close();
  });
});
