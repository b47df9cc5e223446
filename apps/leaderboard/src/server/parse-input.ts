import type { z } from 'zod';
import { HttpError } from './errors.js';

/** Parses a query string or path parameters with the route's zod schema; 400 on failure. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const name = first?.path.map(String).join('.') ?? '';
  const raw = (value as Record<string, unknown> | undefined)?.[name];
  if (name === 'asOf') throw new HttpError('invalid_as_of', { detail: { vi: String(raw ?? ''), en: String(raw ?? '') } });
  throw new HttpError('invalid_request', {
    detail: { vi: `tham số "${name}": ${first?.message ?? ''}`, en: `parameter "${name}": ${first?.message ?? ''}` },
  });
}
