import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { textProblem } from '@thidua/stats-io';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { backupFolder } from '../src/store/backups.js';
import { createAccount, signIn, tokenFor } from './auth-helpers.js';
import { killAtMarker } from './server-process.js';
import { api, auth, decision, dumpContent, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb, testCampaignId, useApp } from './helpers.js';

/**
 * Issue 17: each way a hostile file, name or connection got through, over real HTTP and a real
 * SQLite file — refused now, with nothing stored.
 */

const T = (path: string) => api(testCampaignId, path);
const json = { ...auth, 'content-type': 'application/json' };

describe('uploads, names and decisions', () => {
  const server = useApp({ campaign: nuiThanhCampaignFile() });
  const db = server.db;

  const uploadJson = (text: string, name = 'so-lieu.json') =>
    server.app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-07-31&dryRun=1'),
      headers: { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': name },
      payload: Buffer.from(text),
    });

  it('a JSON upload moving a commune into the departments\u2019 group, or renaming a unit, is refused (422, nothing stored)', async () => {
    const units = statsFor(nuiThanhRoster, 2);
    const commune = units.findIndex((u) => u.group === 'communes');
    const department = units.findIndex((u) => u.group === 'departments');
    const moved = units.map((u, i) => (i === commune ? { ...u, group: 'departments' } : i === department ? { ...u, name: `${u.name} (mới)` } : u));
    const before = dumpContent(db.dbPath);
    const res = await uploadJson(JSON.stringify(moved, null, 2));
    expect(res.statusCode, res.body).toBe(422);
    const issues = res.json().issues as { code: string; field: string; message: { vi: string } }[];
    expect(issues.map((i) => i.code).sort()).toEqual(['group_mismatch', 'name_mismatch']);
    expect(issues.find((i) => i.code === 'group_mismatch')?.message.vi).toContain(units[commune]!.id);
    // The same file as CSV gets the same codes.
    const csv = await server.app.inject({
      method: 'POST',
      url: T('admin/snapshots?asOf=2023-07-31&dryRun=1'),
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: Buffer.from(statisticsCsv(moved)),
    });
    expect((csv.json().issues as { code: string }[]).map((i) => i.code).sort()).toEqual(['group_mismatch', 'name_mismatch']);
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  it('a JSON upload nested 20,000 levels deep is 422 json_too_deep, never 500; so is a rule set text', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const before = dumpContent(db.dbPath);
    const res = await uploadJson(deep);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ code: 'json_too_deep', row: 1 })]);
    const rules = await server.app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'sau-qua', ruleSetText: `{"title": ${deep}}` } });
    expect(rules.statusCode, rules.body).toBe(422);
    expect(rules.json().issues[0].message.en).toContain('nested too deeply');
    const file = await server.app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: json, payload: { id: 'sau-qua', ruleSetText: `{"title": "${'['.repeat(30_000)}"}` } });
    expect(file.statusCode).toBe(422); // brackets in a string are text, not depth: an ordinary refusal
    expect(file.json().issues[0].message.en).not.toContain('nested too deeply');
    expect(dumpContent(db.dbPath)).toEqual(before);
  });

  const refusedText = (res: { statusCode: number; json: () => unknown }, codePoint: string) => {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: string; text: { vi: string; en: string } };
    expect(body.error).toBe('invalid_request');
    expect(body.text.vi).toContain(codePoint);
    expect(body.text.en).toContain(codePoint);
  };

  it('a decision field with a line break (the CR-split formula) is refused, naming the field and the character', async () => {
    const upload = await server.app.inject({ method: 'POST', url: T('admin/snapshots?asOf=2023-12-31'), headers: { ...auth, 'content-type': 'text/csv' }, payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 7))) });
    expect(upload.statusCode).toBe(201);
    const before = dumpContent(db.dbPath);
    for (const [field, value, codePoint] of [
      ['signerName', 'Nguyen\n=1+2', 'U+000A'],
      ['signerTitle', 'Chủ tịch\r@SUM(A1)', 'U+000D'],
      ['number', '12/QĐ\u202e-UBND', 'U+202E'],
      ['kind', 'Quyết\u200bđịnh', 'U+200B'],
    ] as const) {
      const res = await server.app.inject({ method: 'POST', url: T('admin/finalize'), headers: json, payload: { decision: { ...decision, [field]: value } } });
      refusedText(res, codePoint);
      expect(res.json().text.vi).toContain(`"decision.${field}"`);
    }
    expect(dumpContent(db.dbPath)).toEqual(before);
    const awards = await server.app.inject(T('export/awards.csv'));
    expect(awards.body).not.toMatch(/[\r\n][=+\-@]/);
  });

  it('a display name with a bidi override or a zero-width character is refused', async () => {
    const before = dumpContent(db.dbPath);
    const bidi = await server.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: json, payload: { username: 'tran.b', displayName: 'Trần \u202eB', grants: [] } });
    refusedText(bidi, 'U+202E');
    expect(bidi.json().text.vi).toContain('đảo hướng');
    const zw = await server.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: json, payload: { username: 'tran.b', displayName: 'Trần\u200bB', grants: [] } });
    refusedText(zw, 'U+200B');
    expect(dumpContent(db.dbPath)).toEqual(before);
    const { id } = await createAccount(server.app, 'tran.b', 'Trần Thị B', []);
    const rename = await server.app.inject({ method: 'PATCH', url: `/api/admin/accounts/${id}`, headers: json, payload: { displayName: 'Nguyễn\u2066 Văn A' } });
    refusedText(rename, 'U+2066');
  });

  it('a roster name with a bidi override is refused by sheet, one with a line break in a new campaign\u2019s JSON', async () => {
    const before = dumpContent(db.dbPath);
    // A sheet's cell is one line already: the reader folds its breaks into spaces. A bidi override it keeps, and refuses.
    const sheet = '\uFEFFMã đơn vị,Tên đơn vị,Nhóm\r\nxa-a,"Xã \u202eA",Nhóm 2\r\n';
    const res = await server.app.inject({ method: 'PUT', url: T('admin/roster'), headers: { ...auth, 'content-type': 'text/csv', 'x-file-name': 'ds.csv' }, payload: sheet });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ row: 2, field: 'name', code: 'unsafe_text' })]);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: json,
      payload: { id: 'co-ten-xau', preset: 'nui-thanh-2023', roster: [{ id: 'xa-a', name: 'Xã A\r-1+2', group: 'communes' }] },
    });
    refusedText(created, 'U+000D');
    expect(dumpContent(db.dbPath)).toEqual(before);
  });
});

describe('fuzzed names and decisions', () => {
  const server = useApp({ campaign: nuiThanhCampaignFile() });

  const risky = fc.string({
    unit: fc.constantFrom('a', 'ễ', ' ', '=', '-', '\n', '\r', '\t', '\u0000', '\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\u2028', '\u0085'),
    minLength: 1,
    maxLength: 12,
  });

  it('400 with the character named, or stored clean — never 500, never a hidden character stored', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(risky, async (name) => {
        const res = await server.app.inject({ method: 'POST', url: '/api/admin/accounts', headers: json, payload: { username: `u${n++}`, displayName: name, grants: [] } });
        expect([201, 400]).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().text.en).toMatch(/U\+[0-9A-F]{4}|"displayName"/);
        const decisionRes = await server.app.inject({ method: 'POST', url: T('admin/finalize'), headers: json, payload: { decision: { ...decision, signerName: name } } });
        expect([400, 409]).toContain(decisionRes.statusCode); // 409: nothing published yet to finalise
      }),
      { numRuns: 150 },
    );
    const accounts = (await server.app.inject({ url: '/api/admin/accounts', headers: auth })).json().accounts as { displayName: string }[];
    for (const a of accounts) expect(textProblem(a.displayName)).toBeNull();
  });
});

describe('the audit log is read by whom it concerns', () => {
  const server = useApp();

  type Line = { campaignId: string | null; action: string; detail: Record<string, unknown>; text: { vi: string; en: string } };
  const read = async (headers: Record<string, string>, query = '') => server.app.inject({ url: `/api/admin/audit${query}`, headers });

  it('a clerk reads the lines of their campaign only, without addresses or failed sign-ins', async () => {
    // Lines on two campaigns, with addresses: a refused upload on each, a failed sign-in.
    for (const id of ['nui-thanh-2023-demo', 'qd766-quang-nam-2024-demo']) {
      await server.app.inject({ method: 'POST', url: api(id, 'admin/snapshots?asOf=1999-01-01'), headers: { ...auth, 'content-type': 'text/csv' }, payload: 'x' });
    }
    await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: { username: 'admin', password: 'wrong-password-1' } });
    const clerk = await createAccount(server.app, 'clerk.nt', 'Lê Văn C', [{ role: 'clerk', campaignId: 'nui-thanh-2023-demo' }]);
    const clerkToken = await tokenFor(server.app, clerk.id);

    const mine = (await read(clerkToken)).json().entries as Line[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((l) => l.campaignId))).toEqual(new Set(['nui-thanh-2023-demo']));
    for (const l of mine) {
      expect(l.detail).not.toHaveProperty('ip');
      expect(l.text.en).not.toMatch(/address|127\.0\.0\.1/);
    }
    expect(mine.map((l) => l.action)).not.toContain('login_failed');

    const other = await read(clerkToken, '?campaign=qd766-quang-nam-2024-demo');
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('forbidden');
    const own = (await read(clerkToken, '?campaign=nui-thanh-2023-demo')).json().entries as Line[];
    expect(own.every((l) => l.campaignId === 'nui-thanh-2023-demo')).toBe(true);

    // Through a session too, and an account with no role reads nothing.
    const nobody = await createAccount(server.app, 'khong.quyen', 'Phạm D', []);
    const session = await signIn(server.app, 'khong.quyen', nobody.password);
    const none = await read({ cookie: session.cookie });
    expect(none.statusCode).toBe(200);
    expect(none.json().entries).toEqual([]);

    // The administrator reads everything, addresses and failed sign-ins included.
    const all = (await read(auth)).json().entries as Line[];
    expect(new Set(all.map((l) => l.campaignId))).toEqual(new Set([null, 'nui-thanh-2023-demo', 'qd766-quang-nam-2024-demo', ...all.map((l) => l.campaignId)]));
    expect(all.some((l) => l.action === 'login_failed' && typeof l.detail.ip === 'string')).toBe(true);
    expect(all.some((l) => l.campaignId === 'qd766-quang-nam-2024-demo' && typeof l.detail.ip === 'string')).toBe(true);
  });
});

describe('connections', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let base: string;
  let port: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    port = Number(new URL(base).port);
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await app.close();
    db.cleanup();
  });

  /** An idle event stream from `localAddress` (any of 127.0.0.0/8): resolves with the status line. */
  const openStream = (localAddress: string) =>
    new Promise<{ status: number; retryAfter: string | null }>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress }, () => socket.write('GET /api/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n'));
      sockets.push(socket);
      let head = '';
      socket.on('data', (d: Buffer) => {
        if (head.includes('\r\n\r\n')) return;
        head += d.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
        resolve({ status, retryAfter: /\r\nretry-after: (\d+)/i.exec(head)?.[1] ?? null });
      });
      socket.on('error', reject);
    });

  it('caps event streams per address and in all (defaults 50 and 500): 503 with Retry-After past the cap; /healthz and uploads keep answering', async () => {
    const first = await Promise.all(Array.from({ length: 50 }, () => openStream('127.0.0.1')));
    expect(first.every((r) => r.status === 200)).toBe(true);
    const past = await openStream('127.0.0.1');
    expect(past).toEqual({ status: 503, retryAfter: '30' });
    // 450 more from nine other addresses fill the server's cap of 500.
    for (let a = 2; a <= 10; a++) {
      const opened = await Promise.all(Array.from({ length: 50 }, () => openStream(`127.0.0.${a}`)));
      expect(opened.every((r) => r.status === 200)).toBe(true);
    }
    expect(await openStream('127.0.0.11')).toEqual({ status: 503, retryAfter: '30' });
    const started = Date.now();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    const upload = await fetch(`${base}${T('admin/snapshots?asOf=2023-07-31')}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 2))),
    });
    expect(upload.status).toBe(201);
    // A stream that leaves gives its place back.
    sockets.shift()?.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await openStream('127.0.0.1')).status).toBe(200);
  });

  it('the first release\u2019s upload address answers 308 before reading a byte of a 30 MB body, without credentials', async () => {
    const answer = await new Promise<{ status: number; location: string | undefined; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/admin/snapshots?asOf=2023-08-31', headers: { 'content-type': 'text/csv', 'content-length': String(30 * 1024 * 1024) } });
      req.on('response', (res) => {
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, sent });
        req.destroy();
      });
      req.on('error', (err) => (sent > 0 ? undefined : reject(err)));
      // 64 KB of the 30 MB, then nothing more: only an answer that does not wait for the body arrives.
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      req.write(chunk, () => (sent += chunk.length));
      setTimeout(() => reject(new Error('no answer: the server waited for the body')), 5_000).unref();
    });
    expect(answer.status).toBe(308);
    expect(answer.location).toBe(`/api/campaigns/${testCampaignId}/admin/snapshots?asOf=2023-08-31`);
    expect(answer.sent).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('a backup killed midway', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('leaves its partial copy only in the backup folder (0600), removed at the next start; nothing in the temporary folder', async () => {
    const first = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    await first.close();
    const tmpBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('thidua-backup-'));

    const { out, exit } = await killAtMarker('crash-backup.ts', [db.dbPath], 'copying');
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(out).not.toContain('finished');

    const folder = backupFolder(db.dbPath);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // The copy being written, and SQLite's journal of it when it has one: each for the server's user only.
    const left = readdirSync(folder);
    expect(left.filter((n) => !n.endsWith('-journal'))).toEqual([expect.stringMatching(/^download-.*\.sqlite\.partial$/)]);
    for (const name of left) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('thidua-backup-'))).toEqual(tmpBefore);

    // What an earlier release left in the temporary folder when it was stopped: a copy it never removed.
    const oldLeftover = join(tmpdir(), 'thidua-backup-Ab12Cd');
    mkdirSync(oldLeftover, { recursive: true });
    writeFileSync(join(oldLeftover, 'thidua-backup-2026-12-01T0727.sqlite'), 'SQLite format 3\0');

    const again = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(oldLeftover)).toBe(false);
    // And a backup now completes, is sent whole, and leaves nothing behind.
    const res = await again.inject({ method: 'POST', url: '/api/admin/backup', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 15).toString()).toBe('SQLite format 3');
    await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(folder)).toEqual([]);
    await again.close();
  });
});
