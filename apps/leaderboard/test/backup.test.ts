import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { nuiThanhRoster } from '../src/demo/roster.js';
import { adminToken, api, auditLines, dumpContent, statisticsCsv, statsFor, tempDb } from './helpers.js';
import { runAdminCli, startServer } from './server-process.js';

/** Each snapshot of a database whole: as many stored rows as its file had. */
function snapshotsComplete(dbPath: string): { ids: number[]; complete: boolean } {
  const raw = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = raw.prepare('SELECT s.id, s.row_count, (SELECT COUNT(*) FROM snapshot_rows r WHERE r.snapshot_id = s.id) AS stored FROM snapshots s ORDER BY s.id').all() as {
      id: number;
      row_count: number;
      stored: number;
    }[];
    return { ids: rows.map((r) => r.id), complete: rows.every((r) => r.row_count === r.stored) };
  } finally {
    raw.close();
  }
}

/**
 * Back-ups are made while the server runs — from the command line and from the admin API — with
 * SQLite's online backup, and restoring one (docs/operations.md: stop, put the file in place,
 * start) gives back exactly what was backed up.
 */
describe('back-ups of a running server, and restoring one', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());
  const env = { HOST: '127.0.0.1', PORT: '0', LEADERBOARD_DB: db.dbPath, ADMIN_TOKEN: adminToken };
  const auth = { authorization: `Bearer ${adminToken}` };

  it('copies a consistent database while uploads go on, restores it, and audits each back-up', async () => {
    const server = await startServer(env);
    const campaign = 'nui-thanh-2023-demo';
    const board = async () => (await fetch(`${server.url}${api(campaign, 'leaderboard')}`)).text();
    // Corrections of December's figures, uploaded one after another while the back-up runs.
    const uploads = (async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${server.url}${api(campaign, 'admin/snapshots?asOf=2023-12-31')}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv', 'x-file-name': `sua-lan-${i + 1}.csv` },
          body: Buffer.from(statisticsCsv(statsFor(nuiThanhRoster, 7, 100 + i))),
        });
        statuses.push(res.status);
      }
      return statuses;
    })();
    const during = join(db.dir, 'during.sqlite');
    const cli = await runAdminCli(['backup', during], { LEADERBOARD_DB: db.dbPath });
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toContain(during);
    expect(await uploads).toEqual([201, 201, 201, 201, 201, 201]);
    // A point in time: whole snapshots only, the ones stored by then.
    const copy = snapshotsComplete(during);
    expect(copy.complete).toBe(true);
    expect(snapshotsComplete(db.dbPath).ids.slice(0, copy.ids.length)).toEqual(copy.ids);

    // Quiet now: the admin API's back-up is exactly the database.
    const res = await fetch(`${server.url}/api/admin/backup`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="thidua-backup-\d{4}-\d{2}-\d{2}T\d{4}\.sqlite"$/);
    const downloaded = join(db.dir, 'downloaded.sqlite');
    writeFileSync(downloaded, Buffer.from(await res.arrayBuffer()));
    const boardAtBackup = await board();
    expect(dumpContent(downloaded)).toEqual(dumpContent(db.dbPath));

    // Then more changes the restore must undo: a retraction.
    const latest = (JSON.parse(boardAtBackup) as { snapshot: { id: number } }).snapshot.id;
    expect((await fetch(`${server.url}${api(campaign, `admin/snapshots/${latest}`)}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect(await board()).not.toBe(boardAtBackup);
    expect(await server.stop()).toBe(0);
    const actions = auditLines(db.dbPath).filter((l) => l.action === 'backup_made');
    expect(actions.map((l) => l.detail.via)).toEqual(['cli', 'web']);

    // Restore as docs/operations.md says: the server stopped, the file put in place of the database.
    for (const suffix of ['-wal', '-shm']) rmSync(`${db.dbPath}${suffix}`, { force: true });
    copyFileSync(downloaded, db.dbPath);
    const restored = await startServer(env);
    expect(await (await fetch(`${restored.url}${api(campaign, 'leaderboard')}`)).text()).toBe(boardAtBackup);
    expect(await restored.stop()).toBe(0);
    expect(existsSync(db.dbPath)).toBe(true);
  }, 120_000);

  it('tells what went wrong on the command line, with a usage line', async () => {
    const missing = await runAdminCli(['backup'], { LEADERBOARD_DB: db.dbPath });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Thiếu tên tệp sao lưu — the backup file is missing/);
    const unknown = await runAdminCli(['frobnicate'], { LEADERBOARD_DB: db.dbPath });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/create-admin/);
  });

  it('creates an administrator and resets a password from the command line, each shown once', async () => {
    const created = await runAdminCli(['create-admin', 'truong-phong', 'Hồ', 'Thị', 'Lan'], { LEADERBOARD_DB: db.dbPath });
    expect(created.code, created.err).toBe(0);
    const password = /\n {4}(\S+)\n/.exec(created.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9-]{19}$/);
    const again = await runAdminCli(['create-admin', 'truong-phong'], { LEADERBOARD_DB: db.dbPath });
    expect(again.code).toBe(2);
    expect(again.err).toContain('Đã có tài khoản "truong-phong"');

    const server = await startServer(env);
    const login = (pw: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'truong-phong', password: pw }) });
    const ok = await login(password);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { account: { displayName: string } }).account.displayName).toBe('Hồ Thị Lan');
    const reset = await runAdminCli(['reset-password', 'truong-phong'], { LEADERBOARD_DB: db.dbPath });
    expect(reset.code).toBe(0);
    const newPassword = /\n {4}(\S+)\n/.exec(reset.out)?.[1] ?? '';
    expect((await login(password)).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);
    const listed = await runAdminCli(['accounts'], { LEADERBOARD_DB: db.dbPath });
    expect(listed.out).toMatch(/truong-phong\tHồ Thị Lan\tadmin/);
    expect(await server.stop()).toBe(0);
  }, 60_000);
});
