import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'stats-io',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
