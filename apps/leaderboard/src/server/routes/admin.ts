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
  campaignsResponseSchema,
  createCampaignBodySchema,
  finalizeBodySchema,
  finalizeResponseSchema,
  publishResponseSchema,
  retractResponseSchema,
  rosterResponseSchema,
  snapshotComparisonResponseSchema,
  snapshotRetractionResponseSchema,
  snapshotParamsSchema,
  snapshotsResponseSchema,
  uploadQuerySchema,
  uploadResultSchema,
} from '../../contract.js';
import type { AuditScope } from '../../store/store.js';
import { uploadAnswerJson } from '../campaigns/changes.js';
import { signedIn } from '../auth/guard.js';
import { holds, memberCampaigns } from '../../roles.js';
import { HttpError } from '../errors.js';
import { xlsxType } from './files.js';
import { finaliseRound } from '../round/finalise-round.js';
import { errorResponses, security } from './responses.js';

/**
 * The work on campaigns, behind accounts (auth/guard.ts): a statistics clerk uploads and checks
 * files; a publisher publishes and retracts them; the council finalises on the award decision; an
 * administrator creates and archives campaigns and replaces rosters. Each route's `x-required-role`
 * is checked before any byte of its body is read (a test goes through every route of /openapi.json).
 */

/** Raw upload bodies we accept; anything else is 415. */
export const rawUploadTypes = ['text/csv', 'application/vnd.ms-excel', xlsxType, 'application/octet-stream'];

export interface AdminOptions {
  bodyLimit: number;
}

/** Which audit action a refused request was (the error handler writes the line). */
export const refusalActions: Record<string, string> = {
  'POST /api/campaigns/:campaignId/admin/snapshots': 'snapshot_upload',
  'POST /api/campaigns/:campaignId/admin/snapshots/:snapshotId/publish': 'snapshot_publish',
  'DELETE /api/campaigns/:campaignId/admin/snapshots/:snapshotId': 'snapshot_retract',
  'POST /api/campaigns/:campaignId/admin/finalize': 'campaign_finalize',
  'PUT /api/campaigns/:campaignId/admin/roster': 'roster_upload',
  'POST /api/campaigns/:campaignId/admin/archive': 'campaign_archive',
  'POST /api/admin/campaigns': 'campaign_create',
  'PUT /api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/self': 'round_self_assessment',
  'POST /api/campaigns/:campaignId/round/units/:unitId/submit': 'round_submit',
  'POST /api/campaigns/:campaignId/round/units/:unitId/withdraw': 'round_withdraw',
  'PUT /api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/appraisal': 'round_appraisal',
  'POST /api/campaigns/:campaignId/round/units/:unitId/agree': 'round_agree',
  'PUT /api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/explanation': 'round_explanation',
  'PUT /api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/answer': 'round_answer',
  'POST /api/campaigns/:campaignId/round/confirm': 'round_confirm',
  'PUT /api/campaigns/:campaignId/admin/round': 'round_phases',
  'POST /api/campaigns/:campaignId/admin/round/phases/:phase/extend': 'round_phases',
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
export async function readUpload(request: FastifyRequest, fallbackName: string): Promise<{ bytes: Buffer; fileName: string }> {
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
  app.addContentTypeParser(rawUploadTypes, { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: opts.bodyLimit, files: 1, fields: 10, parts: 20 } });

  app.post(
    '/api/campaigns/:campaignId/admin/snapshots',
    {
      bodyLimit: opts.bodyLimit,
      // The answer holds the evaluation (megabytes for a national roster): the compress plugin would
      // stream it through zlib piece by piece on the event loop; it is sent as one buffer instead.
      compress: false,
      schema: {
        summary: 'Tải lên số liệu — upload a statistics file (CSV, XLSX or a JSON list of units) as a snapshot',
        description:
          'Body: the raw file (text/csv, XLSX, application/octet-stream; optional X-File-Name header, URI-encoded; a name ending .json is read as a list of units) or multipart/form-data with field `file`. ' +
          'Every issue is listed by row and column and the whole file is refused (422, nothing stored, one audit line). ' +
          'dryRun=1 validates and evaluates without storing. A publisher\u2019s upload is published at once (publish=0 keeps it pending); a clerk\u2019s waits, pending, for a publisher. ' +
          'Published for an asOf that already has figures, it takes their place. The answer compares it with what is published: rank moves, prizes gained or lost, and warnings.',
        tags: ['admin'],
        'x-required-role': 'clerk',
        security,
        params: campaignParamsSchema,
        querystring: uploadQuerySchema,
        body: fileBody,
        consumes: fileTypes,
        response: {
          200: uploadResultSchema.describe('Dry run: the evaluation, nothing stored'),
          201: uploadResultSchema.describe('Stored and published'),
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'invalid_as_of', 'invalid_multipart', 'missing_file', 'campaign_finalized', 'campaign_archived', 'body_too_large', 'unsupported_media_type', 'as_of_outside_period', 'invalid_stats_file'),
        },
      },
    },
    async (request, reply) => {
      const changes = app.campaigns.changes(request.params.campaignId);
      const { asOf, dryRun: dry, publish: publishFlag } = request.query;
      const who = signedIn(request);
      const mayPublish = holds(who.account.grants, 'publisher', request.params.campaignId);
      const publish = publishFlag === undefined ? mayPublish : publishFlag === '1' || publishFlag === 'true';
      if (publish && !mayPublish) throw new HttpError('forbidden', { detail: { vi: 'chỉ người công bố mới công bố được (bỏ publish=1)', en: 'only a publisher may publish (drop publish=1)' } });
      const { bytes, fileName } = await readUpload(request, `upload-${asOf}`);
      const dryRun = dry === '1' || dry === 'true';
      const answer = await changes.upload({ bytes, fileName, asOf, actor: who.actor, dryRun, publish });
      // Sent as text: the evaluation of a national roster is megabytes, serialised once in the worker.
      // Sent as it is: the schema documents its shape; the evaluation inside is the worker's text.
      return reply.code(dryRun ? 200 : 201).type('application/json; charset=utf-8').send(uploadAnswerJson(answer) as never);
    },
  );

  app.get(
    '/api/campaigns/:campaignId/admin/snapshots',
    {
      schema: {
        summary: 'Các kỳ số liệu — every snapshot with its state, pending uploads included (never public)',
        tags: ['admin'],
        'x-required-role': 'member',
        security,
        params: campaignParamsSchema,
        response: { 200: snapshotsResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited', 'campaign_not_found') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { snapshots: app.campaigns.require(request.params.campaignId).timeline.list({ pending: true }) };
    },
  );

  app.get(
    '/api/campaigns/:campaignId/admin/snapshots/:snapshotId/comparison',
    {
      schema: {
        summary: 'So sánh — a stored upload (pending, for its publisher) against what is published now: figures changed, rank moves, prizes, warnings',
        description: 'The same comparison its clerk read at upload, made again against the figures published now, from the stored results of both (nothing is evaluated).',
        tags: ['admin'],
        'x-required-role': 'member',
        security,
        params: snapshotParamsSchema,
        response: { 200: snapshotComparisonResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited', 'campaign_not_found', 'snapshot_not_found') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return app.campaigns.changes(request.params.campaignId).comparisonOf(request.params.snapshotId);
    },
  );

  app.get(
    '/api/campaigns/:campaignId/admin/snapshots/:snapshotId/retraction',
    {
      schema: {
        summary: 'Thu hồi thay đổi gì — what retracting a snapshot would change, the comparison in reverse',
        description:
          'Its figures (before) against those that would then stand for its date (after): an earlier publication of that date, else the last before it. Says whether the board, the history of its date, or nothing public changes. Read from stored results; nothing is evaluated or changed.',
        tags: ['admin'],
        'x-required-role': 'member',
        security,
        params: snapshotParamsSchema,
        response: { 200: snapshotRetractionResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited', 'campaign_not_found', 'snapshot_not_found') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return app.campaigns.changes(request.params.campaignId).retractionOf(request.params.snapshotId);
    },
  );

  app.post(
    '/api/campaigns/:campaignId/admin/snapshots/:snapshotId/publish',
    {
      schema: {
        summary: 'Công bố — publish a pending snapshot (a clerk\u2019s upload)',
        description: 'It takes the place of any figures published for its date. Dated before the figures shown, it joins the history and the board does not change (the answer\u2019s state says "published", not "live").',
        tags: ['admin'],
        'x-required-role': 'publisher',
        security,
        params: snapshotParamsSchema,
        response: {
          200: publishResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'campaign_not_found', 'snapshot_not_found', 'already_published', 'already_retracted', 'campaign_finalized', 'campaign_archived'),
        },
      },
    },
    async (request) => ({ snapshot: app.campaigns.changes(request.params.campaignId).publish(request.params.snapshotId, signedIn(request).actor) }),
  );

  app.delete(
    '/api/campaigns/:campaignId/admin/snapshots/:snapshotId',
    {
      schema: {
        summary: 'Thu hồi — retract a snapshot, published or pending (kept, marked retracted, audited)',
        tags: ['admin'],
        'x-required-role': 'publisher',
        security,
        params: snapshotParamsSchema,
        response: {
          200: retractResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'campaign_not_found', 'snapshot_not_found', 'already_retracted', 'campaign_finalized', 'campaign_archived'),
        },
      },
    },
    async (request) => ({ snapshot: app.campaigns.changes(request.params.campaignId).retract(request.params.snapshotId, signedIn(request).actor) }),
  );

  app.post(
    '/api/campaigns/:campaignId/admin/finalize',
    {
      schema: {
        summary: 'Chốt kết quả — freeze the latest published snapshot as the final result, on the award decision',
        description:
          'The body records the decision the result rests on: its number, date and signer (they head the printable award list). ' +
          'Afterwards the campaign is read-only: uploads, publications, retractions and roster changes are refused (409), and exports say "chính thức" (final). ' +
          'A campaign with an index round is finalised in its final phase on the round\u2019s appraised points, every unit confirmed (else 409 round_incomplete, unit by criterion).',
        tags: ['admin'],
        'x-required-role': 'council',
        security,
        params: campaignParamsSchema,
        body: finalizeBodySchema,
        response: {
          200: finalizeResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'campaign_not_found', 'campaign_finalized', 'campaign_archived', 'nothing_to_finalize', 'outside_phase', 'round_incomplete'),
        },
      },
    },
    async (request) => {
      const { campaignId } = request.params;
      // An index's round is finalised on its appraised points (round/finalise-round.ts).
      if (app.campaigns.require(campaignId).round) return { status: 'final' as const, ...(await finaliseRound(app, request, campaignId, request.body.decision)) };
      return { status: 'final' as const, ...app.campaigns.changes(campaignId).finalize(request.body.decision, signedIn(request).actor) };
    },
  );

  app.put(
    '/api/campaigns/:campaignId/admin/roster',
    {
      bodyLimit: opts.bodyLimit,
      schema: {
        summary: 'Danh sách đơn vị — replace the roster with a sheet (Mã đơn vị, Tên đơn vị, Nhóm)',
        description: 'CSV or XLSX, as the statistics upload. Every problem by row and column; a refused sheet changes nothing.',
        tags: ['admin'],
        'x-required-role': 'admin',
        security,
        params: campaignParamsSchema,
        body: fileBody,
        consumes: fileTypes,
        response: {
          200: rosterResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'invalid_multipart', 'missing_file', 'unsupported_media_type', 'body_too_large', 'invalid_roster', 'campaign_finalized', 'campaign_archived'),
        },
      },
    },
    async (request) => {
      const campaign = app.campaigns.require(request.params.campaignId);
      const { bytes, fileName } = await readUpload(request, 'danh-sach-don-vi');
      if (bytes.length === 0) throw new HttpError('missing_file');
      const parsed = await parseRosterFile(bytes, { fileName, ruleSet: campaign.ruleSet });
      if (parsed.issues.length > 0) throw new HttpError('invalid_roster', { issues: parsed.issues });
      const updated = app.campaigns.replaceRoster(campaign.id, parsed.roster, signedIn(request).actor, { fileName });
      return { roster: [...updated.roster] };
    },
  );

  app.post(
    '/api/campaigns/:campaignId/admin/archive',
    {
      schema: {
        summary: 'Lưu trữ — archive a campaign: it stays readable, and nothing can change it any more',
        tags: ['admin'],
        'x-required-role': 'admin',
        security,
        params: campaignParamsSchema,
        response: { 200: campaignResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'campaign_archived') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.archive(request.params.campaignId, signedIn(request).actor);
      return { campaign: campaign.info, units: campaign.roster.length };
    },
  );

  app.get(
    '/api/admin/campaigns',
    {
      schema: {
        summary: 'Các đợt thi đua để làm việc — every campaign, index rounds in progress included (the public list leaves those out until final)',
        tags: ['admin'],
        'x-required-role': 'signed-in',
        security,
        response: { 200: campaignsResponseSchema, ...errorResponses('unauthorized', 'rate_limited') },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { defaultCampaignId: app.campaigns.defaultId(), campaigns: app.campaigns.list().map((c) => c.summary()) };
    },
  );

  app.post(
    '/api/admin/campaigns',
    {
      schema: {
        summary: 'Tạo đợt thi đua — create a campaign from a preset or a rule-set file, with or without its roster',
        description: 'Give `preset` (a preset id of @thidua/scoring) or `ruleSetText` (the file\u2019s text: its problems come back with line and column; version 1 is converted).',
        tags: ['admin'],
        'x-required-role': 'admin',
        security,
        body: createCampaignBodySchema,
        response: {
          201: campaignResponseSchema,
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'invalid_request', 'campaign_exists', 'unknown_preset', 'invalid_rule_set', 'invalid_roster'),
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
      const campaign = app.campaigns.create({ id: body.id, ruleSet, roster: body.roster ?? [], sample: false, actor: signedIn(request).actor });
      return reply.code(201).send({ campaign: campaign.info, units: campaign.roster.length });
    },
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        summary: 'Nhật ký — the append-only audit log, newest first, each line also said as a sentence; scoped to the reader',
        description:
          'An administrator reads every line (`campaign`: one campaign\u2019s and the server\u2019s own), with client addresses. ' +
          'Anyone else reads only the lines of the campaigns they hold a role on (`campaign`: one of them, else 403), without client addresses, ' +
          'except a unit officer, whose grant does not open the log (it names every unit\u2019s points), ' +
          'and never the server\u2019s own lines (sign-ins, failed sign-ins, accounts, back-ups).',
        tags: ['admin'],
        'x-required-role': 'signed-in',
        security,
        querystring: auditQuerySchema,
        response: { 200: auditResponseSchema, ...errorResponses('unauthorized', 'forbidden', 'rate_limited', 'invalid_request') },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const grants = signedIn(request).account.grants;
      const admin = holds(grants, 'admin', null);
      const readable = memberCampaigns(grants);
      if (q.campaign !== undefined && readable !== '*' && !readable.includes(q.campaign)) throw new HttpError('forbidden');
      const scope: AuditScope = admin
        ? q.campaign !== undefined
          ? { kind: 'campaign-and-server', campaignId: q.campaign }
          : { kind: 'all' }
        : { kind: 'campaigns', campaignIds: q.campaign !== undefined ? [q.campaign] : readable };
      reply.header('cache-control', 'no-store');
      return {
        entries: app.campaigns.listAudit({ limit: q.limit ?? 200, ...(q.before !== undefined ? { beforeId: q.before } : {}), scope, addresses: admin }),
      };
    },
  );
};
