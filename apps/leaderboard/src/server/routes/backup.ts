import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backupFileName, downloadPrefix } from '../../store/backups.js';
import { signedIn } from '../auth/guard.js';
import { errorResponses, fileResponse, security } from './responses.js';

export interface BackupRouteOptions {
  /** The backup folder beside the database (store/backups.ts). */
  folder: string;
  /** Completes a back-up just written with the evidence files (in a worker thread: work/pool.ts). */
  copyEvidence: (backupFile: string) => Promise<unknown>;
}

/**
 * A consistent copy of the whole database, made while the server runs (SQLite's online backup) and
 * sent as a download; the same as `npm run admin -- backup` on the server. It is written into the
 * backup folder (0600, renamed into place when complete), streamed, and removed once sent; what a
 * stopped server leaves there is removed at its next start. Restoring it: stop the server, put the
 * file in place of the database, start (docs/operations.md).
 */
export const backupRoutes: FastifyPluginAsyncZod<BackupRouteOptions> = async (app, opts) => {
  app.post(
    '/api/admin/backup',
    {
      schema: {
        summary: 'Sao lưu — download a consistent copy of the database, made while the server runs',
        tags: ['admin'],
        'x-required-role': 'admin',
        security,
        response: {
          200: fileResponse('application/vnd.sqlite3', 'The SQLite database file'),
          ...errorResponses('unauthorized', 'forbidden', 'csrf_invalid', 'rate_limited', 'storage_full', 'storage_unavailable'),
        },
      },
    },
    async (request, reply) => {
      const at = app.clock();
      const file = join(opts.folder, `${downloadPrefix}${process.pid}-${Date.now()}-${backupFileName(at)}`);
      try {
        const { pages } = await app.store.backup(file, opts.copyEvidence);
        const { size } = await stat(file);
        app.store.appendAudit({ at: at.toISOString(), actor: signedIn(request).actor, action: 'backup_made', outcome: 'ok', detail: { pages, bytes: size, via: 'web' } });
        const stream = createReadStream(file);
        stream.on('close', () => void rm(file, { force: true }));
        return reply
          .type('application/vnd.sqlite3')
          .header('content-length', String(size))
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${backupFileName(at)}"`)
          .send(stream);
      } catch (err) {
        await rm(file, { force: true });
        throw err;
      }
    },
  );
};
