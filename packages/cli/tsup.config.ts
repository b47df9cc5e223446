import { defineConfig } from 'tsup';

// One ESM file with a shebang. @thidua/stats-io is a private workspace package, so it is bundled
// in; the published @thidua/scoring and the spreadsheet libraries stay real dependencies.
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
