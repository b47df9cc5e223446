import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { EvidenceBackupTask, RecomputeOutcome, RecomputeTask, Task, UploadOutcome, UploadTask } from './tasks.js';

/**
 * The worker's file: dist/worker.js beside the built server; worker.ts beside this file when run
 * from source (tests, `npm run dev`), loaded through tsx as the tests' own child processes are.
 */
function workerFile(): { filename: string; execArgv: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: fileURLToPath(new URL('./worker.js', import.meta.url)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/loader.mjs')).href;
  return { filename: fileURLToPath(new URL('./worker.ts', import.meta.url)), execArgv: ['--import', tsx] };
}

/** What the server's heavy work was, for whoever counts it (tests: a read never evaluates). */
export type WorkKind = UploadTask['kind'] | RecomputeTask['kind'] | EvidenceBackupTask['kind'];

/**
 * Worker threads (piscina) for the work that would stall the event loop — reading and evaluating an
 * upload, evaluating stored snapshots again — so that /healthz, pages and reads are answered while
 * it runs. Threads start on demand and leave when idle; at most one fewer than the cores, at least one.
 */
export class WorkPool {
  private readonly pool: Piscina;

  constructor(private readonly onWork?: (kind: WorkKind) => void) {
    const { filename, execArgv } = workerFile();
    this.pool = new Piscina({ filename, execArgv, minThreads: 0, maxThreads: Math.max(1, availableParallelism() - 1), idleTimeout: 10 * 60_000 });
  }

  /** Starts a thread and loads the work's code, so that the first upload does not wait for it (the server calls it once listening). */
  async warm(): Promise<void> {
    await this.pool.run({ kind: 'warm' } satisfies Task);
  }

  upload(task: Omit<UploadTask, 'kind'>): Promise<UploadOutcome> {
    this.onWork?.('upload');
    return this.pool.run({ ...task, kind: 'upload' } satisfies UploadTask) as Promise<UploadOutcome>;
  }

  recompute(task: Omit<RecomputeTask, 'kind'>): Promise<RecomputeOutcome> {
    this.onWork?.('recompute');
    return this.pool.run({ ...task, kind: 'recompute' } satisfies RecomputeTask) as Promise<RecomputeOutcome>;
  }

  /** Copies the evidence files into a back-up just written (gigabytes, for a big round: never on the event loop). */
  copyEvidence(backupFile: string, evidenceFolder: string): Promise<number> {
    this.onWork?.('evidence-backup');
    return this.pool.run({ kind: 'evidence-backup', backupFile, evidenceFolder } satisfies EvidenceBackupTask) as Promise<number>;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
