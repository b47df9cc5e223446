import { z } from 'zod';
import { templateCsv, templateXlsx } from '@thidua/stats-io';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  asOfQuerySchema,
  campaignParamsSchema,
  healthResponseSchema,
  leaderboardResponseSchema,
  rulesResponseSchema,
  snapshotsResponseSchema,
  unitParamsSchema,
  unitIndexResponseSchema,
  unitResponseSchema,
} from '../../contract.js';
import { HttpError } from '../errors.js';
import { CachedJsonBodies, jsonText } from '../plugins/cached-json.js';
import { errorResponses, fileResponse } from './responses.js';
import { attachment, csvType, xlsxType } from './files.js';

/** A campaign's read-only API: no login, the same figures the pages show. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const bodies = new CachedJsonBodies();

  app.get('/healthz', { schema: { summary: 'Liveness check', tags: ['public'], response: { 200: healthResponseSchema } } }, async () => ({ ok: true as const }));

  app.get(
    '/api/campaigns/:campaignId/leaderboard',
    {
      compress: false,
      schema: {
        summary: 'Bảng xếp hạng — the evaluation of the latest (or given) snapshot',
        description:
          'Serialised once per snapshot state; answers 304 to a matching If-None-Match and compresses (br, gzip) when asked. ' +
          "With asOf: the latest published snapshot on or before that date. The units' gaps and working are on the unit endpoint.",
        tags: ['public'],
        params: campaignParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: leaderboardResponseSchema, 304: z.undefined().describe('Not modified'), ...errorResponses('campaign_not_found', 'invalid_as_of', 'no_snapshot') },
      },
    },
    async (request, reply) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      const { asOf } = request.query;
      return bodies.send(request, reply, campaign.leaderboardKey(asOf), () => campaign.leaderboardBody(asOf));
    },
  );

  app.get(
    '/api/campaigns/:campaignId/units',
    {
      compress: false,
      schema: {
        summary: 'Các đơn vị — every unit (id, name, group): the index one search over every group reads',
        description: 'Small beside the leaderboard (a few dozen bytes a unit); answers 304 to a matching If-None-Match and compresses when asked.',
        tags: ['public'],
        params: campaignParamsSchema,
        response: { 200: unitIndexResponseSchema, 304: z.undefined().describe('Not modified'), ...errorResponses('campaign_not_found') },
      },
    },
    async (request, reply) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      return bodies.send(request, reply, campaign.rosterKey, () => jsonText(campaign.unitIndexJson()));
    },
  );

  app.get(
    '/api/campaigns/:campaignId/units/:unitId',
    {
      schema: {
        summary: "Một đơn vị — a unit's result, gaps, working (every figure with its formula and citation) and history",
        tags: ['public'],
        params: unitParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: unitResponseSchema, ...errorResponses('campaign_not_found', 'unit_not_found', 'invalid_as_of', 'no_snapshot') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      const unit = campaign.getUnit(request.params.unitId, request.query.asOf);
      if (!unit) throw new HttpError('unit_not_found', { detail: { vi: request.params.unitId, en: request.params.unitId } });
      return unit;
    },
  );

  app.get(
    '/api/campaigns/:campaignId/snapshots',
    {
      schema: {
        summary: 'Các kỳ số liệu — every snapshot, newest first (retracted and superseded ones marked)',
        tags: ['public'],
        params: campaignParamsSchema,
        response: { 200: snapshotsResponseSchema, ...errorResponses('campaign_not_found') },
      },
    },
    async (request) => ({ snapshots: app.campaigns.requirePublic(request.params.campaignId).timeline.list() }),
  );

  app.get(
    '/api/campaigns/:campaignId/rules',
    {
      schema: {
        summary: 'Bộ quy tắc — the rule set with the plan citations',
        tags: ['public'],
        params: campaignParamsSchema,
        response: { 200: rulesResponseSchema, ...errorResponses('campaign_not_found') },
      },
    },
    async (request) => ({ ruleSet: app.campaigns.requirePublic(request.params.campaignId).ruleSet }),
  );

  for (const ext of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/campaigns/:campaignId/template.${ext}`,
      {
        schema: {
          summary: `Mẫu bảng số liệu (${ext.toUpperCase()}) — the upload template, one column per input of the rule set, the roster filled in`,
          tags: ['files'],
          params: campaignParamsSchema,
          response: {
            200: fileResponse(ext === 'csv' ? csvType : xlsxType, `${ext.toUpperCase()} template`),
            ...errorResponses('campaign_not_found'),
          },
        },
      },
      async (request, reply) => {
        const campaign = app.campaigns.requirePublic(request.params.campaignId);
        const options = { ruleSet: campaign.ruleSet, roster: [...campaign.roster] };
        const bytes = ext === 'csv' ? templateCsv(options) : await templateXlsx(options);
        return reply
          .type(ext === 'csv' ? csvType : xlsxType)
          .header('content-disposition', attachment(`mau-so-lieu-${campaign.id}.${ext}`))
          .send(Buffer.from(bytes));
      },
    );
  }
};
