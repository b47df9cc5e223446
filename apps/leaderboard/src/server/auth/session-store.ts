import type * as Fastify from 'fastify';
import type { SessionStore } from '@fastify/session';
import type { AccountStore } from '../../store/accounts.js';
import { sha256Hex } from './tokens.js';

declare module 'fastify' {
  interface Session {
    /** The signed-in account. */
    accountId?: number;
    /** @fastify/csrf-protection's secret. */
    _csrf?: string;
  }
}

/**
 * @fastify/session's store, in the database: sessions outlive a restart, and signing an account out
 * everywhere (disabled, password changed) is one DELETE. Kept by the SHA-256 of the session id, so
 * a copy of the database holds no usable session. Expired sessions are purged as they are met.
 */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly accounts: AccountStore,
    private readonly now: () => Date,
  ) {}

  set(sessionId: string, session: Fastify.Session, callback: (err?: unknown) => void): void {
    try {
      const expires = session.cookie.expires ? new Date(session.cookie.expires) : new Date(this.now().getTime() + 8 * 3_600_000);
      this.accounts.setSession(sha256Hex(sessionId), session.accountId ?? null, JSON.stringify(session), expires.toISOString());
      callback();
    } catch (err) {
      callback(err);
    }
  }

  get(sessionId: string, callback: (err: unknown, result?: Fastify.Session | null) => void): void {
    try {
      const json = this.accounts.getSession(sha256Hex(sessionId), this.now().toISOString());
      callback(null, json === null ? null : (JSON.parse(json) as Fastify.Session));
    } catch (err) {
      callback(err);
    }
  }

  destroy(sessionId: string, callback: (err?: unknown) => void): void {
    try {
      this.accounts.destroySession(sha256Hex(sessionId));
      callback();
    } catch (err) {
      callback(err);
    }
  }
}
