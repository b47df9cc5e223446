import { createRequire } from 'node:module';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { demoCampaign } from '../demo/nui-thanh-2023.js';
import { Store, type RosterUnit, type StoreOptions } from '../store/store.js';
import { setUpAdminToken } from './auth.js';
import type { CampaignSource } from './campaign-source.js';
import { CampaignService } from './campaign-service.js';
import { cspDirectives } from './csp.js';
import { HttpError } from './errors.js';
import { buildOpenApi, type ApiOperation } from './openapi.js';
import { adminOperations, adminRoutes } from './routes/admin.js';
import { awardBundleOperations, awardBundleRoutes } from './routes/award-bundle.js';
import { eventOperations, eventRoutes } from './routes/events.js';
import { exportOperations, exportRoutes } from './routes/exports.js';
import { pagesRoutes } from './routes/pages.js';
import { publicOperations, publicRoutes } from './routes/public.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The campaign: the API and the HTML pages read the same data from here. */
    campaign: CampaignService;
  }
}

export interface BuildAppOptions {
  /** SQLite file; created with its directory if absent. */
  dbPath: string;
  /** The demo campaign (default) or a district's campaign file. */
  campaign?: CampaignSource;
  /** The admin token; when absent one is generated at first start (see onAdminTokenGenerated). */
  adminToken?: string;
  /** Called once, at first start, with a generated admin token: it is stored only as a hash. */
  onAdminTokenGenerated?: (token: string) => void;
  logger?: FastifyServerOptions['logger'];
  /** Behind a reverse proxy: trust X-Forwarded-For (client addresses for rate limits and audit). */
  trustProxy?: boolean | string | string[];
  /** Largest accepted upload, bytes (default 5 MB). */
  bodyLimit?: number;
  /** The time the server stamps on snapshots, audit lines and exports (default: now). */
  clock?: () => Date;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /** Failed admin-token attempts allowed per client per minute (default 10). */
  maxFailedAttempts?: number;
  /** Store hooks, for crash tests only. */
  store?: StoreOptions;
  /** Sees every route as it is registered (tests enumerate them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export const defaultBodyLimit = 5 * 1024 * 1024;

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Every operation of the HTTP API, in the order the OpenAPI document lists them. */
export const apiOperations: ApiOperation[] = [
  ...publicOperations,
  ...eventOperations,
  ...exportOperations,
  ...awardBundleOperations,
  ...adminOperations,
  { method: 'GET', path: '/openapi.json', summary: 'This OpenAPI document', tags: ['public'], responses: { 200: { description: 'OpenAPI 3.1' } } },
];

export class CampaignMismatchError extends Error {}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the campaign into an empty database (seeding the demo's snapshots), or checks that the
 * database already holds this very campaign: one database, one campaign, rules never changed
 * silently under published results.
 */
async function ensureCampaign(store: Store, source: CampaignSource, clock: () => Date): Promise<CampaignService> {
  const now = clock().toISOString();
  const existing = store.getCampaign();
  if (source.kind === 'demo') {
    const demo = demoCampaign();
    if (existing) {
      if (existing.id !== demo.id) {
        throw new CampaignMismatchError(
          `Cơ sở dữ liệu đang chứa chiến dịch "${existing.id}", không phải bản minh họa; hãy đặt LEADERBOARD_CAMPAIGN hoặc dùng LEADERBOARD_DB khác — ` +
            `the database holds campaign "${existing.id}", not the demo; set LEADERBOARD_CAMPAIGN or use another LEADERBOARD_DB`,
        );
      }
      return new CampaignService(store, clock);
    }
    store.createCampaign({ id: demo.id, ruleSet: demo.ruleSet, sample: true, createdAt: now }, demo.roster, 'demo-seed');
    const service = new CampaignService(store, clock);
    for (const s of demo.snapshots) {
      await service.upload({ bytes: s.csv, fileName: s.sourceFileName, asOf: s.asOf, actor: 'demo-seed', dryRun: false, sample: true });
    }
    return service;
  }
  const id = source.id ?? source.ruleSet.id;
  const roster: RosterUnit[] = source.roster.map((u) => ({ id: u.id, name: u.name, group: u.group }));
  if (existing) {
    if (existing.id !== id || !sameJson(existing.ruleSet, source.ruleSet) || !sameJson(store.listRoster(), roster)) {
      throw new CampaignMismatchError(
        `Cơ sở dữ liệu đang chứa chiến dịch "${existing.id}" với quy tắc hoặc danh sách đơn vị khác tệp chiến dịch; hãy dùng LEADERBOARD_DB khác — ` +
          `the database holds campaign "${existing.id}" with other rules or roster than the campaign file; use another LEADERBOARD_DB`,
      );
    }
    return new CampaignService(store, clock);
  }
  store.createCampaign({ id, ruleSet: source.ruleSet, sample: false, createdAt: now }, roster, 'campaign-file');
  return new CampaignService(store, clock);
}

function toHttpError(err: FastifyError | HttpError | Error, bodyLimit: number): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as FastifyError;
  const status = e.statusCode ?? 500;
  if (status === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE') {
    const mb = (bodyLimit / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 });
    return new HttpError('body_too_large', { detail: { vi: `tối đa ${mb.replace('.', ',')} MB`, en: `at most ${mb} MB` } });
  }
  if (status === 415 || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new HttpError('unsupported_media_type');
  if (status === 429) return new HttpError('rate_limited');
  if (status === 404) return new HttpError('not_found');
  if (status >= 400 && status < 500) {
    return new HttpError('invalid_request', { detail: { vi: e.message, en: e.message } });
  }
  return new HttpError('internal_error');
}

const refusalActions: Record<string, string> = {
  'POST /api/admin/snapshots': 'snapshot_upload',
  'DELETE /api/admin/snapshots/:id': 'snapshot_retract',
  'POST /api/admin/finalize': 'campaign_finalize',
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const store = new Store(options.dbPath, options.store ?? {});
  let service: CampaignService;
  let tokenHash: Buffer;
  try {
    service = await ensureCampaign(store, options.campaign ?? { kind: 'demo' }, clock);
    const token = setUpAdminToken(store, options.adminToken, clock().toISOString());
    tokenHash = token.hash;
    if (token.generated) options.onAdminTokenGenerated?.(token.generated);
  } catch (err) {
    store.close();
    throw err;
  }

  const app = Fastify({ logger: options.logger ?? false, bodyLimit, trustProxy: options.trustProxy ?? false });
  try {
    await setUp(app, service, tokenHash, store, options, bodyLimit);
  } catch (err) {
    store.close();
    throw err;
  }
  return app;
}

async function setUp(
  app: FastifyInstance,
  service: CampaignService,
  tokenHash: Buffer,
  store: Store,
  options: BuildAppOptions,
  bodyLimit: number,
): Promise<void> {
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (r) => onRoute({ method: r.method, url: r.url }));
  app.decorate('campaign', service);
  app.addHook('onClose', async () => store.close());

  await app.register(helmet, {
    global: true,
    enableCSPNonces: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives,
    },
    frameguard: { action: 'deny' },
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new HttpError('rate_limited') });

  /** One audit line per refused admin change (401s are audited by the token check itself). */
  const auditRefusal = (request: FastifyRequest, error: HttpError) => {
    const action = refusalActions[`${request.method} ${request.routeOptions.url ?? ''}`];
    if (!action || error.statusCode === 401 || error.statusCode === 429) return;
    const query = request.query as Record<string, unknown> | undefined;
    service.audit({
      actor: 'admin',
      action,
      outcome: 'refused',
      detail: {
        error: error.code,
        status: error.statusCode,
        asOf: typeof query?.asOf === 'string' ? query.asOf.slice(0, 40) : null,
        issues: error.issues?.length ?? 0,
        ip: request.ip,
      },
    });
  };

  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const httpError = toHttpError(err, bodyLimit);
    if (httpError.statusCode >= 500) request.log.error({ err }, 'request failed');
    try {
      auditRefusal(request, httpError);
    } catch (auditErr) {
      request.log.error({ err: auditErr }, 'audit failed');
    }
    return reply.code(httpError.statusCode).type('application/json; charset=utf-8').send(httpError.toBody());
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('application/json; charset=utf-8').send(new HttpError('not_found').toBody()),
  );

  await app.register(publicRoutes);
  await app.register(exportRoutes);
  await app.register(awardBundleRoutes);
  await app.register(eventRoutes, { heartbeatMs: options.heartbeatMs ?? 15_000 });
  await app.register(adminRoutes, { prefix: '/api/admin', tokenHash, bodyLimit, maxFailedAttempts: options.maxFailedAttempts ?? 10 });

  let openApi: unknown = null;
  app.get('/openapi.json', async () => {
    openApi ??= buildOpenApi(apiOperations, {
      title: 'Thi đua DVC trực tuyến — leaderboard API',
      version,
      description:
        'Bảng xếp hạng, số liệu và danh sách khen thưởng của đợt thi đua. Live rankings, snapshots and award lists of a public-service competition. ' +
        'Every error: { error, message: "vi — en", issues? } (docs/errors-http.md).',
    });
    return openApi;
  });

  await app.register(pagesRoutes);
}
