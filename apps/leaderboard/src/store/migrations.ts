/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * Never edit a shipped migration: add the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE campaign (
        id TEXT PRIMARY KEY,
        rule_set_json TEXT NOT NULL,
        sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL
      );

      -- The roster (danh sách đơn vị): who competes, in which group.
      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        group_id TEXT NOT NULL,
        position INTEGER NOT NULL
      );

      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        as_of TEXT NOT NULL,
        source_file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retracted INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),
        retracted_at TEXT,
        retracted_by TEXT,
        sample INTEGER NOT NULL CHECK (sample IN (0, 1))
      );
      CREATE INDEX snapshots_as_of ON snapshots (as_of);

      -- Per-unit statistics of a snapshot, cumulative from the start of the period.
      CREATE TABLE snapshot_units (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        unit_id TEXT NOT NULL,
        name TEXT NOT NULL,
        group_id TEXT NOT NULL,
        resolved_total INTEGER NOT NULL,
        resolved_online INTEGER NOT NULL,
        resolved_online_on_time INTEGER NOT NULL,
        resolved_late INTEGER NOT NULL,
        resolved_online_full INTEGER,
        resolved_online_partial INTEGER,
        position INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, unit_id)
      );

      -- Append-only: every change and every refused attempt.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
        snapshot_id INTEGER,
        detail_json TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- The generated admin token, as a SHA-256 hash only.
      CREATE TABLE admin_token (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- At most one row: the snapshot whose result is final (chính thức).
      CREATE TABLE finalisation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        finalized_by TEXT NOT NULL,
        finalized_at TEXT NOT NULL
      );
    `,
  },
];
