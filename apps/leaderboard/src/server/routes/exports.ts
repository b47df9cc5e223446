import type { FastifyPluginAsync } from 'fastify';
import { awardsCsv, awardsXlsx, rankingCsv, rankingXlsx } from '@thidua/stats-io';
import type { ApiOperation } from '../openapi.js';
import { parseInput } from '../parse-input.js';
import { asOfQuerySchema } from '../schemas.js';
import { attachment, csvType, xlsxType } from './files.js';

/**
 * The award list (danh sách khen thưởng) and the full ranking, as CSV (UTF-8 with BOM) and XLSX,
 * written by @thidua/stats-io from the same evaluation the API serves.
 */
const kinds = [
  { kind: 'awards', slug: 'danh-sach-khen-thuong', vi: 'Danh sách khen thưởng', en: 'award list' },
  { kind: 'ranking', slug: 'bang-xep-hang', vi: 'Bảng xếp hạng đầy đủ', en: 'full ranking (every unit, with reasons and breakdown)' },
] as const;

export const exportOperations: ApiOperation[] = kinds.flatMap((k) =>
  (['csv', 'xlsx'] as const).map(
    (ext): ApiOperation => ({
      method: 'GET',
      path: `/api/export/${k.kind}.${ext}`,
      summary: `${k.vi} (${ext.toUpperCase()}) — ${k.en}`,
      description: 'Says provisional (tạm tính) or final (chính thức), the as-of date, rule set id and the input SHA-256; sample data is marked.',
      tags: ['files'],
      query: asOfQuerySchema,
      responses: { 200: { description: `${ext.toUpperCase()} file`, contentType: ext === 'csv' ? csvType : xlsxType } },
      errors: ['invalid_as_of', 'no_snapshot'],
    }),
  ),
);

export const exportRoutes: FastifyPluginAsync = async (app) => {
  const campaign = app.campaign;
  const writers = {
    awards: { csv: awardsCsv, xlsx: awardsXlsx },
    ranking: { csv: rankingCsv, xlsx: rankingXlsx },
  };
  for (const k of kinds) {
    for (const ext of ['csv', 'xlsx'] as const) {
      app.get(`/api/export/${k.kind}.${ext}`, async (request, reply) => {
        const { asOf } = parseInput(asOfQuerySchema, request.query);
        const { evaluation, meta } = campaign.exportMeta(asOf);
        const bytes = await writers[k.kind][ext](evaluation, meta);
        const name = `${k.slug}-${campaign.id}-${meta.asOf}${meta.status === 'final' ? '-chinh-thuc' : '-tam-tinh'}.${ext}`;
        return reply
          .type(ext === 'csv' ? csvType : xlsxType)
          .header('content-disposition', attachment(name))
          .header('cache-control', 'no-cache')
          .send(Buffer.from(bytes));
      });
    }
  }
};
