import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // Test against the library's source, not its build: dist/ may be stale or mid-rebuild.
    alias: { '@thidua/scoring': fileURLToPath(new URL('../scoring/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'stats-io',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
