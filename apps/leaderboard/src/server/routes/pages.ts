import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { campaignIdSchema } from '../../contract.js';
import type { PrintData } from '../../web/print/document-frame.js';
import type { Campaign } from '../campaigns/campaign.js';
import { type Locale, defaultLocale, isLocale, localeCookie, localeFromCookie, messages } from '../../web/i18n.js';
import { pageUrl } from '../../web/api.js';
import { cspDirectives } from '../csp.js';
import { loadManifest, webDistDir } from '../pages/assets.js';
import { pageSize, renderAdminPage, renderAwardAnnexPage, renderCampaignListPage, renderLeaderboardPage, renderNotFoundPage, renderResultsPage, renderUnitPage } from '../pages/render.js';
import { acceptsEncoding } from '../plugins/cached-json.js';

/**
 * The language of this response: `?lang=` (remembered in the cookie, so the links of the language
 * switch work without JavaScript), else the cookie, else Vietnamese.
 */
function chooseLocale(request: FastifyRequest, reply: FastifyReply): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(query)) {
    reply.header('set-cookie', `${localeCookie}=${query}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return query;
  }
  return localeFromCookie(request.headers.cookie) ?? defaultLocale;
}

function sendHtml(reply: FastifyReply, html: string | Buffer, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', reply.getHeader('vary') ?? 'Cookie')
    .send(html);
}

/** The server's policy (no inline script) with one difference: any site may frame the embed. */
const embedCsp = { ...cspDirectives, frameAncestors: ['*'] };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A rendered page kept with its compressed forms, made once on first demand: a cached page costs
 * no rendering and no compression per request.
 */
class RenderedPage {
  private br: Promise<Buffer> | undefined;
  private gz: Promise<Buffer> | undefined;
  constructor(readonly html: string) {}

  /** Compressed in libuv's thread pool (node:zlib's asynchronous calls), never on the event loop. */
  async send(request: FastifyRequest, reply: FastifyReply) {
    const accept = request.headers['accept-encoding'];
    reply.header('vary', 'Cookie, Accept-Encoding');
    if (acceptsEncoding(accept, 'br')) {
      this.br ??= brotliAsync(this.html, { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 9 } });
      reply.header('content-encoding', 'br');
      return sendHtml(reply, await this.br);
    }
    if (acceptsEncoding(accept, 'gzip')) {
      this.gz ??= gzipAsync(this.html, { level: 9 });
      reply.header('content-encoding', 'gzip');
      return sendHtml(reply, await this.gz);
    }
    return sendHtml(reply, this.html);
  }
}

const pageQuery = z.object({
  group: z.string().max(64).optional(),
  lang: z.enum(['vi', 'en']).optional(),
  q: z.string().max(100).optional(),
  show: z.coerce.number().int().min(1).max(100_000).optional(),
  explain: z.string().max(5).optional(),
  campaign: z.string().max(64).optional(),
});
const hidden = { hide: true, querystring: pageQuery };

/**
 * The HTML pages — / (the campaigns), /c/:id/ (a campaign), /c/:id/units/:unitId, /c/:id/embed,
 * /admin — and the bundled assets under /assets/. Rendered from the same campaigns as the JSON
 * API, so both always show the same figures.
 */
export const pagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const assets = loadManifest();

  /**
   * Rendered campaign pages, kept under everything the HTML depends on (the leaderboard's content
   * key, language, tab, rows shown, embed): a new snapshot, a retraction or the finalisation changes
   * the key, so a page is never stale. Rendering costs tens of milliseconds; a hit, none.
   */
  const rendered = new LRUCache<string, RenderedPage>({ max: 128 });

  /** What a printed document of a campaign reads: the evaluation of a date, its status and decision. */
  const printData = (campaign: Campaign, asOf: string | undefined): PrintData => {
    const board = campaign.getLeaderboard(asOf);
    return {
      campaign: board.campaign,
      status: board.status,
      snapshot: board.snapshot,
      evaluation: board.evaluation,
      finalisation: campaign.finalisation(),
      printedAt: app.clock().toISOString(),
    };
  };

  if (existsSync(webDistDir)) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/assets/',
      decorateReply: false,
      // File names carry their content hash: a changed file is a new URL.
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  } else {
    app.log.warn({ webDistDir }, 'web bundle not built (pnpm run build): pages render without scripts');
  }

  const notFound = (reply: FastifyReply, locale: Locale, text: string, back = '/') => sendHtml(reply, renderNotFoundPage({ locale, assets, text, back }), 404);

  app.get('/', { schema: hidden }, async (request, reply) => {
    const locale = chooseLocale(request, reply);
    const data = { defaultCampaignId: app.campaigns.defaultId(), campaigns: app.campaigns.publicList().map((c) => c.summary()) };
    return sendHtml(reply, renderCampaignListPage(data, { locale, assets }));
  });

  const campaignPage = (embed: boolean) => async (request: FastifyRequest<{ Params: { campaignId: string }; Querystring: z.infer<typeof pageQuery> }>, reply: FastifyReply) => {
    const locale = chooseLocale(request, reply);
    const campaign = app.campaigns.getPublic(request.params.campaignId);
    if (!campaign) return notFound(reply, locale, messages(locale).noData);
    const q = request.query;
    const options = { group: q.group ?? '', query: q.q ?? '', show: q.show ?? pageSize, embed };
    const key = [campaign.leaderboardKey(), locale, options.group, options.query, options.show, embed].join('|');
    let page = rendered.get(key);
    if (!page) {
      page = new RenderedPage(renderLeaderboardPage(campaign.getLeaderboard(), { locale, assets, ...options }));
      rendered.set(key, page);
    }
    return page.send(request, reply);
  };

  const campaignParams = z.object({ campaignId: campaignIdSchema });
  app.get('/c/:campaignId/', { schema: { ...hidden, params: campaignParams } }, campaignPage(false));
  app.get('/c/:campaignId', { schema: { ...hidden, params: campaignParams } }, async (request, reply) => reply.redirect(`/c/${encodeURIComponent(request.params.campaignId)}/`, 308));

  // The district portal frames this view; only this route may be framed (any ancestor).
  app.get(
    '/c/:campaignId/embed',
    { schema: { ...hidden, params: campaignParams }, helmet: { frameguard: false, contentSecurityPolicy: { useDefaults: false, directives: embedCsp } } },
    campaignPage(true),
  );

  /**
   * A printed document of a campaign (?asOf= an earlier date): the award list as the decision's
   * annex — only where the rule set awards prizes, never one that would say "0 ₫" — and "Bảng tổng
   * hợp kết quả", every unit's result.
   */
  const printQuery = pageQuery.extend({ asOf: z.string().max(20).optional() });
  for (const [path, renderPage, prizesOnly] of [
    ['/c/:campaignId/awards', renderAwardAnnexPage, true],
    ['/c/:campaignId/results', renderResultsPage, false],
  ] as const) {
    app.get(path, { schema: { hide: true, params: campaignParams, querystring: printQuery } }, async (request, reply) => {
      const locale = chooseLocale(request, reply);
      const campaign = app.campaigns.getPublic(request.params.campaignId);
      if (!campaign) return notFound(reply, locale, messages(locale).noData);
      if (prizesOnly && !campaign.awardsPrizes) return notFound(reply, locale, messages(locale).noAwards, pageUrl(campaign.id));
      return sendHtml(reply, renderPage(printData(campaign, request.query.asOf), { locale, assets }));
    });
  }

  app.get(
    '/c/:campaignId/units/:unitId',
    { schema: { ...hidden, params: z.object({ campaignId: campaignIdSchema, unitId: z.string().max(128) }) } },
    async (request, reply) => {
      const locale = chooseLocale(request, reply);
      const campaign = app.campaigns.getPublic(request.params.campaignId);
      const data = campaign?.getUnit(request.params.unitId);
      if (!campaign || !data) return notFound(reply, locale, messages(locale).unit.notFound, campaign ? `/c/${encodeURIComponent(campaign.id)}/` : '/');
      return sendHtml(reply, renderUnitPage(data, { locale, assets, explain: request.query.explain === '1' }));
    },
  );

  app.get('/admin', { schema: hidden }, async (request, reply) => {
    const locale = chooseLocale(request, reply);
    reply.header('x-robots-tag', 'noindex');
    const chosen = request.query.campaign;
    const campaignId = chosen && app.campaigns.get(chosen) ? chosen : (app.campaigns.defaultId() ?? '');
    return sendHtml(reply, renderAdminPage({ locale, assets, campaignId }));
  });
};
