import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import {
  evaluate,
  ScoringInputError,
  type Evaluation,
  type Prize,
  type RuleSet,
  type UnitInput,
  type UnitResult,
} from '@thidua/scoring';
import { parseStatsFile, type ExportMeta, type SheetIssue } from '@thidua/stats-io';
import type { RosterUnit, SnapshotRecord, Store, AuditEntry, AuditInput } from '../store/store.js';
import { HttpError } from './errors.js';

/**
 * The campaign as the server sees it: roster, snapshots, evaluations and status. Both the JSON
 * API and the HTML pages read from here, so they always show the same figures. Every figure comes
 * from @thidua/scoring's evaluate(); nothing here re-implements a rule.
 */

export type Status = 'provisional' | 'final';

/** A stored snapshot as the API shows it (who retracted it and when is in the audit log). */
export interface SnapshotMeta extends Omit<SnapshotRecord, 'retractedAt' | 'retractedBy'> {
  /** Extension of the contract: a later upload for the same asOf replaces this one. */
  superseded: boolean;
}

export interface CampaignInfo {
  id: string;
  title: RuleSet['title'];
  period: RuleSet['period'];
  ruleSetId: string;
  sample: boolean;
  groups: {
    id: string;
    name: RuleSet['title'];
    shortName: RuleSet['title'];
    minOnlineSharePercent: string;
    minResolvedOnline: number;
    firstPrizeMinOnlineSharePercent: string | null;
    prizes: { id: string; label: RuleSet['title']; count: number; amountVnd: number }[];
  }[];
}

export interface RankChange {
  previousRank: number | null;
  change: number | null;
}

export interface LeaderboardResponse {
  campaign: CampaignInfo;
  status: Status;
  snapshot: SnapshotMeta | null;
  previousSnapshot: { id: number; asOf: string } | null;
  evaluation: Evaluation | null;
  rankChanges: Record<string, RankChange>;
}

export interface UnitHistoryEntry {
  snapshotId: number;
  asOf: string;
  score: string | null;
  rank: number | null;
  eligible: boolean;
  prize: Prize | null;
}

export interface UnitResponse {
  campaign: CampaignInfo;
  unit: RosterUnit;
  status: Status;
  snapshot: SnapshotMeta | null;
  result: UnitResult | null;
  rankChange: RankChange | null;
  history: UnitHistoryEntry[];
}

export interface SnapshotEvent {
  type: 'published' | 'retracted' | 'finalized';
  snapshotId: number | null;
  asOf: string | null;
}

/** The leaderboard JSON serialised once per state, with its compressed forms made on demand. */
export interface CachedBody {
  etag: string;
  json: Buffer;
  gzip(): Buffer;
  brotli(): Buffer;
}

export interface UploadInput {
  bytes: Uint8Array;
  fileName: string;
  asOf: string;
  actor: string;
  dryRun: boolean;
  /** Seeded demo data. */
  sample?: boolean;
}

export interface UploadResult {
  dryRun: boolean;
  snapshot: SnapshotMeta | null;
  rowCount: number;
  evaluation: Evaluation;
  issues: SheetIssue[];
  warnings: SheetIssue[];
}

/** How many full evaluations stay in memory (latest, previous, and a couple being browsed). */
const maxCachedEvaluations = 4;

const isRealDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

function campaignInfo(id: string, ruleSet: RuleSet, sample: boolean): CampaignInfo {
  return {
    id,
    title: ruleSet.title,
    period: ruleSet.period,
    ruleSetId: ruleSet.id,
    sample,
    groups: ruleSet.groups.map((g) => ({
      id: g.id,
      name: g.name,
      shortName: g.shortName,
      minOnlineSharePercent: g.eligibility.minOnlineSharePercent,
      minResolvedOnline: g.eligibility.minResolvedOnline,
      firstPrizeMinOnlineSharePercent: g.prizes.find((p) => p.minOnlineSharePercent !== undefined)?.minOnlineSharePercent ?? null,
      prizes: g.prizes.map((p) => ({ id: p.id, label: p.label, count: p.count, amountVnd: p.amountVnd })),
    })),
  };
}

/** Maps a library issue (path [index, field]) to a sheet issue; rows as Excel counts them. */
function scoringIssueToSheet(issue: { path: (string | number)[]; code: string; message: { vi: string; en: string } }): SheetIssue {
  const [index, field] = issue.path;
  return {
    row: typeof index === 'number' ? index + 2 : null,
    column: typeof field === 'string' ? field : null,
    field: typeof field === 'string' ? field : null,
    code: issue.code,
    message: issue.message,
  };
}

export class CampaignService {
  readonly id: string;
  readonly ruleSet: RuleSet;
  readonly roster: RosterUnit[];
  readonly sample: boolean;
  readonly campaign: CampaignInfo;
  private readonly store: Store;
  private readonly clock: () => Date;
  private readonly emitter = new EventEmitter();
  private readonly rosterById: Map<string, RosterUnit>;
  private snapshots: SnapshotRecord[] = [];
  private finalSnapshotId: number | null = null;
  /**
   * Full evaluations of the most recently used snapshots (a 10,000-unit evaluation is hundreds
   * of MB of objects); any other is recomputed from the stored statistics when asked for.
   */
  private readonly evaluations = new Map<number, Evaluation>();
  /** Per snapshot, each unit's score, rank and prize: what history and rank changes need. */
  private readonly summaries = new Map<number, Map<string, Omit<UnitHistoryEntry, 'snapshotId' | 'asOf'>>>();
  /** Each snapshot's evaluation serialised once: a 10,000-unit evaluation is tens of MB of JSON. */
  private readonly evaluationJsons = new Map<number, string>();
  private readonly bodies = new Map<string, CachedBody>();

  constructor(store: Store, clock: () => Date) {
    const stored = store.getCampaign();
    if (!stored) throw new Error('the database holds no campaign');
    this.store = store;
    this.clock = clock;
    this.id = stored.id;
    this.ruleSet = stored.ruleSet;
    this.sample = stored.sample;
    this.roster = store.listRoster();
    this.rosterById = new Map(this.roster.map((u) => [u.id, u]));
    this.campaign = campaignInfo(stored.id, stored.ruleSet, stored.sample);
    this.emitter.setMaxListeners(0);
    this.reload();
  }

  private reload(): void {
    this.snapshots = this.store.listSnapshots();
    this.finalSnapshotId = this.store.getFinalisation()?.snapshotId ?? null;
    this.bodies.clear();
    this.evaluationJsons.clear();
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────

  get isFinal(): boolean {
    return this.finalSnapshotId !== null;
  }

  /**
   * Snapshots that count, oldest as-of first: not retracted, and for each as-of date only the
   * newest upload (a re-upload supersedes; docs/decisions/0008-snapshots-supersede-retract-finalise.md).
   */
  private effective(): SnapshotRecord[] {
    const byAsOf = new Map<string, SnapshotRecord>();
    for (const s of this.snapshots) {
      if (s.retracted) continue;
      const cur = byAsOf.get(s.asOf);
      if (!cur || s.id > cur.id) byAsOf.set(s.asOf, s);
    }
    return [...byAsOf.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }

  private meta(s: SnapshotRecord): SnapshotMeta {
    const superseded = !s.retracted && this.snapshots.some((o) => o.asOf === s.asOf && o.id > s.id && !o.retracted);
    return {
      id: s.id,
      asOf: s.asOf,
      sourceFileName: s.sourceFileName,
      sha256: s.sha256,
      rowCount: s.rowCount,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      retracted: s.retracted,
      sample: s.sample,
      superseded,
    };
  }

  /** Every snapshot, newest first, retracted and superseded ones included and marked. */
  listSnapshots(): SnapshotMeta[] {
    return [...this.snapshots].reverse().map((s) => this.meta(s));
  }

  getSnapshot(id: number): SnapshotMeta | null {
    const s = this.snapshots.find((x) => x.id === id);
    return s ? this.meta(s) : null;
  }

  /** The snapshot shown for `asOf` (latest on or before it), or the latest; null if none. */
  resolveSnapshot(asOf?: string): SnapshotRecord | null {
    const eff = this.effective();
    if (asOf === undefined) return eff[eff.length - 1] ?? null;
    if (!isRealDate(asOf)) throw new HttpError('invalid_as_of', { detail: { vi: asOf, en: asOf } });
    let found: SnapshotRecord | null = null;
    for (const s of eff) if (s.asOf <= asOf) found = s;
    if (!found) throw new HttpError('no_snapshot', { detail: { vi: asOf, en: asOf } });
    return found;
  }

  statusOf(snapshot: { id: number } | null): Status {
    return snapshot !== null && snapshot.id === this.finalSnapshotId ? 'final' : 'provisional';
  }

  /** The library's evaluation of a stored snapshot (the same object while it stays cached). */
  evaluationOf(snapshotId: number): Evaluation {
    let ev = this.evaluations.get(snapshotId);
    if (ev) {
      this.evaluations.delete(snapshotId);
    } else {
      ev = evaluate(this.store.getSnapshotUnits(snapshotId), this.ruleSet);
    }
    this.remember(snapshotId, ev);
    return ev;
  }

  private remember(snapshotId: number, ev: Evaluation): void {
    this.evaluations.set(snapshotId, ev);
    for (const id of this.evaluations.keys()) {
      if (this.evaluations.size <= maxCachedEvaluations) break;
      this.evaluations.delete(id);
    }
    if (!this.summaries.has(snapshotId)) {
      this.summaries.set(
        snapshotId,
        new Map(ev.units.map((u) => [u.unitId, { score: u.score, rank: u.rank, eligible: u.eligible, prize: u.prize }])),
      );
    }
  }

  private summaryOf(snapshotId: number) {
    return this.summaries.get(snapshotId) ?? (this.evaluationOf(snapshotId), this.summaries.get(snapshotId) ?? new Map());
  }

  private evaluationJsonOf(snapshotId: number): string {
    let text = this.evaluationJsons.get(snapshotId);
    if (text === undefined) {
      text = JSON.stringify(this.evaluationOf(snapshotId));
      this.evaluationJsons.set(snapshotId, text);
    }
    return text;
  }

  /** An upload's response body; a stored snapshot's evaluation is serialised once for every use. */
  uploadResultJson(result: UploadResult): string {
    if (!result.snapshot) return JSON.stringify(result);
    const { evaluation: _evaluation, ...rest } = result;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"evaluation":${this.evaluationJsonOf(result.snapshot.id)}}`;
  }

  private previousOf(s: SnapshotRecord): SnapshotRecord | null {
    let prev: SnapshotRecord | null = null;
    for (const o of this.effective()) if (o.asOf < s.asOf) prev = o;
    return prev;
  }

  getLeaderboard(asOf?: string): LeaderboardResponse {
    const snap = this.resolveSnapshot(asOf);
    if (!snap) {
      return { campaign: this.campaign, status: 'provisional', snapshot: null, previousSnapshot: null, evaluation: null, rankChanges: {} };
    }
    const evaluation = this.evaluationOf(snap.id);
    const prev = this.previousOf(snap);
    const previousRanks = new Map<string, number | null>();
    if (prev) for (const [unitId, u] of this.summaryOf(prev.id)) previousRanks.set(unitId, u.rank);
    const rankChanges: Record<string, RankChange> = {};
    for (const u of evaluation.units) {
      const previousRank = previousRanks.get(u.unitId) ?? null;
      rankChanges[u.unitId] = {
        previousRank,
        change: previousRank !== null && u.rank !== null ? previousRank - u.rank : null,
      };
    }
    return {
      campaign: this.campaign,
      status: this.statusOf(snap),
      snapshot: this.meta(snap),
      previousSnapshot: prev ? { id: prev.id, asOf: prev.asOf } : null,
      evaluation,
      rankChanges,
    };
  }

  /** The leaderboard JSON, serialised once per (snapshot, status) until the next change. */
  getLeaderboardBody(asOf?: string): CachedBody {
    const snap = this.resolveSnapshot(asOf);
    const key = snap ? `${snap.id}:${this.statusOf(snap)}` : 'none';
    let body = this.bodies.get(key);
    if (!body) {
      const { evaluation, ...rest } = this.getLeaderboard(asOf);
      const head = JSON.stringify(rest);
      const json = Buffer.from(
        snap && evaluation ? `${head.slice(0, -1)},"evaluation":${this.evaluationJsonOf(snap.id)}}` : JSON.stringify({ ...rest, evaluation }),
      );
      const hash = createHash('sha256').update(json).digest('base64url').slice(0, 22);
      let gz: Buffer | null = null;
      let br: Buffer | null = null;
      body = {
        etag: `W/"${key.replace(':', '-')}-${hash}"`,
        json,
        gzip: () => (gz ??= gzipSync(json, { level: 9 })),
        brotli: () =>
          (br ??= brotliCompressSync(json, {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length },
          })),
      };
      this.bodies.set(key, body);
      for (const k of this.bodies.keys()) {
        if (this.bodies.size <= maxCachedEvaluations) break;
        this.bodies.delete(k);
      }
    }
    return body;
  }

  getUnit(id: string, asOf?: string): UnitResponse | null {
    const unit = this.rosterById.get(id);
    if (!unit) return null;
    const board = this.getLeaderboard(asOf);
    const result = board.evaluation?.units.find((u) => u.unitId === id) ?? null;
    const until = board.snapshot?.asOf;
    const history: UnitHistoryEntry[] = [];
    for (const s of this.effective()) {
      if (until !== undefined && s.asOf > until) break;
      const r = this.summaryOf(s.id).get(id);
      if (!r) continue;
      history.push({ snapshotId: s.id, asOf: s.asOf, ...r });
    }
    return {
      campaign: this.campaign,
      unit,
      status: board.status,
      snapshot: board.snapshot,
      result,
      rankChange: board.rankChanges[id] ?? null,
      history,
    };
  }

  /** What an export says about its source (status, as-of date, input hash, sample flag). */
  exportMeta(asOf?: string): { evaluation: Evaluation; meta: ExportMeta; snapshot: SnapshotMeta } {
    const snap = this.resolveSnapshot(asOf);
    if (!snap) throw new HttpError('no_snapshot');
    return {
      evaluation: this.evaluationOf(snap.id),
      snapshot: this.meta(snap),
      meta: {
        ruleSet: this.ruleSet,
        status: this.statusOf(snap),
        asOf: snap.asOf,
        inputSha256: snap.sha256,
        sample: this.sample || snap.sample,
        generatedAt: this.clock().toISOString(),
      },
    };
  }

  listAudit(opts: { limit: number; beforeId?: number }): AuditEntry[] {
    return this.store.listAudit(opts);
  }

  audit(entry: Omit<AuditInput, 'at'>): void {
    this.store.appendAudit({ ...entry, at: this.clock().toISOString() });
  }

  // ── events ─────────────────────────────────────────────────────────────────────────────

  /** Subscribes to snapshot events; returns the unsubscribe function. */
  onSnapshotEvent(listener: (e: SnapshotEvent) => void): () => void {
    this.emitter.on('snapshot', listener);
    return () => this.emitter.off('snapshot', listener);
  }

  private emit(e: SnapshotEvent): void {
    this.emitter.emit('snapshot', e);
  }

  // ── changing ───────────────────────────────────────────────────────────────────────────

  /** Checks that asOf is a real date inside the campaign period. */
  checkAsOf(asOf: string): void {
    if (!isRealDate(asOf)) throw new HttpError('invalid_as_of', { detail: { vi: asOf, en: asOf } });
    const { start, end } = this.ruleSet.period;
    if (asOf < start || asOf > end) {
      throw new HttpError('as_of_outside_period', {
        detail: { vi: `${asOf} không thuộc ${start} … ${end}`, en: `${asOf} is not within ${start} … ${end}` },
      });
    }
  }

  /**
   * Validates a statistics file (parsed by @thidua/stats-io against the roster), evaluates it and,
   * unless a dry run, stores it as a snapshot in one transaction. Any issue refuses the whole file.
   */
  async upload(input: UploadInput): Promise<UploadResult> {
    if (this.isFinal) throw new HttpError('campaign_finalized');
    this.checkAsOf(input.asOf);
    if (input.bytes.length === 0) throw new HttpError('missing_file');

    const parsed = await parseStatsFile(input.bytes, { fileName: input.fileName, ruleSet: this.ruleSet, roster: this.roster });
    if (parsed.issues.length > 0) throw new HttpError('invalid_stats_file', { issues: parsed.issues });
    const units = this.withRosterNames(parsed.units);

    let evaluation: Evaluation;
    try {
      evaluation = evaluate(units, this.ruleSet);
    } catch (err) {
      if (err instanceof ScoringInputError) {
        throw new HttpError('invalid_stats_file', { issues: err.issues.map(scoringIssueToSheet) });
      }
      throw err;
    }
    if (input.dryRun) {
      return { dryRun: true, snapshot: null, rowCount: parsed.rowCount, evaluation, issues: [], warnings: parsed.warnings };
    }
    // Re-check after the await: another upload may have finalised meanwhile.
    if (this.isFinal) throw new HttpError('campaign_finalized');

    const superseded = this.effective().find((s) => s.asOf === input.asOf) ?? null;
    const id = this.store.insertSnapshot({
      asOf: input.asOf,
      sourceFileName: input.fileName,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      rowCount: parsed.rowCount,
      createdBy: input.actor,
      createdAt: this.clock().toISOString(),
      sample: input.sample ?? false,
      units,
      auditDetail: superseded ? { supersedes: superseded.id, warnings: parsed.warnings.length } : { warnings: parsed.warnings.length },
    });
    this.remember(id, evaluation);
    this.reload();
    const snapshot = this.getSnapshot(id);
    this.emit({ type: 'published', snapshotId: id, asOf: input.asOf });
    return { dryRun: false, snapshot, rowCount: parsed.rowCount, evaluation, issues: [], warnings: parsed.warnings };
  }

  /**
   * The roster is the reference for who competes: a sheet naming a unit outside it, or leaving
   * one out, is refused (stats-io reports this per row; this is the last guard before storing).
   */
  private withRosterNames(units: UnitInput[]): UnitInput[] {
    const issues: SheetIssue[] = [];
    const seen = new Set<string>();
    for (const u of units) {
      seen.add(u.id);
      if (!this.rosterById.has(u.id)) {
        issues.push({
          row: null,
          column: null,
          field: 'id',
          code: 'unknown_unit',
          message: { vi: `Đơn vị "${u.id}" không có trong danh sách.`, en: `Unit "${u.id}" is not in the roster.` },
        });
      }
    }
    for (const r of this.roster) {
      if (!seen.has(r.id)) {
        issues.push({
          row: null,
          column: null,
          field: 'id',
          code: 'missing_unit',
          message: { vi: `Thiếu số liệu của đơn vị "${r.name}" (${r.id}).`, en: `No statistics for unit "${r.name}" (${r.id}).` },
        });
      }
    }
    if (issues.length > 0) throw new HttpError('invalid_stats_file', { issues });
    return units;
  }

  retract(snapshotId: number, actor: string): SnapshotMeta {
    if (this.isFinal) throw new HttpError('campaign_finalized');
    const s = this.snapshots.find((x) => x.id === snapshotId);
    if (!s) throw new HttpError('snapshot_not_found');
    if (s.retracted) throw new HttpError('already_retracted');
    this.store.retractSnapshot(snapshotId, actor, this.clock().toISOString());
    this.reload();
    this.emit({ type: 'retracted', snapshotId, asOf: s.asOf });
    return this.getSnapshot(snapshotId) as SnapshotMeta;
  }

  /** Freezes the latest snapshot as the final result (kết quả chính thức). */
  finalize(actor: string): SnapshotMeta {
    if (this.isFinal) throw new HttpError('campaign_finalized');
    const latest = this.resolveSnapshot();
    if (!latest) throw new HttpError('nothing_to_finalize');
    const ev = this.evaluationOf(latest.id);
    this.store.finalize(latest.id, actor, this.clock().toISOString(), {
      asOf: latest.asOf,
      sha256: latest.sha256,
      totalAwardedVnd: ev.totalAwarded,
    });
    this.reload();
    this.emit({ type: 'finalized', snapshotId: latest.id, asOf: latest.asOf });
    return this.meta(latest);
  }
}
