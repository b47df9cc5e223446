import { existsSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { cspDirectives } from '../csp.js';
import { type Locale, defaultLocale, isLocale, localeCookie, localeFromCookie, pick } from '../../web/i18n.js';
import type { LeaderboardResponse, UnitResponse } from '../../web/api.js';
import { loadManifest, webDistDir } from '../pages/assets.js';
import { renderAdminPage, renderLeaderboardPage, renderNotFoundPage, renderUnitPage } from '../pages/render.js';

/**
 * The campaign service buildApp() decorates as `app.campaign`, seen through the page contract
 * (docs/architecture.md): assigning it here checks at compile time that the service still
 * returns what the pages render.
 */
function source(app: FastifyInstance): {
  getLeaderboard(): LeaderboardResponse;
  getUnit(id: string): UnitResponse | null;
} {
  return app.campaign;
}

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

/** Whether an Accept-Encoding header accepts `coding` (present, and not with q=0). */
function acceptsEncoding(header: string, coding: string): boolean {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';');
    if (name?.trim().toLowerCase() !== coding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * A rendered page kept with its compressed forms, made once on first demand: a cached page costs
 * no rendering and no compression per request.
 */
class RenderedPage {
  private br: Buffer | undefined;
  private gz: Buffer | undefined;
  constructor(readonly html: string) {}

  send(request: FastifyRequest, reply: FastifyReply) {
    const accepts = (coding: string) => acceptsEncoding(request.headers['accept-encoding'] ?? '', coding);
    reply.header('vary', 'Cookie, Accept-Encoding');
    if (accepts('br')) {
      this.br ??= brotliCompressSync(this.html, {
        params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 9 },
      });
      reply.header('content-encoding', 'br');
      return sendHtml(reply, this.br);
    }
    if (accepts('gzip')) {
      this.gz ??= gzipSync(this.html, { level: 9 });
      reply.header('content-encoding', 'gzip');
      return sendHtml(reply, this.gz);
    }
    return sendHtml(reply, this.html);
  }
}

const groupQuery = {
  type: 'object',
  properties: {
    group: { type: 'string', maxLength: 64 },
    lang: { type: 'string', enum: ['vi', 'en'] },
  },
} as const;

/**
 * The HTML pages (/, /units/:id, /embed, /admin) and the bundled assets under /assets/.
 * Owned by the web front end; registered by buildApp(). Pages are rendered from the same
 * campaign service as the JSON API, so both always show the same figures.
 */
export const pagesRoutes: FastifyPluginAsync = async (app) => {
  const assets = loadManifest();

  /**
   * Rendered leaderboard pages, kept per evaluation (the service keeps one Evaluation object per
   * snapshot) and per everything else the HTML depends on; a new snapshot, a retraction or the
   * finalisation changes the key, so a page is never stale. Rendering costs ~20–50 ms; a hit, none.
   */
  const rendered = new WeakMap<object, Map<string, RenderedPage>>();
  const leaderboardPage = (locale: Locale, group: string, embed: boolean): RenderedPage => {
    const data = source(app).getLeaderboard();
    if (!data.evaluation) return new RenderedPage(renderLeaderboardPage(data, { locale, assets, group, embed }));
    const key = [data.snapshot?.id, data.status, data.previousSnapshot?.id, locale, group, embed].join('|');
    let pages = rendered.get(data.evaluation);
    if (!pages) {
      pages = new Map();
      rendered.set(data.evaluation, pages);
    }
    let page = pages.get(key);
    if (page === undefined) {
      page = new RenderedPage(renderLeaderboardPage(data, { locale, assets, group, embed }));
      // Bounded: group names come from the query string.
      if (pages.size < 64) pages.set(key, page);
    }
    return page;
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

  app.get('/', { schema: { querystring: groupQuery } }, async (request, reply) => {
    const locale = chooseLocale(request, reply);
    const group = (request.query as { group?: string }).group ?? '';
    return leaderboardPage(locale, group, false).send(request, reply);
  });

  // The district portal frames this view; only this route may be framed (any ancestor).
  app.get(
    '/embed',
    {
      schema: { querystring: groupQuery },
      helmet: { frameguard: false, contentSecurityPolicy: { useDefaults: false, directives: embedCsp } },
    },
    async (request, reply) => {
      const locale = chooseLocale(request, reply);
      const group = (request.query as { group?: string }).group ?? '';
      return leaderboardPage(locale, group, true).send(request, reply);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/units/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 128 } }, required: ['id'] },
        querystring: groupQuery,
      },
    },
    async (request, reply) => {
      const locale = chooseLocale(request, reply);
      const data = source(app).getUnit(request.params.id);
      if (!data) return sendHtml(reply, renderNotFoundPage({ locale, assets }), 404);
      return sendHtml(reply, renderUnitPage(data, { locale, assets }));
    },
  );

  app.get('/admin', { schema: { querystring: groupQuery } }, async (request, reply) => {
    const locale = chooseLocale(request, reply);
    const campaignTitle = pick(source(app).getLeaderboard().campaign.title, locale);
    reply.header('x-robots-tag', 'noindex');
    return sendHtml(reply, renderAdminPage({ locale, assets, campaignTitle }));
  });
};
