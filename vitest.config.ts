import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // PostgreSQL contract suites share one database; files run in parallel but each
    // suite uses its own schema, so no test sees another's rows.
    pool: 'forks',
    globalSetup: ['test/helpers/postgres-schemas-setup.ts'],
  },
});
