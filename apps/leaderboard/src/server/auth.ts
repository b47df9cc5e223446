import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/**
 * The admin token (mã quản trị) of Phòng Nội vụ. Only its SHA-256 is kept — in memory when it
 * comes from ADMIN_TOKEN, in the database when generated at first start. Comparing two hashes of
 * equal length with timingSafeEqual makes the check constant-time whatever the token's length.
 */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface AdminTokenSetup {
  hash: Buffer;
  /** Set only when the token was generated just now: print it once, it is never shown again. */
  generated: string | null;
}

export function setUpAdminToken(store: Store, configured: string | undefined, now: string): AdminTokenSetup {
  if (configured !== undefined && configured !== '') return { hash: Buffer.from(sha256Hex(configured), 'hex'), generated: null };
  const stored = store.getAdminTokenHash();
  if (stored) return { hash: Buffer.from(stored, 'hex'), generated: null };
  const token = randomBytes(24).toString('base64url');
  const hex = sha256Hex(token);
  store.setAdminTokenHash(hex, now);
  return { hash: Buffer.from(hex, 'hex'), generated: token };
}

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? null;
}

export function tokenMatches(expectedHash: Buffer, token: string | null): boolean {
  if (token === null) return false;
  return timingSafeEqual(expectedHash, createHash('sha256').update(token, 'utf8').digest());
}
