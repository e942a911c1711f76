import { defineConfig } from 'vitest/config';

// Test files run in parallel processes; each one that touches Postgres or Redis makes
// its own database and queue prefix (test/support), so they never share state.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
