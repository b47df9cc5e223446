import { LocalEvidenceStorage, evidenceFolder } from '../store/evidence-storage.js';
import { copyEvidenceInto } from '../store/evidence-backup.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../contract.js';
import { firstAdminName } from '../server/auth/first-admin.js';
import { generatePassword, hashPassword } from '../server/auth/passwords.js';
import { usernameSchema } from '../contract.js';
import { databasePath } from '../server/paths.js';
import { Store } from '../store/store.js';

/**
 * The server's own command line, for whoever runs the machine (npm run admin -- <command>):
 *   create-admin <user name> [name…]   a new administrator; prints its password once
 *   reset-password <user name>          a new password for an account; prints it once
 *   accounts                            every account with its roles
 *   backup <file>                       a consistent copy of the database, made while the server runs
 * The database is LEADERBOARD_DB (or --db), as for the server. Every change is audited.
 */

const usage = `Cách dùng — usage: npm run admin -- <lệnh — command> [--db <tệp — file>]
  create-admin <tên đăng nhập — user name> [họ tên — name…]   tạo quản trị viên — a new administrator
  reset-password <tên đăng nhập — user name>                   đặt lại mật khẩu — a new password
  accounts                                                     liệt kê tài khoản — list the accounts
  backup <tệp — file>                                          sao lưu khi máy chủ đang chạy — back up while the server runs`;

const cliActor = (): Actor => {
  const who = process.env.SUDO_USER || process.env.USER || 'server';
  return { username: 'cli', name: `Dòng lệnh trên máy chủ (${who})` };
};

class UsageError extends Error {}

function showPassword(username: string, password: string): void {
  console.log(
    `Mật khẩu của "${username}" (chỉ hiện MỘT lần) — the password of "${username}" (shown ONCE):\n\n    ${password}\n\n` +
      'Hãy đổi mật khẩu sau khi đăng nhập tại /admin — change it after signing in at /admin.',
  );
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  // Relative paths mean what they say where the command was typed (npm passes that place as INIT_CWD).
  const here = process.env.INIT_CWD ?? process.cwd();
  const dbPath = values.db ? resolve(here, values.db) : process.env.LEADERBOARD_DB ? resolve(here, process.env.LEADERBOARD_DB) : databasePath();
  const store = new Store(dbPath);
  const at = () => new Date().toISOString();
  try {
    switch (command) {
      case 'create-admin': {
        const [username, ...nameWords] = rest;
        if (!username || !usernameSchema.safeParse(username).success) throw new UsageError('Tên đăng nhập: 2–64 chữ cái ASCII, chữ số, ". _ -" — user name: 2–64 ASCII letters, digits, ". _ -"');
        if (store.accounts.findByUsername(username)) throw new UsageError(`Đã có tài khoản "${username}" — the account "${username}" exists (reset-password ${username})`);
        const password = generatePassword();
        const displayName = nameWords.join(' ').trim() || firstAdminName;
        store.accounts.create({ username, displayName, passwordHash: await hashPassword(password), grants: [{ role: 'admin', campaignId: '*' }] }, cliActor(), at());
        showPassword(username, password);
        return 0;
      }
      case 'reset-password': {
        const [username] = rest;
        const account = username ? store.accounts.findByUsername(username) : null;
        if (!account) throw new UsageError(`Không có tài khoản "${username ?? ''}" — no account "${username ?? ''}"`);
        const password = generatePassword();
        store.accounts.setPassword(account.id, await hashPassword(password), cliActor(), at());
        if (account.disabledAt !== null) console.log(`Lưu ý: tài khoản đang bị khóa — note: the account is disabled`);
        showPassword(account.username, password);
        return 0;
      }
      case 'accounts': {
        for (const a of store.accounts.list()) {
          const roles = a.grants.map((g) => (g.role === 'admin' ? 'admin' : `${g.role}@${g.campaignId}`)).join(', ') || '—';
          console.log(`${a.username}\t${a.displayName}\t${roles}${a.disabledAt ? '\t(khóa — disabled)' : ''}`);
        }
        return 0;
      }
      case 'backup': {
        const [file] = rest;
        if (!file) throw new UsageError('Thiếu tên tệp sao lưu — the backup file is missing');
        const destination = resolve(here, file);
        const evidence = new LocalEvidenceStorage(process.env.EVIDENCE_DIR ? resolve(process.env.EVIDENCE_DIR) : evidenceFolder(store.path));
        const { pages } = await store.backup(destination, (partial) => copyEvidenceInto(partial, evidence));
        const bytes = statSync(destination).size;
        store.appendAudit({ at: at(), actor: cliActor(), action: 'backup_made', outcome: 'ok', detail: { pages, bytes, via: 'cli', file: destination } });
        console.log(`Đã sao lưu — backed up: ${destination} (${bytes} bytes)`);
        return 0;
      }
      default:
        throw new UsageError(`Không có lệnh "${command}" — no command "${command}"\n${usage}`);
    }
  } finally {
    store.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
