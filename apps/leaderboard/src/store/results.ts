import type Database from 'better-sqlite3';

/**
 * What a snapshot's evaluation decided, as it is stored beside the snapshot (migration 4): the whole
 * evaluation as the leaderboard serves it, and one row a unit — rank, score, class, prize,
 * eligibility, targets and the unit's full result — so that a page, a unit's history, a rank
 * change or an earlier week is read, never recomputed (docs/architecture.md).
 */
export interface ResultsRecord {
  /** SHA-256 of the rule set's JSON the evaluation was made under. */
  ruleSetSha256: string;
  /** @thidua/scoring's version that made it. */
  libraryVersion: string;
  totalAwarded: number;
  /** The evaluation without gaps, as the API sends it. */
  evaluation: StoredEvaluation;
  /** One row a unit, in the evaluation's order (each group's ranked units in rank order, then the rest). */
  units: UnitResultRow[];
}

/** A snapshot's evaluation as stored: its JSON (UTF-8), the same compressed, and its hash. */
export interface StoredEvaluation {
  bytes: Uint8Array;
  /** Raw deflate ending with a sync flush, for gzip answers spliced around it (server/plugins/spliced-gzip.ts). */
  deflated: Uint8Array;
  /** SHA-256 of `bytes`, base64url: the answers' ETags are made from it. */
  sha256: string;
}

export interface UnitResultRow {
  unitId: string;
  groupId: string;
  rank: number | null;
  score: string | null;
  eligible: boolean;
  classId: string | null;
  /** The prize as JSON ({ id, label, amount }), or null. */
  prizeJson: string | null;
  /** The unit's UnitResult (without gaps) as JSON. */
  resultJson: string;
  /** How many units of its group are ranked. */
  groupRanked: number;
  /** Its run of units with one published score (the library's tie run, with figures) as JSON; null when alone. */
  tieJson: string | null;
}

/** A unit's standing in one snapshot, as rank changes and comparisons read it. */
export interface Standing {
  rank: number | null;
  prizeJson: string | null;
}

export interface StoredUnitResult extends Standing {
  snapshotId: number;
  unitId: string;
  groupId: string;
  position: number;
  score: string | null;
  eligible: boolean;
  classId: string | null;
  resultJson: string;
  groupRanked: number;
  tieJson: string | null;
}

interface ResultRow {
  snapshot_id: number;
  unit_id: string;
  group_id: string;
  position: number;
  rank: number | null;
  score: string | null;
  eligible: number;
  class_id: string | null;
  prize_json: string | null;
  result_json: string;
  group_ranked: number;
  tie_json: string | null;
}

const unitOf = (r: ResultRow): StoredUnitResult => ({
  snapshotId: r.snapshot_id,
  unitId: r.unit_id,
  groupId: r.group_id,
  position: r.position,
  rank: r.rank,
  score: r.score,
  eligible: r.eligible === 1,
  classId: r.class_id,
  prizeJson: r.prize_json,
  resultJson: r.result_json,
  groupRanked: r.group_ranked,
  tieJson: r.tie_json,
});

/** The SQL of stored results; the Store owns the connection and the transactions. */
export class ResultStore {
  constructor(private readonly db: Database.Database) {}

  /** Writes (or replaces) a snapshot's results; call inside the transaction that stores or recomputes it. */
  write(snapshotId: number, record: ResultsRecord, at: string): void {
    this.db.prepare('DELETE FROM snapshot_results WHERE snapshot_id = ?').run(snapshotId);
    const e = record.evaluation;
    this.db
      .prepare(
        `INSERT OR REPLACE INTO snapshot_evaluations (snapshot_id, rule_set_sha256, library_version, total_awarded, evaluation_json, evaluation_deflated, evaluation_sha256, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(snapshotId, record.ruleSetSha256, record.libraryVersion, record.totalAwarded, Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength), Buffer.from(e.deflated.buffer, e.deflated.byteOffset, e.deflated.byteLength), e.sha256, at);
    const insert = this.db.prepare(
      `INSERT INTO snapshot_results (snapshot_id, unit_id, group_id, position, rank, score, eligible, class_id, prize_json, result_json, group_ranked, tie_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    record.units.forEach((u, i) =>
      insert.run(snapshotId, u.unitId, u.groupId, i, u.rank, u.score, u.eligible ? 1 : 0, u.classId, u.prizeJson, u.resultJson, u.groupRanked, u.tieJson),
    );
  }

  /** The evaluation as the leaderboard serves it; null when none is stored. */
  evaluation(snapshotId: number): StoredEvaluation | null {
    const row = this.db.prepare('SELECT evaluation_json, evaluation_deflated, evaluation_sha256 FROM snapshot_evaluations WHERE snapshot_id = ?').get(snapshotId) as
      | { evaluation_json: Buffer; evaluation_deflated: Buffer; evaluation_sha256: string }
      | undefined;
    return row ? { bytes: row.evaluation_json, deflated: row.evaluation_deflated, sha256: row.evaluation_sha256 } : null;
  }

  totalAwarded(snapshotId: number): number | null {
    const row = this.db.prepare('SELECT total_awarded FROM snapshot_evaluations WHERE snapshot_id = ?').get(snapshotId) as { total_awarded: number } | undefined;
    return row?.total_awarded ?? null;
  }

  /**
   * The snapshots of a campaign whose results were not made under this rule set and library
   * version, and why: none stored yet (a database of an earlier release), another rule set, another
   * library version.
   */
  stale(campaignId: string, ruleSetSha256: string, libraryVersion: string): { snapshotId: number; reason: 'first' | 'rule_set' | 'library' }[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, e.rule_set_sha256 AS sha, e.library_version AS version FROM snapshots s LEFT JOIN snapshot_evaluations e ON e.snapshot_id = s.id
         WHERE s.campaign_id = ? AND (e.snapshot_id IS NULL OR e.rule_set_sha256 <> ? OR e.library_version <> ?) ORDER BY s.id`,
      )
      .all(campaignId, ruleSetSha256, libraryVersion) as { id: number; sha: string | null; version: string | null }[];
    return rows.map((r) => ({ snapshotId: r.id, reason: r.sha === null ? 'first' : r.sha !== ruleSetSha256 ? 'rule_set' : 'library' }));
  }

  unit(snapshotId: number, unitId: string): StoredUnitResult | null {
    const row = this.db.prepare('SELECT * FROM snapshot_results WHERE snapshot_id = ? AND unit_id = ?').get(snapshotId, unitId) as ResultRow | undefined;
    return row ? unitOf(row) : null;
  }

  /** The unit listed last before `rank` in its group: the one a unit of that rank has to pass. */
  above(snapshotId: number, groupId: string, rank: number): string | null {
    const row = this.db
      .prepare('SELECT unit_id FROM snapshot_results WHERE snapshot_id = ? AND group_id = ? AND rank < ? ORDER BY position DESC LIMIT 1')
      .get(snapshotId, groupId, rank) as { unit_id: string } | undefined;
    return row?.unit_id ?? null;
  }

  /** Every unit's rank and prize in a snapshot. */
  standings(snapshotId: number): Map<string, Standing> {
    const rows = this.db.prepare('SELECT unit_id, rank, prize_json FROM snapshot_results WHERE snapshot_id = ?').raw().all(snapshotId) as [string, number | null, string | null][];
    const map = new Map<string, Standing>();
    for (const [unitId, rank, prizeJson] of rows) map.set(unitId, { rank, prizeJson });
    return map;
  }

  /** One unit's results in the snapshots named (a campaign's counting ones): one indexed query. */
  history(unitId: string, snapshotIds: readonly number[]): StoredUnitResult[] {
    if (snapshotIds.length === 0) return [];
    const rows = this.db
      .prepare('SELECT * FROM snapshot_results WHERE unit_id = ? AND snapshot_id IN (SELECT value FROM json_each(?))')
      .all(unitId, JSON.stringify(snapshotIds)) as ResultRow[];
    return rows.map(unitOf);
  }
}
