import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import session from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Actor } from '../../contract.js';
import type { AccountRecord } from '../../store/accounts.js';
import type { Store } from '../../store/store.js';
import { anonymousActor } from '../actors.js';
import { HttpError } from '../errors.js';
import { holds, type Requirement } from '../../roles.js';
import { DatabaseSessionStore } from './session-store.js';
import type { FailedAttempts } from './throttle.js';
import { bearerToken, sha256Hex } from './tokens.js';

/** Who made a request: the account, and whether through a signed-in session or a script's token. */
export interface SignedIn {
  account: AccountRecord;
  via: 'session' | 'token';
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the guard for the routes behind it; null when nobody is signed in. */
    signedIn: SignedIn | null;
  }
  interface FastifySchema {
    /** What the route requires; the guard enforces it and /openapi.json shows it. */
    'x-required-role'?: Requirement;
  }
}

export const sessionCookieName = 'thidua_session';
/** A working day: an official signs in in the morning. */
export const sessionMaxAgeMs = 8 * 3_600_000;

export interface GuardOptions {
  store: Store;
  clock: () => Date;
  throttle: FailedAttempts;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const actorOf = (account: AccountRecord): Actor => ({ username: account.username, name: account.displayName });

/** An address refused for its failed sign-ins gets 429 and the seconds until it may try again. */
export function refuseWhileBlocked(throttle: FailedAttempts, request: FastifyRequest, reply: FastifyReply): void {
  const wait = throttle.blockedFor(request.ip);
  if (wait === 0) return;
  reply.header('retry-after', String(wait));
  throw new HttpError('rate_limited');
}

/** The signed-in account of a route behind the guard (its requirement made sure there is one). */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new HttpError('unauthorized');
  return request.signedIn;
}

/**
 * Puts the routes registered after it in `scope` behind accounts: sessions in secure, HttpOnly,
 * SameSite=Strict cookies (@fastify/cookie, @fastify/session with the database as its store) with
 * CSRF tokens on every change made through them (@fastify/csrf-protection), and bearer tokens for
 * scripts. Each route's `x-required-role` is checked before a byte of its body is read: anonymous
 * requests get 401, the wrong role 403. Failed sign-ins count per address, across every route.
 */
export async function installGuard(scope: FastifyInstance, opts: GuardOptions): Promise<void> {
  const { store, clock, throttle } = opts;
  const secret = store.accounts.secret('session_cookie', () => randomBytes(48).toString('base64url'), clock().toISOString());
  await scope.register(cookie);
  await scope.register(session, {
    secret,
    cookieName: sessionCookieName,
    store: new DatabaseSessionStore(store.accounts, clock),
    saveUninitialized: false,
    rolling: false,
    // Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY set).
    cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: sessionMaxAgeMs },
  });
  await scope.register(csrfProtection, { sessionPlugin: '@fastify/session' });

  const refuse = (request: FastifyRequest, reply: FastifyReply, tokenGiven: boolean): never => {
    throttle.fail(request.ip);
    store.appendAudit({
      at: clock().toISOString(),
      actor: anonymousActor,
      action: 'auth_failed',
      outcome: 'refused',
      detail: { method: request.method, url: request.url.slice(0, 300), ip: request.ip, tokenGiven },
    });
    reply.header('www-authenticate', 'Bearer realm="thidua"');
    throw new HttpError('unauthorized');
  };

  scope.addHook('onRequest', async (request, reply) => {
    const required = request.routeOptions.schema?.['x-required-role'];
    const token = bearerToken(request);
    if (token !== null) {
      refuseWhileBlocked(throttle, request, reply);
      const account = store.accounts.accountForToken(sha256Hex(token), clock().toISOString());
      if (!account) return refuse(request, reply, true);
      request.signedIn = { account, via: 'token', actor: actorOf(account) };
    } else {
      const accountId = request.session.accountId;
      const account = accountId === undefined ? null : store.accounts.get(accountId);
      if (account && account.disabledAt === null) request.signedIn = { account, via: 'session', actor: actorOf(account) };
    }
    if (required === undefined) return;
    if (!request.signedIn) {
      refuseWhileBlocked(throttle, request, reply);
      return refuse(request, reply, false);
    }
    const campaignId = (request.params as { campaignId?: unknown } | undefined)?.campaignId;
    if (!holds(request.signedIn.account.grants, required, typeof campaignId === 'string' ? campaignId : null)) throw new HttpError('forbidden');
  });

  // A change made through a session must carry the page's CSRF token (scripts use tokens, not cookies).
  scope.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (request.signedIn?.via !== 'session' || safeMethods.has(request.method)) return done();
    scope.csrfProtection(request, reply, done);
  });
}
