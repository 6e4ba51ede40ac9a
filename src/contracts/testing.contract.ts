import { z } from 'zod';
import { Instant } from './common.js';
import { endpoint } from './endpoint.js';

export const setTestClock = endpoint({
  operationId: 'setTestClock',
  method: 'POST',
  path: '/api/v1/test/clock',
  summary: 'Tests only (RECITAL_TEST_CLOCK=1): set the server clock; time never moves backwards.',
  tag: 'testing',
  auth: 'none',
  body: z.strictObject({ now: Instant }),
  response: z.object({ now: Instant }),
  status: 200,
});
