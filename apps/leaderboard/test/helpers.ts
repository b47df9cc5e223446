import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { nuiThanh2023, type RuleSet, type UnitInput } from '@thidua/scoring';
import { statisticsCsv as sheetOf } from '@thidua/stats-io';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { RosterUnit } from '../src/contract.js';
import { demoCampaignId } from '../src/demo/nui-thanh-2023.js';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { cumulativeStatistics } from '../src/demo/statistics.js';
import { buildApp, type BuildAppOptions } from '../src/server/app.js';
import { campaignFromJson } from '../src/server/campaign-source.js';
import type { CampaignSource } from '../src/server/campaigns/startup.js';

export const adminToken = 'test-admin-token-0123456789';
export const auth = { authorization: `Bearer ${adminToken}` };

/** A fresh directory with a database path inside; removed by the returned cleanup. */
export function tempDb(): { dbPath: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'leaderboard-test-'));
  return { dir, dbPath: join(dir, 'leaderboard.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { demoCampaignId };

/** The id of the campaign a district's own file creates in the tests. */
export const testCampaignId = 'nui-thanh-2023-test';

/** A campaign's API address, as the pages use it. */
export function api(campaignId: string, path: string): string {
  return `/api/campaigns/${campaignId}/${path}`;
}

/** The demo's Núi Thành campaign's API address (the default campaign). */
export const demoApi = (path: string) => api(demoCampaignId, path);

/** The Núi Thành rules and roster as a district's own campaign file: starts with no snapshots. */
export function nuiThanhCampaignFile(roster: RosterUnit[] = nuiThanhRoster): CampaignSource {
  return { kind: 'file', ...campaignFromJson({ id: testCampaignId, ruleSet: nuiThanh2023, roster }) };
}

/** A statistics sheet as the upload accepts it (column keys, UTF-8 with BOM); Núi Thành's columns unless told. */
export function statisticsCsv(units: UnitInput[], ruleSet: RuleSet = nuiThanh2023): Uint8Array {
  return sheetOf(units, ruleSet);
}

export async function startApp(opts: Partial<BuildAppOptions> & { dbPath: string }): Promise<FastifyInstance> {
  return buildApp({ adminToken, ...opts });
}

/** A server for a describe block: built on a fresh file before its tests, closed and removed after them. */
export function useApp(opts: Partial<BuildAppOptions> = {}): { readonly app: FastifyInstance; readonly db: ReturnType<typeof tempDb> } {
  const db = tempDb();
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await startApp({ ...opts, dbPath: db.dbPath });
  });
  afterAll(async () => {
    await app?.close();
    db.cleanup();
  });
  return {
    db,
    get app() {
      if (!app) throw new Error('the app is built in beforeAll');
      return app;
    },
  };
}

/** Plausible cumulative statistics for `roster` after `months` months (deterministic). */
export function statsFor(roster: RosterUnit[], months: number, seed = 11): UnitInput[] {
  const series = cumulativeStatistics(
    roster,
    (u) => ({ monthlyCases: u.group === 'departments' ? 80 : 300, onlineShare: 0.8, onTimeShare: 0.95, lateShare: 0.02 }),
    months,
    seed,
  );
  return series[months - 1] ?? [];
}

/**
 * Every row of every table except the audit log and the sign-in sessions, in a stable order: two
 * dumps are equal exactly when the stored content is. Like the audit log, these move with requests
 * that change nothing: sqlite_sequence's audit_log counter, a token's last use.
 */
export function dumpContent(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      if (name === 'audit_log' || name === 'sessions') continue;
      const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((r) => (name === 'api_tokens' ? { ...r, last_used_at: null } : r));
      const kept = name === 'sqlite_sequence' ? rows.filter((r) => r.name !== 'audit_log') : rows;
      out[name] = kept.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

export function auditLines(dbPath: string): { action: string; outcome: string; detail: Record<string, unknown> }[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT action, outcome, detail_json FROM audit_log ORDER BY id').all() as {
      action: string;
      outcome: string;
      detail_json: string;
    }[]).map((r) => ({ action: r.action, outcome: r.outcome, detail: JSON.parse(r.detail_json) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

export const csvHeaders = { 'content-type': 'text/csv; charset=utf-8' };

/** The award decision a finalisation records (a made-up one: the tests' campaign is Núi Thành's rules). */
export const decision = { number: '125/QĐ-UBND', date: '2024-01-15', signerName: 'Nguyễn Văn Bình', signerTitle: 'Chủ tịch UBND huyện Núi Thành' };

/** A finalisation request: the token, and the decision as its JSON body. */
export function finalizeRequest(url: string) {
  return { method: 'POST' as const, url, headers: { ...auth, 'content-type': 'application/json' }, payload: { decision } };
}
