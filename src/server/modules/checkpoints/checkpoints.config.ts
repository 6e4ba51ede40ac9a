import { z } from 'zod';
import { defineConfig } from '../../config/config.js';

export const checkpointsConfig = defineConfig({
  remindAfterHours: {
    env: 'RECITAL_REVIEW_REMIND_HOURS',
    doc: 'hours a submission may wait for review before the witnesses are reminded',
    schema: z.coerce
      .number()
      .positive()
      .max(24 * 60),
    default: '48',
  },
  escalateAfterHours: {
    env: 'RECITAL_REVIEW_ESCALATE_HOURS',
    doc: 'hours a submission may wait before the backup witness (or the organizers) is asked; more than the reminder',
    schema: z.coerce
      .number()
      .positive()
      .max(24 * 90),
    default: '96',
  },
  precheckTimeoutMs: {
    env: 'RECITAL_PRECHECK_TIMEOUT_MS',
    doc: 'how long a proof link may take to answer its pre-check, in milliseconds',
    schema: z.coerce.number().int().min(100).max(60_000),
    default: '5000',
  },
});
