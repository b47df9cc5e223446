import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's folder (apps/leaderboard): the nearest folder above this file whose package.json is the
 * app's. The same from the sources (src/server/, run through tsx) and from the bundles (dist/).
 */
export function appDirectory(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@thidua/leaderboard') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no @thidua/leaderboard package above ${from}`);
    dir = up;
  }
}

/** LEADERBOARD_DB (relative to the working folder), or data/leaderboard.sqlite in the app's folder. */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEADERBOARD_DB ? resolve(env.LEADERBOARD_DB) : join(appDirectory(), 'data', 'leaderboard.sqlite');
}
