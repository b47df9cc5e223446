import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { templateCsv, templateXlsx } from '@thidua/stats-io';
import { HttpError } from '../errors.js';
import type { ApiOperation } from '../openapi.js';
import { parseInput } from '../parse-input.js';
import {
  asOfQuerySchema,
  healthResponseSchema,
  leaderboardResponseSchema,
  rulesResponseSchema,
  snapshotsResponseSchema,
  unitParamsSchema,
  unitResponseSchema,
} from '../schemas.js';
import { attachment, csvType, xlsxType } from './files.js';

/** The read-only API: no login, the same figures the pages show. */
export const publicOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness check',
    tags: ['public'],
    responses: { 200: { description: 'The server is up', schema: healthResponseSchema } },
  },
  {
    method: 'GET',
    path: '/api/leaderboard',
    summary: 'Bảng xếp hạng — the evaluation of the latest (or given) snapshot',
    description:
      'Serialised once per snapshot state; answers 304 to a matching If-None-Match and compresses (br, gzip) when asked. ' +
      'With asOf: the latest published snapshot on or before that date.',
    tags: ['public'],
    query: asOfQuerySchema,
    responses: { 200: { description: 'The leaderboard', schema: leaderboardResponseSchema }, 304: { description: 'Not modified' } },
    errors: ['invalid_as_of', 'no_snapshot'],
  },
  {
    method: 'GET',
    path: '/api/units/:id',
    summary: "Một đơn vị — a unit's breakdown, gaps and history across snapshots",
    tags: ['public'],
    params: unitParamsSchema,
    query: asOfQuerySchema,
    responses: { 200: { description: 'The unit', schema: unitResponseSchema } },
    errors: ['unit_not_found', 'invalid_as_of', 'no_snapshot'],
  },
  {
    method: 'GET',
    path: '/api/snapshots',
    summary: 'Các kỳ số liệu — every snapshot, newest first (retracted and superseded ones marked)',
    tags: ['public'],
    responses: { 200: { description: 'Snapshots', schema: snapshotsResponseSchema } },
  },
  {
    method: 'GET',
    path: '/api/rules',
    summary: 'Bộ quy tắc — the rule set with the plan citations',
    tags: ['public'],
    responses: { 200: { description: 'The rule set', schema: rulesResponseSchema } },
  },
  {
    method: 'GET',
    path: '/api/template.csv',
    summary: 'Mẫu bảng số liệu (CSV, UTF-8 with BOM) — the upload template with the roster',
    tags: ['files'],
    responses: { 200: { description: 'CSV template', contentType: csvType } },
  },
  {
    method: 'GET',
    path: '/api/template.xlsx',
    summary: 'Mẫu bảng số liệu (XLSX) — the upload template with the roster',
    tags: ['files'],
    responses: { 200: { description: 'XLSX template', contentType: xlsxType } },
  },
];

/** Picks the best encoding the client accepts among those we keep ready. */
function pickEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const accept = request.headers['accept-encoding'];
  if (typeof accept !== 'string') return null;
  const accepted = (name: string) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[0-9.]+)?\\s*(,|$)`).test(accept);
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return null;
}

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const inm = request.headers['if-none-match'];
  if (typeof inm !== 'string') return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return inm.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

export const publicRoutes: FastifyPluginAsync = async (app) => {
  const campaign = app.campaign;

  app.get('/healthz', async () => ({ ok: true as const }));

  app.get('/api/leaderboard', { compress: false }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { asOf } = parseInput(asOfQuerySchema, request.query);
    const body = campaign.getLeaderboardBody(asOf);
    reply.header('etag', body.etag).header('vary', 'Accept-Encoding').header('cache-control', 'no-cache');
    if (etagMatches(request, body.etag)) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    const encoding = pickEncoding(request);
    if (encoding === 'br') return reply.header('content-encoding', 'br').send(body.brotli());
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(body.gzip());
    return reply.send(body.json);
  });

  app.get('/api/units/:id', async (request) => {
    const { id } = parseInput(unitParamsSchema, request.params);
    const { asOf } = parseInput(asOfQuerySchema, request.query);
    const unit = campaign.getUnit(id, asOf);
    if (!unit) throw new HttpError('unit_not_found', { detail: { vi: id, en: id } });
    return unit;
  });

  app.get('/api/snapshots', async () => ({ snapshots: campaign.listSnapshots() }));

  app.get('/api/rules', async () => ({ ruleSet: campaign.ruleSet }));

  app.get('/api/template.csv', async (_request, reply) => {
    const bytes = templateCsv({ ruleSet: campaign.ruleSet, roster: campaign.roster });
    return reply.type(csvType).header('content-disposition', attachment(`mau-so-lieu-${campaign.id}.csv`)).send(Buffer.from(bytes));
  });

  app.get('/api/template.xlsx', async (_request, reply) => {
    const bytes = await templateXlsx({ ruleSet: campaign.ruleSet, roster: campaign.roster });
    return reply.type(xlsxType).header('content-disposition', attachment(`mau-so-lieu-${campaign.id}.xlsx`)).send(Buffer.from(bytes));
  });
};
