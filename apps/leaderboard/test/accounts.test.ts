import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { buildApp } from '../src/server/app.js';
import { createAccount, sessionCookieOf, signIn, tokenFor, type Session } from './auth-helpers.js';
import { api, auth, csvHeaders, decision, nuiThanhCampaignFile, startApp, statisticsCsv, statsFor, tempDb, testCampaignId } from './helpers.js';

const T = (path: string) => api(testCampaignId, path);
const json = { 'content-type': 'application/json' };

/** Every text of every row of every table, for "is this secret stored anywhere?". */
function everything(dbPath: string): string {
  const raw = new Database(dbPath, { readonly: true });
  try {
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => JSON.stringify(raw.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
  } finally {
    raw.close();
  }
}

describe('the first administrator', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('is made at first start with a password shown once, kept only as an scrypt hash', async () => {
    const shown: { username: string; password: string }[] = [];
    const first = await buildApp({ dbPath: db.dbPath, onAdministratorCreated: (c) => shown.push(c) });
    expect(shown).toHaveLength(1);
    const { username, password } = shown[0] as { username: string; password: string };
    expect(username).toBe('admin');
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const session = await signIn(first, username, password);
    const me = await first.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().account).toMatchObject({ username: 'admin', displayName: 'Quản trị viên', grants: [{ role: 'admin', campaignId: '*' }] });
    await first.close();

    const stored = everything(db.dbPath);
    expect(stored).not.toContain(password);
    expect(stored).toMatch(/"password_hash":"scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}"/);

    const second = await buildApp({ dbPath: db.dbPath, onAdministratorCreated: (c) => shown.push(c) });
    expect(shown).toHaveLength(1);
    await signIn(second, username, password);
    await second.close();
  });

  it('takes ADMIN_TOKEN as its token for scripts, and a changed ADMIN_TOKEN replaces the old one', async () => {
    const third = await buildApp({ dbPath: db.dbPath, adminToken: 'from-the-environment-1' });
    expect((await third.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer from-the-environment-1' } })).statusCode).toBe(200);
    await third.close();
    const fourth = await buildApp({ dbPath: db.dbPath, adminToken: 'from-the-environment-2' });
    expect((await fourth.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer from-the-environment-2' } })).statusCode).toBe(200);
    expect((await fourth.inject({ url: '/api/admin/audit', headers: { authorization: 'Bearer from-the-environment-1' } })).statusCode).toBe(401);
    await fourth.close();
    expect(everything(db.dbPath)).not.toContain('from-the-environment');
  });
});

/**
 * The plan's division of the work (section V): a statistics clerk uploads, a publisher publishes
 * and retracts, the council finalises on the award decision — each a named account, each signed in
 * through the admin page's session, and the audit log names them in plain words.
 */
describe('the office\u2019s workflow, by role', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let clerk: Session;
  let publisher: Session;
  let council: Session;

  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, campaign: nuiThanhCampaignFile() });
    const grant = (role: 'clerk' | 'publisher' | 'council') => [{ role, campaignId: testCampaignId }];
    const a = await createAccount(app, 'nva', 'Nguyễn Văn A', grant('clerk'));
    // Phòng Nội vụ's publisher also uploads now and then: both roles.
    const b = await createAccount(app, 'ttb', 'Trần Thị B', [...grant('publisher'), ...grant('clerk')]);
    const c = await createAccount(app, 'lvc', 'Lê Văn C', grant('council'));
    clerk = await signIn(app, 'nva', a.password);
    publisher = await signIn(app, 'ttb', b.password);
    council = await signIn(app, 'lvc', c.password);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  const upload = (who: Session, asOf: string, months: number, fileName: string, query = '') =>
    app.inject({
      method: 'POST',
      url: T(`admin/snapshots?asOf=${asOf}${query}`),
      headers: { ...who.headers, ...csvHeaders, 'x-file-name': fileName },
      payload: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, months))),
    });
  const states = async () =>
    ((await app.inject({ url: T('admin/snapshots'), headers: publisher.headers })).json().snapshots as { id: number; asOf: string; state: string }[]).map((s) => [s.asOf, s.state]);
  const audit = async () => (await app.inject({ url: `/api/admin/audit?campaign=${testCampaignId}`, headers: auth })).json().entries as { text: { vi: string; en: string }; actorName: string; action: string }[];

  it('keeps a clerk\u2019s upload pending, out of public view, until a publisher publishes it', async () => {
    const res = await upload(clerk, '2023-09-30', 4, 'so-lieu-thang-9.csv');
    expect(res.statusCode, res.body).toBe(201);
    const snapshot = res.json().snapshot as { id: number; state: string; createdBy: string; publishedAt: string | null };
    expect(snapshot).toMatchObject({ state: 'pending', createdBy: 'Nguyễn Văn A', publishedAt: null });
    expect((await app.inject(T('leaderboard'))).json().snapshot).toBeNull();
    expect((await app.inject(T('snapshots'))).json().snapshots).toEqual([]);

    // A clerk may not publish, neither afterwards nor with the upload.
    const refused = await app.inject({ method: 'POST', url: T(`admin/snapshots/${snapshot.id}/publish`), headers: clerk.headers });
    expect(refused.statusCode).toBe(403);
    expect((await upload(clerk, '2023-09-30', 4, 'x.csv', '&publish=1')).statusCode).toBe(403);

    const published = await app.inject({ method: 'POST', url: T(`admin/snapshots/${snapshot.id}/publish`), headers: publisher.headers });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().snapshot).toMatchObject({ state: 'live', publishedBy: 'Trần Thị B' });
    expect((await app.inject(T('leaderboard'))).json().snapshot).toMatchObject({ id: snapshot.id, asOf: '2023-09-30' });
    expect((await app.inject({ method: 'POST', url: T(`admin/snapshots/${snapshot.id}/publish`), headers: publisher.headers })).json().error).toBe('already_published');
  });

  it('publishes at once the upload of someone who may publish; says which snapshot is live, published, replaced, pending or retracted', async () => {
    const own = await upload(publisher, '2023-10-31', 5, 'so-lieu-thang-10.csv');
    expect(own.statusCode, own.body.slice(0, 500)).toBe(201);
    expect(own.json().snapshot.state).toBe('live');
    const again = await upload(clerk, '2023-10-31', 5, 'so-lieu-thang-10-sua.csv');
    const pendingId = again.json().snapshot.id as number;
    expect(await states()).toEqual([
      ['2023-10-31', 'pending'],
      ['2023-10-31', 'live'],
      ['2023-09-30', 'published'],
    ]);
    expect((await app.inject({ method: 'POST', url: T(`admin/snapshots/${pendingId}/publish`), headers: publisher.headers })).statusCode).toBe(200);
    expect(await states()).toEqual([
      ['2023-10-31', 'live'],
      ['2023-10-31', 'replaced'],
      ['2023-09-30', 'published'],
    ]);
    const retracted = await app.inject({ method: 'DELETE', url: T(`admin/snapshots/${pendingId}`), headers: publisher.headers });
    expect(retracted.json().snapshot).toMatchObject({ state: 'retracted', retractedBy: 'Trần Thị B' });
    expect(await states()).toEqual([
      ['2023-10-31', 'retracted'],
      ['2023-10-31', 'live'],
      ['2023-09-30', 'published'],
    ]);
  });

  it('lets only the council finalise, recording the decision; then the campaign is read-only', async () => {
    expect((await app.inject({ method: 'POST', url: T('admin/finalize'), headers: { ...publisher.headers, ...json }, payload: { decision } })).statusCode).toBe(403);
    const missing = await app.inject({ method: 'POST', url: T('admin/finalize'), headers: { ...council.headers, ...json }, payload: { decision: { ...decision, number: '' } } });
    expect(missing.statusCode).toBe(400);
    const res = await app.inject({ method: 'POST', url: T('admin/finalize'), headers: { ...council.headers, ...json }, payload: { decision } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().finalisation).toMatchObject({ asOf: '2023-10-31', finalizedBy: 'Lê Văn C', decision });
    const summary = ((await app.inject('/api/campaigns')).json().campaigns as { id: string; finalisation: unknown }[]).find((c) => c.id === testCampaignId);
    expect(summary?.finalisation).toMatchObject({ finalizedBy: 'Lê Văn C', decision });
    const late = await upload(clerk, '2023-11-30', 6, 'so-lieu-thang-11.csv');
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/chốt .* — .*final/i);
  });

  it('names each person in the audit log, in plain Vietnamese and English', async () => {
    const texts = (await audit()).map((e) => e.text.vi);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Nguyễn Văn A tải lên số liệu đến ngày 30/09/2023 (so-lieu-thang-9.csv), chờ công bố',
        'Trần Thị B công bố số liệu đến ngày 30/09/2023 (so-lieu-thang-9.csv)',
        'Trần Thị B thu hồi kỳ số liệu đến ngày 31/10/2023 (so-lieu-thang-10-sua.csv)',
        expect.stringMatching(/^Lê Văn C chốt kết quả chính thức theo số liệu đến ngày 31\/10\/2023, căn cứ Quyết định số 125\/QĐ-UBND ngày 15\/01\/2024 \(Nguyễn Văn Bình ký\); tổng tiền thưởng [\d.]+ đồng$/),
        expect.stringMatching(/^Nguyễn Văn A định công bố số liệu nhưng bị từ chối: Tài khoản của bạn không có quyền làm việc này$/),
        expect.stringMatching(/^Nguyễn Văn A định tải lên số liệu \(ngày 30\/11\/2023\) nhưng bị từ chối: Kết quả đã /),
      ]),
    );
    const english = (await audit()).map((e) => e.text.en);
    expect(english).toContain('Trần Thị B retracted the figures as of 31/10/2023 (so-lieu-thang-10-sua.csv)');
    expect(english.some((t) => t.startsWith('Nguyễn Văn A uploaded the figures as of 30/09/2023'))).toBe(true);
  });
});

describe('sessions', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let person: { id: number; password: string };
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, trustProxy: true });
    person = await createAccount(app, 'nguoi-dung', 'Đỗ Thị Dung', [{ role: 'publisher', campaignId: '*' }]);
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it('live in an HttpOnly, SameSite=Strict cookie, Secure over HTTPS; the database holds only their hash', async () => {
    const login = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...json, ...headers }, payload: { username: 'nguoi-dung', password: person.password } });
    // Over HTTPS (here behind a proxy that says so): Secure, HttpOnly, SameSite=Strict.
    const secure = [(await login({ 'x-forwarded-proto': 'https' })).headers['set-cookie']].flat().find((c) => c?.startsWith('thidua_session=')) ?? '';
    expect(secure).toMatch(/; Secure/);
    expect(secure).toMatch(/; HttpOnly/);
    expect(secure).toMatch(/; SameSite=Strict/);
    expect(secure).toMatch(/; Path=\//);
    // Over plain HTTP (a test machine, the demo on localhost) a Secure cookie would never come back:
    // @fastify/session then sends it without Secure, and SameSite=Lax.
    const plain = await login({});
    const cookie = [plain.headers['set-cookie']].flat().find((c) => c?.startsWith('thidua_session=')) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    const sessionId = decodeURIComponent(cookie.split(';')[0]?.split('=')[1] ?? '').split('.')[0] ?? '';
    expect(sessionId.length).toBeGreaterThan(20);
    expect(everything(db.dbPath)).not.toContain(sessionId);
  });

  it('need the CSRF token for every change, and end on sign-out', async () => {
    const s = await signIn(app, 'nguoi-dung', person.password);
    const retract = (headers: Record<string, string>) => app.inject({ method: 'DELETE', url: api('nui-thanh-2023-demo', 'admin/snapshots/999999'), headers });
    const without = await retract({ cookie: s.cookie });
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toBe('csrf_invalid');
    expect((await retract({ cookie: s.cookie, 'x-csrf-token': 'forged' })).json().error).toBe('csrf_invalid');
    // With the token the request reaches the route (the snapshot does not exist).
    expect((await retract(s.headers)).json().error).toBe('snapshot_not_found');
    // Reading needs no CSRF token.
    expect((await app.inject({ url: '/api/admin/audit', headers: { cookie: s.cookie } })).statusCode).toBe(200);

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/admin/audit', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).json()).toEqual({ account: null, csrfToken: null });
  });

  it('end when the account is disabled or its password changes; a disabled account cannot sign in', async () => {
    const s = await signIn(app, 'nguoi-dung', person.password);
    const changed = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...s.headers, ...json }, payload: { currentPassword: 'wrong-password', newPassword: 'mot-mat-khau-moi-dai' } });
    expect(changed.statusCode).toBe(401);
    const other = await signIn(app, 'nguoi-dung', person.password);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { ...s.headers, ...json }, payload: { currentPassword: person.password, newPassword: 'mot-mat-khau-moi-dai' } });
    expect(ok.statusCode, ok.body).toBe(200);
    // This session goes on under a new id; the other one is gone.
    const renewed = sessionCookieOf(ok) ?? '';
    expect((await app.inject({ url: '/api/admin/audit', headers: { cookie: renewed } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/admin/audit', headers: { cookie: other.cookie } })).statusCode).toBe(401);

    const disabled = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${person.id}`, headers: { ...auth, ...json }, payload: { disabled: true } });
    expect(disabled.json().account.disabled).toBe(true);
    expect((await app.inject({ url: '/api/admin/audit', headers: { cookie: renewed } })).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: { username: 'nguoi-dung', password: 'mot-mat-khau-moi-dai' } });
    expect(login.statusCode).toBe(401);
    expect(login.json().error).toBe('invalid_credentials');
  });

  it('keeps the last administrator: it cannot be disabled or lose the role', async () => {
    const accounts = (await app.inject({ url: '/api/admin/accounts', headers: auth })).json().accounts as { id: number; username: string }[];
    const admin = accounts.find((a) => a.username === 'admin');
    const res = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${admin?.id}`, headers: { ...auth, ...json }, payload: { disabled: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('last_admin');
    const roles = await app.inject({ method: 'PATCH', url: `/api/admin/accounts/${admin?.id}`, headers: { ...auth, ...json }, payload: { grants: [] } });
    expect(roles.json().error).toBe('last_admin');
  });

  it('give scripts per-account tokens, shown once and revocable; a reset password is shown once', async () => {
    const other = await createAccount(app, 'script-owner', 'Phòng Văn hóa', [{ role: 'clerk', campaignId: '*' }]);
    const token = await tokenFor(app, other.id, 'máy chủ báo cáo');
    expect((await app.inject({ url: api('nui-thanh-2023-demo', 'admin/snapshots'), headers: token })).statusCode).toBe(200);
    const tokens = (await app.inject({ url: `/api/admin/accounts/${other.id}/tokens`, headers: auth })).json().tokens as { id: number; label: string }[];
    expect(tokens.map((t) => t.label)).toEqual(['máy chủ báo cáo']);
    expect(JSON.stringify(tokens)).not.toContain(token.authorization?.slice(7));
    await app.inject({ method: 'DELETE', url: `/api/admin/accounts/${other.id}/tokens/${tokens[0]?.id}`, headers: auth });
    expect((await app.inject({ url: api('nui-thanh-2023-demo', 'admin/snapshots'), headers: token })).statusCode).toBe(401);

    const reset = await app.inject({ method: 'POST', url: `/api/admin/accounts/${other.id}/password`, headers: auth });
    const password = reset.json().password as string;
    await signIn(app, 'script-owner', password);
    await expect(signIn(app, 'script-owner', other.password)).rejects.toThrow(/401/);
  });
});

/**
 * Failed sign-ins are counted per address across every route — wrong passwords at /api/auth/login,
 * wrong tokens anywhere — and the address is refused for the rest of the minute, right password or
 * not; sessions already signed in keep working, and other addresses are not affected.
 */
describe('failed sign-ins are limited per address, across all routes', () => {
  const db = tempDb();
  let app: FastifyInstance;
  let now = Date.parse('2026-12-01T01:00:00Z');
  let password = '';
  beforeAll(async () => {
    app = await startApp({ dbPath: db.dbPath, trustProxy: true, maxFailedAttempts: 3, clock: () => new Date(now) });
    password = (await createAccount(app, 'can-bo', 'Cán Bộ', [{ role: 'clerk', campaignId: '*' }])).password;
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const login = (address: string, pw: string) => app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...json, ...from(address) }, payload: { username: 'can-bo', password: pw } });

  it('refuses the address after three failures on different routes, then lets it try again', async () => {
    const office = await signIn(app, 'can-bo', password, from('10.0.0.1'));
    expect((await login('10.0.0.1', 'guess-1')).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/admin/audit', headers: { ...from('10.0.0.1'), authorization: 'Bearer td_guess' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/admin/campaigns', headers: { ...from('10.0.0.1'), ...json }, payload: '{}' })).statusCode).toBe(401);

    const blocked = await login('10.0.0.1', password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject({ url: '/api/admin/audit', headers: { ...from('10.0.0.1'), ...auth } })).statusCode).toBe(429);
    // Signed in before: still working. Another address: unaffected.
    expect((await app.inject({ url: '/api/admin/audit', headers: { ...office.headers } })).statusCode).toBe(200);
    expect((await login('10.0.0.2', password)).statusCode).toBe(200);

    now += 61_000;
    expect((await login('10.0.0.1', password)).statusCode).toBe(200);
  });
});
