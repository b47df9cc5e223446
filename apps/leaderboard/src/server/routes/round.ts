import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignParamsSchema } from '../../contract.js';
import {
  agreeBodySchema,
  answerBodySchema,
  appraisalBodySchema,
  confirmBodySchema,
  criterionParamsSchema,
  differencesResponseSchema,
  explanationBodySchema,
  roundEntrySchema,
  roundOverviewSchema,
  roundParamsSchema,
  roundSheetSchema,
  selfBodySchema,
} from '../../contract-round.js';
import { pointsProblem } from '../../process/round-criteria.js';
import { signedIn } from '../auth/guard.js';
import { HttpError } from '../errors.js';
import { RoundContext } from '../round/round-context.js';
import { errorResponses, security } from './responses.js';

/**
 * An index's round (issue 15; ADR 0020), behind accounts: the unit officer's self-assessment
 * (drafts, "Nộp", withdrawal), the appraiser's points and comments ("Thống nhất" per task), the
 * unit's explanations and the appraiser's answers, the differences the council reads and its
 * confirmation. Every route needs a role on the campaign (the guard: 401/403 before the body is
 * read); the handler then checks the unit (an officer's own, an appraiser's assigned) and the
 * phase (409 with the phase's dates). Every change is one transaction with its audit line.
 */

const tags = ['round'];
const member = { tags, 'x-required-role': 'member' as const, security };
const refusals = ['unauthorized', 'forbidden', 'rate_limited', 'campaign_not_found', 'no_round', 'unit_not_found'] as const;
const changeRefusals = [...refusals, 'csrf_invalid', 'criterion_not_found', 'outside_phase', 'invalid_request'] as const;
const entryResponse = z.object({ entry: roundEntrySchema });

export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  const round = app.store.round;
  const at = () => app.clock().toISOString();
  const ctxOf = (request: Parameters<typeof RoundContext.of>[1], campaignId: string) => RoundContext.of(app, request, campaignId);

  /** One entry of the unit's sheet, as this reader sees it. */
  const entryOf = (ctx: RoundContext, unitId: string, criterionId: string) => {
    const rows = round.entries(ctx.campaign.id, unitId).filter((e) => e.criterionId === criterionId);
    const files = round.evidence(ctx.campaign.id, unitId).filter((f) => f.criterionId === criterionId);
    return ctx.entry(ctx.criterion(criterionId), unitId, rows[0], files, ctx.seesAppraisal(unitId));
  };

  const checkPoints = (points: string | null, criterion: Parameters<typeof pointsProblem>[1]) => {
    if (points === null) return;
    const problem = pointsProblem(points, criterion);
    if (problem) throw new HttpError('invalid_points', { detail: problem });
  };

  const refuseIfSubmitted = (ctx: RoundContext, unitId: string) => {
    if (round.unit(ctx.campaign.id, unitId).submittedAt !== null) throw new HttpError('self_assessment_submitted');
  };
  const refuseIfConfirmed = (ctx: RoundContext, unitId: string) => {
    if (round.unit(ctx.campaign.id, unitId).confirmedAt !== null) throw new HttpError('appraisal_confirmed');
  };

  app.get(
    '/api/campaigns/:campaignId/round',
    {
      schema: {
        ...member,
        summary: 'Vòng chấm điểm — the round: its phases, criteria, and the units the reader works on, each with its progress',
        params: campaignParamsSchema,
        response: { 200: roundOverviewSchema, ...errorResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const id = ctx.campaign.id;
      const officerOf = ctx.officerUnits();
      const appraises = ctx.appraiserUnits();
      reply.header('cache-control', 'no-store');
      return {
        campaignId: id,
        sample: ctx.campaign.sample,
        round: ctx.round,
        openPhase: ctx.openPhase,
        criteria: ctx.criteria.map(({ input: _i, selfInput: _si, commentInput: _ci, ...c }) => c),
        units: ctx.states(ctx.visibleUnits()),
        may: {
          selfAssess: officerOf === '*' ? ctx.campaign.roster.map((u) => u.id) : officerOf,
          appraise: appraises === '*' || appraises.length > 0,
          council: ctx.isCouncil,
          admin: ctx.isAdmin,
        },
      };
    },
  );

  app.get(
    '/api/campaigns/:campaignId/round/units/:unitId',
    {
      schema: {
        ...member,
        summary: 'Bảng chấm điểm của đơn vị — a unit\u2019s sheet: per criterion, the self-assessment, the appraisal (a unit: from the explanation phase), explanation, answer and evidence',
        params: roundParamsSchema,
        response: { 200: roundSheetSchema, ...errorResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.unit(request.params.unitId);
      const entries = round.entries(where.campaignId, where.unitId);
      const files = round.evidence(where.campaignId, where.unitId);
      reply.header('cache-control', 'no-store');
      const state = ctx.state({ id: where.unitId, name: where.unitName });
      return {
        state,
        openPhase: ctx.openPhase,
        may: ctx.abilities(where.unitId, state),
        entries: ctx.entries(where.unitId, entries, files, ctx.seesAppraisal(where.unitId)),
      };
    },
  );

  app.put(
    '/api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/self',
    {
      schema: {
        ...member,
        summary: 'Tự chấm điểm — the unit officer saves a criterion\u2019s points and note (a draft, until "Nộp")',
        params: criterionParamsSchema,
        body: selfBodySchema,
        response: { 200: entryResponse, ...errorResponses(...changeRefusals, 'invalid_points', 'self_assessment_submitted', 'not_self_assessed') },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.requireOfficer(request.params.unitId);
      const criterion = ctx.criterion(request.params.criterionId);
      ctx.requirePhase('save_self_assessment');
      refuseIfSubmitted(ctx, where.unitId);
      if (!criterion.selfAssessed) throw new HttpError('not_self_assessed');
      checkPoints(request.body.points, criterion);
      round.saveSelf(where, criterion.id, request.body, signedIn(request).actor, at());
      return { entry: entryOf(ctx, where.unitId, criterion.id) };
    },
  );

  for (const [path, submitted] of [
    ['submit', true],
    ['withdraw', false],
  ] as const) {
    app.post(
      `/api/campaigns/:campaignId/round/units/:unitId/${path}`,
      {
        schema: {
          ...member,
          summary: submitted
            ? 'Nộp — the unit officer submits the self-assessment: it is locked until withdrawn'
            : 'Rút lại — the unit officer withdraws the submitted self-assessment, while the phase is open',
          params: roundParamsSchema,
          response: { 200: roundSheetSchema.pick({ state: true }), ...errorResponses(...changeRefusals, 'self_assessment_submitted', 'not_submitted') },
        },
      },
      async (request) => {
        const ctx = ctxOf(request, request.params.campaignId);
        const where = ctx.requireOfficer(request.params.unitId);
        ctx.requirePhase(submitted ? 'submit_self_assessment' : 'withdraw_self_assessment');
        const before = round.unit(where.campaignId, where.unitId);
        if (submitted && before.submittedAt !== null) throw new HttpError('self_assessment_submitted');
        if (!submitted && before.submittedAt === null) throw new HttpError('not_submitted');
        const unit = { id: where.unitId, name: where.unitName };
        const progress = ctx.state(unit);
        round.setSubmitted(where, submitted, { done: progress.done, total: progress.total, missingEvidence: progress.missingEvidence }, signedIn(request).actor, at());
        return { state: ctx.state(unit) };
      },
    );
  }

  app.put(
    '/api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/appraisal',
    {
      schema: {
        ...member,
        summary: 'Thẩm định — the appraiser sets a criterion\u2019s appraised points and comment',
        params: criterionParamsSchema,
        body: appraisalBodySchema,
        response: { 200: entryResponse, ...errorResponses(...changeRefusals, 'invalid_points', 'appraisal_confirmed') },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.requireAppraiser(request.params.unitId);
      const criterion = ctx.criterion(request.params.criterionId);
      ctx.requirePhase('appraise');
      refuseIfConfirmed(ctx, where.unitId);
      checkPoints(request.body.points, criterion);
      round.appraise(where, criterion.id, request.body, signedIn(request).actor, at());
      return { entry: entryOf(ctx, where.unitId, criterion.id) };
    },
  );

  app.post(
    '/api/campaigns/:campaignId/round/units/:unitId/agree',
    {
      schema: {
        ...member,
        summary: 'Thống nhất — the appraised points become the self-assessed ones, for one task or the whole unit, in one action',
        params: roundParamsSchema,
        body: agreeBodySchema,
        response: { 200: z.object({ changed: z.number().int() }), ...errorResponses(...changeRefusals, 'appraisal_confirmed') },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.requireAppraiser(request.params.unitId);
      const taskId = request.body.taskId ?? null;
      const criteria = ctx.criteria.filter((c) => c.selfAssessed && (taskId === null || c.taskId === taskId));
      if (taskId !== null && criteria.length === 0) throw new HttpError('criterion_not_found', { detail: { vi: taskId, en: taskId } });
      ctx.requirePhase('agree_with_self_assessment');
      refuseIfConfirmed(ctx, where.unitId);
      const changed = round.agree(
        where,
        criteria.map((c) => c.id),
        taskId,
        signedIn(request).actor,
        at(),
      );
      return { changed };
    },
  );

  app.put(
    '/api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/explanation',
    {
      schema: {
        ...member,
        summary: 'Giải trình — the unit officer files an explanation of a criterion\u2019s appraisal',
        params: criterionParamsSchema,
        body: explanationBodySchema,
        response: { 200: entryResponse, ...errorResponses(...changeRefusals) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.requireOfficer(request.params.unitId);
      const criterion = ctx.criterion(request.params.criterionId);
      ctx.requirePhase('file_explanation');
      round.explain(where, criterion.id, request.body.text, signedIn(request).actor, at());
      return { entry: entryOf(ctx, where.unitId, criterion.id) };
    },
  );

  app.put(
    '/api/campaigns/:campaignId/round/units/:unitId/criteria/:criterionId/answer',
    {
      schema: {
        ...member,
        summary: 'Trả lời giải trình — the appraiser answers an explanation: kept, with a reason, or changed, with the new points',
        params: criterionParamsSchema,
        body: answerBodySchema,
        response: { 200: entryResponse, ...errorResponses(...changeRefusals, 'invalid_points', 'no_explanation') },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const where = ctx.requireAppraiser(request.params.unitId);
      const criterion = ctx.criterion(request.params.criterionId);
      ctx.requirePhase('answer_explanation');
      const body = request.body;
      const existing = round.entries(where.campaignId, where.unitId).find((e) => e.criterionId === criterion.id);
      if (!existing?.explanation) throw new HttpError('no_explanation');
      if (body.outcome === 'changed' && body.points === undefined) {
        throw new HttpError('invalid_request', { detail: { vi: 'đổi điểm thì cần ghi điểm mới ("points")', en: 'a change needs the new points ("points")' } });
      }
      checkPoints(body.points ?? null, criterion);
      round.answer(where, criterion.id, { outcome: body.outcome, reason: body.reason, points: body.outcome === 'changed' ? (body.points ?? null) : null }, signedIn(request).actor, at());
      return { entry: entryOf(ctx, where.unitId, criterion.id) };
    },
  );

  app.get(
    '/api/campaigns/:campaignId/round/differences',
    {
      schema: {
        ...member,
        summary: 'Chênh lệch — every criterion whose appraised points differ from the self-assessed ones, for the council (an appraiser: their units)',
        params: campaignParamsSchema,
        response: { 200: differencesResponseSchema, ...errorResponses(...refusals) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, request.params.campaignId);
      const readable = new Map(ctx.campaign.roster.filter((u) => ctx.readsAll(u.id)).map((u) => [u.id, u.name]));
      if (readable.size === 0) throw new HttpError('forbidden');
      const order = new Map(ctx.criteria.map((c, i) => [c.id, i]));
      const unitOrder = new Map(ctx.campaign.roster.map((u, i) => [u.id, i]));
      const differences = round
        .entries(ctx.campaign.id)
        .filter((e) => readable.has(e.unitId) && ctx.byId.has(e.criterionId) && e.appraisal.points !== null && e.appraisal.points !== e.self.points)
        .sort((a, b) => (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) || (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0))
        .map((e) => {
          const c = ctx.criterion(e.criterionId);
          return {
            unitId: e.unitId,
            unitName: readable.get(e.unitId) ?? e.unitId,
            criterionId: c.id,
            number: c.number,
            label: c.label,
            self: e.self.points,
            appraised: e.appraisal.points,
            comment: e.appraisal.comment,
          };
        });
      reply.header('cache-control', 'no-store');
      return { differences };
    },
  );

  app.post(
    '/api/campaigns/:campaignId/round/confirm',
    {
      schema: {
        ...member,
        summary: 'Xác nhận kết quả thẩm định — the council confirms the appraisal, of the units named or of all; each must be appraised on every criterion',
        params: campaignParamsSchema,
        body: confirmBodySchema,
        response: { 200: z.object({ confirmed: z.number().int() }), ...errorResponses(...changeRefusals, 'round_incomplete', 'campaign_finalized') },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, request.params.campaignId);
      if (!ctx.isCouncil) throw new HttpError('forbidden');
      ctx.requirePhase('confirm_appraisal');
      if (ctx.campaign.timeline.finalisation) throw new HttpError('campaign_finalized');
      const ids = request.body.unitIds ?? ctx.campaign.roster.map((u) => u.id);
      const units = ids.map((id) => {
        const unit = ctx.campaign.unit(id);
        if (!unit) throw new HttpError('unit_not_found', { detail: { vi: id, en: id } });
        return unit;
      });
      const entries = round.entries(ctx.campaign.id);
      const appraised = new Set(entries.filter((e) => e.appraisal.points !== null).map((e) => `${e.unitId}\u0000${e.criterionId}`));
      const issues = units.flatMap((u, i) =>
        ctx.criteria
          .filter((c) => !appraised.has(`${u.id}\u0000${c.id}`))
          .map((c) => ({
            row: i + 1,
            column: c.number ?? c.id,
            field: null,
            code: 'not_appraised',
            message: { vi: `${u.name}: tiêu chí ${c.number ?? c.id} chưa có điểm thẩm định`, en: `${u.name}: criterion ${c.number ?? c.id} has no appraised points` },
          })),
      );
      if (issues.length > 0) throw new HttpError('round_incomplete', { issues });
      round.confirm(
        ctx.campaign.id,
        units.map((u) => ({ unitId: u.id, unitName: u.name })),
        signedIn(request).actor,
        at(),
      );
      return { confirmed: units.length };
    },
  );
};
