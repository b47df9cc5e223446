import type Database from 'better-sqlite3';
import type { Actor, Grant, Role } from '../contract.js';
import type { AuditInput } from './store.js';

/**
 * The accounts part of the database: people, what each may do (grants), their script tokens, their
 * sign-in sessions, and the server's own secrets. Speaks SQL for these tables only; every change
 * is one transaction with its audit line (through the store's `audit`).
 */

export interface AccountRecord {
  id: number;
  username: string;
  displayName: string;
  /** scrypt hash with its parameters (passwords.ts); null: tokens only. */
  passwordHash: string | null;
  disabledAt: string | null;
  createdAt: string;
  grants: Grant[];
}

export interface TokenRecord {
  id: number;
  accountId: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
}

interface TokenRow {
  id: number;
  account_id: number;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  accountId: r.account_id,
  label: r.label,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class AccountStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: (entry: AuditInput) => number,
  ) {}

  private grantsOf(accountId: number): Grant[] {
    const rows = this.db.prepare('SELECT role, campaign_id, unit_id FROM account_roles WHERE account_id = ? ORDER BY role, campaign_id, unit_id').all(accountId) as {
      role: Role;
      campaign_id: string;
      unit_id: string;
    }[];
    return rows.map((r) => ({ role: r.role, campaignId: r.campaign_id, ...(r.unit_id === '*' ? {} : { unitId: r.unit_id }) }));
  }

  private toAccount(r: AccountRow): AccountRecord {
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      passwordHash: r.password_hash,
      disabledAt: r.disabled_at,
      createdAt: r.created_at,
      grants: this.grantsOf(r.id),
    };
  }

  list(): AccountRecord[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map((r) => this.toAccount(r));
  }

  get(id: number): AccountRecord | null {
    const r = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return r ? this.toAccount(r) : null;
  }

  /** User names are compared without regard to case. */
  findByUsername(username: string): AccountRecord | null {
    const r = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as AccountRow | undefined;
    return r ? this.toAccount(r) : null;
  }

  /** Active administrators who can sign in with a password. */
  countUsableAdmins(): number {
    const r = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM accounts a JOIN account_roles g ON g.account_id = a.id
         WHERE g.role = 'admin' AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL`,
      )
      .get() as { n: number };
    return r.n;
  }

  create(input: { username: string; displayName: string; passwordHash: string | null; grants: readonly Grant[] }, actor: Actor, at: string): AccountRecord {
    return this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO accounts (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(input.username, input.displayName, input.passwordHash, at);
      const id = Number(info.lastInsertRowid);
      this.writeGrants(id, input.grants);
      this.audit({ at, actor, action: 'account_created', outcome: 'ok', detail: { username: input.username, name: input.displayName, roles: input.grants } });
      return this.get(id) as AccountRecord;
    })();
  }

  private writeGrants(accountId: number, grants: readonly Grant[]): void {
    this.db.prepare('DELETE FROM account_roles WHERE account_id = ?').run(accountId);
    const insert = this.db.prepare('INSERT OR IGNORE INTO account_roles (account_id, role, campaign_id, unit_id) VALUES (?, ?, ?, ?)');
    for (const g of grants) insert.run(accountId, g.role, g.role === 'admin' ? '*' : g.campaignId, g.unitId ?? '*');
  }

  /** Changes the name, the grants or the disabled state; ends the account's sessions when disabled. */
  update(id: number, change: { displayName?: string; grants?: readonly Grant[]; disabled?: boolean }, actor: Actor, at: string): AccountRecord {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw new Error(`no account ${id}`);
      if (change.displayName !== undefined) this.db.prepare('UPDATE accounts SET display_name = ? WHERE id = ?').run(change.displayName, id);
      if (change.grants !== undefined) this.writeGrants(id, change.grants);
      if (change.disabled !== undefined) {
        this.db.prepare('UPDATE accounts SET disabled_at = ? WHERE id = ?').run(change.disabled ? at : null, id);
        if (change.disabled) this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
      }
      const after = this.get(id) as AccountRecord;
      this.audit({
        at,
        actor,
        action: 'account_updated',
        outcome: 'ok',
        detail: {
          username: after.username,
          name: after.displayName,
          ...(change.displayName !== undefined && change.displayName !== before.displayName ? { nameBefore: before.displayName } : {}),
          ...(change.grants !== undefined ? { roles: after.grants, rolesBefore: before.grants } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        },
      });
      return after;
    })();
  }

  /**
   * A sheet of accounts, all or nothing (one transaction): new accounts created with their grants,
   * existing ones given the sheet's grants beside those they hold. Each change is its own audit line.
   */
  importAccounts(
    items: readonly { username: string; displayName: string; passwordHash: string | null; grants: readonly Grant[] }[],
    actor: Actor,
    at: string,
  ): AccountRecord[] {
    return this.db.transaction(() =>
      items.map((item) => {
        const existing = this.findByUsername(item.username);
        if (!existing) return this.create(item, actor, at);
        const key = (g: Grant) => `${g.role}@${g.campaignId}@${g.unitId ?? ''}`;
        const held = new Set(existing.grants.map(key));
        const added = item.grants.filter((g) => !held.has(key(g)));
        return added.length === 0 ? existing : this.update(existing.id, { grants: [...existing.grants, ...added] }, actor, at);
      }),
    )();
  }

  /** Sets a password and ends every session of the account (a stolen session dies with the old password). */
  setPassword(id: number, passwordHash: string, actor: Actor, at: string): void {
    this.db.transaction(() => {
      const account = this.get(id);
      this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, id);
      this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
      this.audit({ at, actor, action: 'password_set', outcome: 'ok', detail: { username: account?.username ?? String(id), name: account?.displayName ?? '' } });
    })();
  }

  // ── tokens ─────────────────────────────────────────────────────────────────────────────

  createToken(accountId: number, label: string, sha256: string, actor: Actor, at: string): TokenRecord {
    return this.db.transaction(() => {
      const info = this.db.prepare('INSERT INTO api_tokens (account_id, label, sha256, created_at) VALUES (?, ?, ?, ?)').run(accountId, label, sha256, at);
      const account = this.get(accountId);
      this.audit({ at, actor, action: 'token_created', outcome: 'ok', detail: { username: account?.username ?? '', name: account?.displayName ?? '', label } });
      return toToken(this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(Number(info.lastInsertRowid)) as TokenRow);
    })();
  }

  /**
   * The token labelled `label` of the account is this hash, the account's other tokens of that
   * label revoked (ADMIN_TOKEN: the environment decides the administrator's token at each start).
   */
  ensureNamedToken(accountId: number, label: string, sha256: string, actor: Actor, at: string): void {
    const existing = this.db.prepare('SELECT id, account_id, revoked_at FROM api_tokens WHERE sha256 = ?').get(sha256) as
      | { id: number; account_id: number; revoked_at: string | null }
      | undefined;
    if (existing && existing.account_id === accountId && existing.revoked_at === null) return;
    this.db.transaction(() => {
      this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND label = ? AND revoked_at IS NULL').run(at, accountId, label);
      // The same secret kept elsewhere (revoked, or another account's) gives way to this one.
      if (existing) this.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(existing.id);
      this.createToken(accountId, label, sha256, actor, at);
    })();
  }

  tokensOf(accountId: number): TokenRecord[] {
    return (this.db.prepare('SELECT * FROM api_tokens WHERE account_id = ? ORDER BY id').all(accountId) as TokenRow[]).map(toToken);
  }

  /** The active account a token belongs to, or null (unknown, revoked, or its account disabled). */
  accountForToken(sha256: string, at: string): AccountRecord | null {
    const row = this.db
      .prepare(
        `SELECT t.id AS token_id, t.last_used_at, a.* FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.sha256 = ? AND t.revoked_at IS NULL AND a.disabled_at IS NULL`,
      )
      .get(sha256) as (AccountRow & { token_id: number; last_used_at: string | null }) | undefined;
    if (!row) return null;
    // Noted at most once an hour: a script's every request need not write to the database.
    if (!row.last_used_at || Date.parse(at) - Date.parse(row.last_used_at) > 3_600_000) {
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, row.token_id);
    }
    return this.toAccount(row);
  }

  revokeToken(accountId: number, tokenId: number, actor: Actor, at: string): TokenRecord | null {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM api_tokens WHERE id = ? AND account_id = ?').get(tokenId, accountId) as TokenRow | undefined;
      if (!row) return null;
      if (row.revoked_at === null) {
        this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ?').run(at, tokenId);
        const account = this.get(accountId);
        this.audit({ at, actor, action: 'token_revoked', outcome: 'ok', detail: { username: account?.username ?? '', name: account?.displayName ?? '', label: row.label } });
      }
      return toToken(this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(tokenId) as TokenRow);
    })();
  }

  // ── sessions (the store of @fastify/session) ──────────────────────────────────────────

  getSession(idSha256: string, now: string): string | null {
    const r = this.db.prepare('SELECT data_json FROM sessions WHERE id_sha256 = ? AND expires_at > ?').get(idSha256, now) as { data_json: string } | undefined;
    return r?.data_json ?? null;
  }

  setSession(idSha256: string, accountId: number | null, dataJson: string, expiresAt: string): void {
    this.db
      .prepare(
        `INSERT INTO sessions (id_sha256, account_id, data_json, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id_sha256) DO UPDATE SET account_id = excluded.account_id, data_json = excluded.data_json, expires_at = excluded.expires_at`,
      )
      .run(idSha256, accountId, dataJson, expiresAt);
  }

  destroySession(idSha256: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?').run(idSha256);
  }

  purgeExpiredSessions(now: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  // ── the server's own secrets ──────────────────────────────────────────────────────────

  /** The secret called `name`, made by `make` the first time and kept. */
  secret(name: string, make: () => string, at: string): string {
    const r = this.db.prepare('SELECT value FROM server_secrets WHERE name = ?').get(name) as { value: string } | undefined;
    if (r) return r.value;
    const value = make();
    this.db.prepare('INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)').run(name, value, at);
    return value;
  }
}
