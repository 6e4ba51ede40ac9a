import { defineConfig, env } from '../../config/config.js';

export const testingConfig = defineConfig({
  testClock: {
    env: 'RECITAL_TEST_CLOCK',
    doc: 'expose POST /api/v1/test/clock to move time in end-to-end tests (never in production)',
    schema: env.boolean(),
    default: 'false',
  },
});
