import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One ESM file with a shebang. @thidua/stats-io is a private workspace package, so it is bundled
// in; the published @thidua/scoring and the spreadsheet libraries stay real dependencies — the
// bundled package's own dependencies must therefore be the CLI's too (checked here: a missing one
// would be bundled as CommonJS and fail at run time with "Dynamic require … is not supported").
const dependencies = (path: string) => Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
const own = new Set(dependencies('package.json'));
for (const d of dependencies('../stats-io/package.json')) {
  if (!own.has(d)) throw new Error(`${d} (a dependency of @thidua/stats-io, bundled in) is missing from @thidua/cli's dependencies`);
}

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  noExternal: ['@thidua/stats-io'],
});
