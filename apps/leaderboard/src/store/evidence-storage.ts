import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where evidence files live: one small interface, content-addressed by SHA-256, so that a file's
 * name is never a path and the same file attached twice is kept once. The local folder beside the
 * database is the default (and is in backups); an S3-compatible bucket is the documented way to grow
 * (docs/operations.md): the same three methods over object keys of the same form.
 */
export interface EvidenceStorage {
  /** Keeps the bytes (once per content) and returns their SHA-256, hex. */
  put(bytes: Buffer): { sha256: string; size: number };
  /** The bytes kept under that SHA-256; null when none. */
  get(sha256: string): Buffer | null;
  has(sha256: string): boolean;
}

/** The evidence folder: `evidence/` beside the database (EVIDENCE_DIR to put it elsewhere). */
export function evidenceFolder(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'evidence');
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** A folder of files named by their SHA-256 under two levels of its first characters: ab/cd/abcd…. */
export class LocalEvidenceStorage implements EvidenceStorage {
  constructor(private readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  /** The file's place, from a validated hash alone: nothing a user wrote reaches the path. */
  private pathOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  put(bytes: Buffer): { sha256: string; size: number } {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!this.has(sha256)) {
      mkdirSync(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      // Written whole, then renamed into place: a crash never leaves half a file under a hash.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, bytes, { mode: 0o640 });
      renameSync(partial, path);
    }
    return { sha256, size: bytes.length };
  }

  get(sha256: string): Buffer | null {
    if (!sha256Pattern.test(sha256)) return null;
    try {
      return readFileSync(this.pathOf(sha256));
    } catch {
      return null;
    }
  }

  has(sha256: string): boolean {
    if (!sha256Pattern.test(sha256)) return false;
    try {
      return statSync(this.pathOf(sha256)).isFile();
    } catch {
      return false;
    }
  }
}
