import type Database from 'better-sqlite3';
import { upgradeRuleSet, isVersion1 } from '@thidua/scoring';

/**
 * Versioned schema migrations, applied in order at start, each inside one transaction (its SQL,
 * then its `run` step if any). Never edit a shipped migration: add the next version. A test opens
 * a database made by release 0.1.0 (test/fixtures) and checks that nothing is lost.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do, run after `sql` in the same transaction (e.g. converting stored JSON). */
  run?: (db: Database.Database, at: string) => void;
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
  {
    version: 2,
    name: 'several campaigns; statistics as the rule set declares them; rule sets of version 2',
    sql: `
      -- Every campaign of the server; the first by position is the default (today's URLs).
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        rule_set_json TEXT NOT NULL,
        sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        position INTEGER NOT NULL,
        archived_at TEXT,
        archived_by TEXT
      );
      INSERT INTO campaigns (id, rule_set_json, sample, created_at, position)
        SELECT id, rule_set_json, sample, created_at, 0 FROM campaign;

      CREATE TABLE roster_units (
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        unit_id TEXT NOT NULL,
        name TEXT NOT NULL,
        group_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, unit_id)
      );
      INSERT INTO roster_units (campaign_id, unit_id, name, group_id, position)
        SELECT (SELECT id FROM campaign), id, name, group_id, position FROM units;

      ALTER TABLE snapshots ADD COLUMN campaign_id TEXT REFERENCES campaigns (id);
      UPDATE snapshots SET campaign_id = (SELECT id FROM campaign);
      CREATE INDEX snapshots_campaign ON snapshots (campaign_id, as_of);

      -- A unit's inputs as the rule set names them (counts, entered points, comments), as JSON.
      CREATE TABLE snapshot_rows (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        unit_id TEXT NOT NULL,
        name TEXT NOT NULL,
        group_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        values_json TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, unit_id)
      );
      INSERT INTO snapshot_rows (snapshot_id, unit_id, name, group_id, position, values_json)
        SELECT snapshot_id, unit_id, name, group_id, position,
          CASE WHEN resolved_online_full IS NULL AND resolved_online_partial IS NULL THEN
            json_object('resolvedTotal', resolved_total, 'resolvedOnline', resolved_online,
              'resolvedOnlineOnTime', resolved_online_on_time, 'resolvedLate', resolved_late)
          ELSE
            json_object('resolvedTotal', resolved_total, 'resolvedOnline', resolved_online,
              'resolvedOnlineOnTime', resolved_online_on_time, 'resolvedLate', resolved_late,
              'resolvedOnlineFull', resolved_online_full, 'resolvedOnlinePartial', resolved_online_partial)
          END
        FROM snapshot_units;

      CREATE TABLE finalisations (
        campaign_id TEXT PRIMARY KEY REFERENCES campaigns (id),
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        finalized_by TEXT NOT NULL,
        finalized_at TEXT NOT NULL
      );
      INSERT INTO finalisations (campaign_id, snapshot_id, finalized_by, finalized_at)
        SELECT (SELECT id FROM campaign), snapshot_id, finalized_by, finalized_at FROM finalisation;

      -- Each audit line names its campaign (null: the server as a whole). The append-only guard
      -- is lifted for this one schema change only, to file the existing lines under the campaign.
      ALTER TABLE audit_log ADD COLUMN campaign_id TEXT;
      DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET campaign_id = (SELECT id FROM campaign) WHERE action <> 'admin_token_generated';
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE INDEX audit_log_campaign ON audit_log (campaign_id, id);

      DROP TABLE finalisation;
      DROP TABLE snapshot_units;
      DROP TABLE units;
      DROP TABLE campaign;
    `,
    /** Stored version 1 rule sets become version 2 (every figure kept: the library's upgrade). */
    run: (db, at) => {
      const rows = db.prepare('SELECT id, rule_set_json FROM campaigns').all() as { id: string; rule_set_json: string }[];
      for (const row of rows) {
        const stored: unknown = JSON.parse(row.rule_set_json);
        if (!isVersion1(stored)) continue;
        const upgraded = upgradeRuleSet(stored);
        if (!upgraded.ruleSet) {
          throw new Error(
            `Không chuyển được bộ quy tắc của chiến dịch "${row.id}" sang phiên bản 2 — cannot convert campaign "${row.id}"'s rule set to version 2: ` +
              upgraded.errors.map((e) => e.message.en).join('; '),
          );
        }
        db.prepare('UPDATE campaigns SET rule_set_json = ? WHERE id = ?').run(JSON.stringify(upgraded.ruleSet), row.id);
        db.prepare(
          "INSERT INTO audit_log (at, actor, action, outcome, snapshot_id, detail_json, campaign_id) VALUES (?, 'system', 'rule_set_upgraded', 'ok', NULL, ?, ?)",
        ).run(at, JSON.stringify({ ruleSetId: upgraded.ruleSet.id, from: 1, to: 2 }), row.id);
      }
    },
  },
  {
    version: 3,
    name: 'named accounts with roles, tokens and sessions; pending snapshots; the award decision; audit lines name the person',
    sql: `
      -- People who work on the campaigns. A password is an scrypt hash with its parameters; an
      -- account without one signs in with its tokens only. Disabled accounts are kept (the audit
      -- log names them).
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        password_hash TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL
      );

      -- What each may do, on one campaign or on every campaign ('*'). An administrator may do
      -- everything, everywhere.
      CREATE TABLE account_roles (
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'publisher', 'council', 'admin')),
        campaign_id TEXT NOT NULL DEFAULT '*',
        PRIMARY KEY (account_id, role, campaign_id),
        CHECK (role <> 'admin' OR campaign_id = '*')
      );

      -- Bearer tokens for scripts, one account each, kept as SHA-256 only.
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        label TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );

      -- Sign-in sessions (@fastify/session), by the SHA-256 of the session id.
      CREATE TABLE sessions (
        id_sha256 TEXT PRIMARY KEY,
        account_id INTEGER REFERENCES accounts (id),
        data_json TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions (expires_at);

      -- Secrets the server makes for itself at first start (the session cookie's signing key).
      CREATE TABLE server_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- A clerk's upload waits unpublished until a publisher publishes it. Until now every upload
      -- was published as it was stored.
      ALTER TABLE snapshots ADD COLUMN published_at TEXT;
      ALTER TABLE snapshots ADD COLUMN published_by TEXT;
      UPDATE snapshots SET published_at = created_at, published_by = created_by;

      -- The award decision the final result rests on (null for results finalised before 0.2).
      ALTER TABLE finalisations ADD COLUMN decision_number TEXT;
      ALTER TABLE finalisations ADD COLUMN decision_date TEXT;
      ALTER TABLE finalisations ADD COLUMN signer_name TEXT;
      ALTER TABLE finalisations ADD COLUMN signer_title TEXT;
      ALTER TABLE finalisations ADD COLUMN decision_kind TEXT;

      -- The person's name as it was when the line was written (actor keeps the user name).
      ALTER TABLE audit_log ADD COLUMN actor_name TEXT;
    `,
    /** The single admin token of release 0.1 becomes the token of an administrator account "admin". */
    run: (db, at) => {
      const token = db.prepare('SELECT sha256, created_at FROM admin_token WHERE id = 1').get() as { sha256: string; created_at: string } | undefined;
      if (token) {
        const info = db.prepare("INSERT INTO accounts (username, display_name, password_hash, created_at) VALUES ('admin', 'Quản trị viên', NULL, ?)").run(at);
        const accountId = Number(info.lastInsertRowid);
        db.prepare("INSERT INTO account_roles (account_id, role, campaign_id) VALUES (?, 'admin', '*')").run(accountId);
        db.prepare('INSERT INTO api_tokens (account_id, label, sha256, created_at) VALUES (?, ?, ?, ?)').run(accountId, 'mã quản trị 0.1 — admin token of 0.1', token.sha256, token.created_at);
        db.prepare(
          "INSERT INTO audit_log (at, actor, actor_name, action, outcome, snapshot_id, detail_json, campaign_id) VALUES (?, 'system', 'Hệ thống', 'account_created', 'ok', NULL, ?, NULL)",
        ).run(at, JSON.stringify({ username: 'admin', name: 'Quản trị viên', roles: [{ role: 'admin', campaignId: '*' }], from: 'admin_token' }));
      }
      db.exec('DROP TABLE admin_token');
    },
  },
  {
    version: 4,
    name: 'results stored with each snapshot: the evaluation as served, and one row a unit',
    sql: `
      -- A snapshot's evaluation (without gaps) as the leaderboard serves it, and what made it. Written
      -- in the transaction that stores the snapshot, and again when the rule set or the library changes.
      CREATE TABLE snapshot_evaluations (
        snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id),
        rule_set_sha256 TEXT NOT NULL,
        library_version TEXT NOT NULL,
        total_awarded INTEGER NOT NULL,
        -- The JSON as sent (UTF-8), the same as raw deflate for spliced gzip answers, and its SHA-256.
        evaluation_json BLOB NOT NULL,
        evaluation_deflated BLOB NOT NULL,
        evaluation_sha256 TEXT NOT NULL,
        computed_at TEXT NOT NULL
      );

      -- Each unit's result in each snapshot: a unit's history, rank changes and an earlier week are
      -- read from here. position: the evaluation's order (a group's ranked units in rank order).
      CREATE TABLE snapshot_results (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
        unit_id TEXT NOT NULL,
        group_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        rank INTEGER,
        score TEXT,
        eligible INTEGER NOT NULL CHECK (eligible IN (0, 1)),
        class_id TEXT,
        prize_json TEXT,
        result_json TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, unit_id)
      ) WITHOUT ROWID;
      CREATE INDEX snapshot_results_unit ON snapshot_results (unit_id, snapshot_id);
      -- Databases of earlier releases get their results at the next start (server/campaigns/results.ts).
    `,
  },
  {
    version: 5,
    name: 'each unit\'s standing beside its result: how many of its group are ranked, and its tie run',
    sql: `
      -- What the unit page says of where a unit stands (its rank of how many, and the tie rule with the
      -- figures that decided a tie) is read from here, never worked out from the whole evaluation.
      ALTER TABLE snapshot_results ADD COLUMN group_ranked INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE snapshot_results ADD COLUMN tie_json TEXT;
      -- Results stored before have neither: they are made again at the next start (a missing
      -- evaluation is stale), from the snapshots' statistics, which are kept.
      DELETE FROM snapshot_results;
      DELETE FROM snapshot_evaluations;
    `,
  },
  {
    version: 6,
    name: 'an index round: unit officers and appraisers, phases on the campaign, self-assessment, appraisal, explanations, evidence files',
    sql: `
      -- Roles of an index round (ADR 0020): an officer holds one unit; an appraiser the units named,
      -- or every unit ('*'). The table is rebuilt: its CHECK named the roles of 0.2.
      CREATE TABLE account_roles_v6 (
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'publisher', 'council', 'admin', 'officer', 'appraiser')),
        campaign_id TEXT NOT NULL DEFAULT '*',
        unit_id TEXT NOT NULL DEFAULT '*',
        PRIMARY KEY (account_id, role, campaign_id, unit_id),
        CHECK (role <> 'admin' OR campaign_id = '*'),
        CHECK (role IN ('officer', 'appraiser') OR unit_id = '*'),
        CHECK (role <> 'officer' OR (campaign_id <> '*' AND unit_id <> '*'))
      );
      INSERT INTO account_roles_v6 (account_id, role, campaign_id) SELECT account_id, role, campaign_id FROM account_roles;
      DROP TABLE account_roles;
      ALTER TABLE account_roles_v6 RENAME TO account_roles;

      -- The round's phases and settings (process/phases.ts roundSchema); null: no round.
      ALTER TABLE campaigns ADD COLUMN round_json TEXT;

      -- Each criterion of each unit in the round: the unit's self-assessment, the appraisal, the
      -- unit's explanation and the appraiser's answer. Points are text as entered ("0.75", "x").
      CREATE TABLE round_entries (
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        unit_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        self_points TEXT,
        self_note TEXT NOT NULL DEFAULT '',
        self_at TEXT,
        self_by TEXT,
        appraised_points TEXT,
        comment TEXT NOT NULL DEFAULT '',
        appraised_at TEXT,
        appraised_by TEXT,
        explanation TEXT,
        explained_at TEXT,
        explained_by TEXT,
        answer TEXT CHECK (answer IN ('kept', 'changed')),
        answer_reason TEXT,
        answered_at TEXT,
        answered_by TEXT,
        PRIMARY KEY (campaign_id, unit_id, criterion_id)
      ) WITHOUT ROWID;

      -- A unit's self-assessment submitted ("Nộp"), and its appraisal confirmed by the council.
      CREATE TABLE round_units (
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        unit_id TEXT NOT NULL,
        submitted_at TEXT,
        submitted_by TEXT,
        confirmed_at TEXT,
        confirmed_by TEXT,
        PRIMARY KEY (campaign_id, unit_id)
      ) WITHOUT ROWID;

      -- Evidence files (tài liệu kiểm chứng): the bytes are kept by SHA-256 beside the database
      -- (store/evidence-storage.ts); the name is only ever shown. Removed files keep their line.
      CREATE TABLE evidence_files (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        unit_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('self_assessment', 'explanation')),
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        media_type TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        uploaded_by_name TEXT NOT NULL,
        removed_at TEXT,
        removed_by TEXT
      );
      CREATE INDEX evidence_files_unit ON evidence_files (campaign_id, unit_id);

      -- Only in a back-up: the evidence files' bytes, copied in when the back-up is made and put
      -- back beside the database at the first start on it (store/evidence-backup.ts). Empty in use.
      CREATE TABLE backup_evidence (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
