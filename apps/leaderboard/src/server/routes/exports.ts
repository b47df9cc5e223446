import { awardsCsv, awardsXlsx, rankingCsv, rankingXlsx, scorecardXlsx } from '@thidua/stats-io';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asOfQuerySchema, campaignParamsSchema, csvExportQuerySchema } from '../../contract.js';
import { attachment, csvType, xlsxType } from './files.js';
import { HttpError } from '../errors.js';
import { errorResponses, fileResponse } from './responses.js';

/**
 * The award list (danh sách khen thưởng) and the full ranking, as CSV (UTF-8 with BOM; `dialect=excel-vn`
 * for Excel in Vietnamese: ";" and decimal commas) and XLSX (a provisional/final banner, totals as
 * formulas), written by @thidua/stats-io from the same evaluation the API serves, with the columns
 * the rule set publishes. Once final, they name the award decision.
 */
const kinds = [
  { kind: 'awards', slug: 'danh-sach-khen-thuong', vi: 'Danh sách khen thưởng', en: 'award list', csv: awardsCsv, xlsx: awardsXlsx },
  { kind: 'ranking', slug: 'bang-xep-hang', vi: 'Bảng xếp hạng đầy đủ', en: 'full ranking (every unit, its figures, reasons, targets and class)', csv: rankingCsv, xlsx: rankingXlsx },
] as const;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const k of kinds) {
    for (const ext of ['csv', 'xlsx'] as const) {
      const type = ext === 'csv' ? csvType : xlsxType;
      app.get(
        `/api/campaigns/:campaignId/export/${k.kind}.${ext}`,
        {
          schema: {
            summary: `${k.vi} (${ext.toUpperCase()}) — ${k.en}`,
            description: 'Says provisional (tạm tính) or final (chính thức), the as-of date, rule set id and the input SHA-256; sample data is marked.',
            tags: ['files'],
            params: campaignParamsSchema,
            querystring: ext === 'csv' ? csvExportQuerySchema : asOfQuerySchema,
            response: { 200: fileResponse(type, `${ext.toUpperCase()} file`), ...errorResponses('campaign_not_found', 'invalid_as_of', 'no_snapshot') },
          },
        },
        async (request, reply) => {
          const campaign = app.campaigns.requirePublic(request.params.campaignId);
          const { evaluation, meta } = campaign.exportSource(request.query.asOf, app.clock().toISOString());
          const dialect = 'dialect' in request.query && request.query.dialect === 'excel-vn' ? 'excel-vn' : 'standard';
          const bytes = ext === 'csv' ? k.csv(evaluation, meta, { dialect }) : await k.xlsx(evaluation, meta);
          const name = `${k.slug}-${campaign.id}-${meta.asOf}${meta.status === 'final' ? '-chinh-thuc' : '-tam-tinh'}${dialect === 'excel-vn' ? '-excel-vn' : ''}.${ext}`;
          return reply.type(type).header('content-disposition', attachment(name)).header('cache-control', 'no-cache').send(Buffer.from(bytes));
        },
      );
    }
  }

  // A criteria-tree index (the CCHC scorecard) as the province's usual sheet: criteria × units, and a summary with ranks.
  app.get(
    '/api/campaigns/:campaignId/export/scorecard.xlsx',
    {
      schema: {
        summary: 'Bảng chấm điểm theo tiêu chí (XLSX) — the scorecard sheet: one row per criterion, each unit’s self-assessed and appraised points and comment; a summary sheet of totals and ranks',
        description: 'For a campaign whose rule set is a scorecard (rules.shape = "scorecard"); 404 otherwise. Says provisional or final, the as-of date, rule set id and input SHA-256.',
        tags: ['files'],
        params: campaignParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: fileResponse(xlsxType, 'XLSX file'), ...errorResponses('campaign_not_found', 'not_found', 'invalid_as_of', 'no_snapshot') },
      },
    },
    async (request, reply) => {
      const campaign = app.campaigns.requirePublic(request.params.campaignId);
      if (campaign.info.rules.shape !== 'scorecard') throw new HttpError('not_found');
      const { evaluation, meta } = campaign.exportSource(request.query.asOf, app.clock().toISOString());
      const bytes = await scorecardXlsx(evaluation, meta);
      const name = `bang-cham-diem-${campaign.id}-${meta.asOf}${meta.status === 'final' ? '-chinh-thuc' : '-tam-tinh'}.xlsx`;
      return reply.type(xlsxType).header('content-disposition', attachment(name)).header('cache-control', 'no-cache').send(Buffer.from(bytes));
    },
  );
};
