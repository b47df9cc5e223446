import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RuleSet, UnitInput } from '@thidua/scoring';
import { migrations } from './migrations.js';

/**
 * The database. This module is the only one that speaks SQL: the rest of the server asks it
 * for campaigns, rosters, snapshots and audit lines as plain objects.
 */

export interface RosterUnit {
  id: string;
  name: string;
  group: string;
}

export interface StoredCampaign {
  id: string;
  ruleSet: RuleSet;
  sample: boolean;
  createdAt: string;
}

export interface SnapshotRecord {
  id: number;
  asOf: string;
  sourceFileName: string;
  sha256: string;
  rowCount: number;
  createdBy: string;
  createdAt: string;
  retracted: boolean;
  retractedAt: string | null;
  retractedBy: string | null;
  sample: boolean;
}

export interface Finalisation {
  snapshotId: number;
  finalizedBy: string;
  finalizedAt: string;
}

export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  outcome: 'ok' | 'refused';
  snapshotId?: number | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  outcome: 'ok' | 'refused';
  snapshotId: number | null;
  detail: Record<string, unknown>;
}

/** What an upload stores: the record's own fields (the store assigns the id) and the statistics. */
export interface NewSnapshot extends Omit<SnapshotRecord, 'id' | 'retracted' | 'retractedAt' | 'retractedBy'> {
  units: UnitInput[];
  /** Extra audit detail (e.g. the snapshot it supersedes). */
  auditDetail?: Record<string, unknown>;
}

export interface StoreOptions {
  /**
   * Called inside the snapshot transaction after every row is written and before COMMIT.
   * For crash tests only: lets a test kill the process at the worst moment.
   */
  onSnapshotWriting?: (snapshotId: number) => void;
}

interface SnapshotRow {
  id: number;
  as_of: string;
  source_file_name: string;
  sha256: string;
  row_count: number;
  created_by: string;
  created_at: string;
  retracted: number;
  retracted_at: string | null;
  retracted_by: string | null;
  sample: number;
}

interface SnapshotUnitRow {
  unit_id: string;
  name: string;
  group_id: string;
  resolved_total: number;
  resolved_online: number;
  resolved_online_on_time: number;
  resolved_late: number;
  resolved_online_full: number | null;
  resolved_online_partial: number | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  outcome: 'ok' | 'refused';
  snapshot_id: number | null;
  detail_json: string;
}

const toSnapshot = (r: SnapshotRow): SnapshotRecord => ({
  id: r.id,
  asOf: r.as_of,
  sourceFileName: r.source_file_name,
  sha256: r.sha256,
  rowCount: r.row_count,
  createdBy: r.created_by,
  createdAt: r.created_at,
  retracted: r.retracted === 1,
  retractedAt: r.retracted_at,
  retractedBy: r.retracted_by,
  sample: r.sample === 1,
});

const toUnit = (r: SnapshotUnitRow): UnitInput => {
  const unit: UnitInput = {
    id: r.unit_id,
    name: r.name,
    group: r.group_id,
    resolvedTotal: r.resolved_total,
    resolvedOnline: r.resolved_online,
    resolvedOnlineOnTime: r.resolved_online_on_time,
    resolvedLate: r.resolved_late,
  };
  if (r.resolved_online_full !== null) unit.resolvedOnlineFull = r.resolved_online_full;
  if (r.resolved_online_partial !== null) unit.resolvedOnlinePartial = r.resolved_online_partial;
  return unit;
};

export class Store {
  private readonly db: Database.Database;
  private readonly options: StoreOptions;

  constructor(path: string, options: StoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.options = options;
    this.db.pragma('journal_mode = WAL');
    // FULL: a committed snapshot survives a power cut, not only a crash of the process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** Applies every migration newer than the database, each in its own transaction. */
  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `Cơ sở dữ liệu ở phiên bản ${current}, mới hơn phần mềm (${latest}) — the database (schema v${current}) is newer than this software (v${latest})`,
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ── campaign and roster ────────────────────────────────────────────────────────────────

  getCampaign(): StoredCampaign | null {
    const r = this.db.prepare('SELECT id, rule_set_json, sample, created_at FROM campaign').get() as
      | { id: string; rule_set_json: string; sample: number; created_at: string }
      | undefined;
    if (!r) return null;
    return { id: r.id, ruleSet: JSON.parse(r.rule_set_json) as RuleSet, sample: r.sample === 1, createdAt: r.created_at };
  }

  /** Creates the campaign and its roster in one transaction (only into an empty database). */
  createCampaign(campaign: StoredCampaign, roster: RosterUnit[], actor: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO campaign (id, rule_set_json, sample, created_at) VALUES (?, ?, ?, ?)')
        .run(campaign.id, JSON.stringify(campaign.ruleSet), campaign.sample ? 1 : 0, campaign.createdAt);
      const insert = this.db.prepare('INSERT INTO units (id, name, group_id, position) VALUES (?, ?, ?, ?)');
      roster.forEach((u, i) => insert.run(u.id, u.name, u.group, i));
      this.insertAudit({
        at: campaign.createdAt,
        actor,
        action: 'campaign_created',
        outcome: 'ok',
        detail: { campaignId: campaign.id, ruleSetId: campaign.ruleSet.id, units: roster.length, sample: campaign.sample },
      });
    })();
  }

  listRoster(): RosterUnit[] {
    return this.db.prepare('SELECT id, name, group_id AS "group" FROM units ORDER BY position').all() as RosterUnit[];
  }

  // ── snapshots ──────────────────────────────────────────────────────────────────────────

  /** Every snapshot, oldest first (retracted ones included). */
  listSnapshots(): SnapshotRecord[] {
    return (this.db.prepare('SELECT * FROM snapshots ORDER BY id').all() as SnapshotRow[]).map(toSnapshot);
  }

  getSnapshotUnits(snapshotId: number): UnitInput[] {
    return (
      this.db
        .prepare('SELECT * FROM snapshot_units WHERE snapshot_id = ? ORDER BY position')
        .all(snapshotId) as SnapshotUnitRow[]
    ).map(toUnit);
  }

  /** Writes a snapshot, its unit rows and its audit line in ONE transaction; returns its id. */
  insertSnapshot(s: NewSnapshot): number {
    const insertUnit = this.db.prepare(
      `INSERT INTO snapshot_units (snapshot_id, unit_id, name, group_id, resolved_total, resolved_online,
         resolved_online_on_time, resolved_late, resolved_online_full, resolved_online_partial, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO snapshots (as_of, source_file_name, sha256, row_count, created_by, created_at, sample)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.asOf, s.sourceFileName, s.sha256, s.rowCount, s.createdBy, s.createdAt, s.sample ? 1 : 0);
      const id = Number(info.lastInsertRowid);
      s.units.forEach((u, i) =>
        insertUnit.run(
          id,
          u.id,
          u.name,
          u.group,
          u.resolvedTotal,
          u.resolvedOnline,
          u.resolvedOnlineOnTime,
          u.resolvedLate,
          u.resolvedOnlineFull ?? null,
          u.resolvedOnlinePartial ?? null,
          i,
        ),
      );
      this.insertAudit({
        at: s.createdAt,
        actor: s.createdBy,
        action: 'snapshot_published',
        outcome: 'ok',
        snapshotId: id,
        detail: { asOf: s.asOf, sourceFileName: s.sourceFileName, sha256: s.sha256, rowCount: s.rowCount, sample: s.sample, ...s.auditDetail },
      });
      this.options.onSnapshotWriting?.(id);
      return id;
    })();
  }

  /** Marks a snapshot retracted (it is kept) and audits it, in one transaction. */
  retractSnapshot(snapshotId: number, actor: string, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE snapshots SET retracted = 1, retracted_at = ?, retracted_by = ? WHERE id = ? AND retracted = 0')
        .run(at, actor, snapshotId);
      this.insertAudit({ at, actor, action: 'snapshot_retracted', outcome: 'ok', snapshotId });
    })();
  }

  getFinalisation(): Finalisation | null {
    const r = this.db.prepare('SELECT snapshot_id, finalized_by, finalized_at FROM finalisation').get() as
      | { snapshot_id: number; finalized_by: string; finalized_at: string }
      | undefined;
    return r ? { snapshotId: r.snapshot_id, finalizedBy: r.finalized_by, finalizedAt: r.finalized_at } : null;
  }

  finalize(snapshotId: number, actor: string, at: string, detail: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO finalisation (id, snapshot_id, finalized_by, finalized_at) VALUES (1, ?, ?, ?)')
        .run(snapshotId, actor, at);
      this.insertAudit({ at, actor, action: 'campaign_finalized', outcome: 'ok', snapshotId, detail });
    })();
  }

  // ── admin token ────────────────────────────────────────────────────────────────────────

  getAdminTokenHash(): string | null {
    const r = this.db.prepare('SELECT sha256 FROM admin_token WHERE id = 1').get() as { sha256: string } | undefined;
    return r?.sha256 ?? null;
  }

  setAdminTokenHash(sha256: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO admin_token (id, sha256, created_at) VALUES (1, ?, ?)').run(sha256, at);
      this.insertAudit({ at, actor: 'system', action: 'admin_token_generated', outcome: 'ok' });
    })();
  }

  // ── audit log ──────────────────────────────────────────────────────────────────────────

  appendAudit(entry: AuditInput): number {
    return this.insertAudit(entry);
  }

  private insertAudit(e: AuditInput): number {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, action, outcome, snapshot_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.outcome, e.snapshotId ?? null, JSON.stringify(e.detail ?? {}));
    return Number(info.lastInsertRowid);
  }

  /** Newest first; `beforeId` pages back. */
  listAudit(opts: { limit: number; beforeId?: number }): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(opts.beforeId ?? Number.MAX_SAFE_INTEGER, opts.limit) as AuditRow[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      outcome: r.outcome,
      snapshotId: r.snapshot_id,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  }
}
