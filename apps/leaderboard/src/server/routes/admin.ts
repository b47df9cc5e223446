import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { bearerToken, tokenMatches } from '../auth.js';
import { HttpError } from '../errors.js';
import type { ApiOperation } from '../openapi.js';
import { parseInput } from '../parse-input.js';
import {
  auditQuerySchema,
  auditResponseSchema,
  finalizeResponseSchema,
  retractResponseSchema,
  snapshotParamsSchema,
  uploadQuerySchema,
  uploadResultSchema,
} from '../schemas.js';
import { xlsxType } from './files.js';

/**
 * Phòng Nội vụ's API, behind `Authorization: Bearer <token>`. Registered under /api/admin; every
 * route here passes the token check (a test enumerates the routes to prove it).
 */

export const adminActor = 'admin';

/** Raw upload bodies we accept; anything else is 415. */
export const rawUploadTypes = ['text/csv', 'application/vnd.ms-excel', xlsxType, 'application/octet-stream'];

export const adminOperations: ApiOperation[] = [
  {
    method: 'POST',
    path: '/api/admin/snapshots',
    summary: 'Công bố số liệu — upload a statistics file (CSV or XLSX) as a snapshot',
    description:
      'Body: the raw file (text/csv, XLSX, application/octet-stream; optional X-File-Name header, URI-encoded) or multipart/form-data with field `file`. ' +
      'Every issue is listed by row and column and the whole file is refused (422, nothing stored, one audit line). ' +
      'dryRun=1 validates and evaluates without storing. A new upload for an asOf that already has a snapshot supersedes it.',
    tags: ['admin'],
    admin: true,
    query: uploadQuerySchema,
    requestBody: {
      description: 'The statistics sheet',
      content: {
        'text/csv': { schema: { type: 'string' } },
        [xlsxType]: { schema: { type: 'string', format: 'binary' } },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
      },
    },
    responses: {
      200: { description: 'Dry run: the evaluation, nothing stored', schema: uploadResultSchema },
      201: { description: 'Stored and published', schema: uploadResultSchema },
    },
    errors: ['invalid_as_of', 'missing_file', 'campaign_finalized', 'body_too_large', 'unsupported_media_type', 'as_of_outside_period', 'invalid_stats_file'],
  },
  {
    method: 'DELETE',
    path: '/api/admin/snapshots/:id',
    summary: 'Thu hồi — retract a snapshot (kept, marked retracted, audited)',
    tags: ['admin'],
    admin: true,
    params: snapshotParamsSchema,
    responses: { 200: { description: 'The retracted snapshot', schema: retractResponseSchema } },
    errors: ['invalid_request', 'snapshot_not_found', 'already_retracted', 'campaign_finalized'],
  },
  {
    method: 'POST',
    path: '/api/admin/finalize',
    summary: 'Chốt kết quả — freeze the latest snapshot as the final result',
    description: 'Afterwards uploads and retractions are refused (409) and exports say "chính thức" (final).',
    tags: ['admin'],
    admin: true,
    responses: { 200: { description: 'Final', schema: finalizeResponseSchema } },
    errors: ['campaign_finalized', 'nothing_to_finalize'],
  },
  {
    method: 'GET',
    path: '/api/admin/audit',
    summary: 'Nhật ký — the append-only audit log, newest first',
    tags: ['admin'],
    admin: true,
    query: auditQuerySchema,
    responses: { 200: { description: 'Audit entries', schema: auditResponseSchema } },
    errors: ['invalid_request'],
  },
];

export interface AdminOptions {
  tokenHash: Buffer;
  bodyLimit: number;
  /** Failed token attempts allowed per client per minute. */
  maxFailedAttempts: number;
}

function uploadFileName(request: FastifyRequest, asOf: string): string {
  const header = request.headers['x-file-name'];
  if (typeof header === 'string' && header.trim() !== '') {
    try {
      return decodeURIComponent(header).slice(0, 200);
    } catch {
      return header.slice(0, 200);
    }
  }
  const type = request.headers['content-type'] ?? '';
  return `upload-${asOf}.${type.startsWith(xlsxType) ? 'xlsx' : 'csv'}`;
}

export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, opts) => {
  const campaign = app.campaign;
  const isAuthorised = (request: FastifyRequest) => tokenMatches(opts.tokenHash, bearerToken(request));

  // Only failed attempts count toward the limit: a request with the right token is allow-listed.
  const rateLimit = {
    max: opts.maxFailedAttempts,
    timeWindow: 60_000,
    groupId: 'admin-token',
    allowList: (request: FastifyRequest) => isAuthorised(request),
  };

  // preParsing: after the rate limit (onRequest), before any byte of the body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (isAuthorised(request)) return;
    campaign.audit({
      actor: 'anonymous',
      action: 'auth_failed',
      outcome: 'refused',
      detail: { method: request.method, url: request.url, ip: request.ip, tokenGiven: bearerToken(request) !== null },
    });
    reply.header('www-authenticate', 'Bearer realm="thidua-admin"');
    throw new HttpError('unauthorized');
  });

  app.addContentTypeParser(rawUploadTypes, { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: opts.bodyLimit, files: 1, fields: 10, parts: 20 } });

  app.post('/snapshots', { config: { rateLimit }, bodyLimit: opts.bodyLimit }, async (request, reply) => {
    const query = parseInput(uploadQuerySchema, request.query);
    let bytes: Buffer;
    let fileName: string;
    if (request.isMultipart()) {
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new HttpError('missing_file');
      bytes = await file.toBuffer();
      fileName = file.filename ? file.filename.slice(0, 200) : uploadFileName(request, query.asOf);
    } else if (Buffer.isBuffer(request.body)) {
      bytes = request.body;
      fileName = uploadFileName(request, query.asOf);
    } else if (request.body === undefined || request.body === null) {
      throw new HttpError('missing_file');
    } else {
      throw new HttpError('unsupported_media_type');
    }
    const dryRun = query.dryRun === '1' || query.dryRun === 'true';
    const result = await campaign.upload({ bytes, fileName, asOf: query.asOf, actor: adminActor, dryRun });
    return reply.code(dryRun ? 200 : 201).type('application/json; charset=utf-8').send(campaign.uploadResultJson(result));
  });

  app.delete('/snapshots/:id', { config: { rateLimit } }, async (request) => {
    const { id } = parseInput(snapshotParamsSchema, request.params);
    return { snapshot: campaign.retract(id, adminActor) };
  });

  app.post('/finalize', { config: { rateLimit } }, async () => ({ status: 'final' as const, snapshot: campaign.finalize(adminActor) }));

  app.get('/audit', { config: { rateLimit } }, async (request, reply) => {
    const q = parseInput(auditQuerySchema, request.query);
    reply.header('cache-control', 'no-store');
    return { entries: campaign.listAudit(q.before === undefined ? { limit: q.limit ?? 200 } : { limit: q.limit ?? 200, beforeId: q.before }) };
  });
};
