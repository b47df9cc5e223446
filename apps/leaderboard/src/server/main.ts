import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { readCampaignFile } from './campaign-source.js';
import type { CampaignSource } from './campaigns/startup.js';
import { databasePath } from './paths.js';

/**
 * Starts the leaderboard: reads the environment, builds the app, listens.
 *   HOST (127.0.0.1)  PORT (3000)  LEADERBOARD_DB (./data/leaderboard.sqlite in the app folder)
 *   LEADERBOARD_CAMPAIGN (a campaign JSON file, created or brought up to date at start; default: the
 *     demo — Núi Thành 2023, Quảng Nam's 766 race, the Thủy Thanh CCHC scorecard — in an empty database)
 *   ADMIN_TOKEN (a bearer token of the administrator "admin", for scripts; optional)  LOG_LEVEL (warn)
 *   TRUST_PROXY (unset; "true" or the proxy addresses when behind a reverse proxy)
 *   MAX_EVENT_STREAMS (500)  MAX_EVENT_STREAMS_PER_ADDRESS (50): live-update streams open at once
 *   BACKUP_DIR (backups/ beside the database)
 *   EVIDENCE_DIR (evidence/ beside the database: an index round's evidence files)
 */
const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 3000);
const dbPath = databasePath(env);

/** "true", or the proxies' addresses/subnets, comma-separated (e.g. "127.0.0.1,10.0.0.0/8"). */
function trustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** A whole number ≥ 1 from the environment, or the server refuses to start saying which variable. */
function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} phải là số nguyên dương — must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

/**
 * Before listening, answers one unit page of each campaign with figures, as a reader would ask for
 * it: the response's schema and the unit's working are compiled at start (as the explainer and the
 * gap finder are when a campaign loads), not on the first citizen's request.
 */
async function warmUnitPages(app: Awaited<ReturnType<typeof buildApp>>): Promise<void> {
  for (const campaign of app.campaigns.list()) {
    const unit = campaign.roster[0];
    if (unit) await app.inject({ method: 'GET', url: `/api/campaigns/${encodeURIComponent(campaign.id)}/units/${encodeURIComponent(unit.id)}` });
  }
}

async function main(): Promise<void> {
  const campaign: CampaignSource = env.LEADERBOARD_CAMPAIGN ? { kind: 'file', ...readCampaignFile(resolve(env.LEADERBOARD_CAMPAIGN)) } : { kind: 'demo' };
  const app = await buildApp({
    dbPath,
    campaign,
    ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
    logger: { level: env.LOG_LEVEL || 'warn' },
    warmWorkers: true,
    ...(env.TRUST_PROXY ? { trustProxy: trustProxy(env.TRUST_PROXY) } : {}),
    ...(env.BACKUP_DIR ? { backupFolder: resolve(env.BACKUP_DIR) } : {}),
    ...(env.EVIDENCE_DIR ? { evidenceFolder: resolve(env.EVIDENCE_DIR) } : {}),
    streamLimits: {
      ...(env.MAX_EVENT_STREAMS ? { maxStreams: positive(env.MAX_EVENT_STREAMS, 'MAX_EVENT_STREAMS') } : {}),
      ...(env.MAX_EVENT_STREAMS_PER_ADDRESS ? { maxStreamsPerAddress: positive(env.MAX_EVENT_STREAMS_PER_ADDRESS, 'MAX_EVENT_STREAMS_PER_ADDRESS') } : {}),
    },
    onAdministratorCreated: ({ username, password }) => {
      console.log(
        '\nTài khoản quản trị (mật khẩu chỉ hiện MỘT lần, hãy lưu lại rồi đổi sau khi đăng nhập) — administrator account (the password is shown ONCE: keep it, change it after signing in):\n\n' +
          `    tên đăng nhập / user name: ${username}\n    mật khẩu / password:       ${password}\n\n` +
          'Đăng nhập tại /admin — sign in at /admin. Quên mật khẩu — forgot it: npm run admin -- reset-password admin\n',
      );
    },
    onDemoAccounts: (accounts) => {
      const lines = accounts.map((a) => `    ${a.username.padEnd(12)} ${a.password}   ${a.displayName}`);
      console.log(
        '\nTài khoản để thử vòng tự đánh giá – thẩm định của đợt minh họa (mật khẩu chỉ hiện MỘT lần) — accounts to try the sample index round (passwords shown ONCE):\n\n' +
          `${lines.join('\n')}\n\n` +
          'Đăng nhập tại /admin, chọn "Chỉ số cải cách hành chính cấp xã năm 2023" — sign in at /admin and choose the 2023 commune CCHC index.\n',
      );
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await warmUnitPages(app);
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const lines = app.campaigns.list().map((c) => `  /c/${c.id}/  ${c.info.title.vi}${c.sample ? ' (dữ liệu minh họa — sample data)' : ''}`);
  console.log(
    `Bảng xếp hạng đang chạy tại — leaderboard running at http://${shownHost}:${boundPort}\n${lines.join('\n')}\n  database: ${dbPath}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
