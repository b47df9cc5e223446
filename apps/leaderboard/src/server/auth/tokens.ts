import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Bearer tokens for scripts, one account each. Only their SHA-256 is stored: a token is 192 random
 * bits, so a fast hash is enough (unlike a password, it cannot be guessed from a dictionary).
 */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** `td_` and 32 base64url characters: recognisable in a script, and in a leaked file. */
export function generateToken(): string {
  return `td_${randomBytes(24).toString('base64url')}`;
}

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? null;
}
