import type Database from 'better-sqlite3';
import type { UnitInput } from '@thidua/scoring';

/** A snapshot's statistics as stored, in the file's order: the inputs the library evaluates. */
export function snapshotUnits(db: Database.Database, snapshotId: number): UnitInput[] {
  const rows = db.prepare('SELECT unit_id, name, group_id, values_json FROM snapshot_rows WHERE snapshot_id = ? ORDER BY position').raw().all(snapshotId) as [string, string, string, string][];
  return rows.map(([id, name, group, values]) => ({ id, name, group, ...(JSON.parse(values) as Record<string, number | string | null>) }));
}
