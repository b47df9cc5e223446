import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLines, dumpContent, startApp, tempDb } from './helpers.js';
import { createAccount, signIn, tokenFor } from './auth-helpers.js';

type Operation = { 'x-required-role'?: string; security?: unknown[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** The stored content, but not what merely reading with a token touches (its last use) or sessions. */
function content(dbPath: string) {
  const { api_tokens: _tokens, sessions: _sessions, ...rest } = dumpContent(dbPath);
  return rest;
}

/**
 * Every route of /openapi.json that requires a role is tried anonymously, with a wrong token, and
 * with an account that lacks the role — through a token and through a signed-in session: 401, 401,
 * 403 and 403, nothing changed. And every route that changes anything requires a role.
 */
describe('route guards, from the OpenAPI document', () => {
  const db = tempDb();
  let app: FastifyInstance;
  const routes: { method: string; url: string }[] = [];
  let openapi: OpenApi;
  /** For each requirement, an account that lacks it: its token headers and its session headers. */
  const lacking: Record<string, { token: Record<string, string>; session: Record<string, string> }> = {};
  let accountId = 0;

  beforeAll(async () => {
    app = await startApp({
      dbPath: db.dbPath,
      maxFailedAttempts: 1_000_000,
      onRoute: (r) => {
        for (const method of [r.method].flat()) routes.push({ method, url: r.url });
      },
    });
    openapi = (await app.inject('/openapi.json')).json() as OpenApi;
    const campaign = 'nui-thanh-2023-demo';
    const people = {
      clerk: await createAccount(app, 'thu-ky', 'Trần Thị Thu', [{ role: 'clerk', campaignId: campaign }]),
      publisher: await createAccount(app, 'cong-bo', 'Lê Văn Công', [{ role: 'publisher', campaignId: campaign }]),
      publisherEverywhere: await createAccount(app, 'cong-bo-tinh', 'Phạm Thị Tỉnh', [{ role: 'publisher', campaignId: '*' }]),
      elsewhere: await createAccount(app, 'xa-khac', 'Võ Văn Khác', [{ role: 'clerk', campaignId: 'qd766-quang-nam-2024-demo' }]),
    };
    accountId = people.clerk.id;
    const both = async (p: { id: number; password: string }, username: string) => ({ token: await tokenFor(app, p.id), session: (await signIn(app, username, p.password)).headers });
    lacking.clerk = await both(people.publisher, 'cong-bo');
    lacking.publisher = await both(people.clerk, 'thu-ky');
    lacking.council = await both(people.clerk, 'thu-ky');
    lacking.admin = await both(people.publisherEverywhere, 'cong-bo-tinh');
    lacking.member = await both(people.elsewhere, 'xa-khac');
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
  /** Anyone may sign in; the single-campaign addresses only redirect (308) to a guarded one. */
  const open = new Set(['POST /api/auth/login', 'POST /api/admin/snapshots', 'DELETE /api/admin/snapshots/:snapshotId', 'POST /api/admin/finalize']);
  const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

  it('documents a role on every route that changes anything', () => {
    const changing = routes.filter((r) => mutating.has(r.method) && !open.has(`${r.method} ${r.url}`));
    expect(changing.length).toBeGreaterThanOrEqual(14);
    for (const r of changing) {
      const op = openapi.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url} is not in /openapi.json`).toBeDefined();
      expect(op?.['x-required-role'], `${r.method} ${r.url}`).toMatch(/^(clerk|publisher|council|admin|member|signed-in)$/);
      expect(op?.security, `${r.method} ${r.url}`).toEqual([{ accountToken: [] }, { sessionCookie: [] }]);
    }
  });

  it('refuses each guarded route anonymously (401), with a wrong token (401) and with the wrong role (403), changing nothing', async () => {
    const before = content(db.dbPath);
    const auditBefore = auditLines(db.dbPath).length;
    let tried = 0;
    for (const [path, methods] of Object.entries(openapi.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const required = op['x-required-role'];
        if (required === undefined) continue;
        const url =
          path.replace('{campaignId}', 'nui-thanh-2023-demo').replace('{snapshotId}', '1').replace('{accountId}', String(accountId)).replace('{tokenId}', '1') +
          (path.endsWith('/admin/snapshots') && method === 'post' ? '?asOf=2023-12-31' : '');
        const send = (headers: Record<string, string>) => {
          const options: InjectOptions = { method: method.toUpperCase() as 'GET', url, headers: { ...headers } };
          if (mutating.has(options.method as string)) {
            options.headers = { ...options.headers, 'content-type': 'application/json' };
            options.payload = '{}';
          }
          return app.inject(options);
        };
        const where = `${method.toUpperCase()} ${path}`;
        const anonymous = await send({});
        expect(anonymous.statusCode, where).toBe(401);
        expect(anonymous.json().error, where).toBe('unauthorized');
        expect(anonymous.headers['www-authenticate'], where).toMatch(/^Bearer/);
        const wrong = await send({ authorization: 'Bearer td_not-a-real-token' });
        expect(wrong.statusCode, where).toBe(401);
        if (required !== 'signed-in') {
          const who = lacking[required];
          expect(who, required).toBeDefined();
          for (const headers of [who?.token ?? {}, who?.session ?? {}]) {
            const res = await send(headers);
            expect(res.statusCode, `${where} as an account without ${required}`).toBe(403);
            expect(res.json().error, where).toBe('forbidden');
            expect(res.json().message, where).toContain('không có quyền');
          }
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(18);
    expect(content(db.dbPath)).toEqual(before);
    // Each anonymous or wrong-token try is one auth_failed line.
    const lines = auditLines(db.dbPath).slice(auditBefore);
    expect(lines.filter((l) => l.action === 'auth_failed').length).toBe(tried * 2);
  });

  it('shows each route\u2019s requirement in /openapi.json', () => {
    const role = (path: string, method: string) => openapi.paths[path]?.[method]?.['x-required-role'];
    expect(role('/api/campaigns/{campaignId}/admin/snapshots', 'post')).toBe('clerk');
    expect(role('/api/campaigns/{campaignId}/admin/snapshots/{snapshotId}/publish', 'post')).toBe('publisher');
    expect(role('/api/campaigns/{campaignId}/admin/snapshots/{snapshotId}', 'delete')).toBe('publisher');
    expect(role('/api/campaigns/{campaignId}/admin/finalize', 'post')).toBe('council');
    expect(role('/api/admin/campaigns', 'post')).toBe('admin');
    expect(role('/api/admin/accounts', 'post')).toBe('admin');
    expect(role('/api/admin/backup', 'post')).toBe('admin');
    expect(role('/api/campaigns/{campaignId}/leaderboard', 'get')).toBeUndefined();
  });
});
