import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import packageJson from '../../package.json' with { type: 'json' };
import { backupFolder, ensureBackupFolder, removeInterruptedBackups } from '../store/backups.js';
import { Store, type StoreOptions } from '../store/store.js';
import { LocalEvidenceStorage, evidenceFolder, type EvidenceStorage } from '../store/evidence-storage.js';
import type { EvidenceLimits } from '../evidence/allowed-types.js';
import { anonymousActor, systemActor } from './actors.js';
import { ensureAdministrator } from './auth/first-admin.js';
import { createDemoAccounts, type DemoAccount } from './auth/demo-accounts.js';
import { installGuard } from './auth/guard.js';
import { FailedAttempts } from './auth/throttle.js';
import { Campaigns } from './campaigns/registry.js';
import { ensureCampaigns, type CampaignSource } from './campaigns/startup.js';
import { cspDirectives } from './csp.js';
import { HttpError } from './errors.js';
import { accountRoutes } from './routes/accounts.js';
import { adminRoutes, refusalActions } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { awardBundleRoutes } from './routes/award-bundle.js';
import { backupRoutes } from './routes/backup.js';
import { campaignRoutes } from './routes/campaigns.js';
import { defaultStreamLimits, eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { legacyRoutes } from './routes/legacy.js';
import { pagesRoutes } from './routes/pages.js';
import { WorkPool, type WorkKind } from './work/pool.js';
import { publicRoutes } from './routes/public.js';
import { roundRoutes } from './routes/round.js';
import { roundAdminRoutes } from './routes/round-admin.js';
import { roundEvidenceRoutes } from './routes/round-evidence.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every campaign: the API and the HTML pages read the same data from here. */
    campaigns: Campaigns;
    /** The database: accounts, audit lines, back-ups (campaigns go through `campaigns`). */
    store: Store;
    /** The time the server stamps on snapshots, audit lines and exports. */
    clock: () => Date;
    /** Where an index round's evidence files are kept (by SHA-256). */
    evidence: EvidenceStorage;
  }
}

export interface BuildAppOptions {
  /** SQLite file; created with its directory if absent. */
  dbPath: string;
  /** The demo campaigns (default) or a district's campaign file. */
  campaign?: CampaignSource;
  /** ADMIN_TOKEN: a bearer token of the administrator account "admin", for scripts (kept as a hash). */
  adminToken?: string;
  /**
   * Called when the server made the administrator's password — at first start, or when no
   * administrator could sign in: print it once, it is stored only as a hash.
   */
  onAdministratorCreated?: (credentials: { username: string; password: string }) => void;
  /** Called once, at the demo's first start, with the accounts made to try its index round (their passwords shown once). */
  onDemoAccounts?: (accounts: DemoAccount[]) => void;
  logger?: FastifyServerOptions['logger'];
  /** Behind a reverse proxy: trust X-Forwarded-For (client addresses for rate limits and audit). */
  trustProxy?: boolean | string | string[];
  /** Largest accepted upload, bytes (default 5 MB). */
  bodyLimit?: number;
  /** The time the server stamps on snapshots, audit lines and exports (default: now). */
  clock?: () => Date;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /** Open event streams at most, in all and per client address (default 500 and 50; docs/operations.md). */
  streamLimits?: { maxStreams?: number; maxStreamsPerAddress?: number };
  /** Failed sign-ins (passwords, tokens) allowed per client address per minute, across all routes (default 10). */
  maxFailedAttempts?: number;
  /** Where back-ups are written (default: `backups/` beside the database). */
  backupFolder?: string;
  /** Where evidence files are kept (default: `evidence/` beside the database). */
  evidenceFolder?: string;
  /** Evidence limits per file and per unit (default: allowed-types.ts). */
  evidenceLimits?: EvidenceLimits;
  /** Told of each piece of heavy work handed to the worker threads (tests: a read never evaluates). */
  onWork?: (kind: WorkKind) => void;
  /** Start a worker thread at once, so that the first upload does not wait for one (main.ts; tests start them on demand). */
  warmWorkers?: boolean;
  /** Store hooks, for crash tests only. */
  store?: StoreOptions;
  /** Sees every route as it is registered (tests enumerate them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export const defaultBodyLimit = 5 * 1024 * 1024;

const { version } = packageJson;

/** SQLite's own errors of the disk and the file, said for an official (the transaction has rolled back). */
function storageError(err: Error): HttpError | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_FULL') return new HttpError('storage_full');
  if (code.startsWith('SQLITE_READONLY')) return new HttpError('storage_read_only');
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_CORRUPT') return new HttpError('storage_unavailable');
  return null;
}

function toHttpError(err: FastifyError | HttpError | Error, bodyLimit: number): HttpError {
  if (err instanceof HttpError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const name = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
    const where = err.validationContext === 'body' ? 'trường' : 'tham số';
    const whereEn = err.validationContext === 'body' ? 'field' : 'parameter';
    if (name === 'asOf') return new HttpError('invalid_as_of');
    // A name or title with a character nobody can see: the message says which (contract lineTextSchema).
    const said = (first?.params as { params?: { vi?: unknown } } | undefined)?.params?.vi;
    if (typeof said === 'string') return new HttpError('invalid_request', { detail: { vi: `trường "${name}": ${said}`, en: `field "${name}": ${first?.message ?? ''}` } });
    return new HttpError('invalid_request', {
      detail: { vi: `${where} "${name || err.validationContext}" không hợp lệ`, en: `${whereEn} "${name || err.validationContext}" is invalid: ${first?.message ?? ''}` },
    });
  }
  const storage = storageError(err);
  if (storage) return storage;
  const e = err as FastifyError;
  const status = e.statusCode ?? 500;
  if (status === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE') {
    const mb = (bodyLimit / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 });
    return new HttpError('body_too_large', { detail: { vi: `tối đa ${mb.replace('.', ',')} MB`, en: `at most ${mb} MB` } });
  }
  if (status === 415 || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new HttpError('unsupported_media_type');
  if (status === 429) return new HttpError('rate_limited');
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') return new HttpError('csrf_invalid');
  if (status === 404) return new HttpError('not_found');
  if (status >= 400 && status < 500) return new HttpError('invalid_request', { detail: { vi: e.message, en: e.message } });
  return new HttpError('internal_error');
}

/**
 * The server, not yet listening: the database opened and migrated, the campaigns brought in line
 * with the source, every route registered. `main.ts` listens; tests inject or listen on port 0.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const store = new Store(options.dbPath, options.store ?? {});
  const backups = options.backupFolder ?? backupFolder(options.dbPath);
  let evidence: EvidenceStorage;
  const evidenceDir = options.evidenceFolder ?? evidenceFolder(options.dbPath);
  const work = new WorkPool(options.onWork);
  if (options.warmWorkers) work.warm().catch(() => undefined); // a failure shows at the first upload, said there
  const closeAll = async () => {
    store.close();
    await work.close();
  };
  let campaigns: Campaigns;
  let removedBackups: string[];
  let restoredEvidence: { restored: number; corrupt: string[] };
  try {
    ensureBackupFolder(backups);
    removedBackups = removeInterruptedBackups(backups);
    evidence = new LocalEvidenceStorage(evidenceDir);
    // A restored back-up carries its evidence files: put back before anything reads them.
    restoredEvidence = store.restoreEvidence(evidence);
    // Worker threads open the same file, with the options that are data (the crash tests' pause, a size limit).
    const { maxPageCount, pauseInSnapshotTransaction } = options.store ?? {};
    const storeOptions = { ...(maxPageCount !== undefined ? { maxPageCount } : {}), ...(pauseInSnapshotTransaction ? { pauseInSnapshotTransaction } : {}) };
    campaigns = new Campaigns(store, work, { dbPath: options.dbPath, storeOptions }, clock);
    const seeded = await ensureCampaigns(campaigns, options.campaign ?? { kind: 'demo' });
    // Results of an earlier release's database, or made under a replaced rule set or another library version.
    for (const c of campaigns.list()) await campaigns.refreshResults(c.id, systemActor);
    const created = await ensureAdministrator(store, { adminToken: options.adminToken, at: clock().toISOString() });
    if (created) options.onAdministratorCreated?.(created);
    const demoAccounts = await createDemoAccounts(store, seeded, clock().toISOString());
    if (demoAccounts.length > 0) options.onDemoAccounts?.(demoAccounts);
    store.accounts.purgeExpiredSessions(clock().toISOString());
  } catch (err) {
    await closeAll();
    throw err;
  }

  const app = Fastify({ logger: options.logger ?? false, bodyLimit, trustProxy: options.trustProxy ?? false });
  try {
    app.decorate('campaigns', campaigns);
    app.decorate('store', store);
    app.decorate('clock', clock);
    app.decorate('evidence', evidence);
    app.decorateRequest('signedIn', null);
    app.addHook('onClose', closeAll);
    for (const path of removedBackups) app.log.warn({ path }, 'removed what an interrupted backup left');
    if (restoredEvidence.restored > 0) app.log.info({ files: restoredEvidence.restored }, 'evidence files restored from the back-up');
    for (const sha256 of restoredEvidence.corrupt) app.log.error({ sha256 }, 'an evidence file in the back-up does not match its SHA-256: not restored');
    await setUp(app, options, bodyLimit, backups, { work, evidenceDir });
  } catch (err) {
    await closeAll();
    throw err;
  }
  return app;
}

async function setUp(
  app: FastifyInstance,
  options: BuildAppOptions,
  bodyLimit: number,
  backupFolder: string,
  { work, evidenceDir }: { work: WorkPool; evidenceDir: string },
): Promise<void> {
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (r) => onRoute({ method: r.method, url: r.url }));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Thi đua DVC trực tuyến — leaderboard API',
        version,
        description:
          'Các đợt thi đua, bảng xếp hạng, số liệu và danh sách khen thưởng. Campaigns, live rankings, snapshots and award lists of public-service competitions. ' +
          'Every error: { error, message: "vi — en", issues? } (docs/errors-http.md).',
      },
      components: {
        securitySchemes: {
          accountToken: { type: 'http', scheme: 'bearer', description: 'An account\u2019s token for scripts (POST /api/admin/accounts/{id}/tokens), or ADMIN_TOKEN' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'thidua_session', description: 'The admin page\u2019s session (POST /api/auth/login); changes also send the x-csrf-token header' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(helmet, {
    global: true,
    enableCSPNonces: false,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    frameguard: { action: 'deny' },
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  /** One audit line per refused admin change (401s are audited by the token check itself). */
  const auditRefusal = (request: FastifyRequest, error: HttpError) => {
    const action = refusalActions[`${request.method} ${request.routeOptions.url ?? ''}`];
    if (!action || error.statusCode === 401 || error.statusCode === 429) return;
    const query = request.query as Record<string, unknown> | undefined;
    const params = request.params as Record<string, unknown> | undefined;
    app.campaigns.audit({
      actor: request.signedIn?.actor ?? anonymousActor,
      action,
      outcome: 'refused',
      campaignId: typeof params?.campaignId === 'string' && app.campaigns.get(params.campaignId) ? params.campaignId : null,
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
    return reply.code(httpError.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(httpError.toBody()));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(new HttpError('not_found').toBody())));

  await app.register(campaignRoutes);
  await app.register(publicRoutes);
  await app.register(exportRoutes);
  await app.register(awardBundleRoutes);
  await app.register(eventRoutes, { heartbeatMs: options.heartbeatMs ?? 15_000, ...defaultStreamLimits, ...options.streamLimits });
  // Everything that changes a campaign, and the accounts, behind the guard.
  const throttle = new FailedAttempts(options.maxFailedAttempts ?? 10, 60_000, () => app.clock().getTime());
  await app.register(async (guarded) => {
    await installGuard(guarded, { store: app.store, clock: app.clock, throttle });
    await guarded.register(authRoutes, { throttle });
    await guarded.register(adminRoutes, { bodyLimit });
    await guarded.register(accountRoutes);
    await guarded.register(backupRoutes, { folder: backupFolder, copyEvidence: (file) => work.copyEvidence(file, evidenceDir) });
    await guarded.register(roundRoutes);
    await guarded.register(roundEvidenceRoutes, options.evidenceLimits ? { limits: options.evidenceLimits } : {});
    await guarded.register(roundAdminRoutes, { bodyLimit });
  });
  await app.register(legacyRoutes);

  app.get('/openapi.json', { schema: { summary: 'This OpenAPI document', tags: ['public'] } }, async () => app.swagger());

  await app.register(pagesRoutes);
}
