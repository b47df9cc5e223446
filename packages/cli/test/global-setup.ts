import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The tests run the built CLI (`node dist/cli.js`), as a user would: build it once, before any test
 * file (the library's dist too when absent; the root `pnpm run build` normally made it).
 */
export default function setup(): void {
  const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const scoringDir = resolve(cliDir, '../scoring');
  const tsup = resolve(cliDir, 'node_modules/.bin/tsup');
  const built = resolve(scoringDir, 'dist/index.js');
  if (!existsSync(built) || newestSource(resolve(scoringDir, 'src')) > statSync(built).mtimeMs) {
    execFileSync(tsup, [], { cwd: scoringDir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  execFileSync(tsup, [], { cwd: cliDir, stdio: ['ignore', 'ignore', 'inherit'] });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(resolve(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
