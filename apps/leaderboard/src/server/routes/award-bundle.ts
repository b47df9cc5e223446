import { createAwardBundle } from '@thidua/scoring';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asOfQuerySchema, campaignParamsSchema } from '../../contract.js';
import { attachment } from './files.js';
import { errorResponses, fileResponse } from './responses.js';

/**
 * The award bundle (hồ sơ kết quả): the rule set, the snapshot's statistics as stored, their
 * SHA-256, the library version and the evaluation, built by @thidua/scoring's createAwardBundle —
 * so anyone can recompute a published result with `thidua verify` (or verifyAwardBundle).
 */
export const awardBundleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:campaignId/export/award-bundle.json',
    {
      schema: {
        summary: 'Hồ sơ kết quả để kiểm chứng (JSON) — award bundle, independently verifiable',
        description:
          "Rule set, input statistics (canonical JSON and its SHA-256), the uploaded file's SHA-256, library version and evaluation of the snapshot shown for asOf. Check it with \"thidua verify\". Status and sample flag are under publication.",
        tags: ['files'],
        params: campaignParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: fileResponse('application/json; charset=utf-8', 'Award bundle (JSON)'), ...errorResponses('campaign_not_found', 'invalid_as_of', 'no_snapshot') },
      },
    },
    async (request, reply) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      const { meta, snapshot } = campaign.exportSource(request.query.asOf, app.clock().toISOString());
      const bundle = await createAwardBundle(meta.units ?? [], campaign.ruleSet, {
        inputFileName: snapshot.sourceFileName,
        inputFileSha256: snapshot.sha256,
        publication: {
          campaignId: campaign.id,
          asOf: meta.asOf,
          status: meta.status,
          snapshotId: snapshot.id,
          generatedAt: meta.generatedAt,
          sample: meta.sample,
        },
      });
      const name = `ho-so-ket-qua-${campaign.id}-${meta.asOf}${meta.status === 'final' ? '-chinh-thuc' : '-tam-tinh'}.json`;
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(name))
        .header('cache-control', 'no-cache')
        .send(`${JSON.stringify(bundle, null, 2)}\n`);
    },
  );
};
