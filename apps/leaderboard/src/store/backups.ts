import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { partialSuffix } from './store.js';

/** A copy being written, or SQLite's journal beside it. */
const isPartial = (name: string) => name.endsWith(partialSuffix) || name.endsWith(`${partialSuffix}-journal`);

/**
 * Where back-ups are made: a folder beside the database (`backups/`, 0700), never the shared
 * temporary folder — a copy of the database holds password and token hashes. A copy the admin
 * page downloads is written there (as `…partial`, renamed when complete), streamed, then removed.
 */
export function backupFolder(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups');
}

/** Creates the folder readable by the server's user only. */
export function ensureBackupFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/** The prefix of a copy the admin page is downloading: removed once sent, or at the next start. */
export const downloadPrefix = 'download-';

/** `thidua-backup-2026-12-01T0727.sqlite`: sorts by date, safe in every file system. */
export function backupFileName(at: Date): string {
  return `thidua-backup-${at.toISOString().slice(0, 16).replace(':', '')}.sqlite`;
}

/**
 * What a stopped back-up left, removed at start: in the backup folder, copies still being written
 * (`…partial`) and downloads that were not finished; in the temporary folder, the copies of the
 * releases that made them there (`thidua-backup-*`). Finished back-ups are kept. Returns the paths removed.
 */
export function removeInterruptedBackups(folder: string): string[] {
  const removed: string[] = [];
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // No folder yet: nothing was ever backed up here.
  }
  for (const name of names) if (isPartial(name) || name.startsWith(downloadPrefix)) remove(join(folder, name));
  const tmp = tmpdir();
  for (const name of readdirSync(tmp)) if (/^thidua-backup-[A-Za-z0-9]{6}$/.test(name)) remove(join(tmp, name));
  return removed;
}
