import { chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RuleSet, UnitInput } from '@thidua/scoring';
import type { Actor, Decision, RosterUnit } from '../contract.js';
import { AccountStore } from './accounts.js';
import { ResultStore, type ResultsRecord } from './results.js';
import { snapshotUnit, snapshotUnits } from './snapshot-units.js';
import { migrations } from './migrations.js';
import { RoundStore } from './round.js';
import { restoreEvidenceFrom } from './evidence-backup.js';
import type { EvidenceStorage } from './evidence-storage.js';
import type { Round } from '../process/phases.js';

export type { Actor, RosterUnit };

/**
 * The database. This module is the only one that speaks SQL: the rest of the server asks it
 * for campaigns, rosters, snapshots and audit lines as plain objects. One database holds every
 * campaign of the server.
 */

export interface StoredCampaign {
  id: string;
  ruleSet: RuleSet;
  sample: boolean;
  createdAt: string;
  /** Listing order; the first campaign that is not archived is the default one. */
  position: number;
  archivedAt: string | null;
  /** An index's round (ADR 0020): its phases and settings; null when the campaign has none. */
  round: Round | null;
}

export interface SnapshotRecord {
  id: number;
  campaignId: string;
  asOf: string;
  sourceFileName: string;
  sha256: string;
  rowCount: number;
  /** The uploader's name. */
  createdBy: string;
  createdAt: string;
  /** Null while pending: a clerk's upload waits for a publisher. */
  publishedAt: string | null;
  publishedBy: string | null;
  retracted: boolean;
  retractedAt: string | null;
  retractedBy: string | null;
  sample: boolean;
}

export interface Finalisation {
  snapshotId: number;
  finalizedBy: string;
  finalizedAt: string;
  /** Null for a result finalised before decisions were recorded. */
  decision: Decision | null;
}

export interface AuditInput {
  at: string;
  actor: Actor;
  action: string;
  outcome: 'ok' | 'refused';
  /** The campaign the line is about; null or absent for the server as a whole. */
  campaignId?: string | null;
  snapshotId?: number | null;
  detail?: Record<string, unknown>;
}

/** Which audit lines a reader may see (the route decides from the reader's roles). */
export type AuditScope =
  | { kind: 'all' }
  | { kind: 'campaign-and-server'; campaignId: string }
  | { kind: 'campaigns'; campaignIds: readonly string[] | '*' };

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  outcome: 'ok' | 'refused';
  campaignId: string | null;
  snapshotId: number | null;
  detail: Record<string, unknown>;
}

/** What an upload stores: the record's own fields (the store assigns the id) and the statistics. */
export interface NewSnapshot extends Omit<SnapshotRecord, 'id' | 'retracted' | 'retractedAt' | 'retractedBy' | 'createdBy' | 'publishedAt' | 'publishedBy'> {
  createdBy: Actor;
  /** Published as it is stored (a publisher's upload), or left pending (a clerk's). */
  publish: boolean;
  units: readonly UnitInput[];
  /** What its evaluation decided: stored with it, in the same transaction. */
  results: ResultsRecord;
  /** Extra audit detail (e.g. the snapshot it supersedes). */
  auditDetail?: Record<string, unknown>;
}

export interface StoreOptions {
  /** The largest the database may grow, in pages of 4 KB (SQLite's max_page_count); absent: no limit. */
  maxPageCount?: number;
  /**
   * Inside the snapshot transaction, after every row is written and before COMMIT: say "writing" on
   * standard output and wait there. For crash tests only — a test kills the process at the worst
   * moment. A plain flag, so that a worker thread's connection can be given it too.
   */
  pauseInSnapshotTransaction?: boolean;
  /** Called after each step of a backup (64 pages). For crash tests only, likewise. */
  onBackupProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
}

/** The options a worker thread's connection takes (those that are data, not functions). */
export type WorkerStoreOptions = Pick<StoreOptions, 'maxPageCount' | 'pauseInSnapshotTransaction'>;

/** A snapshot refused inside its transaction: the campaign was finalised or archived meanwhile. */
export class CampaignClosedError extends Error {
  constructor(readonly code: 'campaign_finalized' | 'campaign_archived') {
    super(code);
  }
}

/** What a backup is called while it is being written (store.backup). */
export const partialSuffix = '.partial';

interface SnapshotRow {
  id: number;
  campaign_id: string;
  as_of: string;
  source_file_name: string;
  sha256: string;
  row_count: number;
  created_by: string;
  created_at: string;
  published_at: string | null;
  published_by: string | null;
  retracted: number;
  retracted_at: string | null;
  retracted_by: string | null;
  sample: number;
}

interface CampaignRow {
  id: string;
  rule_set_json: string;
  sample: number;
  created_at: string;
  position: number;
  archived_at: string | null;
  round_json: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  outcome: 'ok' | 'refused';
  campaign_id: string | null;
  snapshot_id: number | null;
  detail_json: string;
}

const toSnapshot = (r: SnapshotRow): SnapshotRecord => ({
  id: r.id,
  campaignId: r.campaign_id,
  asOf: r.as_of,
  sourceFileName: r.source_file_name,
  sha256: r.sha256,
  rowCount: r.row_count,
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  retracted: r.retracted === 1,
  retractedAt: r.retracted_at,
  retractedBy: r.retracted_by,
  sample: r.sample === 1,
});

const toCampaign = (r: CampaignRow): StoredCampaign => ({
  id: r.id,
  ruleSet: JSON.parse(r.rule_set_json) as RuleSet,
  sample: r.sample === 1,
  createdAt: r.created_at,
  position: r.position,
  archivedAt: r.archived_at,
  round: r.round_json === null ? null : (JSON.parse(r.round_json) as Round),
});

/** A unit's inputs without its id, name and group: what a snapshot row keeps as JSON. */
function valuesOf(unit: UnitInput): Record<string, unknown> {
  const { id: _id, name: _name, group: _group, ...values } = unit;
  return values;
}

/** The database cannot be opened for writing: says where and why, in both languages. */
export class StoreOpenError extends Error {
  constructor(path: string, cause: Error) {
    const code = (cause as { code?: string }).code ?? '';
    const why =
      code.startsWith('SQLITE_READONLY') || /readonly|read-only/i.test(cause.message)
        ? { vi: 'tệp chỉ cho phép đọc', en: 'the file is read-only' }
        : code === 'SQLITE_FULL'
          ? { vi: 'ổ đĩa đã đầy', en: 'the disk is full' }
          : code.startsWith('SQLITE_CANTOPEN') || (cause as NodeJS.ErrnoException).code === 'EACCES'
            ? { vi: 'không mở được tệp (quyền truy cập?)', en: 'the file cannot be opened (permissions?)' }
            : { vi: cause.message, en: cause.message };
    super(`Không ghi được cơ sở dữ liệu ${path}: ${why.vi} — the database ${path} cannot be written: ${why.en}`, { cause });
    this.name = 'StoreOpenError';
  }
}

export class Store {
  private readonly db!: Database.Database;
  private readonly options: StoreOptions;
  /** People, grants, tokens, sessions and the server's secrets. */
  readonly accounts!: AccountStore;
  /** What each snapshot's evaluation decided (results.ts). */
  readonly results!: ResultStore;
  /** An index's round: self-assessment, appraisal, explanations, evidence lines (round.ts). */
  readonly round!: RoundStore;

  constructor(
    /** The database file (workers open it read-only). */
    readonly path: string,
    options: StoreOptions = {},
  ) {
    this.options = options;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // FULL: a committed snapshot survives a power cut, not only a crash of the process.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      if (options.maxPageCount !== undefined) this.db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      this.migrate();
      // A database that opens but cannot be written would fail the first upload: refuse now.
      this.db.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS write_probe (x INTEGER); ROLLBACK;');
      this.accounts = new AccountStore(this.db, (entry) => this.insertAudit(entry));
      this.results = new ResultStore(this.db);
      this.round = new RoundStore(this.db, (entry) => this.insertAudit(entry));
    } catch (err) {
      throw new StoreOpenError(path, err as Error);
    }
  }

  /** Applies every migration newer than the database, each in its own transaction. */
  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const current = this.schemaVersion();
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `Cơ sở dữ liệu ở phiên bản ${current}, mới hơn phần mềm (${latest}) — the database (schema v${current}) is newer than this software (v${latest})`,
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      const at = new Date().toISOString();
      this.db.transaction(() => {
        this.db.exec(m.sql);
        m.run?.(this.db, at);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, at);
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

  // ── campaigns and rosters ──────────────────────────────────────────────────────────────

  /** Every campaign, archived ones included, in listing order. */
  listCampaigns(): StoredCampaign[] {
    return (this.db.prepare('SELECT * FROM campaigns ORDER BY position, id').all() as CampaignRow[]).map(toCampaign);
  }

  getCampaign(id: string): StoredCampaign | null {
    const r = this.db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
    return r ? toCampaign(r) : null;
  }

  /** Creates a campaign and its roster in one transaction, listed after the others. */
  createCampaign(campaign: Omit<StoredCampaign, 'position' | 'archivedAt' | 'round'>, roster: readonly RosterUnit[], actor: Actor): void {
    this.db.transaction(() => {
      const { next } = this.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM campaigns').get() as { next: number };
      this.db
        .prepare('INSERT INTO campaigns (id, rule_set_json, sample, created_at, position) VALUES (?, ?, ?, ?, ?)')
        .run(campaign.id, JSON.stringify(campaign.ruleSet), campaign.sample ? 1 : 0, campaign.createdAt, next);
      this.writeRoster(campaign.id, roster);
      this.insertAudit({
        at: campaign.createdAt,
        actor,
        action: 'campaign_created',
        outcome: 'ok',
        campaignId: campaign.id,
        detail: { campaignId: campaign.id, ruleSetId: campaign.ruleSet.id, units: roster.length, sample: campaign.sample },
      });
    })();
  }

  /** Replaces a campaign's rule set (audited with both rule set ids). */
  updateRuleSet(campaignId: string, ruleSet: RuleSet, actor: Actor, at: string): void {
    this.db.transaction(() => {
      const before = this.getCampaign(campaignId);
      this.db.prepare('UPDATE campaigns SET rule_set_json = ? WHERE id = ?').run(JSON.stringify(ruleSet), campaignId);
      this.insertAudit({
        at,
        actor,
        action: 'rule_set_replaced',
        outcome: 'ok',
        campaignId,
        detail: { from: before?.ruleSet.id ?? null, to: ruleSet.id },
      });
    })();
  }

  /** Replaces a campaign's roster (audited with the counts before and after). */
  replaceRoster(campaignId: string, roster: readonly RosterUnit[], actor: Actor, at: string, detail: Record<string, unknown> = {}): void {
    this.db.transaction(() => {
      const before = this.listRoster(campaignId).length;
      this.db.prepare('DELETE FROM roster_units WHERE campaign_id = ?').run(campaignId);
      this.writeRoster(campaignId, roster);
      this.insertAudit({ at, actor, action: 'roster_replaced', outcome: 'ok', campaignId, detail: { before, after: roster.length, ...detail } });
    })();
  }

  private writeRoster(campaignId: string, roster: readonly RosterUnit[]): void {
    const insert = this.db.prepare('INSERT INTO roster_units (campaign_id, unit_id, name, group_id, position) VALUES (?, ?, ?, ?, ?)');
    roster.forEach((u, i) => insert.run(campaignId, u.id, u.name, u.group, i));
  }

  archiveCampaign(campaignId: string, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE campaigns SET archived_at = ?, archived_by = ? WHERE id = ? AND archived_at IS NULL').run(at, actor.name, campaignId);
      this.insertAudit({ at, actor, action: 'campaign_archived', outcome: 'ok', campaignId });
    })();
  }

  listRoster(campaignId: string): RosterUnit[] {
    return this.db
      .prepare('SELECT unit_id AS id, name, group_id AS "group" FROM roster_units WHERE campaign_id = ? ORDER BY position')
      .all(campaignId) as RosterUnit[];
  }

  // ── snapshots ──────────────────────────────────────────────────────────────────────────

  /** Every snapshot of a campaign, oldest first (retracted ones included). */
  listSnapshots(campaignId: string): SnapshotRecord[] {
    return (this.db.prepare('SELECT * FROM snapshots WHERE campaign_id = ? ORDER BY id').all(campaignId) as SnapshotRow[]).map(toSnapshot);
  }

  /** A snapshot's statistics, in the order of the uploaded file. */
  getSnapshotUnits(snapshotId: number): UnitInput[] {
    return snapshotUnits(this.db, snapshotId);
  }

  /** Writes a snapshot, its unit rows and its audit line in ONE transaction; returns its id. */
  insertSnapshot(s: NewSnapshot): number {
    const insertRow = this.db.prepare(
      'INSERT INTO snapshot_rows (snapshot_id, unit_id, name, group_id, position, values_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    return this.db.transaction(() => {
      // Checked here, where no other writer can come between: a campaign finalised or archived while
      // the file was being read takes no more snapshots.
      if (this.getFinalisation(s.campaignId)) throw new CampaignClosedError('campaign_finalized');
      if (this.getCampaign(s.campaignId)?.archivedAt) throw new CampaignClosedError('campaign_archived');
      const info = this.db
        .prepare(
          `INSERT INTO snapshots (campaign_id, as_of, source_file_name, sha256, row_count, created_by, created_at, published_at, published_by, sample)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          s.campaignId,
          s.asOf,
          s.sourceFileName,
          s.sha256,
          s.rowCount,
          s.createdBy.name,
          s.createdAt,
          s.publish ? s.createdAt : null,
          s.publish ? s.createdBy.name : null,
          s.sample ? 1 : 0,
        );
      const id = Number(info.lastInsertRowid);
      s.units.forEach((u, i) => insertRow.run(id, u.id, u.name, u.group, i, JSON.stringify(valuesOf(u))));
      this.results.write(id, s.results, s.createdAt);
      this.insertAudit({
        at: s.createdAt,
        actor: s.createdBy,
        action: s.publish ? 'snapshot_published' : 'snapshot_uploaded',
        outcome: 'ok',
        campaignId: s.campaignId,
        snapshotId: id,
        detail: { asOf: s.asOf, sourceFileName: s.sourceFileName, sha256: s.sha256, rowCount: s.rowCount, sample: s.sample, ...s.auditDetail },
      });
      if (this.options.pauseInSnapshotTransaction) {
        process.stdout.write('writing\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      }
      return id;
    })();
  }

  /** Replaces one snapshot's stored results (made again under the current rule set or library), one transaction. */
  writeResults(snapshotId: number, results: ResultsRecord, at: string): void {
    this.db.transaction(() => this.results.write(snapshotId, results, at))();
  }

  /** One unit's statistics in a snapshot, as stored; null when it is not in it. */
  getSnapshotUnit(snapshotId: number, unitId: string): UnitInput | null {
    return snapshotUnit(this.db, snapshotId, unitId);
  }

  /** Publishes a pending snapshot and audits it, in one transaction. */
  publishSnapshot(campaignId: string, snapshotId: number, actor: Actor, at: string, detail: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE snapshots SET published_at = ?, published_by = ? WHERE id = ? AND campaign_id = ? AND published_at IS NULL AND retracted = 0')
        .run(at, actor.name, snapshotId, campaignId);
      this.insertAudit({ at, actor, action: 'snapshot_published', outcome: 'ok', campaignId, snapshotId, detail });
    })();
  }

  /** Marks a snapshot retracted (it is kept) and audits it, in one transaction. */
  retractSnapshot(campaignId: string, snapshotId: number, actor: Actor, at: string, detail: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE snapshots SET retracted = 1, retracted_at = ?, retracted_by = ? WHERE id = ? AND campaign_id = ? AND retracted = 0')
        .run(at, actor.name, snapshotId, campaignId);
      this.insertAudit({ at, actor, action: 'snapshot_retracted', outcome: 'ok', campaignId, snapshotId, detail });
    })();
  }

  getFinalisation(campaignId: string): Finalisation | null {
    const r = this.db.prepare('SELECT * FROM finalisations WHERE campaign_id = ?').get(campaignId) as
      | {
          snapshot_id: number;
          finalized_by: string;
          finalized_at: string;
          decision_number: string | null;
          decision_date: string | null;
          signer_name: string | null;
          signer_title: string | null;
          decision_kind: string | null;
        }
      | undefined;
    if (!r) return null;
    const decision =
      r.decision_number !== null && r.decision_date !== null
        ? {
            number: r.decision_number,
            date: r.decision_date,
            signerName: r.signer_name ?? '',
            signerTitle: r.signer_title ?? '',
            ...(r.decision_kind ? { kind: r.decision_kind } : {}),
          }
        : null;
    return { snapshotId: r.snapshot_id, finalizedBy: r.finalized_by, finalizedAt: r.finalized_at, decision };
  }

  finalize(campaignId: string, snapshotId: number, decision: Decision, actor: Actor, at: string, detail: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO finalisations (campaign_id, snapshot_id, finalized_by, finalized_at, decision_number, decision_date, signer_name, signer_title, decision_kind)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(campaignId, snapshotId, actor.name, at, decision.number, decision.date, decision.signerName, decision.signerTitle, decision.kind ?? null);
      this.insertAudit({ at, actor, action: 'campaign_finalized', outcome: 'ok', campaignId, snapshotId, detail: { ...detail, decision } });
    })();
  }

  // ── back-ups ───────────────────────────────────────────────────────────────────────────

  /**
   * A consistent copy of the whole database at `destination`, made with SQLite's online backup
   * while the server keeps reading and writing (pages changed meanwhile are copied again). It is
   * written beside `destination` as `<destination>.partial`, readable by the server's user only
   * (0600), and renamed into place when complete: a backup that is stopped midway never looks like
   * a finished one, and `removeInterruptedBackups` clears what it left (backups.ts).
   */
  /**
   * A consistent copy of the database at `destination`. `fill` then completes the copy before it
   * is put in place — the evidence files' bytes (evidence-backup.ts), so that one file is the whole
   * back-up; the server does it in a worker thread.
   */
  async backup(destination: string, fill?: (partial: string) => unknown): Promise<{ pages: number }> {
    const partial = `${destination}${partialSuffix}`;
    closeSync(openSync(partial, 'w', 0o600));
    chmodSync(partial, 0o600);
    try {
      const hook = this.options.onBackupProgress;
      const { totalPages } = hook ? await this.db.backup(partial, { progress: (p) => (hook(p), 64) }) : await this.db.backup(partial);
      if (fill) await fill(partial);
      renameSync(partial, destination);
      return { pages: totalPages };
    } catch (err) {
      rmSync(partial, { force: true });
      rmSync(`${partial}-journal`, { force: true });
      throw err;
    }
  }

  /** A restored back-up's evidence files put back beside the database (evidence-backup.ts). */
  restoreEvidence(storage: EvidenceStorage): { restored: number; corrupt: string[] } {
    return restoreEvidenceFrom(this.db, storage);
  }

  // ── audit log ──────────────────────────────────────────────────────────────────────────

  appendAudit(entry: AuditInput): number {
    return this.insertAudit(entry);
  }

  private insertAudit(e: AuditInput): number {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, actor_name, action, outcome, campaign_id, snapshot_id, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor.username, e.actor.name, e.action, e.outcome, e.campaignId ?? null, e.snapshotId ?? null, JSON.stringify(e.detail ?? {}));
    return Number(info.lastInsertRowid);
  }

  /**
   * Newest first; `beforeId` pages back. `scope` says which lines: every line; one campaign's lines
   * and the server's own (an administrator's view of a campaign); or only the lines of the campaigns
   * named (`'*'`: of every campaign, never the server's own — sign-ins, accounts, back-ups).
   */
  listAudit(opts: { limit: number; beforeId?: number; scope: AuditScope }): AuditEntry[] {
    const before = opts.beforeId ?? Number.MAX_SAFE_INTEGER;
    const scope = opts.scope;
    let rows: AuditRow[];
    if (scope.kind === 'all') rows = this.db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?').all(before, opts.limit) as AuditRow[];
    else if (scope.kind === 'campaign-and-server') {
      rows = this.db
        .prepare('SELECT * FROM audit_log WHERE id < ? AND (campaign_id = ? OR campaign_id IS NULL) ORDER BY id DESC LIMIT ?')
        .all(before, scope.campaignId, opts.limit) as AuditRow[];
    } else if (scope.campaignIds === '*') {
      rows = this.db.prepare('SELECT * FROM audit_log WHERE id < ? AND campaign_id IS NOT NULL ORDER BY id DESC LIMIT ?').all(before, opts.limit) as AuditRow[];
    } else if (scope.campaignIds.length === 0) rows = [];
    else {
      rows = this.db
        .prepare('SELECT * FROM audit_log WHERE id < ? AND campaign_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?')
        .all(before, JSON.stringify(scope.campaignIds), opts.limit) as AuditRow[];
    }
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorName: r.actor_name ?? r.actor,
      action: r.action,
      outcome: r.outcome,
      campaignId: r.campaign_id,
      snapshotId: r.snapshot_id,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
  }
}
