import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the built server as `npm start` does (plain node, no TypeScript loader), until it prints its URL. */
export async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/server.js'], {
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
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { child, url, output: () => out, exited, stop };
}

/** Runs the server's command line (`npm run admin -- …`, built): its exit code and output. */
export function runAdminCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/admin.js', ...args], { cwd: appDir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/**
 * Runs a test fixture (TypeScript, through tsx) until it says `marker` on standard output, then
 * kills it with SIGKILL — a process stopped at the worst moment. Returns what it printed.
 */
export async function killAtMarker(fixture: string, args: string[], marker: string): Promise<{ out: string; exit: { code: number | null; signal: NodeJS.Signals | null } }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(appDir, 'test/fixtures', fixture), ...args], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`${marker}\n`)) resolve();
    });
    child.on('exit', () => reject(new Error(`${fixture} exited before "${marker}": ${out} ${err}`)));
  });
  child.kill('SIGKILL');
  return { out, exit: await exited };
}
