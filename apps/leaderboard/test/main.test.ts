import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appDirectory } from '../src/server/paths.js';
import { tempDb } from './helpers.js';
import { appDir, startServer } from './server-process.js';

const start = startServer;

describe('the built server (npm start)', () => {
  it('is plain JavaScript: the app does not depend on a TypeScript loader', () => {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.start).toBe('node dist/server.js');
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(readFileSync(join(appDir, 'dist/server.js'), 'utf8')).not.toMatch(/from ["']tsx/);
  });

  it('keeps its database in the app\u2019s data folder, whether run built or from the sources', () => {
    expect(appDirectory(join(appDir, 'dist/server.js'))).toBe(appDir);
    expect(appDirectory(join(appDir, 'src/server/main.ts'))).toBe(appDir);
  });
});

describe('main.ts', () => {
  const db = tempDb();
  afterAll(() => db.cleanup());

  it('serves the demo, prints the administrator\u2019s password once, and stops cleanly on SIGTERM', async () => {
    const env = { HOST: '127.0.0.1', PORT: '0', LEADERBOARD_DB: db.dbPath };
    const first = await start(env);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.output()).toContain('dữ liệu minh họa');
    for (const id of ['nui-thanh-2023-demo', 'qd766-quang-nam-2024-demo', 'thuy-thanh-cchc-2022']) expect(first.output()).toContain(`/c/${id}/`);
    expect(first.output()).toMatch(/tên đăng nhập \/ user name: admin\n/);
    const password = /mật khẩu \/ password:\s+(\S+)\n/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    const board = (await (await fetch(`${first.url}/api/leaderboard`)).json()) as { snapshot: { asOf: string }; campaign: { sample: boolean } };
    expect(board.snapshot.asOf).toBe('2023-12-31');
    expect(board.campaign.sample).toBe(true);
    // The pages come with their scripts, from the built web bundle beside the server.
    const home = await (await fetch(`${first.url}/`)).text();
    const script = /<script type="module" src="(\/assets\/[^"]+)"/.exec(home)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${first.url}${script}`)).status).toBe(200);
    const login = () => fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect((await login()).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start(env);
    expect(second.output()).not.toContain(password as string);
    expect(second.output()).not.toMatch(/password/);
    const again = await fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start on an invalid campaign file, saying why', async () => {
    const child = spawn(process.execPath, ['dist/server.js'], {
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
