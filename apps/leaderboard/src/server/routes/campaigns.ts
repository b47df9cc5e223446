import { presets } from '@thidua/scoring';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignParamsSchema, campaignResponseSchema, campaignsResponseSchema, presetsResponseSchema } from '../../contract.js';
import { errorResponses } from './responses.js';

/** The campaigns the server hosts: the list (as the home page shows it) and each one's description. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns',
    {
      schema: {
        summary: 'Các đợt thi đua — every campaign: title, period, status, latest as-of date and the leaders of each group',
        tags: ['public'],
        response: { 200: campaignsResponseSchema },
      },
    },
    async () => ({ defaultCampaignId: app.campaigns.defaultId(), campaigns: app.campaigns.publicList().map((c) => c.summary()) }),
  );

  app.get(
    '/api/presets',
    {
      schema: {
        summary: 'Bộ quy tắc mẫu — the presets a campaign can be created from (one of each shape of plan)',
        tags: ['public'],
        response: { 200: presetsResponseSchema },
      },
    },
    async () => ({ presets: Object.values(presets).map((p) => ({ id: p.id, title: p.title, authority: p.authority })) }),
  );

  app.get(
    '/api/campaigns/:campaignId',
    {
      schema: {
        summary: 'Một đợt thi đua — the campaign and its rules in words (published figures, conditions, prizes, ties, classes, targets)',
        tags: ['public'],
        params: campaignParamsSchema,
        response: { 200: campaignResponseSchema, ...errorResponses('campaign_not_found') },
      },
    },
    async (request) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      return { campaign: campaign.info, units: campaign.roster.length };
    },
  );
};
