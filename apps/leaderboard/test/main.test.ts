import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDb } from './helpers.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs src/server/main.ts as `pnpm start` does, until it prints its URL. */
async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}\n${err}`)));
  });
  return { child, url, output: () => out, exited };
}

describe('main.ts', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('serves the demo, prints a generated token once, and stops cleanly on SIGTERM', async () => {
    const env = { HOST: '127.0.0.1', PORT: '0', LEADERBOARD_DB: db.dbPath };
    const first = await start(env);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.output()).toContain('dữ liệu minh họa');
    const token = /\n\s{4}(\S+)\n/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const board = (await (await fetch(`${first.url}/api/leaderboard`)).json()) as { snapshot: { asOf: string }; campaign: { sample: boolean } };
    expect(board.snapshot.asOf).toBe('2023-12-31');
    expect(board.campaign.sample).toBe(true);
    expect((await fetch(`${first.url}/api/admin/audit`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start(env);
    expect(second.output()).not.toContain(token as string);
    expect(second.output()).not.toMatch(/admin token/);
    expect((await fetch(`${second.url}/api/admin/audit`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start on an invalid campaign file, saying why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LEADERBOARD_DB: join(db.dir, 'other.sqlite'), LEADERBOARD_CAMPAIGN: join(db.dir, 'missing.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('missing.json');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
