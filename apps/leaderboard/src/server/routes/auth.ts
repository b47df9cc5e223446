import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBodySchema, loginBodySchema, sessionResponseSchema, type Account } from '../../contract.js';
import type { AccountRecord } from '../../store/accounts.js';
import { anonymousActor } from '../actors.js';
import { actorOf, refuseWhileBlocked, sessionCookieName, signedIn } from '../auth/guard.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { FailedAttempts } from '../auth/throttle.js';
import { HttpError } from '../errors.js';
import { errorResponses, security } from './responses.js';

/** An account as the API shows it: never its password hash. */
export function accountView(a: AccountRecord): Account {
  return { id: a.id, username: a.username, displayName: a.displayName, grants: a.grants, disabled: a.disabledAt !== null, hasPassword: a.passwordHash !== null, createdAt: a.createdAt };
}

export interface AuthRouteOptions {
  throttle: FailedAttempts;
}

/**
 * Signing in and out of the admin page, and one's own password. A sign-in gets a new session (its
 * id changes: no fixation) and the CSRF token the page sends back with every change.
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const store = app.store;
  const now = () => app.clock().toISOString();

  app.get(
    '/api/auth/session',
    { schema: { summary: 'Phiên đăng nhập — who is signed in (null when nobody), and the CSRF token for the page', tags: ['auth'], response: { 200: sessionResponseSchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const who = request.signedIn;
      if (!who) return { account: null, csrfToken: null };
      return { account: accountView(who.account), csrfToken: who.via === 'session' ? reply.generateCsrf() : null };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Đăng nhập — sign in with a user name and password',
        description: 'Sets the session cookie (HttpOnly, SameSite=Strict; Secure over HTTPS). Failed attempts count toward the per-address limit (429 with Retry-After).',
        tags: ['auth'],
        body: loginBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses('invalid_request', 'invalid_credentials', 'rate_limited') },
      },
    },
    async (request, reply) => {
      refuseWhileBlocked(opts.throttle, request, reply);
      const { username, password } = request.body;
      const account = store.accounts.findByUsername(username);
      const ok = await verifyPassword(password, account?.disabledAt === null ? account.passwordHash : null);
      if (!ok || !account) {
        opts.throttle.fail(request.ip);
        store.appendAudit({ at: now(), actor: anonymousActor, action: 'login_failed', outcome: 'refused', detail: { username: username.slice(0, 64), ip: request.ip } });
        throw new HttpError('invalid_credentials');
      }
      await request.session.regenerate();
      request.session.accountId = account.id;
      store.appendAudit({ at: now(), actor: actorOf(account), action: 'signed_in', outcome: 'ok', detail: { ip: request.ip } });
      return { account: accountView(account), csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        summary: 'Đăng xuất — sign out (the session is deleted)',
        tags: ['auth'],
        'x-required-role': 'signed-in',
        security,
        response: { 200: sessionResponseSchema, ...errorResponses('unauthorized', 'csrf_invalid', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const who = signedIn(request);
      store.appendAudit({ at: now(), actor: who.actor, action: 'signed_out', outcome: 'ok' });
      if (who.via === 'session') await request.session.destroy();
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { account: null, csrfToken: null };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        summary: 'Đổi mật khẩu — change one\u2019s own password (every other session is signed out)',
        tags: ['auth'],
        'x-required-role': 'signed-in',
        security,
        body: changePasswordBodySchema,
        response: { 200: sessionResponseSchema, ...errorResponses('unauthorized', 'csrf_invalid', 'invalid_request', 'invalid_credentials', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const who = signedIn(request);
      if (!(await verifyPassword(request.body.currentPassword, who.account.passwordHash))) {
        opts.throttle.fail(request.ip);
        throw new HttpError('invalid_credentials', { detail: { vi: 'mật khẩu hiện tại không đúng', en: 'the current password is wrong' } });
      }
      store.accounts.setPassword(who.account.id, await hashPassword(request.body.newPassword), who.actor, now());
      if (who.via !== 'session') return { account: accountView(who.account), csrfToken: null };
      // The old sessions are gone, this one with them: it continues under a new id.
      await request.session.regenerate();
      request.session.accountId = who.account.id;
      return { account: accountView(who.account), csrfToken: reply.generateCsrf() };
    },
  );
};
