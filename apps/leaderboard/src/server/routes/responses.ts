import { z } from 'zod';
import { errorSchema } from '../../contract.js';
import { httpErrors, type HttpErrorCode } from '../errors.js';

/**
 * The error answers a route can give, for its `schema.response`: one entry per status, listing the
 * codes (docs/errors-http.md) with their Vietnamese and English meaning; the body is always Error.
 */
export function errorResponses(...codes: HttpErrorCode[]) {
  const byStatus = new Map<number, HttpErrorCode[]>();
  for (const code of codes) byStatus.set(httpErrors[code].status, [...(byStatus.get(httpErrors[code].status) ?? []), code]);
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof errorSchema } } }> = {};
  for (const [status, list] of byStatus) {
    out[status] = {
      description: list.map((c) => `\`${c}\`: ${httpErrors[c].vi} — ${httpErrors[c].en}`).join('; '),
      content: { 'application/json': { schema: errorSchema } },
    };
  }
  return out;
}

/** A file download as a response entry (the body is the file's bytes). */
export function fileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } } };
}

/**
 * How a protected route is reached (OpenAPI `security`): a script's bearer token, or the session
 * cookie of the admin page (whose changes also carry the x-csrf-token header).
 */
export const security = [{ accountToken: [] }, { sessionCookie: [] }];
