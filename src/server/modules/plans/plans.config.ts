import { z } from 'zod';
import { defineConfig } from '../../config/config.js';

export const plansConfig = defineConfig({
  parseTimeoutMs: {
    env: 'RECITAL_PLAN_PARSE_TIMEOUT_MS',
    doc: 'longest time reading one imported plan may take, in milliseconds',
    schema: z.coerce.number().int().min(100).max(600_000),
    default: '30000',
  },
});
