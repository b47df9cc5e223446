import Database from 'better-sqlite3';
import { evaluate, ScoringInputError, type RuleSet, type UnitInput } from '@thidua/scoring';
import { parseStatsFile, parseUnitsJson } from '@thidua/stats-io';
import type { SheetIssue, UploadComparison } from '../../contract.js';
import { ResultStore, type ResultsRecord } from '../../store/results.js';
import { snapshotUnits } from '../../store/snapshot-units.js';
import type { RosterUnit } from '../../store/store.js';
import { compareUpload, comparisonWarnings, type PublishedSource } from '../campaigns/comparison.js';
import { resultsRecord } from './results-record.js';

/**
 * The heavy work of the server, done in worker threads (pool.ts) so that the event loop only
 * answers: reading an uploaded file, evaluating it, and comparing it with what is published; and
 * evaluating a stored snapshot again. Each task reads the database itself, read-only, and returns
 * what the main thread stores in one transaction. Plain functions: a test may call them directly.
 */

export interface UploadTask {
  kind: 'upload';
  bytes: Uint8Array;
  fileName: string;
  asOf: string;
  ruleSet: RuleSet;
  ruleSetSha256: string;
  roster: readonly RosterUnit[];
  dbPath: string;
  /** The counting snapshots, oldest as-of date first. */
  effective: readonly { id: number; asOf: string }[];
}

export type UploadOutcome =
  | { ok: false; issues: SheetIssue[] }
  | { ok: true; rowCount: number; units: UnitInput[]; warnings: SheetIssue[]; results: ResultsRecord; comparison: UploadComparison };

export interface RecomputeTask {
  kind: 'recompute';
  dbPath: string;
  snapshotId: number;
  ruleSet: RuleSet;
  ruleSetSha256: string;
}

export type Task = UploadTask | RecomputeTask;

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

/** A read-only connection per database file, kept for the worker's life. */
const connections = new Map<string, Database.Database>();
function readOnly(dbPath: string): Database.Database {
  let db = connections.get(dbPath);
  if (!db) {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    connections.set(dbPath, db);
  }
  return db;
}

function publishedSource(dbPath: string, effective: UploadTask['effective']): PublishedSource {
  const db = readOnly(dbPath);
  const results = new ResultStore(db);
  return {
    effective,
    standings: (id) => results.standings(id),
    totalAwarded: (id) => results.totalAwarded(id),
    units: (id) => snapshotUnits(db, id),
  };
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
  const comparison = compareUpload(publishedSource(task.dbPath, task.effective), ruleSet, task.asOf, evaluation, parsed.units);
  return {
    ok: true,
    rowCount: parsed.rowCount,
    units: parsed.units,
    warnings: [...parsed.warnings, ...comparisonWarnings(task.asOf, comparison)],
    results: resultsRecord(evaluation, task.ruleSetSha256),
    comparison,
  };
}

export function runRecompute(task: RecomputeTask): ResultsRecord {
  const units = snapshotUnits(readOnly(task.dbPath), task.snapshotId);
  return resultsRecord(evaluate(units, task.ruleSet, { gaps: false }), task.ruleSetSha256);
}

export function runTask(task: Task): Promise<UploadOutcome> | ResultsRecord {
  return task.kind === 'upload' ? runUpload(task) : runRecompute(task);
}
