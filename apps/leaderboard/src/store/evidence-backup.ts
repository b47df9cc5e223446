import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { EvidenceStorage } from './evidence-storage.js';

/**
 * Evidence files travel inside the back-up: a back-up is one SQLite file, restored by putting it in
 * place and starting the server (docs/operations.md), and the files a round's points rest on must
 * come back with it. When a back-up is made, the bytes of every file a line names are copied into
 * its `backup_evidence` table; at the first start on a restored file they are put back in the
 * evidence folder, each checked against its SHA-256, and the table is emptied.
 */

/** Copies the evidence bytes into the back-up just written at `backupFile` (not the live database). */
export function copyEvidenceInto(backupFile: string, storage: EvidenceStorage): number {
  const db = new Database(backupFile);
  try {
    const hashes = (db.prepare('SELECT DISTINCT sha256 FROM evidence_files').all() as { sha256: string }[]).map((r) => r.sha256);
    const insert = db.prepare('INSERT OR REPLACE INTO backup_evidence (sha256, bytes) VALUES (?, ?)');
    let copied = 0;
    db.transaction(() => {
      for (const sha256 of hashes) {
        const bytes = storage.get(sha256);
        if (!bytes) continue; // said by `missingEvidence` at start; a back-up still keeps everything else
        insert.run(sha256, bytes);
        copied += 1;
      }
    })();
    return copied;
  } finally {
    db.close();
  }
}

/**
 * Puts back the evidence a restored back-up carries, then empties its table. A row whose bytes do
 * not match its SHA-256 is not put back (and is reported). Returns what was restored and refused.
 */
export function restoreEvidenceFrom(db: Database.Database, storage: EvidenceStorage): { restored: number; corrupt: string[] } {
  const rows = db.prepare('SELECT sha256, bytes FROM backup_evidence').iterate() as IterableIterator<{ sha256: string; bytes: Buffer }>;
  let restored = 0;
  const corrupt: string[] = [];
  for (const row of rows) {
    if (createHash('sha256').update(row.bytes).digest('hex') !== row.sha256) {
      corrupt.push(row.sha256);
      continue;
    }
    if (!storage.has(row.sha256)) storage.put(row.bytes);
    restored += 1;
  }
  if (restored > 0 || corrupt.length > 0) db.prepare('DELETE FROM backup_evidence').run();
  return { restored, corrupt };
}
