import { defineConfig } from 'vitest/config';

// eslint-disable-next-line no-restricted-syntax -- test runner configuration, not app configuration
const inCi = process.env.CI === 'true';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI reads a plain "N passed, N failed" line, printed by .ci/run from this report.
    reporters: inCi ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
  },
});
