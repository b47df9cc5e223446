#!/usr/bin/env node
/**
 * Bundles the server (src/server/main.ts) into dist/server.js for `npm start`, and its command line
 * (src/cli/admin.ts) into dist/admin.js for `npm run admin`: plain JavaScript,
 * no TypeScript loader at run time. The workspace's private packages (@thidua/stats-io, written in
 * TypeScript) and the demo's data are bundled in; the published dependencies stay in node_modules
 * (better-sqlite3 is a native module). The web bundle is dist/web/ beside it (build-web.mjs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dependencies = (dir) => Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies ?? {});
const bundled = new Set(['@thidua/stats-io']);
// The bundled package's own dependencies are the app's too (listed in its package.json).
const external = [...new Set([...dependencies(root), ...dependencies(join(root, '../../packages/stats-io'))])].filter((d) => !bundled.has(d));
for (const d of external) if (!dependencies(root).includes(d)) throw new Error(`${d} (a dependency of a bundled package) is missing from the app's dependencies`);

await build({
  absWorkingDir: root,
  entryPoints: { server: 'src/server/main.ts', admin: 'src/cli/admin.ts', worker: 'src/server/work/worker.ts' },
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Subpaths of the external packages (lit/…, @lit-labs/ssr/…) stay external too.
  external: [...external, ...external.map((d) => `${d}/*`)],
  sourcemap: 'linked',
  // Lit's server build, as the pages render on the server.
  conditions: ['node', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
console.error('› server: dist/server.js, dist/admin.js');
