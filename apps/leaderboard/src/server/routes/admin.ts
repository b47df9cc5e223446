import multipart from '@fastify/multipart';
import { getPreset, type RuleSet } from '@thidua/scoring';
import { checkRuleSetText, parseRosterFile } from '@thidua/stats-io';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditQuerySchema,
  auditResponseSchema,
  campaignParamsSchema,
  campaignResponseSchema,
  createCampaignBodySchema,
  finalizeResponseSchema,
  retractResponseSchema,
  rosterResponseSchema,
  snapshotParamsSchema,
  uploadQuerySchema,
  uploadResultSchema,
} from '../../contract.js';
import { bearerToken, tokenMatches } from '../auth.js';
import { HttpError } from '../errors.js';
import { xlsxType } from './files.js';
import { errorResponses } from './responses.js';

/**
 * Phòng Nội vụ's API, behind `Authorization: Bearer <token>`: creating and archiving campaigns,
 * their rosters, uploading, retracting and finalising statistics, the audit log. Every route here
 * passes the token check before any byte of the body is read (a test enumerates the routes).
 */

export const adminActor = 'admin';

/** Raw upload bodies we accept; anything else is 415. */
export const rawUploadTypes = ['text/csv', 'application/vnd.ms-excel', xlsxType, 'application/octet-stream'];

export interface AdminOptions {
  tokenHash: Buffer;
  bodyLimit: number;
  /** Failed token attempts allowed per client per minute. */
  maxFailedAttempts: number;
}

/** Which audit action a refused request was (the error handler writes the line). */
export const refusalActions: Record<string, string> = {
  'POST /api/campaigns/:campaignId/admin/snapshots': 'snapshot_upload',
  'DELETE /api/campaigns/:campaignId/admin/snapshots/:snapshotId': 'snapshot_retract',
  'POST /api/campaigns/:campaignId/admin/finalize': 'campaign_finalize',
  'PUT /api/campaigns/:campaignId/admin/roster': 'roster_upload',
  'POST /api/campaigns/:campaignId/admin/archive': 'campaign_archive',
  'POST /api/admin/campaigns': 'campaign_create',
};

/** A sheet as the request body: the raw file (CSV, XLSX, octet-stream) or a multipart form with `file`. */
const fileBody = z.unknown().meta({ type: 'string', format: 'binary', description: 'The sheet: CSV, XLSX, or multipart/form-data with field "file"' });
const fileTypes = ['text/csv', xlsxType, 'application/octet-stream', 'multipart/form-data'];

function uploadFileName(request: FastifyRequest, fallback: string): string {
  const header = request.headers['x-file-name'];
  if (typeof header === 'string' && header.trim() !== '') {
    try {
      return decodeURIComponent(header).slice(0, 200);
    } catch {
      return header.slice(0, 200);
    }
  }
  const type = request.headers['content-type'] ?? '';
  return `${fallback}.${type.startsWith(xlsxType) ? 'xlsx' : 'csv'}`;
}

/** The uploaded file: a raw body (CSV, XLSX, octet-stream) or the `file` field of a multipart form. */
async function readUpload(request: FastifyRequest, fallbackName: string): Promise<{ bytes: Buffer; fileName: string }> {
  if (request.isMultipart()) {
    try {
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new HttpError('missing_file');
      const bytes = await file.toBuffer();
      return { bytes, fileName: file.filename ? file.filename.slice(0, 200) : uploadFileName(request, fallbackName) };
    } catch (err) {
      // A size limit is the limit's error; anything else the form parser throws is a broken form.
      if (err instanceof HttpError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw err;
      throw new HttpError('invalid_multipart', { detail: { vi: (err as Error).message, en: (err as Error).message } });
    }
  }
  if (Buffer.isBuffer(request.body)) return { bytes: request.body, fileName: uploadFileName(request, fallbackName) };
  if (request.body === undefined || request.body === null) throw new HttpError('missing_file');
  throw new HttpError('unsupported_media_type');
}

export const adminRoutes: FastifyPluginAsyncZod<AdminOptions> = async (app, opts) => {
  const isAuthorised = (request: FastifyRequest) => tokenMatches(opts.tokenHash, bearerToken(request));

  // Only failed attempts count toward the limit: a request with the right token is allow-listed.
  const rateLimit = { max: opts.maxFailedAttempts, timeWindow: 60_000, groupId: 'admin-token', allowList: (request: FastifyRequest) => isAuthorised(request) };

  // preParsing: after the rate limit (onRequest), before any byte of the body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (isAuthorised(request)) return;
    app.campaigns.audit({
      actor: 'anonymous',
      action: 'auth_failed',
      outcome: 'refused',
      detail: { method: request.method, url: request.url.slice(0, 300), ip: request.ip, tokenGiven: bearerToken(request) !== null },
    });
    reply.header('www-authenticate', 'Bearer realm="thidua-admin"');
    throw new HttpError('unauthorized');
  });

  app.addContentTypeParser(rawUploadTypes, { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: opts.bodyLimit, files: 1, fields: 10, parts: 20 } });

  const security = [{ adminToken: [] }];

  app.post(
    '/api/campaigns/:campaignId/admin/snapshots',
    {
      config: { rateLimit },
      bodyLimit: opts.bodyLimit,
      schema: {
        summary: 'Công bố số liệu — upload a statistics file (CSV, XLSX or a JSON list of units) as a snapshot',
        description:
          'Body: the raw file (text/csv, XLSX, application/octet-stream; optional X-File-Name header, URI-encoded; a name ending .json is read as a list of units) or multipart/form-data with field `file`. ' +
          'Every issue is listed by row and column and the whole file is refused (422, nothing stored, one audit line). ' +
          'dryRun=1 validates and evaluates without storing. A new upload for an asOf that already has a snapshot supersedes it.',
        tags: ['admin'],
        security,
        params: campaignParamsSchema,
        querystring: uploadQuerySchema,
        body: fileBody,
        consumes: fileTypes,
        response: {
          200: uploadResultSchema.describe('Dry run: the evaluation, nothing stored'),
          201: uploadResultSchema.describe('Stored and published'),
          ...errorResponses('unauthorized', 'rate_limited', 'campaign_not_found', 'invalid_as_of', 'invalid_multipart', 'missing_file', 'campaign_finalized', 'campaign_archived', 'body_too_large', 'unsupported_media_type', 'as_of_outside_period', 'invalid_stats_file'),
        },
      },
    },
    async (request, reply) => {
      const changes = app.campaigns.changes(request.params.campaignId);
      const { asOf, dryRun: dry } = request.query;
      const { bytes, fileName } = await readUpload(request, `upload-${asOf}`);
      const dryRun = dry === '1' || dry === 'true';
      const result = await changes.upload({ bytes, fileName, asOf, actor: adminActor, dryRun });
      // Sent as text: the evaluation of a national roster is megabytes, and it is the library's own.
      return reply.code(dryRun ? 200 : 201).serializer(JSON.stringify).send(result);
    },
  );

  app.delete(
    '/api/campaigns/:campaignId/admin/snapshots/:snapshotId',
    {
      config: { rateLimit },
      schema: {
        summary: 'Thu hồi — retract a snapshot (kept, marked retracted, audited)',
        tags: ['admin'],
        security,
        params: snapshotParamsSchema,
        response: {
          200: retractResponseSchema,
          ...errorResponses('unauthorized', 'rate_limited', 'invalid_request', 'campaign_not_found', 'snapshot_not_found', 'already_retracted', 'campaign_finalized', 'campaign_archived'),
        },
      },
    },
    async (request) => ({ snapshot: app.campaigns.changes(request.params.campaignId).retract(request.params.snapshotId, adminActor) }),
  );

  app.post(
    '/api/campaigns/:campaignId/admin/finalize',
    {
      config: { rateLimit },
      schema: {
        summary: 'Chốt kết quả — freeze the latest snapshot as the final result',
        description: 'Afterwards uploads and retractions are refused (409) and exports say "chính thức" (final).',
        tags: ['admin'],
        security,
        params: campaignParamsSchema,
        response: { 200: finalizeResponseSchema, ...errorResponses('unauthorized', 'rate_limited', 'campaign_not_found', 'campaign_finalized', 'campaign_archived', 'nothing_to_finalize') },
      },
    },
    async (request) => ({ status: 'final' as const, snapshot: app.campaigns.changes(request.params.campaignId).finalize(adminActor) }),
  );

  app.put(
    '/api/campaigns/:campaignId/admin/roster',
    {
      config: { rateLimit },
      bodyLimit: opts.bodyLimit,
      schema: {
        summary: 'Danh sách đơn vị — replace the roster with a sheet (Mã đơn vị, Tên đơn vị, Nhóm)',
        description: 'CSV or XLSX, as the statistics upload. Every problem by row and column; a refused sheet changes nothing.',
        tags: ['admin'],
        security,
        params: campaignParamsSchema,
        body: fileBody,
        consumes: fileTypes,
        response: {
          200: rosterResponseSchema,
          ...errorResponses('unauthorized', 'rate_limited', 'campaign_not_found', 'invalid_multipart', 'missing_file', 'unsupported_media_type', 'body_too_large', 'invalid_roster', 'campaign_finalized', 'campaign_archived'),
        },
      },
    },
    async (request) => {
      const campaign = app.campaigns.require(request.params.campaignId);
      const { bytes, fileName } = await readUpload(request, 'danh-sach-don-vi');
      if (bytes.length === 0) throw new HttpError('missing_file');
      const parsed = await parseRosterFile(bytes, { fileName, ruleSet: campaign.ruleSet });
      if (parsed.issues.length > 0) throw new HttpError('invalid_roster', { issues: parsed.issues });
      const updated = app.campaigns.replaceRoster(campaign.id, parsed.roster, adminActor, { fileName });
      return { roster: [...updated.roster] };
    },
  );

  app.post(
    '/api/campaigns/:campaignId/admin/archive',
    {
      config: { rateLimit },
      schema: {
        summary: 'Lưu trữ — archive a campaign: it stays readable, and nothing can change it any more',
        tags: ['admin'],
        security,
        params: campaignParamsSchema,
        response: { 200: campaignResponseSchema, ...errorResponses('unauthorized', 'rate_limited', 'campaign_not_found', 'campaign_archived') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.archive(request.params.campaignId, adminActor);
      return { campaign: campaign.info, units: campaign.roster.length };
    },
  );

  app.post(
    '/api/admin/campaigns',
    {
      config: { rateLimit },
      schema: {
        summary: 'Tạo đợt thi đua — create a campaign from a preset or a rule-set file, with or without its roster',
        description: 'Give `preset` (a preset id of @thidua/scoring) or `ruleSetText` (the file\u2019s text: its problems come back with line and column; version 1 is converted).',
        tags: ['admin'],
        security,
        body: createCampaignBodySchema,
        response: {
          201: campaignResponseSchema,
          ...errorResponses('unauthorized', 'rate_limited', 'invalid_request', 'campaign_exists', 'unknown_preset', 'invalid_rule_set', 'invalid_roster'),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let ruleSet: RuleSet;
      if ((body.preset === undefined) === (body.ruleSetText === undefined)) {
        throw new HttpError('invalid_request', { detail: { vi: 'cần đúng một trong "preset" và "ruleSetText"', en: 'give exactly one of "preset" and "ruleSetText"' } });
      }
      if (body.preset !== undefined) {
        const preset = getPreset(body.preset);
        if (!preset) throw new HttpError('unknown_preset', { detail: { vi: body.preset, en: body.preset } });
        ruleSet = preset;
      } else {
        const checked = checkRuleSetText(body.ruleSetText ?? '', { upgrade: true });
        if (!checked.ruleSet) {
          throw new HttpError('invalid_rule_set', {
            issues: checked.problems.map((p) => ({ row: p.line, column: `${p.path || '(gốc / root)'} @ ${p.line}:${p.column}`, field: p.path || null, code: 'invalid_rule_set', message: p.message })),
          });
        }
        ruleSet = checked.ruleSet;
      }
      const campaign = app.campaigns.create({ id: body.id, ruleSet, roster: body.roster ?? [], sample: false, actor: adminActor });
      return reply.code(201).send({ campaign: campaign.info, units: campaign.roster.length });
    },
  );

  app.get(
    '/api/admin/audit',
    {
      config: { rateLimit },
      schema: {
        summary: 'Nhật ký — the append-only audit log, newest first (every campaign, or one)',
        tags: ['admin'],
        security,
        querystring: auditQuerySchema,
        response: { 200: auditResponseSchema, ...errorResponses('unauthorized', 'rate_limited', 'invalid_request') },
      },
    },
    async (request, reply) => {
      const q = request.query;
      reply.header('cache-control', 'no-store');
      return {
        entries: app.campaigns.listAudit({
          limit: q.limit ?? 200,
          ...(q.before !== undefined ? { beforeId: q.before } : {}),
          ...(q.campaign !== undefined ? { campaignId: q.campaign } : {}),
        }),
      };
    },
  );
};
