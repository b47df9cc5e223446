import Database from 'better-sqlite3';
import { evaluate, ScoringInputError, type RuleSet } from '@thidua/scoring';
import { parseStatsFile, parseUnitsJson } from '@thidua/stats-io';
import type { Actor, SheetIssue, UploadComparison } from '../../contract.js';
import { CampaignClosedError, Store, type RosterUnit, type WorkerStoreOptions } from '../../store/store.js';
import { compareUpload, comparisonWarnings, storedSource } from '../campaigns/comparison.js';
import { resultsRecord } from './results-record.js';
import { copyEvidenceInto } from '../../store/evidence-backup.js';
import { LocalEvidenceStorage } from '../../store/evidence-storage.js';

/**
 * The heavy work of the server, done in worker threads (pool.ts) so that the event loop only
 * answers: reading an uploaded file, evaluating it, comparing it with what is published and storing
 * it with its results in one transaction; and evaluating a stored snapshot again and storing its
 * results. Each worker has its own connection to the database (WAL: readers are never blocked).
 * Plain functions: a test may call them directly.
 */

/** Where a task's database is, and how its connection is to be opened. */
export interface DatabaseRef {
  dbPath: string;
  storeOptions: WorkerStoreOptions;
}

/** What a stored upload is: everything of the snapshot but what the file and its evaluation give. */
export interface SnapshotToStore {
  campaignId: string;
  sourceFileName: string;
  sha256: string;
  createdBy: Actor;
  createdAt: string;
  publish: boolean;
  sample: boolean;
  /** The published snapshot of the same date, which a published upload takes the place of. */
  supersedes: number | null;
}

export interface UploadTask extends DatabaseRef {
  kind: 'upload';
  bytes: Uint8Array;
  fileName: string;
  asOf: string;
  ruleSet: RuleSet;
  ruleSetSha256: string;
  roster: readonly RosterUnit[];
  /** The counting snapshots, oldest as-of date first. */
  effective: readonly { id: number; asOf: string }[];
  /** Null: a dry run, nothing stored. */
  store: SnapshotToStore | null;
}

export type UploadOutcome =
  | { ok: false; issues: SheetIssue[] }
  | { ok: false; closed: CampaignClosedError['code'] }
  | { ok: false; sqlite: { code: string; message: string } }
  | { ok: true; rowCount: number; warnings: SheetIssue[]; comparison: UploadComparison; evaluationJson: Uint8Array; snapshotId: number | null };

export interface RecomputeTask extends DatabaseRef {
  kind: 'recompute';
  snapshotId: number;
  ruleSet: RuleSet;
  ruleSetSha256: string;
  /** The time the results are stamped with. */
  at: string;
}

export type RecomputeOutcome = { ok: true } | { ok: false; sqlite: { code: string; message: string } };

/** Loads the worker's code and answers: the pool's warm-up. */
export interface WarmTask {
  kind: 'warm';
}

/** A back-up just written: the evidence files' bytes copied into it (store/evidence-backup.ts). */
export interface EvidenceBackupTask {
  kind: 'evidence-backup';
  backupFile: string;
  evidenceFolder: string;
}

export type Task = UploadTask | RecomputeTask | WarmTask | EvidenceBackupTask;

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

/** One connection per database file and options, kept for the worker's life. */
const stores = new Map<string, Store>();
function storeOf(ref: DatabaseRef): Store {
  const key = `${ref.dbPath}\n${JSON.stringify(ref.storeOptions)}`;
  let store = stores.get(key);
  if (!store) {
    store = new Store(ref.dbPath, ref.storeOptions);
    stores.set(key, store);
  }
  return store;
}

/** SQLite's own refusals (a full disk, a read-only file) travel as data: an Error's code does not cross threads. */
function sqliteRefusal(err: unknown): { ok: false; sqlite: { code: string; message: string } } | null {
  return err instanceof Database.SqliteError ? { ok: false, sqlite: { code: err.code, message: err.message } } : null;
}

export async function runUpload(task: UploadTask): Promise<UploadOutcome> {
  const { ruleSet, roster } = task;
  const parsed = /\.json$/i.test(task.fileName)
    ? parseUnitsJson(new TextDecoder().decode(task.bytes), { ruleSet, roster })
    : await parseStatsFile(task.bytes, { fileName: task.fileName, ruleSet, roster: [...roster] });
  if (parsed.issues.length > 0) return { ok: false, issues: parsed.issues };
  let evaluation;
  try {
    // Without gaps: a unit's gaps are found for that unit when its page is read (gapFinder).
    evaluation = evaluate(parsed.units, ruleSet, { gaps: false });
  } catch (err) {
    if (err instanceof ScoringInputError) return { ok: false, issues: err.issues.map(scoringIssueToSheet) };
    throw err;
  }
  const store = storeOf(task);
  const comparison = compareUpload(storedSource(store, task.effective), ruleSet, task.asOf, evaluation, parsed.units);
  const warnings = [...parsed.warnings, ...comparisonWarnings(task.asOf, comparison)];
  const results = resultsRecord(evaluation, task.ruleSetSha256);
  let snapshotId: number | null = null;
  if (task.store) {
    const s = task.store;
    try {
      snapshotId = store.insertSnapshot({
        campaignId: s.campaignId,
        asOf: task.asOf,
        sourceFileName: s.sourceFileName,
        sha256: s.sha256,
        rowCount: parsed.rowCount,
        createdBy: s.createdBy,
        createdAt: s.createdAt,
        publish: s.publish,
        sample: s.sample,
        units: parsed.units,
        results,
        auditDetail: {
          ...(s.publish && s.supersedes !== null ? { supersedes: s.supersedes } : {}),
          warnings: warnings.length,
          ...(comparison.olderThanShown ? { olderThanShown: comparison.shownAsOf } : {}),
        },
      });
    } catch (err) {
      if (err instanceof CampaignClosedError) return { ok: false, closed: err.code };
      const refusal = sqliteRefusal(err);
      if (refusal) return refusal;
      throw err;
    }
  }
  return { ok: true, rowCount: parsed.rowCount, warnings, comparison, evaluationJson: results.evaluation.bytes, snapshotId };
}

/** Evaluates a stored snapshot again and stores its results (one transaction). */
export function runRecompute(task: RecomputeTask): RecomputeOutcome {
  const store = storeOf(task);
  const record = resultsRecord(evaluate(store.getSnapshotUnits(task.snapshotId), task.ruleSet, { gaps: false }), task.ruleSetSha256);
  try {
    store.writeResults(task.snapshotId, record, task.at);
    return { ok: true };
  } catch (err) {
    const refusal = sqliteRefusal(err);
    if (refusal) return refusal;
    throw err;
  }
}

export function runTask(task: Task): Promise<UploadOutcome> | RecomputeOutcome | number | null {
  if (task.kind === 'warm') return null;
  if (task.kind === 'evidence-backup') return copyEvidenceInto(task.backupFile, new LocalEvidenceStorage(task.evidenceFolder));
  return task.kind === 'upload' ? runUpload(task) : runRecompute(task);
}
