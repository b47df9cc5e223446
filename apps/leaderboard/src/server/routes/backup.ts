import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../auth/guard.js';
import { errorResponses, fileResponse, security } from './responses.js';

/** `thidua-backup-2026-12-01T0727.sqlite`: sorts by date, safe in every file system. */
export function backupFileName(at: Date): string {
  return `thidua-backup-${at.toISOString().slice(0, 16).replace(':', '')}.sqlite`;
}

/**
 * A consistent copy of the whole database, made while the server runs (SQLite's online backup) and
 * sent as a download; the same as `npm run admin -- backup` on the server. Restoring it: stop the
 * server, put the file in place of the database, start (docs/operations.md).
 */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const dir = await mkdtemp(join(tmpdir(), 'thidua-backup-'));
      const file = join(dir, backupFileName(at));
      try {
        const { pages } = await app.store.backup(file);
        const { size } = await stat(file);
        app.store.appendAudit({ at: at.toISOString(), actor: signedIn(request).actor, action: 'backup_made', outcome: 'ok', detail: { pages, bytes: size, via: 'web' } });
        const stream = createReadStream(file);
        stream.on('close', () => void rm(dir, { recursive: true, force: true }));
        return reply
          .type('application/vnd.sqlite3')
          .header('content-length', String(size))
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${backupFileName(at)}"`)
          .send(stream);
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
    },
  );
};
