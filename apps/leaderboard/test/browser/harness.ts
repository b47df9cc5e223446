/**
 * Real parts for the browser tests and the page benchmark: the leaderboard server built by
 * buildApp() on a temporary SQLite file (the demo campaign seeds seven monthly snapshots),
 * listening on a free loopback port, and Debian's Chromium driven by playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningServer {
  app: FastifyInstance;
  origin: string;
  dbPath: string;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * `dir` keeps the database (for a restart on the same file); `port` reuses a port (0: any free
 * one); `configure` adds routes before listening (the page benchmark's static twin).
 */
export async function startServer(
  opts: { dir?: string; adminToken?: string; port?: number; configure?: (app: FastifyInstance) => Promise<void>; clock?: () => Date } = {},
): Promise<RunningServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lb-web-'));
  const dbPath = join(dir, 'leaderboard.sqlite');
  const adminToken = opts.adminToken ?? 'test-admin-token-0123456789';
  const app = await buildApp({ dbPath, adminToken, heartbeatMs: 1000, ...(opts.clock ? { clock: opts.clock } : {}) });
  await opts.configure?.(app);
  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    app,
    origin: `http://127.0.0.1:${address.port}`,
    dbPath,
    adminToken,
    close: async () => {
      await app.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium through playwright-core. `launch` gives every run a new temporary profile
 * (user-data-dir), deleted when the browser closes.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs, headless: true });
}
