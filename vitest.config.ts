import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one Redis (isolated by prefix) and two cores: keep load modest.
    maxWorkers: 2,
    setupFiles: ['tests/support/matchers.ts'],
  },
});
