import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidenceFileSchema, evidenceParamsSchema, evidenceQuerySchema, criterionParamsSchema, roundParamsSchema } from '../../contract-round.js';
import { allowedEvidenceTypes, defaultEvidenceLimits, type EvidenceLimits } from '../../evidence/allowed-types.js';
import { inspectEvidence } from '../../evidence/inspect-evidence.js';
import { signedIn } from '../auth/guard.js';
import { HttpError } from '../errors.js';
import { RoundContext } from '../round/round-context.js';
import { errorResponses, security } from './responses.js';

export interface EvidenceRouteOptions {
  limits?: EvidenceLimits;
}

/**
 * Evidence files (tài liệu kiểm chứng) of an index's round: attached by the unit officer to a
 * criterion — in the self-assessment phase, or with an explanation in the explanation phase —
 * judged before anything is stored (type by content, size per file and per unit, a ZIP's directory
 * read first: evidence/inspect-evidence.ts), kept by SHA-256, and served only to those who may read
 * the unit (the public too once the round is final, when its settings publish evidence), with
 * Content-Disposition and nosniff, as the type its content showed — never HTML or SVG.
 */
export const roundEvidenceRoutes: FastifyPluginAsyncZod<EvidenceRouteOptions> = async (app, opts) => {
  const limits = opts.limits ?? defaultEvidenceLimits;
  const round = app.store.round;
  // The file is the body, whatever type the browser says it is: its content decides.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.maxFileBytes }, (_request, body, done) => done(null, body));

  app.post(
    '/api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/evidence',
    {
      bodyLimit: limits.maxFileBytes,
      schema: {
        tags: ['round'],
        'x-required-role': 'member',
        security,
        summary: 'Đính kèm tài liệu kiểm chứng — the unit officer attaches a file (PDF, JPEG, PNG, DOCX, XLSX, ODT) to a criterion',
        description:
          'Body: the file\u2019s bytes; header X-File-Name: its name, URI-encoded. stage=self_assessment (the self-assessment phase, before "Nộp") or explanation (the explanation phase). ' +
          'Refused before anything is stored (422 evidence_refused, with the reason): a type other than those, by content; over the size per file or per unit; an office file whose ZIP would unpack too large; a name with a path.',
        params: criterionParamsSchema,
        querystring: evidenceQuerySchema,
        body: z.unknown().meta({ type: 'string', format: 'binary' }),
        response: {
          201: z.object({ file: evidenceFileSchema }),
          ...errorResponses(
            'unauthorized',
            'forbidden',
            'csrf_invalid',
            'rate_limited',
            'campaign_not_found',
            'no_round',
            'unit_not_found',
            'criterion_not_found',
            'outside_phase',
            'self_assessment_submitted',
            'missing_file',
            'body_too_large',
            'evidence_refused',
          ),
        },
      },
    },
    async (request, reply) => {
      const ctx = RoundContext.of(app, request, request.params.campaignId);
      const where = ctx.requireOfficer(request.params.unitId);
      const criterion = ctx.criterion(request.params.criterionId);
      const stage = request.query.stage;
      ctx.requirePhase(stage === 'explanation' ? 'attach_explanation_evidence' : 'attach_evidence');
      if (stage === 'self_assessment' && round.unit(where.campaignId, where.unitId).submittedAt !== null) throw new HttpError('self_assessment_submitted');
      const bytes = Buffer.isBuffer(request.body) ? request.body : null;
      if (!bytes) throw new HttpError('missing_file');
      const header = request.headers['x-file-name'];
      let name = typeof header === 'string' ? header : '';
      try {
        name = decodeURIComponent(name);
      } catch {
        // kept as sent: the name check below says what is wrong with it
      }
      const verdict = await inspectEvidence(bytes, name, round.evidenceBytes(where.campaignId, where.unitId), limits);
      if (!verdict.ok) {
        app.campaigns.audit({
          actor: signedIn(request).actor,
          action: 'round_evidence',
          outcome: 'refused',
          campaignId: where.campaignId,
          detail: { ...where, criterionId: criterion.id, error: 'evidence_refused', reason: verdict.code, size: bytes.length, ip: request.ip },
        });
        throw new HttpError('evidence_refused', {
          detail: verdict.message,
          issues: [{ row: null, column: null, field: 'file', code: verdict.code, message: verdict.message }],
        });
      }
      const { sha256, size } = app.evidence.put(bytes);
      const file = round.addEvidence(where, { criterionId: criterion.id, stage, name: verdict.name, size, sha256, mediaType: verdict.type.mime }, signedIn(request).actor, app.clock().toISOString());
      return reply.code(201).send({ file: ctx.evidenceFile(file) });
    },
  );

  app.delete(
    '/api/campaigns/:campaignId/round/units/:unitId/evidence/:fileId',
    {
      schema: {
        tags: ['round'],
        'x-required-role': 'member',
        security,
        summary: 'Gỡ tài liệu kiểm chứng — the unit officer removes a file attached in the phase still open (its line stays in the audit log)',
        params: roundParamsSchema.extend({ fileId: z.coerce.number().int().positive() }),
        response: {
          200: z.object({ removed: z.number().int() }),
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'campaign_not_found', 'no_round', 'unit_not_found', 'evidence_not_found', 'outside_phase', 'self_assessment_submitted'),
        },
      },
    },
    async (request) => {
      const ctx = RoundContext.of(app, request, request.params.campaignId);
      const where = ctx.requireOfficer(request.params.unitId);
      const file = round.evidenceFile(where.campaignId, request.params.fileId);
      if (!file || file.unitId !== where.unitId) throw new HttpError('evidence_not_found');
      ctx.requirePhase(file.stage === 'explanation' ? 'attach_explanation_evidence' : 'attach_evidence');
      if (file.stage === 'self_assessment' && round.unit(where.campaignId, where.unitId).submittedAt !== null) throw new HttpError('self_assessment_submitted');
      round.removeEvidence(where, file, signedIn(request).actor, app.clock().toISOString());
      return { removed: file.id };
    },
  );

  app.get(
    '/api/campaigns/:campaignId/round/evidence/:fileId',
    {
      // Previewed in the round's page (an <iframe> of the same origin): framing by the page only.
      helmet: {
        frameguard: { action: 'sameorigin' },
        contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], objectSrc: ["'self'"], frameAncestors: ["'self'"] } },
      },
      schema: {
        tags: ['round'],
        summary: 'Tài liệu kiểm chứng — one evidence file, to those who may read its unit (and, once final, to everyone when the round publishes evidence)',
        description: 'Sent as the type its content showed, with Content-Disposition (inline for PDF and images, which the page previews; attachment otherwise) and X-Content-Type-Options: nosniff.',
        params: evidenceParamsSchema,
        response: { 200: z.unknown().meta({ type: 'string', format: 'binary' }), ...errorResponses('unauthorized', 'forbidden', 'campaign_not_found', 'no_round', 'evidence_not_found') },
      },
    },
    async (request, reply) => {
      const campaign = app.campaigns.require(request.params.campaignId);
      if (!campaign.round) throw new HttpError('no_round');
      const file = round.evidenceFile(campaign.id, request.params.fileId);
      if (!file) throw new HttpError('evidence_not_found');
      const published = !campaign.inProgress && campaign.round.publishEvidence;
      if (!published) {
        if (!request.signedIn) throw new HttpError('unauthorized');
        const ctx = new RoundContext(app, campaign, campaign.round, request.signedIn.account.grants);
        if (!ctx.mayRead(file.unitId)) throw new HttpError('forbidden');
      }
      const bytes = app.evidence.get(file.sha256);
      if (!bytes) throw new HttpError('evidence_not_found');
      const type = allowedEvidenceTypes.find((t) => t.mime === file.mediaType);
      // Only a type the content was recognised as is ever sent; anything else goes as bytes to save.
      const mime = type?.mime ?? 'application/octet-stream';
      const disposition = type?.preview ? 'inline' : 'attachment';
      const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', mime)
        .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', published ? 'public, max-age=3600' : 'private, no-store')
        .send(bytes);
    },
  );
};
