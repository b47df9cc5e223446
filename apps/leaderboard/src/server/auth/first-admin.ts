import type { Store } from '../../store/store.js';
import { systemActor } from '../actors.js';
import { generatePassword, hashPassword } from './passwords.js';
import { sha256Hex } from './tokens.js';

/** The administrator account the server makes for itself, and ADMIN_TOKEN's account. */
export const firstAdminUsername = 'admin';
export const firstAdminName = 'Quản trị viên';
/** The label of the token ADMIN_TOKEN sets (replaced whenever the variable changes). */
export const adminTokenLabel = 'ADMIN_TOKEN';

/**
 * At every start: when no administrator can sign in with a password (a new database, or one of
 * release 0.1 whose only key was its admin token), the account "admin" gets the administrator role
 * and a new password, returned to be printed once. When ADMIN_TOKEN is set, it is the token of
 * "admin" (scripts keep working as with 0.1).
 */
export async function ensureAdministrator(store: Store, opts: { adminToken?: string | undefined; at: string }): Promise<{ username: string; password: string } | null> {
  const accounts = store.accounts;
  const administrator = { role: 'admin' as const, campaignId: '*' };
  const existing = accounts.findByUsername(firstAdminUsername);
  const make = (passwordHash: string | null) =>
    accounts.create({ username: firstAdminUsername, displayName: firstAdminName, passwordHash, grants: [administrator] }, systemActor, opts.at);
  let admin = existing;
  let created: { username: string; password: string } | null = null;
  if (accounts.countUsableAdmins() === 0) {
    const password = generatePassword();
    const hash = await hashPassword(password);
    if (existing) {
      accounts.update(existing.id, { grants: [...existing.grants.filter((g) => g.role !== 'admin'), administrator], disabled: false }, systemActor, opts.at);
      accounts.setPassword(existing.id, hash, systemActor, opts.at);
    } else {
      admin = make(hash);
    }
    created = { username: firstAdminUsername, password };
  }
  if (opts.adminToken) {
    admin ??= make(null);
    accounts.ensureNamedToken(admin.id, adminTokenLabel, sha256Hex(opts.adminToken), systemActor, opts.at);
  }
  return created;
}
