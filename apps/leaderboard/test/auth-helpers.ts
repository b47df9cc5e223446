import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Grant } from '../src/contract.js';
import { auth } from './helpers.js';

/** The `name=value` of the session cookie a response sets, or null. */
export function sessionCookieOf(res: LightMyRequestResponse): string | null {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const line = all.find((c) => c.startsWith('thidua_session='));
  return line ? (line.split(';')[0] ?? null) : null;
}

/** A signed-in browser: its cookie and the CSRF token the page sends back with each change. */
export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a change through the session (cookie + x-csrf-token). */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', ...headers }, payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { ...headers, cookie, 'x-csrf-token': csrf } };
}

/** Creates an account through the API as the administrator (ADMIN_TOKEN); returns its id and password. */
export async function createAccount(app: FastifyInstance, username: string, displayName: string, grants: Grant[]): Promise<{ id: number; password: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/accounts',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: { username, displayName, grants },
  });
  if (res.statusCode !== 201) throw new Error(`create ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { account: { id: number }; password: string };
  return { id: body.account.id, password: body.password };
}

/** A token for a script acting as the account. */
export async function tokenFor(app: FastifyInstance, accountId: number, label = 'script'): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: `/api/admin/accounts/${accountId}/tokens`, headers: { ...auth, 'content-type': 'application/json' }, payload: { label } });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}
