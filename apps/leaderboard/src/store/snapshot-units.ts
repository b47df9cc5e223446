import type Database from 'better-sqlite3';
import type { UnitInput } from '@thidua/scoring';

type Row = [id: string, name: string, group: string, values: string];

/** A stored row as the unit the library evaluates. */
const unitOf = ([id, name, group, values]: Row): UnitInput => ({ id, name, group, ...(JSON.parse(values) as Record<string, number | string | null>) });

/** A snapshot's statistics as stored, in the file's order: the inputs the library evaluates. */
export function snapshotUnits(db: Database.Database, snapshotId: number): UnitInput[] {
  const rows = db.prepare('SELECT unit_id, name, group_id, values_json FROM snapshot_rows WHERE snapshot_id = ? ORDER BY position').raw().all(snapshotId) as Row[];
  return rows.map(unitOf);
}

/** One unit's statistics in a snapshot, as stored; null when it is not in it. */
export function snapshotUnit(db: Database.Database, snapshotId: number, unitId: string): UnitInput | null {
  const row = db.prepare('SELECT unit_id, name, group_id, values_json FROM snapshot_rows WHERE snapshot_id = ? AND unit_id = ?').raw().get(snapshotId, unitId) as Row | undefined;
  return row ? unitOf(row) : null;
}
