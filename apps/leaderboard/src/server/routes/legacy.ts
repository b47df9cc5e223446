import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

/**
 * Addresses of the single-campaign release keep working: each redirects (308, method and body kept)
 * to the same thing of the default campaign. Links people saved and scripts that upload keep working.
 */
const apiPaths: [from: string, to: string][] = [
  ['/api/leaderboard', 'leaderboard'],
  ['/api/units/:unitId', 'units/:unitId'],
  ['/api/snapshots', 'snapshots'],
  ['/api/rules', 'rules'],
  ['/api/template.csv', 'template.csv'],
  ['/api/template.xlsx', 'template.xlsx'],
  ['/api/export/awards.csv', 'export/awards.csv'],
  ['/api/export/awards.xlsx', 'export/awards.xlsx'],
  ['/api/export/ranking.csv', 'export/ranking.csv'],
  ['/api/export/ranking.xlsx', 'export/ranking.xlsx'],
  ['/api/export/award-bundle.json', 'export/award-bundle.json'],
];

const adminPaths: [method: 'POST' | 'DELETE', from: string, to: string][] = [
  ['POST', '/api/admin/snapshots', 'admin/snapshots'],
  ['DELETE', '/api/admin/snapshots/:snapshotId', 'admin/snapshots/:snapshotId'],
  ['POST', '/api/admin/finalize', 'admin/finalize'],
];

const pagePaths: [from: string, to: string][] = [
  ['/units/:unitId', 'units/:unitId'],
  ['/embed', 'embed'],
];

export const legacyRoutes: FastifyPluginAsync = async (app) => {
  const target = (request: FastifyRequest, base: string, to: string) => {
    const id = app.campaigns.defaultId();
    if (id === null) throw new HttpError('campaign_not_found');
    const params = request.params as Record<string, string>;
    const path = to.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return `${base}/${encodeURIComponent(id)}/${path}${query}`;
  };
  /**
   * Answered in onRequest, before any body parser runs: an old upload's body is never read here (the
   * client sends it again to the new address), with or without credentials. A request that has a
   * body is answered with `Connection: close`, so Node does not read the rest of it off the socket.
   */
  const redirect = (base: string, to: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (hasBody) reply.header('connection', 'close');
    return reply.redirect(target(request, base, to), 308);
  };
  const route = (method: 'GET' | 'POST' | 'DELETE', url: string, base: string, to: string) =>
    app.route({ method, url, schema: { hide: true }, onRequest: redirect(base, to), handler: async () => undefined });

  for (const [from, to] of apiPaths) route('GET', from, '/api/campaigns', to);
  for (const [method, from, to] of adminPaths) route(method, from, '/api/campaigns', to);
  for (const [from, to] of pagePaths) route('GET', from, '/c', to);
};
