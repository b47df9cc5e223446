import type { FastifyPluginAsync } from 'fastify';
import { createAwardBundle, type UnitInput, type UnitResult } from '@thidua/scoring';
import type { ApiOperation } from '../openapi.js';
import { parseInput } from '../parse-input.js';
import { asOfQuerySchema } from '../schemas.js';
import { attachment } from './files.js';

/**
 * The award bundle (hồ sơ kết quả): the rule set, the snapshot's statistics, their SHA-256, the
 * library version and the evaluation, built by @thidua/scoring's createAwardBundle — so anyone can
 * recompute a published result with `thidua verify` (or verifyAwardBundle in a browser).
 */
export const awardBundleOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/export/award-bundle.json',
    summary: 'Hồ sơ kết quả để kiểm chứng (JSON) — award bundle, independently verifiable',
    description:
      'Rule set, input statistics (canonical JSON and its SHA-256), the uploaded file\'s SHA-256, library version and evaluation of the snapshot shown for asOf. Check it with "thidua verify". Status and sample flag are under publication.',
    tags: ['files'],
    query: asOfQuerySchema,
    responses: { 200: { description: 'Award bundle (JSON)', contentType: 'application/json; charset=utf-8' } },
    errors: ['invalid_as_of', 'no_snapshot'],
  },
];

/**
 * The snapshot's units, read back from its evaluation: every UnitResult carries the unit's id,
 * name, group and every input count as stored, so nothing is lost.
 */
function unitsOf(results: readonly UnitResult[]): UnitInput[] {
  return results.map((u) => ({ id: u.unitId, name: u.unitName, group: u.groupId, ...u.input }));
}

export const awardBundleRoutes: FastifyPluginAsync = async (app) => {
  const campaign = app.campaign;
  app.get('/api/export/award-bundle.json', async (request, reply) => {
    const { asOf } = parseInput(asOfQuerySchema, request.query);
    const { evaluation, meta, snapshot } = campaign.exportMeta(asOf);
    const bundle = await createAwardBundle(unitsOf(evaluation.units), campaign.ruleSet, {
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
  });
};
